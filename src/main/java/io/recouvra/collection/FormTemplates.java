package io.recouvra.collection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{ }}} templates of a Camunda Form's text views. Tasklist's form-js puts a template's value into
 * the text view's markdown before rendering it, so a value holding markdown or HTML would become links and
 * images. Our forms therefore only template variables named {@code <variable>Text}, which {@link FormTexts}
 * fills with the variable written for the reader and escaped as text.
 */
final class FormTemplates {

    /** What a text view may template: a variable name ending in "Text". */
    static final String SUFFIX = "Text";

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern SHOWN = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)" + SUFFIX + "\\s*");

    private FormTemplates() {
    }

    /** Every expression between {{ and }} in the form's text and HTML views, in order. */
    static List<String> expressions(JsonNode form) {
        List<String> expressions = new ArrayList<>();
        collect(form.path("components"), expressions);
        return expressions;
    }

    /** The variables whose text the form's views show: "customerName" for {{customerNameText}}. */
    static Set<String> shownVariables(JsonNode form) {
        Set<String> variables = new LinkedHashSet<>();
        for (String expression : expressions(form)) {
            Matcher shown = SHOWN.matcher(expression);
            if (shown.matches()) {
                variables.add(shown.group(1));
            }
        }
        return variables;
    }

    static boolean isShownText(String expression) {
        return SHOWN.matcher(expression).matches();
    }

    private static void collect(JsonNode components, List<String> expressions) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            String view = "text".equals(type) ? component.path("text").asText("")
                    : "html".equals(type) ? component.path("content").asText("") : "";
            Matcher template = TEMPLATE.matcher(view);
            while (template.find()) {
                expressions.add(template.group(1));
            }
            collect(component.path("components"), expressions);
        }
    }
}
