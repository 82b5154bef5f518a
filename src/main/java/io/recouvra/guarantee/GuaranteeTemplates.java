package io.recouvra.guarantee;

import io.recouvra.messaging.LetterRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The letters to guarantors and banks ({@code templates/guarantee/<name>.html}), in French, as PDF through
 * {@link LetterRenderer}. Every value typed by someone is escaped by the templates (th:text).
 */
@Component
class GuaranteeTemplates {

    private final LetterRenderer renderer;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    GuaranteeTemplates(LetterRenderer renderer) {
        this.renderer = renderer;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/guarantee/");
        resolver.setSuffix(".html");
        resolver.setResolvablePatterns(Set.of("*"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.addTemplateResolver(resolver);
    }

    byte[] pdf(String name, Map<String, Object> model) {
        return renderer.pdf(templates.process(name, new Context(Locale.FRENCH, model)));
    }

    /** The lines of a multi-line text (an address, a list of documents), blank lines left out. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
