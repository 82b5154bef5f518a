package io.recouvra.engine;

import java.util.Locale;
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

    /** Public so that a test can make the texts of a team of the other language than its context's. */
    public TeamLanguage(@Value("${recouvra.forms.language}") String language) {
        this.french = FormsInLanguage.FRENCH.equals(language);
    }

    /** The French text for a French team, the English one otherwise. */
    public String say(String french, String english) {
        return this.french ? french : english;
    }

    /**
     * The locale to read the team's texts of the application's {@code MessageSource} in: French, whose texts are the
     * bundles' defaults ({@code tasklist/messages.properties}), or English ({@code _en}).
     */
    public Locale locale() {
        return french ? Locale.FRENCH : Locale.ENGLISH;
    }

    /** Between a task's name and the case it is about: French typography wants a space before the colon. */
    public String nameSeparator() {
        return say(" : ", ": ");
    }
}
