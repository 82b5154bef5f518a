package io.recouvra.collection;

import static io.recouvra.support.EngineClock.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.agency.AgencyTestAccess;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.messaging.DisputeRequested;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of InvoiceCollection (with CollectorCall and the interim escalation processes) on the real
 * engine, decision tables and database: time moves with the engine clock and jobs run by hand.
 * Customers are well rated by the sandbox bureau, so the strategy follows from their type and amount:
 * a standard customer gets three levels ten days apart with a call after the second, a small amount two
 * levels and no call, a key account five grace days and a call after the first of two levels, a public
 * body ten grace days, two levels and no call (see dunning-strategy.dmn).
 */
@RecouvraTest
class InvoiceCollectionProcessTest {

    /** A Monday: messages dispatched on it are within contact hours. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditNoteService creditNotes;
    @Autowired
    Holds holds;
    @Autowired
    Disputes disputes;
    @Autowired
    PaymentPlans paymentPlans;
    @Autowired
    LatePaymentClaims lateClaims;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;
    @Autowired
    AgencyTestAccess agencies;

    LocalDate today;

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "InvoiceCollectionProcessTest", "2026-07-01", "2027-01-01", "2027-07-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "InvoiceCollectionProcessTest");
    }

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        moveTo(START);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- before the due date

    @Test
    void anInstanceThatStoredItsAmountAtStartIsAssessedAsBefore() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.plusDays(20), "1200.00");
        // as every registration stored it before the amount came with the assessment
        runtime.setVariable(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult().getId(), "amount", "1200.00");

        ProcessInstance instance = run(number);

        assertThat(instance).isWaitingAt("Timer_PreDueReminder");
        assertThat(strategyInput(instance, "Input_Amount")).isEqualTo(1200.0);
        assertThat(runtime.getVariable(instance.getId(), "amount")).isEqualTo("1200.00");
    }

    @Test
    void paidBeforeTheDueDate() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.plusDays(20), "1200.00");
        ProcessInstance instance = run(number);
        assertThat(instance).isWaitingAt("Timer_PreDueReminder");
        assertThat(strategyInput(instance, "Input_RiskClass")).isIn("A", "B");
        assertThat(strategyInput(instance, "Input_Amount")).isEqualTo(1200.0);
        assertThat(runtime.getVariables(instance.getId())).as("the strategy's inputs are not stored with the instance")
                .doesNotContainKeys("riskClass", "score", "customerType", "insured", "latePayments", "brokenPromises", "amount");
        // the dashboard's segments, kept on the invoice once the strategy is chosen: a good payer's standard invoice
        assertThat(jdbc.queryForMap("select s.risk_class, s.strategy from recouvra.invoice_segment s join recouvra.invoice i on i.id = s.invoice_id where i.number = ?", number))
                .containsEntry("risk_class", strategyInput(instance, "Input_RiskClass"))
                .containsEntry("strategy", "Bons payeurs");

        pay(customer, number, "1200.00");

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid").hasNotPassed("Task_SendPreDueReminder");
        assertThat(messages(number)).isEmpty();
        assertThat(recovery(number)).as("the recovery by stage").isEqualTo("BEFORE_DUE 1200.00 0.00 " + START);
    }

    @Test
    void aPreDueReminderThenPaidAfterTheFirstLevel() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.plusDays(10), "1200.00");
        ProcessInstance instance = run(number);

        moveTo(today.plusDays(7));
        runJobs(instance);
        assertThat(instance).hasPassed("Task_SendPreDueReminder").isWaitingAt("Timer_InvoiceOverdue");
        moveTo(today.plusDays(4));
        runJobs(instance);

        assertThat(instance).hasPassed("Task_MarkInvoiceOverdue", "Task_SendReminder").isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getOverdueSince()).isEqualTo(START.plusDays(11));
        assertThat(messages(number)).containsExactly("pre-due EMAIL PRE_DUE_REMINDER PENDING",
                "reminder-1 EMAIL REMINDER_1 PENDING");

        pay(customer, number, "1200.00");

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
        assertThat(messages(number)).as("what had not gone out yet is withdrawn").containsExactly(
                "pre-due EMAIL PRE_DUE_REMINDER CANCELLED", "reminder-1 EMAIL REMINDER_1 CANCELLED");
        assertThat(jdbc.queryForList("select stage from recouvra.collection_stage where invoice_id = ? order by reached_at",
                String.class, invoices.get(number).getId())).containsExactly("PRE_DUE_REMINDER", "REMINDER_1");
        assertThat(recovery(number)).as("recovered after the last stage reached")
                .isEqualTo("REMINDER_1 1200.00 0.00 " + START.plusDays(11));
    }

    @Test
    void noPreDueReminderForASmallAmountAndNoneOnceItsDayHasPassed() {
        UUID customer = customer("STANDARD");
        ProcessInstance small = run(invoice(customer, today.plusDays(10), "300.00"));
        ProcessInstance late = run(invoice(customer, today.plusDays(1), "3000.00"));

        assertThat(small).hasNotPassed("Timer_PreDueReminder").isWaitingAt("Timer_InvoiceOverdue");
        assertThat(late).isWaitingAt("Timer_InvoiceOverdue");
    }

    @Test
    void aKeyAccountsGraceDaysDelayTheFirstReminderNotTheOverdueDate() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(1), "2000.00");
        ProcessInstance instance = run(number);

        assertThat(instance).isWaitingAt("Timer_InvoiceOverdue");
        assertThat(timer(instance).getDuedate()).isEqualTo(startOf(today.plusDays(5)));
        moveTo(today.plusDays(5));
        runJobs(instance);
        assertThat(instance).hasPassed("Task_SendReminder").isWaitingAt("Event_CallOutcome");
        assertThat(invoices.get(number).getOverdueSince()).as("overdue, and bearing interest, since the day after its due date")
                .isEqualTo(START);
    }

    @Test
    void aPartialPaymentUpdatesWhatIsOwedAndDunningGoesOn() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(3), "1000.00");
        ProcessInstance instance = run(number);
        assertThat(instance).isWaitingAt("Timer_NextLevel");

        payments.register(new NewPayment(customer, new BigDecimal("250.00"), "EUR", today, "VIR-PART-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("250.00")))));

        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("750.00");
        assertThat(runtime.getVariables(instance.getId())).as("the ledger's, read when a called process needs it: no copy to keep")
                .doesNotContainKeys("outstandingAmount", "outstandingDisplay", "customerName", "overdueSince");
        moveTo(today.plusDays(10));
        runJobs(instance);
        assertThat(messages(number)).contains("reminder-2 EMAIL REMINDER_2 PENDING", "reminder-2 SMS REMINDER_2 PENDING");
    }

    @Test
    void aClaimAlreadyTimeBarredIsFlaggedBeforeItsFirstReminderGoesOut() {
        // due on 1 June 2021: barred after 1 June 2026 (five years, C. com. L. 110-4); today is 23 November 2026
        UUID customer = customer("STANDARD");
        String number = invoice(customer, LocalDate.of(2021, 6, 1), "1000.00");
        TestRates.add(jdbc, "InvoiceCollectionProcessTest.barred", "2021-01-01", "2021-07-01", "2022-01-01", "2022-07-01");
        try {
            run(number);
        } finally {
            TestRates.remove(jdbc, "InvoiceCollectionProcessTest.barred");
        }

        List<String> trail = jdbc.queryForList("""
                select summary from recouvra.interaction where invoice_id = (select id from recouvra.invoice where number = ?)
                order by seq""", String.class, number);
        assertThat(trail).as("flagged on the trail").contains("Warning: the claim is time-barred since 2026-06-02 and a reminder "
                + "is sent; a prescription review is raised");
        assertThat(messages(number)).as("the reminder still goes out: a barred debt may be paid willingly")
                .anyMatch(line -> line.startsWith("reminder-1 "));
        assertThat(tasks.createTaskQuery().processDefinitionKey("PrescriptionReview").processInstanceBusinessKey(number)
                .taskCandidateGroup("credit-managers").count()).isOne();
    }

    // ---- reminders, formal notice, escalation

    @Test
    void formalNoticeThenAgencyReturnsItUnpaidThenWriteOff() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = run(number);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(1);

        moveTo(today.plusDays(15));
        runJobs(instance);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(2);
        assertThat(instance).isWaitingAt("Timer_FormalNoticeDue");
        moveTo(today.plusDays(15));
        runJobs(instance);
        assertThat(instance).hasPassed("Task_SendFormalNotice").isWaitingAt("Timer_FormalNoticeDeadline");
        assertThat(messages(number)).contains("formal-notice EMAIL FORMAL_NOTICE PENDING", "formal-notice LETTER FORMAL_NOTICE PENDING");
        // 450.00 due 22 Nov, notice on 23 Dec: 31 days at 2.15 + 10 = 12.15 %: 450 × 0.1215 × 31 / 365 = 4.64
        assertThat(formalNoticeParameters(number)).containsEntry("principal", "450,00 €").containsEntry("interest", "4,64 €")
                .containsEntry("indemnity", "40,00 €").containsEntry("totalClaim", "494,64 €")
                .containsEntry("paymentDeadline", "31 décembre 2026");

        moveTo(today.plusDays(9));
        runJobs(instance);
        assertThat(instance).isWaitingAt("CallActivity_Escalation");
        ProcessInstance escalation = escalationOf(instance);
        assertThat(escalation.getBusinessKey()).isEqualTo(number);
        assertThat(runtime.getVariables(escalation.getId())).as("handed from the ledger at the call")
                .containsEntry("customerName", customers.get(customer).getLegalName()).containsEntry("currency", "EUR")
                .containsEntry("outstandingAmount", "450.00").containsEntry("outstandingDisplay", "450,00 €");
        assertThat(runtime.getVariable(escalation.getId(), "escalationRoute")).isEqualTo("AGENCY");
        assertThat(escalation).hasNotPassed("Task_ApproveEscalation").hasPassed("Task_OpenAgencyCase").isWaitingAt("Task_AgencyHandoff");
        agencies.runJobs(number);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WITH_AGENCY);
        agencies.report(number, "UNRECOVERABLE", null);
        agencies.runJobs(number);

        assertThat(agencies.handoffOf(number)).isNull();
        assertThat(escalation).as("returned unpaid").isEnded().hasPassed("EndEvent_Returned");
        assertThat(runtime.getVariable(instance.getId(), "escalationOutcome")).as("returned by the output mapping").isEqualTo("RETURNED");
        assertThat(((Number) runtime.getVariable(instance.getId(), "agencyAttempts")).intValue()).isEqualTo(1);
        runJobs(instance);
        escalation = escalationOf(instance);
        assertThat(runtime.getVariable(escalation.getId(), "escalationRoute")).as("called again, another route").isEqualTo("WRITE_OFF_PROPOSAL");
        Task approve = task(escalation);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveWriteOff");
        assertThat(approve.getName()).startsWith("Approuver le passage en perte : ").contains(number, "450,00 €");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).taskCandidateGroup(RecouvraGroups.MANAGERS).count()).isOne();
        assertThat(approve.getDueDate()).isNotNull();
        // 450.00 including 20 % VAT: 450 × 20 / 120 = 75.00
        assertThat(tasks.getVariable(approve.getId(), "writeOffVatDisplay")).isEqualTo("75,00 €");
        assertThatThrownBy(() -> complete(approve, Map.of("writeOffApproved", true, "writeOffNote", "not worth court")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("writeOffReason");
        complete(approve, Map.of("writeOffApproved", true, "writeOffReason", "UNRECOVERABLE", "writeOffNote", "not worth court"));

        assertThat(escalation).isEnded().hasPassed("EndEvent_WrittenOff");
        assertThat(instance).isEnded().hasPassed("EndEvent_WrittenOffByEscalation");
        assertThat(collection.lastValue(instance, "escalationOutcome")).isEqualTo("WRITTEN_OFF");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(jdbc.queryForMap("select amount, vat_included, reason, note from recouvra.write_off where invoice_number = ?", number))
                .containsEntry("reason", "UNRECOVERABLE").containsEntry("note", "not worth court")
                .hasEntrySatisfying("amount", amount -> assertThat((BigDecimal) amount).isEqualByComparingTo("450.00"))
                .hasEntrySatisfying("vat_included", vat -> assertThat((BigDecimal) vat).isEqualByComparingTo("75.00"));
    }

    @Test
    void aLargeClaimGoesToCourtOnceAManagerApproves() {
        UUID customer = customer("PUBLIC_SECTOR");
        String number = invoice(customer, today.minusDays(11), "12000.00");
        ProcessInstance instance = throughFormalNoticeDeadline(number, 15, 15);

        ProcessInstance escalation = escalationOf(instance);
        assertThat(runtime.getVariable(escalation.getId(), "escalationRoute")).isEqualTo("LEGAL_INJUNCTION");
        Task approve = task(escalation);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
        assertThat(approve.getName()).contains("12 000,00 €");
        complete(approve, Map.of("escalationApproved", true, "escalationRoute", "LEGAL_INJUNCTION"));

        assertThat(escalation).hasPassed("Task_OpenCourtCase").isWaitingAt("Task_LegalInjunction");
        ProcessInstance court = runtime.createProcessInstanceQuery().processDefinitionKey("LegalInjunction")
                .processInstanceBusinessKey(number).singleResult();
        runJobs(court);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.IN_COURT);
        assertThat(tasks.createTaskQuery().processInstanceId(court.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        // the court steps are LegalInjunctionProcessTest's: here the legal officer sends the request back at once
        complete(task(court), Map.of("reviewDecision", "SEND_BACK", "reviewNote", "a public body: ask the accounting officer first"));
        runJobs(court);

        assertThat(escalation).isEnded().hasPassed("Task_LegalInjunction", "EndEvent_Returned");
        assertThat(((Number) runtime.getVariable(instance.getId(), "legalAttempts")).intValue()).isEqualTo(1);
        assertThat(runtime.getVariable(instance.getId(), "escalationOutcome")).isEqualTo("RETURNED");
        assertThat(invoices.get(number).getStatus()).as("back under collection").isNotEqualTo(InvoiceStatus.IN_COURT);
    }

    @Test
    void aManagerRefusesThenSendsAnUninsuredInvoiceToTheInsurerAndGetsItBackForAnotherRoute() {
        UUID customer = customer("PUBLIC_SECTOR");
        String number = invoice(customer, today.minusDays(11), "12000.00");
        ProcessInstance instance = throughFormalNoticeDeadline(number, 15, 15);

        ProcessInstance refusedEscalation = escalationOf(instance);
        Task refused = task(refusedEscalation);
        engine.getIdentityService().setAuthentication("manon", List.of(RecouvraGroups.MANAGERS));
        try {
            complete(refused, Map.of("escalationApproved", false, "approvalNote", "the mayor's office promised to pay"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(refusedEscalation).isWaitingAt("Timer_ReassessEscalation");
        assertThat(jdbc.queryForList("select actor || ': ' || summary from recouvra.interaction where customer_id = ? and type = 'ESCALATION'",
                String.class, customer)).as("the trail says who decided")
                .containsExactly("manon: Escalation refused, reassessed in 30 days (" + number + ")");
        moveTo(today.plusDays(30));
        runJobs(instance);
        assertThat(refusedEscalation).isEnded().hasPassed("EndEvent_Reassess");
        ProcessInstance reassessed = escalationOf(instance);
        Task again = task(reassessed);
        assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_ApproveEscalation");
        complete(again, Map.of("escalationApproved", true, "escalationRoute", "CREDIT_INSURANCE_CLAIM"));

        assertThat(reassessed).isEnded().hasPassed("Task_AskInsurer").hasNotPassed("Event_InsuranceClaimEnded");
        assertThat(runtime.getVariable(instance.getId(), "escalationOutcome")).as("not insured: returned at once").isEqualTo("RETURNED");
        runJobs(instance);
        ProcessInstance next = escalationOf(instance);
        assertThat(task(next).getTaskDefinitionKey()).as("another route, approved again").isEqualTo("Task_ApproveEscalation");
        assertThat(runtime.getVariable(next.getId(), "escalationRoute")).isNotEqualTo("CREDIT_INSURANCE_CLAIM");
    }

    @Test
    void aPaymentDuringTheAgencyHandOffEndsTheCollectionAndTheAgencyCaseIsClosed() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = throughFormalNoticeDeadline(number, 15, 15);
        agencies.runJobs(number);
        ProcessInstance agency = agencies.handoffOf(number);

        pay(customer, number, "450.00");
        agencies.runJobs(number);

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
        assertThat(agency).isEnded();
        assertThat(agencies.outcomeOf(number)).as("the agency was told and recalled").isEqualTo("PAID_DIRECTLY");
    }

    // ---- the collector call

    @Test
    void promiseKept() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        assertThat(instance).isWaitingAt("Event_CallOutcome");
        Task call = callTask(customer);
        assertThat(call.getName()).isEqualTo("Appeler le client : " + customers.get(customer).getLegalName() + " (échu 2 000,00 €, 6 j de retard, risque B)");

        complete(call, Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(7).toString(),
                "promisedAmount", 2000));

        assertThat(instance).isWaitingAt("Timer_PromiseDue");
        assertThat(timer(instance).getDuedate()).isEqualTo(startOf(today.plusDays(7 + 1 + 3)));
        assertThat(interactionTypes(customer)).contains("PROMISE_TO_PAY");
        pay(customer, number, "2000.00");
        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid").hasNotPassed("Task_CheckPromise");
        assertThat(recovery(number)).as("recovered after the call").isEqualTo("CALL 2000.00 0.00 " + START);
        assertThat(jdbc.queryForObject("select outcome from recouvra.call_attempt where customer_id = ?", String.class, customer))
                .isEqualTo("PROMISE_TO_PAY");
    }

    @Test
    void promiseBrokenIsNotedOnceAndDunningResumesOneLevelHigher() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(7).toString(),
                "promisedAmount", 2000));

        moveTo(today.plusDays(11));
        runJobs(instance);

        assertThat(instance).hasPassed("Task_CheckPromise").isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForObject("select status from recouvra.promise_to_pay where customer_id = ?", String.class, customer))
                .isEqualTo("BROKEN");
        assertThat(jdbc.queryForList("select kind from recouvra.outbox_message where customer_id = ? and kind = 'BROKEN_PROMISE'",
                String.class, customer)).hasSize(1);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(1);
        JsonNode score = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/scores", null, JsonNode.class).getBody();
        assertThat(StreamSupport.stream(score.get("factors").spliterator(), false)
                .filter(factor -> factor.get("factor").asText().equals("BROKEN_PROMISES")).findFirst().orElseThrow()
                .get("value").asDouble()).as("the broken promise weighs on the score").isEqualTo(1.0);
        moveTo(today.plusDays(10));
        runJobs(instance);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(2);
        assertThat(messages(number)).contains("reminder-2 EMAIL REMINDER_2 PENDING");
    }

    @Test
    void aPromiseKeptByAPartPaymentIsNotBroken() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", today.plusDays(7).toString(),
                "promisedAmount", 500));
        moveTo(today.plusDays(5));
        payments.register(new NewPayment(customer, new BigDecimal("500.00"), "EUR", today, "VIR-PTP-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("500.00")))));

        moveTo(today.plusDays(6));
        runJobs(instance);

        assertThat(instance).hasPassed("Task_CheckPromise").isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForObject("select status from recouvra.promise_to_pay where customer_id = ?", String.class, customer))
                .isEqualTo("KEPT");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where customer_id = ? and kind = 'BROKEN_PROMISE'",
                Integer.class, customer)).isZero();
    }

    @Test
    void aCallWhoseProcessWasCancelledIsNotJoined() {
        UUID customer = customer("KEY_ACCOUNT");
        run(invoice(customer, today.minusDays(6), "2000.00"));
        ProcessInstance abandoned = callInstance(customer);
        runtime.deleteProcessInstance(abandoned.getId(), "cancelled in Cockpit");

        ProcessInstance second = run(invoice(customer, today.minusDays(6), "900.00"));

        assertThat(second).isWaitingAt("Event_CallOutcome");
        assertThat(callTask(customer)).as("a new call").isNotNull();
        assertThat(jdbc.queryForList("select outcome from recouvra.collector_call where customer_id = ? and status = 'CLOSED'",
                String.class, customer)).containsExactly("ABANDONED");
    }

    // ---- payment plans

    @Test
    void endToEndADisputePartlyCreditedThenAPaymentPlanKeptUntilPaid(@Autowired Dispatcher dispatcher) {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "3000.00");
        ProcessInstance instance = run(number);
        drain(dispatcher);

        disputes.raise(number, "QUANTITY", "two pallets short", "API");
        complete(task(called(instance, "DisputeMediation")), Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 500,
                "rootCause", "DELIVERY_PROBLEM", "explanation", "two pallets credited"));
        drain(dispatcher);
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("2500.00");

        moveTo(today.plusDays(10));
        runJobs(instance);
        assertThat(instance).as("the second level, then the call").isWaitingAt("Event_CallOutcome");
        complete(callTask(customer), planOnCall(2, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        drain(dispatcher);
        // no portal yet: the offer says how to accept (the collector then records it, as below), and links nowhere
        assertThat(jdbc.queryForObject("select rendered_text from recouvra.outbox_message where customer_id = ? "
                + "and kind = 'PAYMENT_PLAN_AGREEMENT'", String.class, customer))
                .contains("répondez à cet e-mail").contains("appelez notre service recouvrement")
                .contains(plan.getBusinessKey()).doesNotContain("http").doesNotContain("en ligne");
        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));

        moveTo(today.plusDays(4));
        runJobs(plan);
        drain(dispatcher);
        payments.register(new NewPayment(customer, new BigDecimal("1250.00"), "EUR", today.plusDays(2), "VIR-E2E-1-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("1250.00")))));
        moveTo(today.plusDays(6));
        runJobs(plan);
        pay(customer, number, "1250.00");
        moveTo(today.plusDays(35));
        runJobs(plan);

        assertThat(instance).isEnded().hasPassed("CallActivity_DisputeMediation", "Event_CallOutcome", "EndEvent_InvoicePaid");
        assertThat(plan).isEnded().hasPassed("EndEvent_Completed");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(interactionTrail(customer)).as("every step on the customer's trail")
                .anyMatch(line -> line.startsWith("MESSAGE_SENT") && line.contains("REMINDER_1"))
                .anyMatch(line -> line.startsWith("DISPUTE: Dispute raised"))
                .anyMatch(line -> line.startsWith("MESSAGE_SENT") && line.contains("DISPUTE_RECEIVED"))
                .anyMatch(line -> line.startsWith("MESSAGE_SENT") && line.contains("DISPUTE_OUTCOME"))
                .anyMatch(line -> line.startsWith("NOTE: Dunning resumed"))
                .anyMatch(line -> line.startsWith("CALL: Call: asks for a payment plan"))
                .anyMatch(line -> line.startsWith("MESSAGE_SENT") && line.contains("PAYMENT_PLAN_AGREEMENT"))
                .anyMatch(line -> line.startsWith("MESSAGE_SENT") && line.contains("INSTALMENT_REMINDER"));
    }

    private static void drain(Dispatcher dispatcher) {
        while (dispatcher.dispatchDue() > 0) {
            // send what is due now
        }
    }

    @Test
    void aPaymentPlanKeptToTheEnd() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), planOnCall(2, today.plusDays(7), null));
        assertThat(instance).isWaitingAt("Event_PlanEnded");
        ProcessInstance plan = planInstance(customer);
        assertThat(plan).isWaitingAt("Gateway_Accepted");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where customer_id = ? and kind = 'PAYMENT_PLAN_AGREEMENT'",
                Integer.class, customer)).isOne();

        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));
        assertThat(plan).isWaitingAt("Timer_InstalmentReminder");
        assertThatThrownBy(() -> paymentPlans.accept(UUID.fromString(plan.getBusinessKey())))
                .as("accepted once").hasMessageContaining("not waiting for acceptance");
        moveTo(today.plusDays(4));
        runJobs(plan);
        assertThat(messages(number)).anyMatch(m -> m.contains("-instalment-1 EMAIL INSTALMENT_REMINDER"));
        payments.register(new NewPayment(customer, new BigDecimal("1000.00"), "EUR", today.plusDays(2), "VIR-P1-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("1000.00")))));
        moveTo(today.plusDays(7));
        runJobs(plan);
        assertThat(runtime.getVariable(plan.getId(), "instalmentIndex")).isEqualTo(2);

        pay(customer, number, "1000.00");
        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
        moveTo(today.plusDays(40));
        runJobs(plan);
        assertThat(plan).isEnded().hasPassed("EndEvent_Completed");
        assertThat(planStatus(customer)).isEqualTo("COMPLETED");
    }

    @Test
    void anInstalmentMissedOnceThenCaughtUpKeepsThePlan() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        run(number);
        complete(callTask(customer), planOnCall(2, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));

        moveTo(today.plusDays(11));
        runJobs(plan);
        assertThat(plan).hasPassed("Task_RemindMissed").isWaitingAt("Timer_MissedGrace");
        assertThat(messages(number)).anyMatch(m -> m.contains("-missed-instalment-1 EMAIL INSTALMENT_REMINDER"));
        payments.register(new NewPayment(customer, new BigDecimal("1000.00"), "EUR", today, "VIR-LATE-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("1000.00")))));
        moveTo(today.plusDays(5));
        runJobs(plan);

        assertThat(plan).isWaitingAt("Timer_InstalmentReminder");
        assertThat(runtime.getVariable(plan.getId(), "instalmentIndex")).isEqualTo(2);
    }

    @Test
    void aSecondMissBreaksThePlanAndDunningResumesOneLevelHigher() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), planOnCall(2, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));

        moveTo(today.plusDays(11));
        runJobs(plan);
        moveTo(today.plusDays(5));
        runJobs(plan);

        assertThat(plan).isEnded().hasPassed("EndEvent_Broken");
        assertThat(planStatus(customer)).isEqualTo("BROKEN");
        assertThat(instance).hasPassed("Event_PlanEnded", "Task_ResumeCollection", "Task_SendReminder");
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).as("the next level at once").isEqualTo(2);
        assertThat(runtime.getVariable(instance.getId(), "resumeWithNextLevel")).as("only this once").isEqualTo(true);
        assertThat(runtime.getVariable(instance.getId(), "planOutcome")).as("the next plan starts afresh").isNull();
        assertThat(instance).as("a key account has two levels: the formal notice is next").isWaitingAt("Timer_FormalNoticeDue");
    }

    @Test
    void aBrokenLargePlanSendsTheInvoiceStraightToEscalation() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "12000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), planOnCall(4, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        complete(task(plan), Map.of("planApproved", true));
        paymentPlans.accept(UUID.fromString(plan.getBusinessKey()));

        moveTo(today.plusDays(11));
        runJobs(plan);
        moveTo(today.plusDays(5));
        runJobs(plan);
        runJobs(instance);

        assertThat(plan).isEnded().hasPassed("EndEvent_Broken");
        assertThat(instance).hasPassed("Event_PlanEnded").hasNotPassed("Task_ResumeCollection").isWaitingAt("CallActivity_Escalation");
        assertThat(escalationOf(instance)).hasPassed("Task_GatherEscalationFacts");
        assertThat(task(escalationOf(instance)).getTaskDefinitionKey()).as("12,000 EUR: a manager approves the route")
                .isEqualTo("Task_ApproveEscalation");
    }

    @Test
    void aPlanThatChargesAddsInterestToDateAndTheIndemnityAsADebitNoteClaimedOnlyOnce() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "12000.00");
        ProcessInstance instance = run(number);
        complete(callTask(customer), planOnCall(3, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        UUID planId = UUID.fromString(plan.getBusinessKey());
        complete(task(plan), Map.of("planApproved", true));

        // by hand: 12,000 EUR late from 18 to 23 November 2026, 6 days at 2.15 + 10 = 12.15 %:
        // 12,000 x 12.15 % x 6 / 365 = 23.967... -> 23.97; with the 40 EUR indemnity, 63.97
        assertThat(jdbc.queryForMap("select late_interest, charges, total from recouvra.payment_plan where id = ?", planId))
                .containsEntry("late_interest", "CHARGED")
                .hasEntrySatisfying("charges", charges -> assertThat((BigDecimal) charges).isEqualByComparingTo("63.97"))
                .hasEntrySatisfying("total", total -> assertThat((BigDecimal) total).isEqualByComparingTo("12063.97"));
        assertThat(paymentPlans.instalments(planId)).extracting(PaymentPlans.Instalment::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4000.00"), new BigDecimal("4000.00"), new BigDecimal("4063.97"));
        assertThat(jdbc.queryForObject("select parameters::text from recouvra.outbox_message where customer_id = ? "
                + "and kind = 'PAYMENT_PLAN_AGREEMENT'", String.class, customer))
                .as("the agreement shows the charges and the plan's total").contains("63,97", "063,97", "lateCharges", "planTotal");

        paymentPlans.accept(planId);

        String debitNote = PlanCharges.debitNoteNumber(planId);
        Invoice charges = invoices.get(debitNote);
        assertThat(charges.isLateCharges()).isTrue();
        assertThat(charges.getOutstanding()).isEqualByComparingTo("63.97");
        assertThat(charges.getDueDate()).as("due with the last instalment").isEqualTo(today.plusDays(7).plusMonths(2));
        assertThat(paymentPlans.invoicesOf(planId)).containsExactlyInAnyOrder(number, debitNote);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(debitNote).count())
                .as("collected by the plan, not dunned").isZero();
        LatePaymentClaims.Claim later = lateClaims.claim(List.of(invoices.get(number), charges), today.plusDays(10));
        assertThat(later.invoices().get(0).interest()).as("from 24 November only: 12,000 x 12.15 %% x 10 / 365")
                .isEqualByComparingTo("39.95");
        assertThat(later.invoices().get(0).indemnityEur()).as("charged once").isEqualByComparingTo("0");
        assertThat(later.invoices().get(1).interest().add(later.invoices().get(1).indemnityEur()))
                .as("no interest on interest").isEqualByComparingTo("0");

        moveTo(today.plusDays(11));
        runJobs(plan);
        moveTo(today.plusDays(5));
        runJobs(plan);

        runJobs(instance);
        assertThat(plan).isEnded().hasPassed("EndEvent_Broken");
        assertThat(escalationOf(instance)).hasPassed("Task_GatherEscalationFacts");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").processInstanceBusinessKey(debitNote)
                .count()).as("the charges are dunned now that the plan is broken").isOne();
    }

    // ---- a half-year whose late-payment rates nobody recorded: the steps that need them wait, visibly

    /** No test records rates this early in 2041 (LatePaymentApiTest uses the second half). */
    private static final String HALF_YEAR_WITHOUT_RATES = "2041-01-01";

    @Test
    void aFormalNoticeWithoutItsHalfYearsRateWaitsVisiblyAndGoesOutOnceTheRateIsRecorded() {
        moveTo(LocalDate.of(2041, 1, 21));
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = run(number);
        moveTo(today.plusDays(15));
        runJobs(instance);
        moveTo(today.plusDays(15));
        try {
            runJobs(instance);

            assertThat(instance).isWaitingAt("WaitForLatePaymentRate_FormalNotice");
            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).as("no incident").isZero();
            // read in Cockpit by the team: in its language, French here
            assertThat((String) runtime.getVariable(instance.getId(), "latePaymentRateMissing"))
                    .contains("1er semestre 2041", "PUT /api/v1/late-payment-rates/2041-01-01");
            assertThat(messages(number)).noneMatch(message -> message.startsWith("formal-notice"));

            assertThat(recordRates(HALF_YEAR_WITHOUT_RATES, "2.00", "3.00").getStatusCode()).isEqualTo(HttpStatus.OK);
            runJobs(instance);

            assertThat(instance).hasPassed("Task_SendFormalNotice").isWaitingAt("Timer_FormalNoticeDeadline");
            // 450.00 due 20 Jan 2041, decided on 20 Feb 2041: 21 Jan - 20 Feb = 31 days at 2.00 + 10 = 12.00 %:
            // 450 × 12.00 × 31 / 36,500 = 4.5863 -> 4.59
            assertThat(formalNoticeParameters(number)).containsEntry("interest", "4,59 €").containsEntry("principal", "450,00 €")
                    .containsEntry("letterDate", "20 février 2041");
        } finally {
            jdbc.update("delete from recouvra.late_payment_rate where half_year_start = cast(? as date)", HALF_YEAR_WITHOUT_RATES);
        }
    }

    @Test
    void aChargedPlanWithoutItsHalfYearsRateWaitsVisiblyAndIsOfferedOnceTheRateIsRecorded() {
        moveTo(LocalDate.of(2041, 1, 21));
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "12000.00");
        run(number);
        complete(callTask(customer), planOnCall(3, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        UUID planId = UUID.fromString(plan.getBusinessKey());
        try {
            complete(task(plan), Map.of("planApproved", true));

            assertThat(plan).isWaitingAt("WaitForLatePaymentRate_OfferPlan");
            assertThat(runtime.createIncidentQuery().processInstanceId(plan.getId()).count()).as("no incident").isZero();
            assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where customer_id = ? "
                    + "and kind = 'PAYMENT_PLAN_AGREEMENT'", Integer.class, customer)).as("nothing offered yet").isZero();
            assertThat(jdbc.queryForObject("select count(*) from recouvra.late_payment_charge where plan_id = ?",
                    Integer.class, planId)).as("nothing charged yet").isZero();

            recordRates(HALF_YEAR_WITHOUT_RATES, "2.00", "3.00");
            collection.runJobs(plan);

            assertThat(plan).hasPassed("Task_OfferPlan").isWaitingAt("Gateway_Accepted");
            // by hand: 12,000 EUR late from 16 to 21 January 2041, 6 days at 2.00 + 10 = 12.00 %:
            // 12,000 × 12.00 × 6 / 36,500 = 23.6712 -> 23.67; with the 40 EUR indemnity, 63.67
            assertThat(jdbc.queryForObject("select charges from recouvra.payment_plan where id = ?", BigDecimal.class, planId))
                    .isEqualByComparingTo("63.67");
        } finally {
            jdbc.update("delete from recouvra.late_payment_rate where half_year_start = cast(? as date)", HALF_YEAR_WITHOUT_RATES);
        }
    }

    private ResponseEntity<JsonNode> recordRates(String halfYear, String ecb, String legal) {
        return api.asAdmin().exchange("/api/v1/late-payment-rates/" + halfYear, HttpMethod.PUT, new HttpEntity<>(Map.of(
                "ecbMainRefinancingRate", ecb, "legalInterestRate", legal, "source", "test")), JsonNode.class);
    }

    @Test
    void aPlanThatWaivesAddsNoCharges() {
        UUID customer = customer("KEY_ACCOUNT");
        run(invoice(customer, today.minusDays(6), "2000.00"));
        complete(callTask(customer), planOnCall(2, today.plusDays(7), null));
        UUID planId = UUID.fromString(planInstance(customer).getBusinessKey());

        paymentPlans.accept(planId);

        assertThat(jdbc.queryForObject("select late_interest from recouvra.payment_plan where id = ?", String.class, planId))
                .isEqualTo("WAIVED_IF_KEPT");
        assertThat(paymentPlans.invoicesOf(planId)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.late_payment_charge where plan_id = ?", Integer.class, planId)).isZero();
    }

    @Test
    void aPlanNotAcceptedWithinSevenDaysResumesDunning() {
        UUID customer = customer("KEY_ACCOUNT");
        ProcessInstance instance = run(invoice(customer, today.minusDays(6), "2000.00"));
        complete(callTask(customer), planOnCall(4, today.plusDays(7), "200"));
        ProcessInstance plan = planInstance(customer);

        moveTo(today.plusDays(7));
        runJobs(plan);

        assertThat(plan).isEnded().hasPassed("EndEvent_NotAccepted");
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForList("select amount from recouvra.payment_plan_instalment i join recouvra.payment_plan p on p.id = i.plan_id "
                + "where p.customer_id = ? order by seq", BigDecimal.class, customer))
                .usingElementComparator(BigDecimal::compareTo)
                .as("200 first, then 1,800 in three: 600 each").containsExactly(new BigDecimal("200"), new BigDecimal("600"),
                        new BigDecimal("600"), new BigDecimal("600"));
    }

    @Test
    void aLargePlanWaitsForACreditManagerWhoMayRefuseIt() {
        UUID customer = customer("KEY_ACCOUNT");
        ProcessInstance instance = run(invoice(customer, today.minusDays(6), "12000.00"));
        complete(callTask(customer), planOnCall(6, today.plusDays(7), null));
        ProcessInstance plan = planInstance(customer);
        Task approve = task(plan);
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_ApprovePlan");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).taskCandidateGroup(RecouvraGroups.CREDIT_MANAGERS).count()).isOne();
        assertThat(runtime.getVariable(plan.getId(), "planPolicyReason")).isEqualTo("10,000 EUR or more");
        // what the approval form shows: 12,000 owed in 6 instalments, no down payment: 6 x 2,000
        assertThat(runtime.getVariable(plan.getId(), "planTotalDisplay")).isEqualTo("12 000,00 €");
        assertThat(runtime.getVariable(plan.getId(), "smallestInstalmentDisplay")).isEqualTo("2 000,00 €");

        complete(approve, Map.of("planApproved", false));

        assertThat(plan).isEnded().hasPassed("EndEvent_Refused");
        assertThat(instance).isWaitingAt("Timer_NextLevel");
    }

    @Test
    void aPlanBeyondTheYearIsRefusedByThePolicy() {
        UUID customer = customer("KEY_ACCOUNT");
        ProcessInstance instance = run(invoice(customer, today.minusDays(6), "2000.00"));

        complete(callTask(customer), planOnCall(14, today.plusDays(7), null));

        assertThat(planInstance(customer)).isNull();
        assertThat(planStatus(customer)).isEqualTo("REFUSED");
        assertThat(instance).isWaitingAt("Timer_NextLevel");
    }

    @Test
    void aPlanAskedForThroughTheApiStopsDunningUntilItEnds() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1500.00");
        ProcessInstance instance = run(number);

        UUID planId = paymentPlans.startFromApi(customer, List.of(number), List.of(
                new PaymentPlans.Instalment(0, today.plusDays(10), new BigDecimal("500.00")),
                new PaymentPlans.Instalment(0, today.plusDays(40), new BigDecimal("1000.00"))), "erp");
        ProcessInstance plan = planInstance(customer);
        runJobs(plan);

        assertThat(instance).isWaitingAt("Event_PlanEnded");
        assertThat(plan).isWaitingAt("Gateway_Accepted");
        assertThat(paymentPlans.instalments(planId)).extracting(PaymentPlans.Instalment::seq).containsExactly(1, 2);
        assertThat(interactionTrail(customer)).anyMatch(line -> line.contains("Payment plan requested by erp"));
        moveTo(today.plusDays(7));
        runJobs(instance);
        assertThat(messages(number)).as("no reminder while the plan is offered").noneMatch(m -> m.contains("reminder-2"));

        runJobs(plan);

        assertThat(plan).isEnded().hasPassed("EndEvent_NotAccepted");
        assertThat(instance).hasPassed("Task_ResumeCollection").isWaitingAt("Timer_NextLevel");
    }

    @Test
    void aBrokenApiPlanSendsTheNextLevelAtOnceLikeOneAgreedOnACall() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1500.00");
        ProcessInstance instance = run(number);
        UUID planId = paymentPlans.startFromApi(customer, List.of(number), List.of(
                new PaymentPlans.Instalment(0, today.plusDays(7), new BigDecimal("500.00")),
                new PaymentPlans.Instalment(0, today.plusDays(37), new BigDecimal("1000.00"))), "erp");
        ProcessInstance plan = planInstance(customer);
        runJobs(plan);
        paymentPlans.accept(planId);

        moveTo(today.plusDays(11));
        runJobs(plan);
        moveTo(today.plusDays(5));
        runJobs(plan);

        assertThat(plan).isEnded().hasPassed("EndEvent_Broken");
        assertThat(instance).hasPassed("Task_ResumeCollection", "Task_SendReminder");
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).as("one level higher at once").isEqualTo(2);
        assertThat(messages(number)).anyMatch(m -> m.contains("reminder-2"));
    }

    @Test
    void anApiPlanForAnInvoiceNotInDunningIsRefusedAndNothingIsKept() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1500.00");
        // registered, its customer not assessed yet: nothing to stop

        assertThatThrownBy(() -> paymentPlans.startFromApi(customer, List.of(number), List.of(
                new PaymentPlans.Instalment(0, today.plusDays(10), new BigDecimal("1500.00"))), "erp"))
                .isInstanceOf(ConflictException.class).hasMessageContaining(number).hasMessageContaining("not in dunning");

        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment_plan where customer_id = ?", Integer.class, customer)).isZero();
        assertThat(planInstance(customer)).isNull();
    }

    @Test
    void apiInstalmentsThatDoNotAddUpAreRefusedAndNothingIsKept() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1500.00");
        run(number);

        assertThatThrownBy(() -> paymentPlans.startFromApi(customer, List.of(number), List.of(
                new PaymentPlans.Instalment(0, today.plusDays(10), new BigDecimal("500.00")),
                new PaymentPlans.Instalment(0, today.plusDays(40), new BigDecimal("900.00"))), "erp"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("instalments")
                .hasMessageContaining("add up to 1400.00 but the invoices owe 1500.00");
        assertThatThrownBy(() -> paymentPlans.startFromApi(customer, List.of(number), List.of(
                new PaymentPlans.Instalment(0, today.plusDays(40), new BigDecimal("500.00")),
                new PaymentPlans.Instalment(0, today.plusDays(10), new BigDecimal("1000.00"))), "erp"))
                .hasMessageContaining("instalments[1].dueDate");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment_plan where customer_id = ?", Integer.class, customer)).isZero();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void badPlanTermsOnTheCallAreRefusedWithTheField() {
        UUID customer = customer("KEY_ACCOUNT");
        run(invoice(customer, today.minusDays(6), "2000.00"));
        Task call = callTask(customer);

        assertThatThrownBy(() -> complete(call, planOnCall(3, today.minusDays(1), null))).hasMessageContaining("planFirstDate");
        assertThatThrownBy(() -> complete(call, planOnCall(3, today.plusDays(7), "2500"))).hasMessageContaining("planDownPayment");
        assertThatThrownBy(() -> complete(call, planOnCall(30, today.plusDays(7), null))).hasMessageContaining("planInstalments");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the task stays open").isOne();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment_plan where customer_id = ?", Integer.class, customer)).isZero();
    }

    @Test
    void aWrongContactIsReplacedAndCalledAgain() {
        UUID customer = customer("KEY_ACCOUNT");
        ProcessInstance instance = run(invoice(customer, today.minusDays(6), "2000.00"));
        ProcessInstance call = callInstance(customer);

        complete(callTask(customer), Map.of("callOutcome", "WRONG_CONTACT", "newContactName", "Mme Durand (comptabilité)",
                "newContactPhone", "+33611223344"));

        assertThat(customers.get(customer).getContacts()).extracting(c -> c.getPhone()).contains("+33611223344");
        assertThat(call).isWaitingAt("Task_CallDebtor");
        assertThat(runtime.getVariable(call.getId(), "callAttempts")).isEqualTo(2);
        assertThat(instance).isWaitingAt("Event_CallOutcome");
    }

    @Test
    void badCallDetailsAreRefusedWithTheFieldAndNothingIsKept() {
        UUID customer = customer("KEY_ACCOUNT");
        run(invoice(customer, today.minusDays(6), "2000.00"));
        Task call = callTask(customer);

        assertThatThrownBy(() -> complete(call, Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate",
                today.minusDays(1).toString(), "promisedAmount", 0)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("promisedDate").hasMessageContaining("promisedAmount");
        assertThatThrownBy(() -> complete(call, Map.of("callOutcome", "WRONG_CONTACT", "newContactName", "X",
                "newContactPhone", "0611223344")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("newContactPhone");

        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the task stays open").isOne();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.promise_to_pay where customer_id = ?", Integer.class,
                customer)).isZero();
    }

    @Test
    void noAnswerIsRetriedTwoDaysApartThenDunningGoesOn() {
        UUID customer = customer("KEY_ACCOUNT");
        ProcessInstance instance = run(invoice(customer, today.minusDays(6), "2000.00"));
        ProcessInstance call = callInstance(customer);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(runtime.getVariable(call.getId(), "callAttempts")).isEqualTo(attempt);
            complete(callTask(customer), Map.of("callOutcome", "NO_ANSWER"));
            if (attempt < 3) {
                assertThat(call).isWaitingAt("Timer_RetryCall");
                moveTo(today.plusDays(2));
                runJobs(call);
            }
        }

        assertThat(call).isEnded();
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.interaction where customer_id = ? and type = 'CALL'",
                Integer.class, customer)).isEqualTo(3);
    }

    @Test
    void aCustomerWithThreeOverdueInvoicesGetsOneGroupedReminderPerLevelAndOneCall(@Autowired Dispatcher dispatcher) {
        UUID customer = customer("KEY_ACCOUNT");
        List<String> numbers = List.of(invoice(customer, today.minusDays(7), "700.00"),
                invoice(customer, today.minusDays(7), "800.00"), invoice(customer, today.minusDays(7), "900.00"));
        List<ProcessInstance> instances = numbers.stream().map(this::run).toList();

        while (dispatcher.dispatchDue() > 0) {
            // send what is due
        }

        assertThat(jdbc.queryForList("""
                select distinct provider_id from recouvra.outbox_message where customer_id = ? and step = 'reminder-1'""",
                String.class, customer)).as("one email about the three invoices").hasSize(1);
        assertThat(jdbc.queryForList("select content from recouvra.interaction where customer_id = ? and type = 'MESSAGE_SENT'",
                String.class, customer)).as("each invoice's trail keeps the message")
                .hasSize(3).allSatisfy(content -> assertThat(content).contains(numbers.get(0), numbers.get(1), numbers.get(2)));
        assertThat(tasks.createTaskQuery().processDefinitionKey("CollectorCall")
                .processVariableValueEquals("customerId", customer.toString()).count()).as("one call task").isOne();
        Map<String, Object> sheet = runtime.getVariables(callInstance(customer).getId());
        assertThat((List<?>) sheet.get("openInvoices")).hasSize(3);
        assertThat(sheet.get("totalOutstandingDisplay")).isEqualTo("2 400,00 €");

        complete(callTask(customer), Map.of("callOutcome", "ALREADY_PAID", "paymentReference", "VIR 2026-11-20"));
        for (ProcessInstance instance : instances) {
            assertThat(instance).isWaitingAt("Timer_AgreedDate");
        }
    }

    @Test
    void aDisputeRaisedOnTheCallPausesEachInvoiceForReview() {
        UUID customer = customer("KEY_ACCOUNT");
        String number = invoice(customer, today.minusDays(6), "2000.00");
        ProcessInstance instance = run(number);

        complete(callTask(customer), Map.of("callOutcome", "DISPUTE", "disputeReason", "QUALITY", "callNote", "damaged goods"));

        assertThat(instance).isWaitingAt("CallActivity_DisputeMediation");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.DISPUTED);
        assertThat(tasks.createTaskQuery().processInstanceId(called(instance, "DisputeMediation").getId())
                .taskCandidateGroup(RecouvraGroups.DISPUTE_HANDLERS).count()).isOne();
        assertThat(messages(number)).contains("dispute-received-" + disputes.openDispute(number).orElseThrow()
                + " EMAIL DISPUTE_RECEIVED PENDING");
    }

    // ---- disputes and holds

    @Test
    void aDisputeRejectedAndNotContestedResumesDunningAtTheLevelItHadReached() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "PRICE", "says the discount is missing", "API");
        assertThat(instance).isWaitingAt("CallActivity_DisputeMediation");
        ProcessInstance mediation = called(instance, "DisputeMediation");
        Task review = task(mediation);
        assertThat(review.getName()).startsWith("Examiner le litige : ").contains(number);
        assertThat(review.getDueDate()).as("5 business days: Monday 23 to Monday 30 November")
                .isEqualTo(startOf(LocalDate.of(2026, 12, 1)));

        complete(review, Map.of("disputeDecision", "REJECT", "explanation", "the discount was conditional",
                "rootCause", "CUSTOMER_MISUNDERSTANDING"));
        assertThat(mediation).isWaitingAt("Gateway_Contested");
        assertThat(messages(number)).anyMatch(m -> m.contains("DISPUTE_OUTCOME"));
        moveTo(today.plusDays(10));
        runJobs(instance);

        assertThat(mediation).isEnded().hasPassed("Task_CloseUncontested");
        assertThat(instance).hasPassed("Task_ResumeCollection").isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(1);
        assertThat(disputes.openDispute(number)).isEmpty();
        assertThat(jdbc.queryForMap("select outcome, root_cause from recouvra.dispute where invoice_id = ?",
                invoices.get(number).getId())).containsEntry("outcome", "REJECTED").containsEntry("root_cause", "CUSTOMER_MISUNDERSTANDING");
    }

    @Test
    void aDisputePartlyCreditedResumesDunningOnTheRest() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "QUANTITY", null, "API");

        complete(task(called(instance, "DisputeMediation")), Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 200,
                "rootCause", "DELIVERY_PROBLEM"));

        assertThat(instance).hasPassed("CallActivity_DisputeMediation").isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("1000.00");
        assertThat(jdbc.queryForObject("select credited from recouvra.dispute where invoice_id = ?", BigDecimal.class,
                invoices.get(number).getId())).isEqualByComparingTo("200.00");
    }

    @Test
    void aCreditNoteLargerThanWhatIsOwedIsRefusedWithTheField() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "QUANTITY", null, "API");
        Task review = task(called(instance, "DisputeMediation"));

        assertThatThrownBy(() -> complete(review, Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 5000,
                "rootCause", "OTHER"))).hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("creditNoteAmount");
        assertThatThrownBy(() -> complete(review, Map.of("disputeDecision", "REJECT", "rootCause", "OTHER")))
                .hasMessageContaining("explanation");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("1200.00");
    }

    @Test
    void aFormalNoticeStoppedByADisputeIsSentAgainWhenDunningResumes() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = run(number);
        moveTo(today.plusDays(15));
        runJobs(instance);
        moveTo(today.plusDays(15));
        runJobs(instance);
        assertThat(instance).isWaitingAt("Timer_FormalNoticeDeadline");
        disputes.raise(number, "PRICE", null, "API");
        jdbc.update("update recouvra.outbox_message set status = 'CANCELLED' where case_ref = ? and step = 'formal-notice'", number);

        complete(task(called(instance, "DisputeMediation")), Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 50,
                "rootCause", "PRICING_ERROR"));
        moveTo(today.plusDays(15));
        runJobs(instance);

        assertThat(messages(number)).contains("formal-notice-2 EMAIL FORMAL_NOTICE PENDING", "formal-notice-2 LETTER FORMAL_NOTICE PENDING");
        assertThat(instance).isWaitingAt("Timer_FormalNoticeDeadline");
    }

    @Test
    void aDisputeUpheldCancelsTheInvoice() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "NOT_ORDERED", null, "API");

        complete(task(called(instance, "DisputeMediation")), Map.of("disputeDecision", "CREDIT_ALL", "rootCause", "BILLING_ERROR"));

        assertThat(instance).isEnded().hasPassed("EndEvent_CancelledAfterDispute");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(messages(number)).filteredOn(m -> m.startsWith("reminder-")).allSatisfy(m -> assertThat(m).endsWith("CANCELLED"));
    }

    // ---- dispute mediation

    @Test
    void theHandlerAsksSalesThenDecides() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "DELIVERY", "never arrived", "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");

        complete(task(mediation), Map.of("disputeDecision", "ASK_INPUT", "inputQuestion", "Was it delivered?", "inputDueDays", 3));
        Task question = task(mediation);
        assertThat(question.getTaskDefinitionKey()).isEqualTo("Task_ProvideInput");
        assertThat(tasks.createTaskQuery().taskId(question.getId()).taskCandidateGroup(RecouvraGroups.SALES_OPERATIONS).count()).isOne();
        assertThat(question.getDueDate()).isEqualTo(java.sql.Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(3))));
        complete(question, Map.of("inputAnswer", "Signed delivery note on 2 November"));

        assertThat(task(mediation).getTaskDefinitionKey()).isEqualTo("Task_ReviewDispute");
        assertThat(runtime.getVariable(mediation.getId(), "inputAnswer")).isEqualTo("Signed delivery note on 2 November");
    }

    @Test
    void aLateReviewIsChasedByAManagerAndStaysOpen() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "QUALITY", null, "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");

        moveTo(LocalDate.of(2026, 12, 1));
        runJobs(instance);

        List<Task> open = tasks.createTaskQuery().processInstanceId(mediation.getId()).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("Task_ReviewDispute", "Task_ChaseReview");
        assertThat(tasks.createTaskQuery().processInstanceId(mediation.getId()).taskDefinitionKey("Task_ChaseReview")
                .taskCandidateGroup(RecouvraGroups.MANAGERS).count()).isOne();

        complete(tasks.createTaskQuery().processInstanceId(mediation.getId()).taskDefinitionKey("Task_ReviewDispute").singleResult(),
                Map.of("disputeDecision", "CREDIT_PART", "creditNoteAmount", 100, "rootCause", "QUALITY_DEFECT"));

        assertThat(mediation).as("the decision ends the case, the manager's chase with it").isEnded();
        assertThat(instance).isWaitingAt("Timer_NextLevel");
    }

    @Test
    void theReviewShowsTheCustomerAndWhatIsStillOwedAfterAPartPayment() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "QUALITY", null, "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");
        String name = customers.get(customer).getLegalName();
        assertThat(runtime.getVariables(mediation.getId())).as("handed from the ledger at the call")
                .containsEntry("customerName", name).containsEntry("outstandingDisplay", "1 200,00 €");
        assertThat(task(mediation).getName()).isEqualTo("Examiner le litige : " + name + ", " + number + " (1 200,00 €)");

        // 1 200,00 - 450,00 = 750,00
        pay(customer, number, "450.00");

        assertThat(runtime.getVariable(mediation.getId(), "outstandingDisplay")).as("the dispute's copy kept up to date")
                .isEqualTo("750,00 €");
        assertThat(runtime.getVariable(mediation.getId(), "outstandingAmount")).isEqualTo("750.00");
        assertThat(runtime.getVariables(instance.getId())).as("the collection itself keeps none")
                .doesNotContainKeys("outstandingAmount", "outstandingDisplay", "customerName");
    }

    @Test
    void aPaymentDuringTheReviewClosesTheDispute() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        disputes.raise(number, "QUALITY", null, "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");

        pay(customer, number, "1200.00");

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid");
        assertThat(mediation).isEnded();
        assertThat(jdbc.queryForObject("select outcome from recouvra.dispute where invoice_id = ?", String.class,
                invoices.get(number).getId())).isEqualTo("SETTLED");
    }

    @Test
    void aContestedRejectionEndsInAnAgreement(@Autowired Api api) {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);
        UUID disputeId = disputes.raise(number, "PRICE", null, "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");
        complete(task(mediation), Map.of("disputeDecision", "REJECT", "explanation", "list price", "rootCause", "UNJUSTIFIED"));

        var contested = api.asAdmin().postForEntity("/api/v1/disputes/" + disputeId + "/contest",
                Map.of("reason", "we had a written quote"), JsonNode.class);

        assertThat(contested.getStatusCodeValue()).isEqualTo(202);
        Task mediate = task(mediation);
        assertThat(mediate.getTaskDefinitionKey()).isEqualTo("Task_Mediate");
        assertThat(runtime.getVariable(mediation.getId(), "contestReason")).isEqualTo("we had a written quote");
        complete(mediate, Map.of("mediationOutcome", "AGREEMENT", "agreedCreditAmount", 150, "mediationNote", "half the discount"));
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("1050.00");
        assertThat(api.asAdmin().postForEntity("/api/v1/disputes/" + disputeId + "/contest", Map.of("reason", "again"),
                JsonNode.class).getStatusCodeValue()).as("nothing left to contest").isEqualTo(409);
    }

    @Test
    void aFailedMediationEscalates() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        ProcessInstance instance = run(number);
        UUID disputeId = disputes.raise(number, "PRICE", null, "API");
        ProcessInstance mediation = called(instance, "DisputeMediation");
        complete(task(mediation), Map.of("disputeDecision", "REJECT", "explanation", "list price", "rootCause", "UNJUSTIFIED"));
        disputes.contest(disputeId, "no");

        assertThatThrownBy(() -> complete(task(mediation), Map.of("mediationOutcome", "EXTERNAL", "followUpDate", "15/12/2026")))
                .hasMessageContaining("followUpDate");
        complete(task(mediation), Map.of("mediationOutcome", "EXTERNAL", "followUpDate", today.plusDays(20).toString()));
        assertThat(mediation).isWaitingAt("Timer_ExternalMediation");
        moveTo(today.plusDays(20));
        runJobs(instance);
        complete(task(mediation), Map.of("mediationOutcome", "FAILURE", "failureRoute", "ESCALATE"));
        runJobs(instance);

        ProcessInstance escalation = escalationOf(instance);
        assertThat(escalation).hasPassed("Task_GatherEscalationFacts");
        assertThat(runtime.getVariable(escalation.getId(), "escalationRoute")).as("a dispute on record: amicable first").isEqualTo("AGENCY");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void anSmsDisputeKeywordDisputesTheInvoicesUnderDunning(@Autowired ApplicationEventPublisher events,
                                                            @Autowired PlatformTransactionManager transactions) {
        UUID customer = customer("STANDARD");
        ProcessInstance overdue = run(invoice(customer, today.minusDays(3), "700.00"));
        ProcessInstance alsoOverdue = run(invoice(customer, today.minusDays(1), "300.00"));
        String notDue = invoice(customer, today.plusDays(20), "900.00");
        run(notDue);

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new DisputeRequested(customer, "+33612345678", "LITIGE marchandise abimee")));

        assertThat(overdue).isWaitingAt("CallActivity_DisputeMediation");
        assertThat(alsoOverdue).isWaitingAt("CallActivity_DisputeMediation");
        assertThat(invoices.get(notDue).getStatus()).as("not chased, not disputed").isEqualTo(InvoiceStatus.OPEN);
        assertThat(jdbc.queryForList("select raised_via from recouvra.dispute where customer_id = ?", String.class, customer))
                .containsExactly("SMS", "SMS");
    }

    @Test
    void aDisputeOnAnEscalatedInvoiceIsRefusedAndNothingKept() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        throughFormalNoticeDeadline(number, 15, 15);

        assertThatThrownBy(() -> disputes.raise(number, "PRICE", null, "API")).hasMessageContaining("not in dunning now");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(disputes.openDispute(number)).isEmpty();
    }

    @Test
    void aDisputeOnAPaidInvoiceIsRefused() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.plusDays(5), "100.00");
        pay(customer, number, "100.00");

        assertThatThrownBy(() -> disputes.raise(number, "PRICE", null, "API"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("invoiceNumber").hasMessageContaining("PAID");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.dispute where invoice_id = ?", Integer.class,
                invoices.get(number).getId())).isZero();
    }

    @Test
    void aHoldPausesDunningUntilReleased() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);

        holds.place(number, "customer's accountant on leave", null, "admin");
        assertThat(instance).isWaitingAt("Event_HoldReleasedNoEnd");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.ON_HOLD);
        moveTo(today.plusDays(30));
        runJobs(instance);
        assertThat(messages(number)).as("nothing while on hold").doesNotContain("reminder-2 EMAIL REMINDER_2 PENDING");

        holds.release(number, "admin");

        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(holds.active(number)).isEmpty();
    }

    @Test
    void aHoldWithAnEndDateResumesByItself() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        ProcessInstance instance = run(number);

        holds.place(number, "negotiating", today.plusDays(14), "admin");
        assertThat(instance).isWaitingAt("Gateway_HoldEvents");
        moveTo(today.plusDays(14));
        runJobs(instance);

        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(holds.active(number)).isEmpty();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aHoldNeedsAReasonAndAFutureEndDate() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "1200.00");
        run(number);

        assertThatThrownBy(() -> holds.place(number, " ", null, "admin")).hasMessageContaining("reason");
        assertThatThrownBy(() -> holds.place(number, "why not", today, "admin")).hasMessageContaining("until");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void anEscalatedInvoiceCannotBePutOnHold() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "450.00");
        throughFormalNoticeDeadline(number, 15, 15);

        assertThatThrownBy(() -> holds.place(number, "please wait", null, "admin"))
                .hasMessageContaining("not in dunning now");
        assertThat(invoices.get(number).getStatus()).as("nothing kept").isEqualTo(InvoiceStatus.OPEN);
        assertThat(holds.active(number)).isEmpty();
    }

    @Test
    void aCreditNoteThatClearsTheInvoiceEndsIt() {
        UUID customer = customer("STANDARD");
        String number = invoice(customer, today.minusDays(1), "800.00");
        ProcessInstance instance = run(number);

        creditNotes.register(new NewCreditNote("AV-" + number, number, new BigDecimal("800.00"), today, "cancelled order"));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoiceCancelled");
    }

    // ---- helpers

    private UUID customer(String type) {
        return customers.register(new NewCustomer("Garage " + type + " " + TestData.invoiceNumber(),
                TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), type)).getId();
    }

    private String invoice(UUID customer, LocalDate dueDate, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        return number;
    }

    /** What DunningStrategy was given in its input {@code clauseId}, as the decision's history keeps it. */
    private Object strategyInput(ProcessInstance instance, String clauseId) {
        return engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .decisionDefinitionKey("DunningStrategy").includeInputs().singleResult().getInputs().stream()
                .filter(in -> clauseId.equals(in.getClauseId())).findFirst().orElseThrow().getValue();
    }

    /** The invoice's instance, with every job due now run. */
    private ProcessInstance run(String number) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult();
        runJobs(instance);
        return instance;
    }

    private ProcessInstance throughFormalNoticeDeadline(String number, int daysBetweenLevels, int daysToFormalNotice) {
        ProcessInstance instance = run(number);
        moveTo(today.plusDays(daysBetweenLevels));
        runJobs(instance);
        moveTo(today.plusDays(daysToFormalNotice));
        runJobs(instance);
        assertThat(instance).isWaitingAt("Timer_FormalNoticeDeadline");
        moveTo(today.plusDays(9));
        runJobs(instance);
        return instance;
    }

    /** Runs the jobs of the instance (and of the instances it called) that are due now, until none is. */
    private void runJobs(ProcessInstance instance) {
        collection.runJobs(instance);
    }

    private void moveTo(LocalDate day) {
        EngineClock.moveTo(day);
        today = day;
    }

    private void pay(UUID customer, String number, String amount) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", today, "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Completes the task as Tasklist would, then runs what it made due (a call tells its invoices asynchronously). */
    private void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), new HashMap<>(variables));
        for (String process : List.of("CollectorCall", "PaymentPlan")) {
            management.createJobQuery().processDefinitionKey(process).executable().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
    }

    private ProcessInstance escalationOf(ProcessInstance instance) {
        return called(instance, "Escalation");
    }

    private ProcessInstance called(ProcessInstance parent, String processKey) {
        ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
        assertThat(called).as("a called %s", processKey).isNotNull();
        assertThat(engine.getRepositoryService().getProcessDefinition(called.getProcessDefinitionId()).getKey()).isEqualTo(processKey);
        return called;
    }

    private ProcessInstance callInstance(UUID customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("CollectorCall")
                .variableValueEquals("customerId", customer.toString()).singleResult();
    }

    private ProcessInstance callInstanceOf(ProcessInstance invoiceInstance) {
        return callInstance(UUID.fromString((String) runtime.getVariable(invoiceInstance.getId(), "customerId")));
    }

    private Task callTask(UUID customer) {
        return tasks.createTaskQuery().processDefinitionKey("CollectorCall")
                .processVariableValueEquals("customerId", customer.toString()).taskDefinitionKey("Task_CallDebtor").singleResult();
    }

    private static Map<String, Object> planOnCall(int instalments, LocalDate first, String downPayment) {
        Map<String, Object> form = new HashMap<>(Map.of("callOutcome", "PAYMENT_PLAN_REQUESTED", "planInstalments", instalments,
                "planFirstDate", first.toString(), "planFrequency", "MONTHLY"));
        if (downPayment != null) {
            form.put("planDownPayment", downPayment);
        }
        return form;
    }

    private ProcessInstance planInstance(UUID customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("PaymentPlan")
                .variableValueEquals("customerId", customer.toString()).singleResult();
    }

    private String planStatus(UUID customer) {
        return jdbc.queryForObject("select status from recouvra.payment_plan where customer_id = ?", String.class, customer);
    }

    private Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    /** The invoice's outbox rows: "step CHANNEL KIND STATUS", in the order they were asked for. */
    private List<String> interactionTrail(UUID customer) {
        return jdbc.queryForList("select type || ': ' || summary from recouvra.interaction where customer_id = ? order by seq",
                String.class, customer);
    }

    /** The invoice's recovery as collection recorded it when it was settled: stage, recovered, written off, day. */
    private String recovery(String number) {
        return jdbc.queryForObject("""
                select stage || ' ' || recovered || ' ' || written_off || ' ' || settled_on from recouvra.invoice_recovery
                where invoice_number = ?""", String.class, number);
    }

    private List<String> messages(String number) {
        return jdbc.queryForList("""
                select step || ' ' || channel || ' ' || kind || ' ' || status from recouvra.outbox_message
                where case_ref = ? order by created_at, step, channel""", String.class, number);
    }

    private Map<String, Object> formalNoticeParameters(String number) {
        String json = jdbc.queryForObject("""
                select parameters::text from recouvra.outbox_message where case_ref = ? and step = 'formal-notice' and channel = 'EMAIL'""",
                String.class, number);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = new ObjectMapper()
                    .readValue(json.replace("\\u202f", " ").replace("\\u00a0", " ").replace("\u202f", " ").replace("\u00a0", " "), Map.class);
            return parameters;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> interactionTypes(UUID customer) {
        return jdbc.queryForList("select type from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }
}
