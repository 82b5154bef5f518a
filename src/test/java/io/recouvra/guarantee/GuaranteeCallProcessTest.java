package io.recouvra.guarantee;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.collection.EscalationContract;
import io.recouvra.engine.MigrationReport;
import io.recouvra.engine.ProcessMigrations;
import io.recouvra.engine.ProcessUpgrade;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.ModelDeployments;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Calling a guarantee, chosen by EscalationRoute, on every path, with the engine clock moved across the deadline to
 * answer (recouvra.guarantee.answer-within, P15D as shipped). The worked example of every test: an invoice of
 * 12,000.00 EUR issued 1 September 2026, due 1 October, 2,000.00 paid, 10,000.00 still owed; a natural person's
 * personal guarantee of 8,000.00 reduced to 7,500.00 as disproportionate (art. 2300 C. civ.). The call claims the
 * principal and its accessories within the cap: the guarantor was never told of the first default (art. 2303), so the
 * interest and the indemnity since 1 October are not owed and 10,000.00 is; within the cap, 7,500.00 (GuaranteeCallClaimTest
 * has the accessories' figures), on Monday 23 November 2026, to be answered by 8 December
 * (23 November + 15 days).
 */
@RecouvraTest
class GuaranteeCallProcessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate ANSWER_DUE = LocalDate.of(2026, 12, 8);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    EngineJobs jobs;
    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Guarantees guarantees;
    @Autowired
    GuaranteeCalls calls;
    @Autowired
    InteractionLog interactions;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    SentLetters sentLetters;
    @Autowired
    JdbcTemplate jdbc;

    /** The call reckons the guarantor's late-payment interest to the call day, even when the cap stops the claim. */
    @BeforeAll
    static void ratesForTheSecondHalfOf2026(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "GuaranteeCallProcessTest", "2026-07-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "GuaranteeCallProcessTest");
    }

    @BeforeEach
    void callDay() {
        BpmnAwareTests.init(engine);
        moveTo(TODAY);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theEscalationCallsTheGuaranteeAndThePaymentIsBookedWithTheSubrogationNoted() throws IOException {
        String number = guaranteedInvoice();
        ProcessInstance escalation = escalate(number);
        jobs.runDue(escalation);
        assertThat(runtime.getVariable(escalation.getId(), EscalationContract.ROUTE)).isEqualTo("GUARANTEE_CALL");
        Task approval = tasks.createTaskQuery().processInstanceId(escalation.getId()).singleResult();
        tasks.complete(approval.getId(), Map.of(EscalationContract.APPROVED, true, EscalationContract.ROUTE, "GUARANTEE_CALL"));
        assertThat(escalation).hasPassed("Task_CallGuarantee").isWaitingAt("Task_GuaranteeCall");

        ProcessInstance call = callOf(number);
        jobs.runDue(call);
        assertThat(call).hasPassed("Task_SendCallLetter").isWaitingAt("Gateway_Answer");
        GuaranteeCalls.Call made = calls.get(onlyCallOf(number));
        assertThat(made.claimed()).isEqualByComparingTo("7500.00");
        assertThat(made.answerDueOn()).isEqualTo(ANSWER_DUE);
        byte[] pdf = api.asAdmin().getForEntity("/api/v1/guarantee-calls/" + made.id() + "/letter.pdf", byte[].class).getBody();
        keepForTheReader(pdf);
        String letter = text(pdf);
        assertThat(letter).contains("Lettre recommandée avec demande d'avis de réception", "mise en jeu de votre engagement de caution",
                "Jean Dupont", "8 000,00 €", "ramenée à 7 500,00 €", "12 000,00 € 2 000,00 € 10 000,00 €",
                "Somme appelée (dans la limite de la garantie) 7 500,00 €", "dans un délai de 15 jours à compter de l'envoi de la présente lettre",
                "Copie de l'acte de cautionnement <signé>", number);

        ResponseEntity<JsonNode> tooMuch = api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + made.id() + "/payment",
                Map.of("amount", "7500.01", "valueDate", "2026-11-30", "bankReference", "VIR-CAUTION"), JsonNode.class);
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooMuch.getBody().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + made.id() + "/payment",
                Map.of("amount", "7500.00", "valueDate", "2026-11-30", "bankReference", "VIR-CAUTION"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        assertThat(call).isEnded().hasPassed("Task_BookGuaranteePayment", "Task_HandBack");
        // 10,000.00 - 7,500.00
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("2500.00");
        assertThat(escalation).as("something is still owed: back for the next route").isEnded().hasPassed("EndEvent_Returned");
        Guarantee paid = guarantees.ofCustomer(invoices.get(number).getCustomer().getId()).get(0);
        assertThat(paid.status()).isEqualTo(Guarantee.Status.EXHAUSTED);
        assertThat(paid.paidOut()).isEqualByComparingTo("7500.00");
        assertThat(calls.get(made.id()).outcome()).isEqualTo("PAID");
        assertThat(payments.get(calls.get(made.id()).paymentId()).getBankReference()).isEqualTo("GUARANTEE VIR-CAUTION");
        assertThat(trail(number)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).startsWith("Guarantee paid: 7 500,00 € by Jean Dupont");
            assertThat(entry.getContent()).contains("subrogated", "art. 2309 C. civ.");
        });
        assertThat(calls.callableFor(number, false)).as("nothing left under it").isFalse();
    }

    /**
     * The call is made on Saturday 21 November 2026: provisionally due 6 December (21 November + 15 days). The outbox
     * posts the letter in contact hours only, on Monday 23 November: the deadline runs from then, to 8 December (23
     * November + 15 days), and the timer waits until the end of that day. The letter posted is the one kept with the call,
     * to the guarantor's own address, once.
     */
    @Test
    void theLetterIsPostedOnceThroughTheOutboxAndTheDeadlineRunsFromThePosting() throws IOException {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        moveTo(saturday);
        String number = guaranteedInvoice();
        ProcessInstance call = startCall(number);
        UUID callId = onlyCallOf(number);
        assertThat(calls.get(callId).answerDueOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        String letterCase = GuaranteeCalls.LETTER_CASE_PREFIX + callId;
        drainOutbox();
        assertThat(outboxStatus(letterCase)).as("not posted on a Saturday").isEqualTo("PENDING");
        assertThat(calls.get(callId).postedAt()).isNull();

        moveTo(TODAY);
        drainOutbox();
        drainOutbox();

        assertThat(outboxStatus(letterCase)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where case_ref = ?", Integer.class, letterCase))
                .as("one letter").isOne();
        Map<String, Object> sent = jdbc.queryForMap("select id, recipient from recouvra.outbox_message where case_ref = ?", letterCase);
        assertThat(sent.get("recipient")).isEqualTo("Jean Dupont\n5 rue de la Paix\n44000 Nantes");
        // what the letter channel was handed, kept as evidence (the sandbox's copy is the same, FormalNoticeLetterTest)
        byte[] posted = jdbc.queryForObject("select content from recouvra.letter_document where outbox_message_id = ?", byte[].class,
                sent.get("id"));
        assertThat(posted).as("the letter kept with the call is the one posted").isEqualTo(calls.letter(callId));
        assertThat(text(posted)).contains("mise en jeu de votre engagement de caution", "Jean Dupont");
        assertThat(sentLetters.aboutInvoice(invoices.get(number).getId())).as("the guarantor's letter is not the debtor's to see "
                + "(portal, agency file, court bundle)").isEmpty();
        GuaranteeCalls.Call made = calls.get(callId);
        assertThat(made.postedAt()).isEqualTo(jdbc.queryForObject("select sent_at from recouvra.outbox_message where case_ref = ?",
                java.sql.Timestamp.class, letterCase).toInstant());
        assertThat(made.answerDueOn()).isEqualTo(ANSWER_DUE);
        assertThat(trail(number)).anySatisfy(entry -> assertThat(entry.getSummary())
                .isEqualTo("Guarantee call letter posted on 2026-11-23: answer due by 2026-12-08 (" + number + ")"));

        moveTo(LocalDate.of(2026, 12, 7));
        jobs.runDue(call);
        assertThat(call).as("the provisional deadline no longer counts").isWaitingAt("Gateway_Answer");
        moveTo(ANSWER_DUE.plusDays(1));
        jobs.runDue(call);
        assertThat(call).hasPassed("Timer_AnswerDeadline", "Task_RecordNoAnswer").isWaitingAt("Task_ChooseNextRoute");
        tasks.complete(tasks.createTaskQuery().processInstanceId(call.getId()).singleResult().getId(),
                Map.of(GuaranteeCallContract.NEXT_ROUTE_NOTE, "Relancer la caution"));
    }

    /**
     * The call is made on Monday 23 November 2026: provisionally due 8 December (23 November + 15 days). The postal
     * provider's answer to the letter is lost (UNKNOWN); on Thursday 26 November a person checks with the postal service
     * and confirms it was sent. The provider tells no time it took the letter, so the posting is the confirmation, 26
     * November, and the deadline runs to 11 December (26 November + 15 days): the timer no longer fires after 8 December
     * but after 11 December. Never earlier than the true posting, so the guarantor's time is never shortened.
     */
    @Test
    void aLetterWhoseSendWasUncertainAndIsConfirmedLaterCountsTheDeadlineFromTheConfirmation() {
        String number = guaranteedInvoice();
        ProcessInstance call = startCall(number);
        UUID callId = onlyCallOf(number);
        assertThat(calls.get(callId).answerDueOn()).isEqualTo(ANSWER_DUE);
        String letterCase = GuaranteeCalls.LETTER_CASE_PREFIX + callId;
        // the send timed out at the postal provider: UNKNOWN, and a person is asked (no recheck takes it meanwhile)
        assertThat(jdbc.update("""
                update recouvra.outbox_message set status = 'UNKNOWN', attempts = 1, uncertain_since = ?, person_asked_at = ?,
                    recipient = 'Jean Dupont', last_error = 'the postal provider did not answer'
                where case_ref = ? and status = 'PENDING'""", java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()),
                java.sql.Timestamp.from(ClockUtil.getCurrentTime().toInstant()), letterCase)).isOne();
        drainOutbox();
        assertThat(calls.get(callId).postedAt()).as("an uncertain send is no posting").isNull();

        moveTo(LocalDate.of(2026, 11, 26));
        UUID messageId = jdbc.queryForObject("select id from recouvra.outbox_message where case_ref = ?", UUID.class, letterCase);
        assertThat(api.asAdmin().postForEntity("/api/v1/messages/" + messageId + "/resolution",
                Map.of("outcome", "DELIVERED", "providerId", "1A23456789012"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        GuaranteeCalls.Call made = calls.get(callId);
        assertThat(outboxStatus(letterCase)).isEqualTo("SENT");
        assertThat(made.postedAt()).isEqualTo(jdbc.queryForObject("select sent_at from recouvra.outbox_message where case_ref = ?",
                java.sql.Timestamp.class, letterCase).toInstant());
        assertThat(made.answerDueOn()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(trail(number)).filteredOn(entry -> entry.getSummary().startsWith("Guarantee call letter posted"))
                .singleElement().satisfies(entry -> assertThat(entry.getSummary())
                        .isEqualTo("Guarantee call letter posted on 2026-11-26: answer due by 2026-12-11 (" + number + ")"));

        moveTo(LocalDate.of(2026, 12, 10));
        jobs.runDue(call);
        assertThat(call).as("the provisional deadline, 8 December, no longer counts").isWaitingAt("Gateway_Answer");
        moveTo(LocalDate.of(2026, 12, 12));
        jobs.runDue(call);
        assertThat(call).hasPassed("Timer_AnswerDeadline", "Task_RecordNoAnswer").isWaitingAt("Task_ChooseNextRoute");
        tasks.complete(tasks.createTaskQuery().processInstanceId(call.getId()).singleResult().getId(),
                Map.of(GuaranteeCallContract.NEXT_ROUTE_NOTE, "Relancer la caution"));
    }

    private void drainOutbox() {
        while (dispatcher.dispatchDue() > 0) {
            // every due message, this test's letter among them
        }
    }

    private String outboxStatus(String caseRef) {
        return jdbc.queryForObject("select status from recouvra.outbox_message where case_ref = ?", String.class, caseRef);
    }

    @Test
    void aRefusalIsRecordedAndACreditManagerDecidesTheNextRoute() {
        String number = guaranteedInvoice();
        ProcessInstance call = startCall(number);
        UUID callId = onlyCallOf(number);

        assertThat(api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + callId + "/refusal", Map.of("reason", " "), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + callId + "/refusal",
                Map.of("reason", "La caution conteste la validité de son engagement"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        assertThat(call).hasPassed("Task_RecordRefusal").isWaitingAt("Task_ChooseNextRoute");
        Task decide = tasks.createTaskQuery().processInstanceId(call.getId()).singleResult();
        assertThat(tasks.createTaskQuery().taskId(decide.getId()).taskCandidateGroup("credit-managers").count()).isOne();
        assertThat(decide.getName()).startsWith("Décider de la suite après l'appel de garantie : ").contains(number);
        assertThat(calls.get(callId).outcome()).isEqualTo("REFUSED");
        assertThat(calls.callableFor(number, false)).as("a refused guarantee is not called again").isFalse();
        assertThat(api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + callId + "/refusal", Map.of("reason", "again"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        tasks.complete(decide.getId(), Map.of(GuaranteeCallContract.NEXT_ROUTE_NOTE, "Assigner la caution"));

        assertThat(call).isEnded().hasPassed("Task_HandBack");
        assertThat(trail(number)).anySatisfy(entry -> assertThat(entry.getContent()).isEqualTo("Assigner la caution"));
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("10000.00");
    }

    @Test
    void withoutAnAnswerByTheDeadlineACreditManagerDecidesAndALatePaymentIsRefused() {
        String number = guaranteedInvoice();
        ProcessInstance call = startCall(number);
        UUID callId = onlyCallOf(number);

        moveTo(ANSWER_DUE);
        jobs.runDue(call);
        assertThat(call).as("the last day to answer").isWaitingAt("Gateway_Answer");
        moveTo(ANSWER_DUE.plusDays(1));
        jobs.runDue(call);

        assertThat(call).hasPassed("Timer_AnswerDeadline", "Task_RecordNoAnswer").isWaitingAt("Task_ChooseNextRoute");
        assertThat(calls.get(callId).outcome()).isEqualTo("NO_ANSWER");
        assertThat(api.asAdmin().postForEntity("/api/v1/guarantee-calls/" + callId + "/payment",
                Map.of("amount", "7500.00", "valueDate", "2026-12-09", "bankReference", "VIR-LATE"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        tasks.complete(tasks.createTaskQuery().processInstanceId(call.getId()).singleResult().getId(),
                Map.of(GuaranteeCallContract.NEXT_ROUTE_NOTE, "Passer à l'injonction de payer"));
        assertThat(call).isEnded();
    }

    /**
     * A simple guarantee (the worked example's, not joint and several), as shipped ({@code simple-guarantee-call:
     * AFTER_COURT_ACTION}): before any court case the table does not see it and takes another route; once an injunction
     * came back unpaid (Escalation's legalAttempts 1) it calls it, the call knows the debtor was pursued and the letter
     * says so. Same sum: 7,500.00.
     */
    @Test
    void aSimpleGuaranteeIsCalledByTheEscalationOnlyAfterTheCourt() throws IOException {
        String number = guaranteedInvoice();
        UUID guarantee = guarantees.ofCustomer(invoices.get(number).getCustomer().getId()).get(0).id();
        assertThat(api.asAdmin().postForEntity("/api/v1/guarantees/" + guarantee + "/amendment", Map.of("jointAndSeveral", false),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ProcessInstance beforeCourt = escalate(number, 0);
        jobs.runDue(beforeCourt);
        assertThat(runtime.getVariable(beforeCourt.getId(), EscalationContract.GUARANTEE_COVERS)).isEqualTo(false);
        assertThat(runtime.getVariable(beforeCourt.getId(), EscalationContract.ROUTE)).isNotEqualTo("GUARANTEE_CALL");
        runtime.deleteProcessInstance(beforeCourt.getId(), "test: only its route was looked at");

        ProcessInstance afterCourt = escalate(number, 1);
        jobs.runDue(afterCourt);
        assertThat(runtime.getVariable(afterCourt.getId(), EscalationContract.ROUTE)).isEqualTo("GUARANTEE_CALL");
        Task approval = tasks.createTaskQuery().processInstanceId(afterCourt.getId()).singleResult();
        tasks.complete(approval.getId(), Map.of(EscalationContract.APPROVED, true, EscalationContract.ROUTE, "GUARANTEE_CALL"));
        ProcessInstance call = callOf(number);
        assertThat(runtime.getVariable(call.getId(), GuaranteeCallContract.DEBTOR_PURSUED_IN_COURT)).isEqualTo(true);
        jobs.runDue(call);
        assertThat(call).isWaitingAt("Gateway_Answer");
        GuaranteeCalls.Call made = calls.get(onlyCallOf(number));
        assertThat(made.claimed()).isEqualByComparingTo("7500.00");
        assertThat(text(calls.letter(made.id()))).contains("caution simple des sommes dues",
                "poursuivi en paiement de cette facture par voie d'injonction de payer");
    }

    @Test
    void whenNoGuaranteeIsLeftToCallTheInvoiceGoesStraightBack() {
        UUID customer = customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
        String number = invoice(customer);

        ProcessInstance call = startCall(number);

        assertThat(call).isEnded().hasPassed("Task_SendCallLetter", "Task_HandBack").hasNotPassed("Gateway_Answer");
        assertThat(calls.ofInvoice(number)).isEmpty();
    }

    /**
     * A half-year without late-payment rates: the call waits, without an incident, writes nothing and calls nothing; once
     * an admin records the rates, it goes on and claims the interest computed with them (worked example:
     * invoiceOf2042WithACompanyGuarantee, 10,158.36).
     */
    @Test
    void withoutTheHalfYearsLatePaymentRateTheCallWaitsThenClaimsTheInterestOnceTheRateIsRecorded() {
        String number = invoiceOf2042WithACompanyGuarantee();
        UUID customer = invoices.get(number).getCustomer().getId();
        try {
            ProcessInstance call = startCall(number);

            assertThat(call).isWaitingAt("WaitForLatePaymentRate_SendCallLetter");
            assertThat(runtime.createIncidentQuery().processInstanceId(call.getId()).count()).as("no incident").isZero();
            assertThat(calls.ofInvoice(number)).as("no call made yet").isEmpty();
            assertThat(guarantees.ofCustomer(customer).get(0).status()).as("not marked called").isEqualTo(Guarantee.Status.ACTIVE);
            assertThat((String) runtime.getVariable(call.getId(), "latePaymentRateMissing")).contains("2042-07-01");

            recordTheRatesOfTheSecondHalfOf2042AndGoOn(call);

            GuaranteeCalls.Call made = calls.get(onlyCallOf(number));
            assertThat(made.claimed()).isEqualByComparingTo("10158.36");
            assertThat(guarantees.ofCustomer(customer).get(0).status()).isEqualTo(Guarantee.Status.CALLED);
            runtime.deleteProcessInstance(call.getId(), "GuaranteeCallProcessTest: done with the call");
        } finally {
            jdbc.update("delete from recouvra.late_payment_rate where half_year_start = date '2042-07-01'");
        }
    }

    /**
     * A call started on the model released before the wait (kept in test resources) and still before its letter is
     * migrated (GuaranteeCallUpgrade) and waits for the rate too: on the old model nothing would catch the BPMN error and
     * Camunda would end the call silently, without Hand back. The worked example is the previous test's: 10,158.36.
     */
    @Test
    void aCallStartedOnTheModelBeforeTheWaitIsMigratedAndWaitsForTheRate(@Autowired RepositoryService repository,
                                                                          @Autowired ProcessMigrations migrations,
                                                                          @Autowired List<ProcessUpgrade> upgrades) {
        ProcessUpgrade upgrade = upgrades.stream().filter(u -> u.processKey().equals(GuaranteeCallContract.PROCESS_KEY))
                .findFirst().orElseThrow();
        String number = invoiceOf2042WithACompanyGuarantee();
        ProcessDefinition legacy;
        ProcessInstance call;
        try {
            legacy = ModelDeployments.deployWithForms(repository, "GuaranteeCall before the rate wait (GuaranteeCallProcessTest)",
                    "legacy/guarantee-call-before-rate-wait.bpmn");
            // started as Escalation starts it; its letter job not run yet when the new version comes
            call = runtime.startProcessInstanceByKey(GuaranteeCallContract.PROCESS_KEY, number,
                    Variables.fromMap(caseVariables(invoices.get(number))));
            assertThat(call.getProcessDefinitionId()).isEqualTo(legacy.getId());
        } finally {
            ModelDeployments.deployWithForms(repository, "GuaranteeCall, current again (GuaranteeCallProcessTest)",
                    "processes/guarantee-call.bpmn");
        }
        try {
            MigrationReport report = migrations.migrateToLatest(upgrade, false);
            int legacyVersion = legacy.getVersion();
            assertThat(report.versions().stream().filter(v -> v.version() == legacyVersion).findFirst().orElseThrow().left())
                    .as("nothing left on the old model").isEmpty();

            jobs.runDue(call);
            assertThat(call).isWaitingAt("WaitForLatePaymentRate_SendCallLetter");
            assertThat(runtime.createIncidentQuery().processInstanceId(call.getId()).count()).as("no incident").isZero();

            recordTheRatesOfTheSecondHalfOf2042AndGoOn(call);
            assertThat(calls.get(onlyCallOf(number)).claimed()).isEqualByComparingTo("10158.36");
            runtime.deleteProcessInstance(call.getId(), "GuaranteeCallProcessTest: done with the call");
        } finally {
            jdbc.update("delete from recouvra.late_payment_rate where half_year_start = date '2042-07-01'");
        }
    }

    /**
     * The worked example of the two tests above (2042's second half has no rates: no test records them for good), on
     * Wednesday 20 August 2042: a company's personal guarantee of 20,000.00 (no information duties towards a company,
     * nothing forfeited); an invoice of 10,000.00 EUR issued 15 June 2042, due Tuesday 15 July 2042, nothing paid. Once
     * the admin records ECB 2.00 %, the statutory rate is 2.00 + 10 points = 12.00 %. Interest from 16 July to 20
     * August: 16 days of July + 20 of August = 36 days, 10,000 x 12.00 x 36 / 36,500 = 4,320,000 / 36,500 =
     * 118.3561..., 118.36; the 40.00 indemnity; claimed 10,000.00 + 118.36 + 40.00 = 10,158.36, within the cap.
     */
    private String invoiceOf2042WithACompanyGuarantee() {
        moveTo(LocalDate.of(2042, 8, 20));
        UUID customer = customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2042, 6, 15), LocalDate.of(2042, 7, 15),
                new BigDecimal("10000.00"), "EUR"));
        Map<String, Object> company = GuaranteesTest.personal("Holding Dupont SAS", "20000.00", "2026-01-01", null);
        company.put("naturalPerson", false);
        company.remove("handwrittenMention");
        company.remove("annualInformationOn");
        assertThat(api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", company, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return number;
    }

    /** As an admin does it (ECB 2.00 %, see above): signal LatePaymentRateRecorded, then the call's jobs. */
    private void recordTheRatesOfTheSecondHalfOf2042AndGoOn(ProcessInstance call) {
        assertThat(api.asAdmin().exchange("/api/v1/late-payment-rates/2042-07-01", HttpMethod.PUT,
                new HttpEntity<>(Map.of("ecbMainRefinancingRate", "2.00", "legalInterestRate", "3.00",
                        "source", "GuaranteeCallProcessTest")), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        jobs.runDue(call);
        assertThat(call).hasPassed("WaitForLatePaymentRate_SendCallLetter", "Task_SendCallLetter").isWaitingAt("Gateway_Answer");
    }

    /** The worked example's invoice and guarantee (see the class comment). */
    private String guaranteedInvoice() {
        UUID customer = customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
        String number = invoice(customer);
        payments.register(new NewPayment(customer, new BigDecimal("2000.00"), "EUR", TODAY.minusDays(20), "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("2000.00")))));
        Map<String, Object> body = GuaranteesTest.personal("Jean Dupont", "8000.00", "2026-01-01", "2028-12-31");
        body.put("reducedTo", "7500.00");
        body.put("reference", "C-2026-17");
        body.put("documentsRequired", "Copie de l'acte de cautionnement <signé>");
        assertThat(api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(calls.callableFor(number, false)).isTrue();
        return number;
    }

    private String invoice(UUID customer) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
                new BigDecimal("12000.00"), "EUR"));
        return number;
    }

    private ProcessInstance escalate(String number) {
        return escalate(number, 0);
    }

    /** @param legalAttempts the court cases that came back unpaid before this pass */
    private ProcessInstance escalate(String number, int legalAttempts) {
        Invoice invoice = invoices.get(number);
        Map<String, Object> variables = new HashMap<>(caseVariables(invoice));
        variables.put(EscalationContract.AGENCY_ATTEMPTS, 0);
        variables.put(EscalationContract.LEGAL_ATTEMPTS, legalAttempts);
        return runtime.startProcessInstanceByKey(EscalationContract.PROCESS_KEY, number, variables);
    }

    /** As Escalation's "Call the guarantee" starts it. */
    private ProcessInstance startCall(String number) {
        ProcessInstance call = runtime.startProcessInstanceByKey(GuaranteeCallContract.PROCESS_KEY, number,
                Variables.fromMap(caseVariables(invoices.get(number))));
        jobs.runDue(call);
        return call;
    }

    private static Map<String, Object> caseVariables(Invoice invoice) {
        return Map.of(GuaranteeCallContract.INVOICE_NUMBER, invoice.getNumber(), GuaranteeCallContract.INVOICE_ID, invoice.getId().toString(),
                GuaranteeCallContract.CUSTOMER_ID, invoice.getCustomer().getId().toString(),
                GuaranteeCallContract.CUSTOMER_NAME, invoice.getCustomer().getLegalName(),
                GuaranteeCallContract.OUTSTANDING_DISPLAY, "10 000,00 €");
    }

    private ProcessInstance callOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(GuaranteeCallContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    private UUID onlyCallOf(String number) {
        List<UUID> made = calls.ofInvoice(number);
        assertThat(made).hasSize(1);
        return made.get(0);
    }

    private List<Interaction> trail(String number) {
        return interactions.ofInvoice(invoices.get(number).getId(), 0, 100).getContent();
    }

    /** The letter's first page as target/screenshots/guarantee-call-letter.png, to look at. */
    private static void keepForTheReader(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path png = Path.of("target", "screenshots", "guarantee-call-letter.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90), "png", png.toFile());
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
        }
    }
}
