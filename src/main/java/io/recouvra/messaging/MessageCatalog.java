package io.recouvra.messaging;

import io.recouvra.messaging.composition.MessageTemplates;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What the message templates can write, for whoever decides which messages go out (the decision tables' checks). */
@Component
public class MessageCatalog {

    private final MessageTemplates templates;

    MessageCatalog(MessageTemplates templates) {
        this.templates = templates;
    }

    /** Every language the templates are written in, French (everyone's fallback) first. */
    public Set<String> languages() {
        return templates.languages();
    }

    /** The template file a message of this kind on this channel lacks in this language; empty when it can be written. */
    public Optional<String> missingTemplate(MessageKind kind, Channel channel, String language) {
        return templates.missing(kind, channel, language);
    }
}
