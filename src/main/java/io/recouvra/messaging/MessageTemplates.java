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

    /** Kinds with a letter (the formal notice) send it by post and attach it to their email. */
    boolean hasLetter(MessageKind kind, String language) {
        return exists(kind, "letter", language, "html");
    }

    String render(MessageKind kind, String part, String language, String extension, Map<String, Object> model) {
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
