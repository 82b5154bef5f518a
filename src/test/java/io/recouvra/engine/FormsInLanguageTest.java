package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.support.FastTest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.test.util.ReflectionTestUtils;

/** Which Camunda Forms the engine deploys with the models, by {@code recouvra.forms.language}. */
@FastTest
class FormsInLanguageTest {

    @Test
    void frenchDeploysTheFormsOfFormsFolder() throws IOException {
        Set<Resource> resources = deployed("fr");

        assertThat(forms(resources)).hasSizeGreaterThanOrEqualTo(22).allSatisfy(url -> assertThat(url).doesNotContain("/forms/en/"));
        assertThat(urls(resources)).anySatisfy(url -> assertThat(url).endsWith("processes/credit-review.bpmn"));
    }

    @Test
    void englishDeploysTheTwinsInsteadAndKeepsTheModels() throws IOException {
        Set<Resource> french = deployed("fr");
        Set<Resource> english = deployed("en");

        assertThat(forms(english)).hasSameSizeAs(forms(french)).allSatisfy(url -> assertThat(url).contains("/forms/en/"));
        assertThat(names(english)).filteredOn(name -> !name.endsWith(".form"))
                .containsExactlyInAnyOrderElementsOf(names(french).stream().filter(name -> !name.endsWith(".form")).toList());
        assertThat(english).filteredOn(resource -> resource.getFilename().endsWith(".bpmn")).as("the models with their English texts")
                .allSatisfy(model -> assertThat(model).isNotIn(french))
                .anySatisfy(model -> assertThat(model.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                        .contains("name=\"Approve credit limit\"").doesNotContain("Approuver la limite de crédit"));
        assertThat(french).filteredOn(resource -> resource.getFilename().endsWith(".dmn")).allSatisfy(table -> assertThat(english).contains(table));
    }

    @Test
    void aLanguageWithoutItsTwinsStopsTheStart() {
        assertThatThrownBy(() -> deployed("de")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forms/de/ lacks [")
                .hasMessageContaining("answer-dispute-question.form, approve-credit-limit.form")
                .hasMessageContaining("every form in forms/ needs its twin");
        assertThatThrownBy(() -> new FormsInLanguage("EN; rm")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recouvra.forms.language");
    }

    private static Set<Resource> deployed(String language) {
        CamundaBpmProperties properties = new CamundaBpmProperties();
        properties.setDeploymentResourcePattern(new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
                "classpath*:forms/*.form"});
        FormsInLanguage configuration = new FormsInLanguage(language);
        ReflectionTestUtils.setField(configuration, "camundaBpmProperties", properties);
        return configuration.getDeploymentResources();
    }

    private static List<String> names(Set<Resource> resources) {
        return resources.stream().map(Resource::getFilename).toList();
    }

    private static List<String> forms(Set<Resource> resources) throws IOException {
        return urls(resources.stream().filter(resource -> resource.getFilename().endsWith(".form")).toList());
    }

    private static List<String> urls(java.util.Collection<Resource> resources) throws IOException {
        List<String> urls = new java.util.ArrayList<>();
        for (Resource resource : resources) {
            urls.add(resource.getURL().toString());
        }
        return urls;
    }
}
