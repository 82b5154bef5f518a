package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.support.EnglishWords;
import io.recouvra.support.FastTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms of forms/ (French, deployed by default) and their English twins in forms/en/: each parses,
 * the French ones have no English left, each twin has the same form id, components, keys and option values
 * (the models and the steps read the same variables whichever language is deployed), and every value a text
 * view templates is a shown text ({@code {{xText}}}, escaped by {@link FormTexts}).
 */
@FastTest
class CamundaFormsTest {

    private static final Path FRENCH = Path.of("forms");
    private static final Path ENGLISH = FRENCH.resolve("en");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormParsesAndHasItsEnglishTwin() throws IOException {
        List<Path> french = forms(FRENCH);
        assertThat(french).hasSizeGreaterThanOrEqualTo(22);
        assertThat(names(forms(ENGLISH))).as("the English twins, one per French form").isEqualTo(names(french));
        for (Path form : french) {
            JsonNode fr = read(form);
            JsonNode en = read(ENGLISH.resolve(form.getFileName()));
            assertThat(fr.path("id").asText()).as(form + " id").isNotBlank().isEqualTo(en.path("id").asText());
            assertThat(fr.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
            assertThat(shape(fr)).as(form + " and its twin: components, keys, option values").isEqualTo(shape(en));
        }
    }

    @Test
    void everyModelBindsAFormThatExistsInBothLanguages() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path form : forms(FRENCH)) {
            ids.add(read(form).path("id").asText());
        }
        Pattern formRef = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
        Set<String> bound = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher ref = formRef.matcher(Files.readString(model));
                while (ref.find()) {
                    bound.add(ref.group(1));
                }
            }
        }
        assertThat(ids).containsAll(bound);
    }

    @Test
    void frenchFormsHaveNoEnglishLeft() throws IOException {
        List<String> english = new ArrayList<>();
        for (Path form : forms(FRENCH)) {
            for (String text : readerTexts(read(form).path("components"), new ArrayList<>())) {
                for (String word : EnglishWords.in(text.replaceAll("\\{\\{.*?}}", " "))) {
                    english.add(form.getFileName() + ": '" + word + "' in \"" + text + "\"");
                }
            }
        }
        assertThat(english).isEmpty();
    }

    @Test
    void textViewsOnlyTemplateShownTexts() throws IOException {
        List<String> raw = new ArrayList<>();
        for (Path form : Stream.concat(forms(FRENCH).stream(), forms(ENGLISH).stream()).toList()) {
            for (String expression : FormTemplates.expressions(read(form))) {
                if (!FormTemplates.isShownText(expression)) {
                    raw.add(form + ": {{" + expression + "}}");
                }
            }
        }
        assertThat(raw).as("a value templated raw into a text view is rendered as markdown and HTML").isEmpty();
    }

    @Test
    void theShownVariablesOfAFormAreWhatItsTextViewsTemplate() throws IOException {
        assertThat(FormTemplates.shownVariables(read(FRENCH.resolve("mediate-dispute.form")))).containsExactly(
                "invoiceNumber", "customerName", "disputeReason", "outstandingDisplay", "explanation", "contestReason");
    }

    /** Every text a reader reads in the form: labels, options, descriptions, table headers, text views. */
    private static List<String> readerTexts(JsonNode components, List<String> texts) {
        for (JsonNode component : components) {
            for (String field : List.of("label", "dateLabel", "timeLabel", "description", "text")) {
                if (component.hasNonNull(field)) {
                    texts.add(component.get(field).asText());
                }
            }
            component.path("values").forEach(option -> texts.add(option.path("label").asText()));
            component.path("columns").forEach(column -> texts.add(column.path("label").asText()));
            readerTexts(component.path("components"), texts);
        }
        return texts;
    }

    /** What must not differ between a form and its twin: each component's id, type, key and option values. */
    private static List<String> shape(JsonNode form) {
        List<String> shape = new ArrayList<>();
        shape(form.path("components"), shape);
        return shape;
    }

    private static void shape(JsonNode components, List<String> shape) {
        for (JsonNode component : components) {
            StringBuilder line = new StringBuilder(component.path("id").asText()).append(' ')
                    .append(component.path("type").asText()).append(' ').append(component.path("key").asText());
            component.path("values").forEach(option -> line.append(' ').append(option.path("value")));
            component.path("columns").forEach(column -> line.append(' ').append(column.path("key").asText()));
            line.append(' ').append(component.path("validate")).append(' ').append(component.path("conditional"));
            shape.add(line.toString());
            shape(component.path("components"), shape);
        }
    }

    private static List<Path> forms(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static List<String> names(List<Path> forms) {
        return forms.stream().map(p -> p.getFileName().toString()).toList();
    }

    private static JsonNode read(Path form) throws IOException {
        return JSON.readTree(form.toFile());
    }
}
