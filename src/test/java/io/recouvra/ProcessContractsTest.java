package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each contract class says what its model is: the process key, and exactly the messages the model waits for. */
class ProcessContractsTest {

    @ParameterizedTest
    @CsvSource({
        "InvoiceCollectionContract, invoice-collection.bpmn",
        "EscalationContract, escalation.bpmn",
        "PaymentPlanContract, payment-plan.bpmn",
        "CollectorCallContract, collector-call.bpmn",
        "DisputeMediationContract, dispute-mediation.bpmn"})
    void theContractNamesTheModelsKeyAndEveryMessageItWaitsFor(String contract, String model) throws Exception {
        Class<?> type = Class.forName("io.recouvra.collection." + contract);
        BpmnModelInstance bpmn = read(model);

        assertThat(bpmn.getModelElementsByType(Process.class)).extracting(Process::getId)
                .containsExactly((String) type.getField("PROCESS_KEY").get(null));
        Set<String> inModel = bpmn.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
        assertThat(messages(type)).as("the messages %s waits for", model).containsExactlyInAnyOrderElementsOf(inModel);
    }

    private static Set<String> messages(Class<?> contract) {
        return Arrays.stream(contract.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getName().startsWith("MESSAGE_"))
                .map(ProcessContractsTest::value).collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BpmnModelInstance read(String model) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("processes", model))) {
            return Bpmn.readModelFromStream(in);
        }
    }
}
