package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.agency.AgencyCaseEnded;
import io.recouvra.insurance.InsuranceClaimEnded;
import io.recouvra.insurance.InsurerTookOver;
import io.recouvra.legal.CourtCaseEnded;
import io.recouvra.legal.LegalCases;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agency, court and insurance cases announce their ends as events of their own modules; what
 * collection makes of them for the Escalation waiting on the invoice (business key), on the real engine.
 * The callees' own steps publishing them are driven in EscalationProcessTest and the features' process tests.
 */
@RecouvraTest
class SiblingProcessEventsTest {

    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    LegalCases legalCases;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    CollectionTestAccess collection;

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        EngineClock.moveTo(START);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest
    @CsvSource({"CLOSED, EndEvent_EscalationClosed", "RETURNED, EndEvent_Returned"})
    void theAgencyCasesEndReachesTheEscalationWithItsOutcome(AgencyCaseEnded.Outcome outcome, String end) {
        String number = overdueInvoice();
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_AGENCY_OUTCOME, "AGENCY");
        assertThat(escalation).isWaitingAt("Task_AgencyHandoff");

        events.publishEvent(new AgencyCaseEnded(number, outcome));

        assertThat(escalation).isEnded().hasPassed(end);
        assertThat(collection.lastValue(escalation, EscalationContract.OUTCOME)).isEqualTo(outcome.name());
    }

    @Test
    void aCourtCaseReturnedUnpaidSendsTheEscalationOnAnotherRoute() {
        String number = overdueInvoice();
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_COURT_OUTCOME, "LEGAL_INJUNCTION");
        UUID courtCase = legalCases.caseOf(number);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.IN_COURT);

        legalCases.end(courtCase, CourtCaseEnded.Outcome.RETURNED, "claim dismissed");

        assertThat(escalation).isEnded().hasPassed("EndEvent_Returned");
        assertThat(collection.lastValue(escalation, EscalationContract.OUTCOME)).isEqualTo(EscalationContract.OUTCOME_RETURNED);
        assertThat(invoices.get(number).getStatus()).as("back from court").isNotEqualTo(InvoiceStatus.IN_COURT);
    }

    @Test
    void theInsuranceClaimsEndSendsTheEscalationOnUninsured() {
        String number = overdueInvoice();
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_INSURER_OUTCOME, null);

        events.publishEvent(new InsuranceClaimEnded(number));

        assertThat(escalation).isEnded().hasPassed("EndEvent_Returned");
        assertThat(collection.lastValue(escalation, EscalationContract.OUTCOME)).isEqualTo(EscalationContract.OUTCOME_RETURNED);
        assertThat(collection.lastValue(escalation, EscalationContract.INSURED)).isEqualTo(false);
    }

    @Test
    void theEscalationHearsTheEndOnlyIfTheStepThatAnnouncedItCommits() {
        String number = overdueInvoice();
        ProcessInstance escalation = resumedAt(number, EscalationContract.RESUME_AT_AGENCY_OUTCOME, "AGENCY");

        transactions.executeWithoutResult(step -> {
            events.publishEvent(new AgencyCaseEnded(number, AgencyCaseEnded.Outcome.CLOSED));
            step.setRollbackOnly(); // the callee's step fails after announcing its end
        });

        assertThat(escalation).isWaitingAt("Task_AgencyHandoff");
    }

    @Test
    void anEndNobodyWaitsForChangesNothing() {
        String nobodysInvoice = TestData.invoiceNumber();

        assertThatCode(() -> {
            events.publishEvent(new AgencyCaseEnded(nobodysInvoice, AgencyCaseEnded.Outcome.RETURNED));
            events.publishEvent(new CourtCaseEnded(nobodysInvoice, CourtCaseEnded.Outcome.CLOSED));
            events.publishEvent(new InsuranceClaimEnded(nobodysInvoice));
            events.publishEvent(new InsurerTookOver(nobodysInvoice));
        }).doesNotThrowAnyException();
    }

    /** Escalation started as InvoiceCollection's call activity starts it, re-entering a wait. */
    private ProcessInstance resumedAt(String number, String resumeAt, String route) {
        var invoice = invoices.get(number);
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvoiceCollectionContract.INVOICE_NUMBER, number);
        variables.put(InvoiceCollectionContract.INVOICE_ID, invoice.getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_ID, invoice.getCustomer().getId().toString());
        variables.put(InvoiceCollectionContract.CUSTOMER_NAME, invoice.getCustomer().getLegalName());
        variables.put(InvoiceCollectionContract.OUTSTANDING_DISPLAY, "450,00 €");
        variables.put(EscalationContract.AGENCY_ATTEMPTS, 0);
        variables.put(EscalationContract.LEGAL_ATTEMPTS, 0);
        variables.put(EscalationContract.RESUME_AT, resumeAt);
        variables.put(EscalationContract.ROUTE, route);
        variables.put(EscalationContract.REASON, "chosen earlier");
        variables.put(EscalationContract.DECISION, null);
        ProcessInstance escalation = runtime.startProcessInstanceByKey(EscalationContract.PROCESS_KEY, number, variables);
        collection.runJobs(escalation);
        return escalation;
    }

    /** An invoice a day overdue, of a standard, well-rated customer. */
    private String overdueInvoice() {
        UUID customer = customers.register(new NewCustomer("Garage " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau), "FR",
                "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "STANDARD")).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, START.minusDays(31), START.minusDays(1), new BigDecimal("450.00"), "EUR"));
        return number;
    }
}
