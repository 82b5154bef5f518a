package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every path of InvoiceCollection on the real engine and database: time is moved with the engine
 * clock and jobs are executed by hand.
 */
@RecouvraTest
class InvoiceCollectionProcessTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditNoteService creditNotes;
    @Autowired
    Clock clock;
    @Autowired
    Api api;

    UUID customerId;
    LocalDate today;

    @BeforeEach
    void customer() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 11, 23).atTime(10, 0).atZone(PARIS).toInstant()));
        today = LocalDate.now(clock);
        customerId = customers.register(new NewCustomer("Garage Test", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEngineClockAndTheApplicationClockAreOne() {
        assertThat(clock.instant()).isEqualTo(ClockUtil.now().toInstant());
        ClockUtil.offset(Duration.ofDays(3).toMillis());
        assertThat(LocalDate.now(clock)).isEqualTo(today.plusDays(3));
    }

    @Test
    void collectionIsNotStartedByHandFromTasklist() {
        // an instance without its invoice in the ledger would have nothing to collect
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("InvoiceCollection")
                .latestVersion().singleResult().isStartableInTasklist()).isFalse();
    }

    @Test
    void paidBeforeTheDueDate() {
        String number = register(today.plusDays(20), "800.00");
        ProcessInstance instance = instanceOf(number);
        assertThat(instance).isWaitingAt("Timer_InvoiceOverdue");
        assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(today.plusDays(21).atStartOfDay(PARIS).toInstant()));

        pay(number, "800.00");

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
    }

    @Test
    void cancelledByACreditNoteBeforeTheDueDate() {
        String number = register(today.plusDays(20), "800.00");
        ProcessInstance instance = instanceOf(number);

        creditNotes.register(new NewCreditNote("AV-" + number, number, new BigDecimal("800.00"), today, "cancelled order"));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoiceCancelled");
    }

    @Test
    void overdueThenFollowedUpByCollectorsUntilPaid() {
        String number = register(today.plusDays(10), "1500.00");
        ProcessInstance instance = instanceOf(number);

        passTimeTo(today.plusDays(11));
        management.executeJob(timer(instance).getId());

        assertThat(instance).hasPassed("Task_MarkInvoiceOverdue").isWaitingAt("Task_FollowUpOverdueInvoice");
        assertThat(invoices.get(number).getOverdueSince()).isEqualTo(today.plusDays(11));
        assertThat(runtime.getVariable(instance.getId(), "overdueSince")).isEqualTo(today.plusDays(11).toString());
        assertThat(task(instance)).hasCandidateGroup(RecouvraGroups.COLLECTORS);

        // The collector's answer, typed as Tasklist sends it (a plain JSON number becomes an Integer).
        tasks.complete(task(instance).getId(), Map.of("followUpInDays", 3, "followUpNote", "Promised to check"));
        assertThat(instance).isWaitingAt("Timer_NextFollowUp");
        assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(3))));

        management.executeJob(timer(instance).getId());
        assertThat(instance).isWaitingAt("Task_FollowUpOverdueInvoice");

        pay(number, "1500.00");
        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
    }

    @Test
    void anInvoiceRegisteredLongAfterItsDueDateIsOverdueFromTheDayAfterItsDueDate() {
        String number = register(today.minusDays(40), "90.00");
        ProcessInstance instance = instanceOf(number);

        management.executeJob(timer(instance).getId());

        assertThat(invoices.get(number).getOverdueSince()).isEqualTo(today.minusDays(39));
        assertThat(instance).isWaitingAt("Task_FollowUpOverdueInvoice");
    }

    @Test
    void theFollowUpTaskOpensItsCamundaFormFromTheDeployment() throws Exception {
        String number = register(today.minusDays(5), "300.00");
        ProcessInstance instance = instanceOf(number);
        management.executeJob(timer(instance).getId());
        Task followUp = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();

        assertThat(followUp.getCamundaFormRef().getKey()).isEqualTo("followUpOverdueInvoice");
        assertThat(followUp.getCamundaFormRef().getBinding()).isEqualTo("deployment");
        try (InputStream form = forms.getDeployedTaskForm(followUp.getId())) {
            String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"id\": \"followUpOverdueInvoice\"").contains("followUpInDays");
        }

        // ... and a collector fetches it through the engine REST API, as Tasklist does.
        User collector = identity.newUser("celine");
        collector.setPassword("celine-secret");
        identity.saveUser(collector);
        identity.createMembership("celine", RecouvraGroups.COLLECTORS);
        try {
            ResponseEntity<JsonNode> deployed = api.as("celine", "celine-secret")
                    .getForEntity("/engine-rest/task/" + followUp.getId() + "/deployed-form", JsonNode.class);
            assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(deployed.getBody().get("id").asText()).isEqualTo("followUpOverdueInvoice");
        } finally {
            identity.deleteUser("celine");
        }
    }

    @Test
    void overdueThenCancelledByACreditNote() {
        String number = register(today.minusDays(2), "300.00");
        ProcessInstance instance = instanceOf(number);
        management.executeJob(timer(instance).getId());
        assertThat(instance).isWaitingAt("Task_FollowUpOverdueInvoice");

        creditNotes.register(new NewCreditNote("AV-" + number, number, new BigDecimal("300.00"), today, null));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoiceCancelled");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aPartialPaymentDuringFollowUpShowsTheCollectorWhatIsStillOwed() {
        String number = register(today.minusDays(3), "1000.00");
        ProcessInstance instance = instanceOf(number);
        management.executeJob(timer(instance).getId());
        assertThat(runtime.getVariable(instance.getId(), "outstandingAmount")).isEqualTo("1000.00");

        payments.register(new NewPayment(customerId, new BigDecimal("250.00"), "EUR", today, "VIR-PART-" + number, null));

        assertThat(instance).isWaitingAt("Task_FollowUpOverdueInvoice");
        assertThat(taskService().getVariable(task(instance).getId(), "outstandingAmount")).isEqualTo("750.00");
    }

    @Test
    void aCreditNoteForTheRestOfAPartlyPaidInvoiceEndsItAsPaid() {
        String number = register(today.plusDays(5), "500.00");
        ProcessInstance instance = instanceOf(number);
        payments.register(new NewPayment(customerId, new BigDecimal("100.00"), "EUR", today, "VIR-" + number, null));

        creditNotes.register(new NewCreditNote("AV-" + number, number, new BigDecimal("400.00"), today, "goodwill"));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
    }

    private String register(LocalDate dueDate, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(String number, String amount) {
        payments.register(new NewPayment(customerId, new BigDecimal(amount), "EUR", today, "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }

    private void passTimeTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(PARIS).toInstant()));
    }

    private ProcessInstance instanceOf(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }
}
