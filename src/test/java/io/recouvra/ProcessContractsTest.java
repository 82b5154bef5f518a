package io.recouvra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each model has its contract class, beside the feature that owns it, and the contract says what its
 * model is: the process key, and exactly the messages the model waits for.
 */
class ProcessContractsTest {

    private static final Map<String, String> CONTRACTS = Map.ofEntries(
            Map.entry("invoice-collection.bpmn", "collection.InvoiceCollectionContract"),
            Map.entry("escalation.bpmn", "collection.EscalationContract"),
            Map.entry("payment-plan.bpmn", "collection.PaymentPlanContract"),
            Map.entry("collector-call.bpmn", "collection.CollectorCallContract"),
            Map.entry("dispute-mediation.bpmn", "collection.DisputeMediationContract"),
            Map.entry("agency-handoff.bpmn", "agency.AgencyHandoffContract"),
            Map.entry("legal-injunction.bpmn", "legal.LegalInjunctionContract"),
            Map.entry("prescription-review.bpmn", "legal.PrescriptionReviewContract"),
            Map.entry("credit-insurance-claim.bpmn", "insurance.CreditInsuranceClaimContract"),
            Map.entry("guarantee-call.bpmn", "guarantee.GuaranteeCallContract"),
            Map.entry("credit-review.bpmn", "credit.CreditReviewContract"),
            Map.entry("late-payment-rate-request.bpmn", "interest.LatePaymentRateRequestContract"),
            Map.entry("uncertain-message-check.bpmn", "messaging.outbox.UncertainMessageCheckContract"),
            Map.entry("declaration-of-claims.bpmn", "insolvency.DeclarationOfClaimsContract"),
            Map.entry("insolvency-report.bpmn", "insolvency.InsolvencyReportContract"),
            Map.entry("proceedings-closing.bpmn", "insolvency.ProceedingsClosingContract"));

    @Test
    void everyModelHasItsContract() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            assertThat(models.map(model -> model.getFileName().toString()).filter(name -> name.endsWith(".bpmn")))
                    .containsExactlyInAnyOrderElementsOf(CONTRACTS.keySet());
        }
    }

    static Stream<Arguments> contracts() {
        return CONTRACTS.entrySet().stream().map(entry -> Arguments.of(entry.getValue(), entry.getKey()));
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void theContractNamesTheModelsKeyAndEveryMessageItWaitsFor(String contract, String model) throws Exception {
        Class<?> type = Class.forName("io.recouvra." + contract);
        BpmnModelInstance bpmn = read(model);

        assertThat(bpmn.getModelElementsByType(Process.class)).extracting(Process::getId)
                .containsExactly((String) type.getField("PROCESS_KEY").get(null));
        Set<String> inModel = bpmn.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
        assertThat(messages(type)).as("the messages %s waits for", model).containsExactlyInAnyOrderElementsOf(inModel);
    }

    /**
     * Messages go to the instances waiting for them only (database.WaitingInstances skips the engine's search for
     * a process to start, a query per message): a model whose process starts on a message needs its own correlation.
     */
    @ParameterizedTest
    @MethodSource("contracts")
    void noProcessStartsOnAMessage(String contract, String model) throws Exception {
        BpmnModelInstance bpmn = read(model);

        assertThat(bpmn.getModelElementsByType(StartEvent.class))
                .filteredOn(start -> start.getParentElement() instanceof Process)
                .filteredOn(start -> !start.getChildElementsByType(MessageEventDefinition.class).isEmpty())
                .extracting(StartEvent::getId).as("message start events of %s's process", model).isEmpty();
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
