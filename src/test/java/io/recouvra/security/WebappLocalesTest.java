package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.support.FastTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Recouvra's French locale files of the Camunda webapps against the English ones of the webjar on the classpath
 * (the Camunda version the application runs): every label the webapp may ask for is translated, with the same
 * {{placeholders}}, and no label is left that the webapp no longer has. After a Camunda upgrade this test names
 * each label to translate.
 */
@FastTest
class WebappLocalesTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelHasItsFrenchOneWithTheSamePlaceholders(String app) throws IOException {
        JsonNode english = webjarEnglish(app);
        JsonNode french = read(new ClassPathResource(APPS + app + "/locales/fr.json"));

        List<String> untranslated = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        english.get("labels").properties().forEach(label -> {
            JsonNode translation = french.get("labels").get(label.getKey());
            if (translation == null || !translation.isTextual()
                    || translation.asText().isBlank() && !label.getValue().asText().isBlank()) {
                untranslated.add(label.getKey());
            } else if (!placeholders(label.getValue().asText()).equals(placeholders(translation.asText()))) {
                placeholders.add(label.getKey());
            }
        });
        Set<String> stale = new TreeSet<>();
        french.get("labels").fieldNames().forEachRemaining(stale::add);
        english.get("labels").fieldNames().forEachRemaining(stale::remove);

        assertThat(untranslated).as(app + ": labels without French").isEmpty();
        assertThat(placeholders).as(app + ": labels whose {{placeholders}} differ").isEmpty();
        assertThat(stale).as(app + ": labels the webapp no longer has").isEmpty();
        if (english.has("dateLocales")) {
            assertThat(names(french.get("dateLocales"))).as(app + ": date words").isEqualTo(names(english.get("dateLocales")));
            assertThat(french.at("/dateLocales/months/0").asText()).isEqualTo("janvier");
            assertThat(french.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("DD/MM/YYYY");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachWebappOffersFrenchAndFallsBackToEnglish(String app) throws IOException {
        try (InputStream in = new ClassPathResource(APPS + app + "/scripts/config.js").getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("availableLocales: ['en', 'fr']", "fallbackLocale: 'en'");
        }
    }

    /** The webjar's en.json: Recouvra ships none, so the classpath has only Camunda's. */
    private JsonNode webjarEnglish(String app) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + APPS + app + "/locales/en.json");
        assertThat(found).as(app + ": one en.json, the webjar's").hasSize(1);
        assertThat(found[0].getURL().toString()).contains("camunda-webapp-webjar");
        return read(found[0]);
    }

    private JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            // the webjar's files start with a byte order mark
            return json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found.stream().sorted().toList();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).forEach(names::add);
        return names;
    }
}
