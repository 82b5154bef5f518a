package io.recouvra.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.DisputeMediationContract;
import io.recouvra.support.TestData;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An English-speaking team ({@code recouvra.forms.language=en}): the engine deploys the models with the English names
 * and descriptions of processes/en/, so Cockpit and Tasklist show them, and the case a task is about follows its name
 * the English way. Its own context (engine {@value #ENGINE}, so a database of its own): the French tests' engine deploys
 * the French models.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=" + EnglishTeamTest.ENGINE, "recouvra.forms.language=en"})
@ActiveProfiles("test")
class EnglishTeamTest {

    static final String ENGINE = "english";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void everyProcessIsNamedInEnglish() {
        ModelTexts english = new ModelTexts("en");
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list()).hasSizeGreaterThanOrEqualTo(15)
                .allSatisfy(definition -> assertThat(definition.getName()).as(definition.getKey())
                        .isEqualTo(english.texts(fileName(definition)).getProperty(definition.getKey() + ModelTexts.NAME)));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("InvoiceCollection").latestVersion()
                .singleResult().getName()).isEqualTo("Invoice collection");
    }

    /** The labels Cockpit draws on the diagram: service tasks, events, gateways and flows, English in processes/en/. */
    @Test
    void theDiagramIsLabelledInEnglish() {
        ProcessDefinition collection = repository.createProcessDefinitionQuery().processDefinitionKey("InvoiceCollection")
                .latestVersion().singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(collection.getId());

        assertThat(Stream.of("Task_SendFormalNotice", "Timer_InvoiceOverdue", "Gateway_CallOutcome", "Flow_CallNow")
                .map(id -> ((FlowElement) model.getModelElementById(id)).getName()))
                .containsExactly("Send formal notice", "Overdue, grace days passed", "Call outcome?", "Yes");
    }

    @Test
    void aTaskIsNamedAndDescribedInEnglishAfterItsCase() {
        String number = TestData.invoiceNumber();
        ProcessInstance dispute = runtime.startProcessInstanceByKey(DisputeMediationContract.PROCESS_KEY, number,
                Map.of("disputeId", "d-" + number, "disputeReason", "PRICE", "customerName", "Garage Martin",
                        "invoiceNumber", number, "outstandingDisplay", "1 200,00 €"));
        try {
            Task review = tasks.createTaskQuery().processInstanceId(dispute.getId()).singleResult();
            Properties texts = new ModelTexts("en").texts("dispute-mediation.bpmn");

            assertThat(review.getName()).isEqualTo("Review dispute: Garage Martin, " + number + " (1 200,00 €)");
            assertThat(review.getDescription()).isEqualTo(texts.getProperty("Task_ReviewDispute.documentation"))
                    .startsWith("Check the dispute with its documents");
        } finally {
            runtime.deleteProcessInstance(dispute.getId(), "test over", true);
        }
    }

    /** The file a definition was deployed from: its resource name, a path or a file name. */
    private static String fileName(ProcessDefinition definition) {
        String resource = definition.getResourceName();
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
