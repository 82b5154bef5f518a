package io.recouvra.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/messages/<kind>/<part>.<language>.<html|txt>}: {@code subject}, {@code email}
 * (HTML and text), {@code sms}. A language without its own templates falls back to French.
 */
@Component
class MessageTemplates {

    static final String FOLDER = "templates/messages/";
    private static final String FALLBACK_LANGUAGE = "fr";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MessageTemplates() {
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The language the templates of this kind speak for a customer of this language. */
    String languageFor(MessageKind kind, String language) {
        return exists(kind, "email", language, "html") ? language : FALLBACK_LANGUAGE;
    }

    /** Kinds with a letter can go by registered letter (the formal notice, the second and third reminders). */
    boolean hasLetter(MessageKind kind, String language) {
        return exists(kind, "letter", language, "html");
    }

    /** Whether a message of this kind can be written for this channel in this language (or its French fallback). */
    boolean canWrite(MessageKind kind, Channel channel, String language) {
        String spoken = languageFor(kind, language);
        return switch (channel) {
            case EMAIL -> exists(kind, "subject", spoken, "txt") && exists(kind, "email", spoken, "txt")
                    && exists(kind, "email", spoken, "html");
            case SMS -> exists(kind, "sms", spoken, "txt");
            case LETTER -> exists(kind, "letter", spoken, "html") && exists(kind, "subject", spoken, "txt")
                    && exists(kind, "email", spoken, "txt");
        };
    }

    /** @throws MissingTemplateException when the file does not exist: a configuration fault, named as such */
    String render(MessageKind kind, String part, String language, String extension, Map<String, Object> model) {
        if (!exists(kind, part, language, extension)) {
            throw new MissingTemplateException(kind + " has no " + part + " template (" + FOLDER
                    + name(kind, part, language, extension) + ")");
        }
        Context context = new Context(Locale.forLanguageTag(language), model);
        return engine.process(name(kind, part, language, extension), context).strip();
    }

    private static boolean exists(MessageKind kind, String part, String language, String extension) {
        return MessageTemplates.class.getClassLoader().getResource(FOLDER + name(kind, part, language, extension)) != null;
    }

    private static String name(MessageKind kind, String part, String language, String extension) {
        return kind.templateFolder() + "/" + part + "." + language + "." + extension;
    }
}
