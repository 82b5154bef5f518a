package io.recouvra.messaging.composition;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
public class MessageTemplates {

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
    public boolean hasLetter(MessageKind kind, String language) {
        return exists(kind, "letter", language, "html");
    }

    /**
     * The first template file a message of this kind on this channel lacks for a customer speaking this
     * language (who gets the French files when his language has none for the kind); empty when it can be written.
     */
    public Optional<String> missing(MessageKind kind, Channel channel, String language) {
        String spoken = languageFor(kind, language);
        List<String[]> parts = switch (channel) {
            case EMAIL -> kind.attachesLetterToEmail()
                    ? List.of(SUBJECT, EMAIL_TEXT, EMAIL_HTML, LETTER) : List.of(SUBJECT, EMAIL_TEXT, EMAIL_HTML);
            case SMS -> List.<String[]>of(SMS);
            // a letter's subject and text are what the trail shows of it
            case LETTER -> List.of(LETTER, SUBJECT, EMAIL_TEXT);
        };
        return parts.stream().filter(part -> !exists(kind, part[0], spoken, part[1]))
                .map(part -> FOLDER + name(kind, part[0], spoken, part[1])).findFirst();
    }

    private static final String[] SUBJECT = {"subject", "txt"};
    private static final String[] EMAIL_TEXT = {"email", "txt"};
    private static final String[] EMAIL_HTML = {"email", "html"};
    private static final String[] SMS = {"sms", "txt"};
    private static final String[] LETTER = {"letter", "html"};

    /** Every language some template is written in ({@code <part>.<language>.<extension>}), French first. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver(MessageTemplates.class.getClassLoader())
                    .getResources("classpath*:" + FOLDER + "*/*.*.*")) {
                String[] name = String.valueOf(file.getFilename()).split("\\.");
                if (name.length == 3) {
                    languages.add(name[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER, e);
        }
        Set<String> frenchFirst = new LinkedHashSet<>(List.of(FALLBACK_LANGUAGE));
        frenchFirst.addAll(languages);
        return frenchFirst;
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
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/" + part + "." + language + "." + extension;
    }
}
