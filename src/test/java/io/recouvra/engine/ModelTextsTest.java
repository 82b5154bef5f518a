package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.support.EnglishWords;
import io.recouvra.support.FastTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The names and task descriptions a person reads in Tasklist and Cockpit: French in every model, English in
 * processes/en/ for every process and user task, and written into the model as it is deployed in English.
 */
@FastTest
class ModelTextsTest {

    private static final ModelTexts ENGLISH = new ModelTexts("en");
    /** A JUEL expression, as the engine reads it in a name or a documentation. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

    @Test
    void everyProcessAndUserTaskIsNamedAndEveryUserTaskDescribedInFrench() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (Resource model : models()) {
            BpmnModelInstance bpmn = ModelTexts.read(model);
            frenchTexts(bpmn).forEach((key, text) -> {
                if (text == null || text.isBlank()) {
                    missing.add(model.getFilename() + ": " + key);
                } else {
                    // the expressions (${customerName}) are the model's, not words
                    EnglishWords.in(text.replaceAll("\\$\\{.*?}", " ")).forEach(word ->
                            english.add(model.getFilename() + ": '" + word + "' in " + key + " \"" + text + "\""));
                }
            });
        }
        assertThat(models()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(missing).as("processes and user tasks without a French name or description").isEmpty();
        assertThat(english).as("English left in the French names and descriptions").isEmpty();
    }

    @Test
    void everyProcessAndUserTaskHasItsEnglishNameAndDescriptionAndNoTextOfAnElementGone() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Resource model : models()) {
            BpmnModelInstance bpmn = ModelTexts.read(model);
            Properties texts = ENGLISH.texts(model.getFilename());
            ModelTexts.missing(bpmn, texts).forEach(key -> missing.add(ENGLISH.textsOf(model.getFilename()) + ": " + key));
            texts.stringPropertyNames().stream().filter(key -> !ModelTexts.keys(bpmn).contains(key))
                    .forEach(key -> stale.add(ENGLISH.textsOf(model.getFilename()) + ": " + key));
        }
        assertThat(missing).as("processes and user tasks without an English name or description").isEmpty();
        assertThat(stale).as("English texts of elements the model no longer has").isEmpty();
    }

    /**
     * A name's expressions (${customerName}) are the same in both languages, and a description has none: the engine
     * evaluates a task's documentation as an expression, so a bean named there would be called at each task created.
     */
    @Test
    void namesKeepTheirExpressionsInEnglishAndDescriptionsHaveNone() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Resource model : models()) {
            Map<String, String> french = frenchTexts(ModelTexts.read(model));
            Properties english = ENGLISH.texts(model.getFilename());
            french.forEach((key, text) -> {
                String translated = english.getProperty(key, "");
                if (key.endsWith(ModelTexts.DOCUMENTATION) && (EXPRESSION.matcher(text).find() || EXPRESSION.matcher(translated).find())) {
                    wrong.add(model.getFilename() + ": an expression in " + key);
                }
                if (key.endsWith(ModelTexts.NAME) && !expressions(text).equals(expressions(translated))) {
                    wrong.add(model.getFilename() + ": " + key + " has " + expressions(text) + " in French, "
                            + expressions(translated) + " in English");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> expressions(String text) {
        return EXPRESSION.matcher(text == null ? "" : text).results().map(MatchResult::group).sorted().toList();
    }

    @Test
    void theEnglishModelCarriesTheEnglishTextsAndEverythingElseAsDrawn() throws IOException {
        for (Resource model : models()) {
            BpmnModelInstance french = ModelTexts.read(model);
            Resource deployed = ENGLISH.translate(model);
            BpmnModelInstance english = ModelTexts.read(deployed);
            Properties texts = ENGLISH.texts(model.getFilename());

            assertThat(deployed.getFilename()).isEqualTo(model.getFilename());
            assertThat(frenchTexts(english)).as(model.getFilename())
                    .isEqualTo(ModelTexts.keys(french).stream().collect(Collectors.toMap(key -> key, texts::getProperty, (a, b) -> a, TreeMap::new)));
            assertThat(ids(english)).as(model.getFilename() + ": the same elements").isEqualTo(ids(french));
            assertThat(english.getModelElementsByType(UserTask.class)).allSatisfy(task -> {
                UserTask drawn = french.getModelElementById(task.getId());
                assertThat(task.getCamundaFormRef()).isEqualTo(drawn.getCamundaFormRef());
                assertThat(task.getCamundaCandidateGroups()).isEqualTo(drawn.getCamundaCandidateGroups());
                assertThat(task.getExtensionElements() == null ? 0 : task.getExtensionElements().getElements().size())
                        .isEqualTo(drawn.getExtensionElements() == null ? 0 : drawn.getExtensionElements().getElements().size());
            });
            assertThat(english.getModelElementsByType(FlowElement.class)).filteredOn(e -> !(e instanceof UserTask))
                    .allSatisfy(element -> assertThat(element.getName())
                            .isEqualTo(((FlowElement) french.getModelElementById(element.getId())).getName()));
            assertThat(ENGLISH.translate(model).getContentAsByteArray()).as("the same bytes at each start: no new version")
                    .isEqualTo(deployed.getContentAsByteArray());
        }
    }

    @Test
    void aModelWithoutItsEnglishTextsStopsTheStart() {
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("Unnamed").name("Sans nom").startEvent()
                .userTask("Task_Unnamed").name("Tâche").endEvent().done());
        Resource unnamed = new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "unnamed.bpmn";
            }
        };

        assertThatThrownBy(() -> ENGLISH.translate(unnamed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processes/en/unnamed.properties lacks [Task_Unnamed.documentation, Task_Unnamed.name, Unnamed.name]");
    }

    /** The texts a reader reads, by key: the process's name, each user task's name and documentation. */
    private static Map<String, String> frenchTexts(BpmnModelInstance bpmn) {
        Map<String, String> texts = new TreeMap<>();
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            texts.put(process.getId() + ModelTexts.NAME, process.getName());
        }
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            texts.put(task.getId() + ModelTexts.NAME, task.getName());
            texts.put(task.getId() + ModelTexts.DOCUMENTATION, documentation(task.getDocumentations()));
        }
        return texts;
    }

    private static String documentation(Collection<Documentation> documentations) {
        return documentations.isEmpty() ? null
                : documentations.stream().map(Documentation::getTextContent).collect(Collectors.joining("\n\n"));
    }

    private static List<String> ids(BpmnModelInstance bpmn) {
        return bpmn.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).filter(java.util.Objects::nonNull).sorted().toList();
    }

    private static List<Resource> models() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")).toList();
    }
}
