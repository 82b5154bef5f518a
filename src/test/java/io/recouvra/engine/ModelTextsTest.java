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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The names and task descriptions a person reads in Tasklist, Cockpit and Modeler: French in every model, English in
 * processes/en/ for every process, user task and other named element (tasks of every kind, events, gateways, sequence
 * flows), and written into the model as it is deployed in English.
 */
@FastTest
class ModelTextsTest {

    private static final ModelTexts ENGLISH = new ModelTexts("en");
    /** A JUEL expression, as the engine reads it in a name or a documentation. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
    /** Labels that are the same word in both languages, by key, so that an untranslated label is told from them. */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    @Test
    void everyProcessAndElementIsNamedAndEveryUserTaskDescribedInFrench() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (Resource model : models()) {
            BpmnModelInstance bpmn = ModelTexts.read(model);
            Properties texts = ENGLISH.texts(model.getFilename());
            Set<String> labels = labelKeys(bpmn);
            frenchTexts(bpmn).forEach((key, text) -> {
                if (text == null || text.isBlank()) {
                    missing.add(model.getFilename() + ": " + key);
                } else if (labels.contains(key) && !SAME_IN_BOTH.contains(key) && text.equalsIgnoreCase(texts.getProperty(key, ""))) {
                    // the word list below knows the common words only: a label copied as drawn is English left behind
                    english.add(model.getFilename() + ": " + key + " \"" + text + "\" is its English text");
                } else {
                    // the expressions (${customerName}) are the model's, not words
                    EnglishWords.in(text.replaceAll("\\$\\{.*?}", " ")).forEach(word ->
                            english.add(model.getFilename() + ": '" + word + "' in " + key + " \"" + text + "\""));
                }
            });
        }
        assertThat(models()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(missing).as("processes and user tasks without a French name or description").isEmpty();
        assertThat(english).as("English left in the French names, labels and descriptions").isEmpty();
    }

    @Test
    void everyProcessAndElementHasItsEnglishNameAndEveryUserTaskItsDescriptionAndNoTextOfAnElementGone() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Resource model : models()) {
            BpmnModelInstance bpmn = ModelTexts.read(model);
            Properties texts = ENGLISH.texts(model.getFilename());
            ModelTexts.missing(bpmn, texts).forEach(key -> missing.add(ENGLISH.textsOf(model.getFilename()) + ": " + key));
            texts.stringPropertyNames().stream().filter(key -> !ModelTexts.keys(bpmn).contains(key))
                    .forEach(key -> stale.add(ENGLISH.textsOf(model.getFilename()) + ": " + key));
        }
        assertThat(missing).as("processes and named elements without an English name, user tasks without a description").isEmpty();
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
            assertThat(english.getModelElementsByType(FlowElement.class)).filteredOn(element -> element.getName() == null)
                    .as(model.getFilename() + ": an element drawn without a name stays without one")
                    .allSatisfy(element -> assertThat(((FlowElement) french.getModelElementById(element.getId())).getName()).isNull());
            assertThat(rootNames(english)).as(model.getFilename() + ": messages, signals and errors keep the names the code correlates by")
                    .isEqualTo(rootNames(french));
            assertThat(ENGLISH.translate(model).getContentAsByteArray()).as("the same bytes at each start: no new version")
                    .isEqualTo(deployed.getContentAsByteArray());
        }
    }

    @Test
    void aModelWithoutItsEnglishTextsStopsTheStart() {
        // a label counts as much as a task (Cockpit shows it), an element drawn without one needs nothing
        String model = Bpmn.convertToString(Bpmn.createExecutableProcess("Unnamed").name("Sans nom")
                .startEvent("Start_Unnamed").name("Début").userTask("Task_Unnamed").name("Tâche")
                .serviceTask("Task_Automatic").name("Préparer").camundaExpression("${true}")
                .exclusiveGateway("Gateway_Unnamed").name("Encore ?").sequenceFlowId("Flow_Yes").condition("Oui", "${true}").endEvent()
                .moveToLastGateway().endEvent().done());
        Resource unnamed = new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "unnamed.bpmn";
            }
        };

        assertThatThrownBy(() -> ENGLISH.translate(unnamed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processes/en/unnamed.properties lacks [Flow_Yes.name, Gateway_Unnamed.name, Start_Unnamed.name, "
                        + "Task_Automatic.name, Task_Unnamed.documentation, Task_Unnamed.name, Unnamed.name]");
    }

    /**
     * The texts a reader reads, by key: the process's name, each user task's name and documentation, and the label of
     * every other element drawn with a name.
     */
    private static Map<String, String> frenchTexts(BpmnModelInstance bpmn) {
        Map<String, String> texts = new TreeMap<>();
        for (Process process : bpmn.getModelElementsByType(Process.class)) {
            texts.put(process.getId() + ModelTexts.NAME, process.getName());
        }
        for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            texts.put(task.getId() + ModelTexts.NAME, task.getName());
            texts.put(task.getId() + ModelTexts.DOCUMENTATION, documentation(task.getDocumentations()));
        }
        for (FlowElement element : bpmn.getModelElementsByType(FlowElement.class)) {
            if (!(element instanceof UserTask) && element.getName() != null && !element.getName().isBlank()) {
                texts.put(element.getId() + ModelTexts.NAME, element.getName());
            }
        }
        return texts;
    }

    /** The keys of the labels other than the process's and the user tasks'. */
    private static Set<String> labelKeys(BpmnModelInstance bpmn) {
        return bpmn.getModelElementsByType(FlowElement.class).stream()
                .filter(element -> !(element instanceof UserTask) && element.getName() != null && !element.getName().isBlank())
                .map(element -> element.getId() + ModelTexts.NAME).collect(Collectors.toSet());
    }

    private static String documentation(Collection<Documentation> documentations) {
        return documentations.isEmpty() ? null
                : documentations.stream().map(Documentation::getTextContent).collect(Collectors.joining("\n\n"));
    }

    private static List<String> rootNames(BpmnModelInstance bpmn) {
        return Stream.of(Message.class, Signal.class, Error.class, Escalation.class)
                .flatMap(type -> bpmn.getModelElementsByType(type).stream().map(element -> element.getId() + "=" + element.getAttributeValue("name")))
                .sorted().toList();
    }

    private static List<String> ids(BpmnModelInstance bpmn) {
        return bpmn.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId).filter(java.util.Objects::nonNull).sorted().toList();
    }

    private static List<Resource> models() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")).toList();
    }
}
