package io.recouvra.engine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The language of what the whole team reads in Tasklist and Cockpit, whoever reads it: the forms, the process and
 * task names of the models ({@link FormsInLanguage}) and what the steps add to a task's name or description.
 * {@code recouvra.forms.language}: French ({@code fr}, the default), or English for any other language.
 */
@Component
public class TeamLanguage {

    private final boolean french;

    TeamLanguage(@Value("${recouvra.forms.language}") String language) {
        this.french = FormsInLanguage.FRENCH.equals(language);
    }

    /** The French text for a French team, the English one otherwise. */
    public String say(String french, String english) {
        return this.french ? french : english;
    }

    /** Between a task's name and the case it is about: French typography wants a space before the colon. */
    public String nameSeparator() {
        return say(" : ", ": ");
    }
}
