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
        assertThat(urls(english)).filteredOn(url -> !url.endsWith(".form"))
                .containsExactlyInAnyOrderElementsOf(urls(french).stream().filter(url -> !url.endsWith(".form")).toList());
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

    private static List<String> forms(Set<Resource> resources) throws IOException {
        return urls(resources).stream().filter(url -> url.endsWith(".form")).toList();
    }

    private static List<String> urls(Set<Resource> resources) throws IOException {
        List<String> urls = new java.util.ArrayList<>();
        for (Resource resource : resources) {
            urls.add(resource.getURL().toString());
        }
        return urls;
    }
}
