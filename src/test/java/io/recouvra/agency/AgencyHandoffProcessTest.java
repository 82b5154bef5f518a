package io.recouvra.agency;

import static io.recouvra.support.EngineClock.moveTo;
import io.recouvra.interest.LatePaymentRates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.insolvency.InsolvencyProceedings;
import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.InsolvencyReportContract;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * AgencyHandoff on every path, with the sandbox agencies of the test configuration (Nord Recouvrement:
 * 12 % commission, 6 % on direct payments, 120-day mandate; Euro Collect through a drop folder) and time
 * moved by the engine clock. Invoices fell due on 1 October 2026 and are handed over on 23 November:
 * 53 days of interest at 12.15 % (ECB 2.15 + 10 points).
 */
@RecouvraTest
class AgencyHandoffProcessTest {

    private static final LocalDate DUE = LocalDate.of(2026, 10, 1);
    private static final LocalDate HANDOVER = LocalDate.of(2026, 11, 23);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    AgencyCases cases;
    @Autowired
    AgencyTestAccess agency;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void ratesForTheHalfYearsTheseTestsCross(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "AgencyHandoffProcessTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "AgencyHandoffProcessTest");
    }

    @BeforeEach
    void handOverDay() {
        BpmnAwareTests.init(engine);
        moveTo(HANDOVER);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void recoveredInTwoPaymentsBookedWithTheAgencysCommission() {
        UUID debtor = debtor("FR");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);

        assertThat(handoff).hasPassed("Task_TransferCase").isWaitingAt("Gateway_AgencyWorking");
        assertThat(runtime.getVariable(handoff.getId(), "agencyId")).isEqualTo("nord-recouvrement");
        AgencyCases.AgencyCaseView handed = cases.ofInvoice(number).get(0);
        // 8,000.00 × 12.15 % × 53 / 365 = 141.14
        assertThat(handed.principal()).isEqualByComparingTo("8000.00");
        assertThat(handed.interest()).isEqualByComparingTo("141.14");
        assertThat(handed.indemnityEur()).isEqualByComparingTo("40.00");
        assertThat(handed.agencyReference()).startsWith("SBX-");
        assertThat(handed.mandateEndsOn()).isEqualTo(HANDOVER.plusDays(120));
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WITH_AGENCY);

        assertThat(agency.report(number, "PARTIAL_PAYMENT", new BigDecimal("3000.00"))).isEqualTo("APPLIED");
        agency.runJobs(number);
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("5000.00");
        assertThat(cases.ofInvoice(number).get(0).paidDirectlyReported()).as("the agency's own money is not reported back").isZero();
        assertThat(agency.report(number, "RECOVERED", null)).isEqualTo("APPLIED");
        agency.runJobs(number);

        assertThat(handoff).isEnded().hasPassed("Task_CloseSettledCase", "Task_HandBackSettled");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
        AgencyCases.AgencyCaseView closed = cases.ofInvoice(number).get(0);
        assertThat(closed.outcome()).isEqualTo("RECOVERED");
        assertThat(closed.collectedByAgency()).isEqualByComparingTo("8000.00");
        // 12 % of 3,000 + 12 % of 5,000
        assertThat(closed.commission()).isEqualByComparingTo("960.00");
        assertThat(jdbc.queryForList("select bank_reference from recouvra.payment p join recouvra.payment_allocation a on a.payment_id = p.id "
                + "join recouvra.invoice i on i.id = a.invoice_id where i.number = ?", String.class, number))
                .hasSize(2).allMatch(reference -> reference.startsWith("AGENCY nord-recouvrement "));
        assertThat(outcomeFor(handoff)).isEqualTo("CLOSED");
    }

    @Test
    void partlyRecoveredTheRestGoesBackToCollection() {
        UUID debtor = debtor("FR");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);

        agency.report(number, "RECOVERED", new BigDecimal("5000.00"));
        agency.runJobs(number);

        assertThat(handoff).isEnded().hasPassed("Task_CloseReportedCase", "Task_HandBack");
        assertThat(cases.ofInvoice(number).get(0).outcome()).isEqualTo("PARTLY_RECOVERED");
        assertThat(invoices.get(number).getStatus()).as("back in the receivables").isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("3000.00");
        assertThat(outcomeFor(handoff)).isEqualTo("RETURNED");
    }

    @Test
    void unrecoverableAndTheNextHandOffGoesToTheOtherAgency() {
        UUID debtor = debtor("FR");
        String first = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(first);

        agency.report(first, "UNRECOVERABLE", null);

        assertThat(handoff).isEnded().hasPassed("Task_CloseReportedCase");
        assertThat(cases.ofInvoice(first).get(0).outcome()).isEqualTo("UNRECOVERABLE");
        assertThat(invoices.get(first).getStatus()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(outcomeFor(handoff)).isEqualTo("RETURNED");

        ProcessInstance next = handOver(invoice(debtor, "900.00"));
        assertThat(runtime.getVariable(next.getId(), "agencyId")).as("past results").isEqualTo("grands-comptes-contentieux");
    }

    @Test
    void theMandateEndsWithoutAResultAndTheCaseIsRecalledFromTheDropFolder() throws Exception {
        UUID debtor = debtor("BE");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);
        AgencyCases.AgencyCaseView handed = cases.ofInvoice(number).get(0);
        assertThat(handed.agencyId()).isEqualTo("euro-collect");
        Path folder = Path.of("target/test-agency-drop", handed.caseId().toString());
        assertThat(Files.readString(folder.resolve("case.csv"))).contains(";8000.00;141.14;40.00;8181.14;" + HANDOVER.plusDays(150));
        assertThat(Files.readString(folder.resolve("invoices.csv"))).contains(number + ";2026-09-01;2026-10-01;8000.00;8000.00;EUR");
        assertThat(Files.readString(folder.resolve("history.csv"))).startsWith("occurred_at;medium;direction;type;summary");

        moveTo(HANDOVER.plusDays(150));
        agency.runJobs(number);
        assertThat(handoff).as("the mandate's last day").isWaitingAt("Gateway_AgencyWorking");
        moveTo(HANDOVER.plusDays(151));
        agency.runJobs(number);

        assertThat(handoff).isEnded().hasPassed("Timer_MandateEnds", "Task_RecallCase", "Task_HandBack");
        assertThat(cases.ofInvoice(number).get(0).outcome()).isEqualTo("MANDATE_EXPIRED");
        assertThat(Files.readString(Path.of("target/test-agency-drop/updates", handed.caseId() + "-recall.csv")))
                .contains(number + ";RECALL;mandate expired on " + HANDOVER.plusDays(150));
        assertThat(outcomeFor(handoff)).isEqualTo("RETURNED");
    }

    @Test
    void anInsolventDebtorIsCheckedByALegalOfficerWhoRecordsTheProceedingsAndTheCaseReturned() {
        UUID debtor = debtor("FR");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);

        agency.report(number, "DEBTOR_INSOLVENT", null);

        assertThat(handoff).isEnded();
        assertThat(cases.ofInvoice(number).get(0).outcome()).isEqualTo("DEBTOR_INSOLVENT");
        assertThat(outcomeFor(handoff)).isEqualTo("RETURNED");
        assertThat(customers.get(debtor).getInsolvencyReportedOn()).as("nothing recorded on the agency's word alone").isNull();
        Task check = tasks.createTaskQuery().processDefinitionKey(InsolvencyReportContract.PROCESS_KEY)
                .processInstanceBusinessKey(debtor.toString()).singleResult();
        assertThat(check).as("the legal officers are asked to check, as for the credit bureau").isNotNull();
        assertThat(check.getName()).isEqualTo("Enregistrer la procédure collective : " + customers.get(debtor).getLegalName());
        assertThat(runtime.getVariable(check.getProcessInstanceId(), InsolvencyReportContract.REPORTED_BY)).isEqualTo("AGENCY");
        assertThat((String) runtime.getVariable(check.getProcessInstanceId(), InsolvencyReportContract.BUREAU_SUMMARY))
                .startsWith("collection agency Nord Recouvrement (sandbox), invoice " + number + ", on " + HANDOVER);

        tasks.complete(check.getId(), Map.of("proceedingsConfirmed", "YES", "kind", "RECEIVERSHIP", "judgmentDate", "2026-11-16",
                "court", "Tribunal des activités économiques de Lille", "representativeName", "SELARL Mandataires du Nord",
                "representativeAddress", "1 rue Nationale, 59000 Lille"));

        InsolvencyProceedings recorded = proceedings.openFor(debtor).orElseThrow();
        assertThat(recorded.getReportedBy()).isEqualTo(ReportedBy.AGENCY);
        assertThat(customers.get(debtor).getInsolvencyReportedOn()).as("the judgment's day, not the agency's").isEqualTo(
                LocalDate.of(2026, 11, 16));
    }

    @Test
    void paymentsToTheCreditorAreReportedToTheAgencyWithItsDirectPaymentCommission() {
        UUID debtor = debtor("FR");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);

        pay(debtor, number, "1000.00", "VIR-1");
        agency.runJobs(number);
        assertThat(cases.ofInvoice(number).get(0).paidDirectlyReported()).isEqualByComparingTo("1000.00");
        assertThat(handoff).isWaitingAt("Gateway_AgencyWorking");
        pay(debtor, number, "7000.00", "VIR-2");
        agency.runJobs(number);

        assertThat(handoff).isEnded().hasPassed("Task_CloseSettledCase");
        AgencyCases.AgencyCaseView closed = cases.ofInvoice(number).get(0);
        assertThat(closed.outcome()).isEqualTo("PAID_DIRECTLY");
        assertThat(closed.paidDirectlyReported()).isEqualByComparingTo("8000.00");
        // 6 % of 1,000 + 6 % of 7,000
        assertThat(closed.commission()).isEqualByComparingTo("480.00");
        assertThat(outcomeFor(handoff)).isEqualTo("CLOSED");
    }

    @Test
    void aWriteOffRecallsTheCase() {
        UUID debtor = debtor("FR");
        String number = invoice(debtor, "8000.00");
        ProcessInstance handoff = handOver(number);

        invoices.writeOff(number, "debtor vanished");
        agency.runJobs(number);

        assertThat(handoff).isEnded().hasPassed("Task_CloseSettledCase");
        assertThat(cases.ofInvoice(number).get(0).outcome()).isEqualTo("WRITTEN_OFF");
        assertThat(outcomeFor(handoff)).isEqualTo("CLOSED");
    }

    @Test
    void withoutTheHalfYearsLatePaymentRateTheHandOffWaitsVisiblyThenGoesOnOnceItIsRecorded(@Autowired LatePaymentRates rates) {
        // 2041's first half has no rates (no test records them for good)
        moveTo(LocalDate.of(2041, 2, 20));
        UUID debtor = debtor("FR");
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, debtor, null, LocalDate.of(2040, 12, 21), LocalDate.of(2041, 1, 20),
                new BigDecimal("8000.00"), "EUR"));
        try {
            ProcessInstance handoff = handOver(number);

            assertThat(handoff).isWaitingAt("WaitForLatePaymentRate_OpenAgencyCase");
            assertThat(runtime.createIncidentQuery().processInstanceId(handoff.getId()).count()).as("no incident").isZero();
            assertThat(cases.ofInvoice(number)).as("no case opened yet").isEmpty();

            rates.record(LocalDate.of(2041, 1, 1), new BigDecimal("2.00"), new BigDecimal("3.00"), "test", "test");
            agency.runJobs(number);

            assertThat(handoff).hasPassed("Task_OpenAgencyCase", "Task_TransferCase").isWaitingAt("Gateway_AgencyWorking");
            // 21 January - 20 February 2041 = 31 days at 2.00 + 10 = 12.00 %: 8,000 × 12.00 × 31 / 36,500 = 81.5342 -> 81.53
            assertThat(cases.ofInvoice(number).get(0).interest()).isEqualByComparingTo("81.53");
        } finally {
            jdbc.update("delete from recouvra.late_payment_rate where half_year_start = date '2041-01-01'");
        }
    }

    private ProcessInstance handOver(String number) {
        var invoice = invoices.get(number);
        runtime.startProcessInstanceByKey(AgencyHandoffContract.PROCESS_KEY, number, Variables.createVariables()
                .putValue("invoiceNumber", number).putValue("invoiceId", invoice.getId().toString())
                .putValue("customerId", invoice.getCustomer().getId().toString())
                .putValue("customerName", invoice.getCustomer().getLegalName()).putValue("outstandingDisplay", "8 000,00 €"));
        agency.runJobs(number);
        return agency.handoffOf(number);
    }

    private String outcomeFor(ProcessInstance handoff) {
        return (String) history.createHistoricVariableInstanceQuery().processInstanceId(handoff.getId())
                .variableName(AgencyHandoffContract.HANDOFF_OUTCOME).singleResult().getValue();
    }

    private UUID debtor(String country) {
        return customers.register(TestData.debtor("Boulangerie", TestData.wellRatedSiren(bureau), country)).getId();
    }

    private String invoice(UUID debtor, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, debtor, null, LocalDate.of(2026, 9, 1), DUE, new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(UUID debtor, String number, String amount, String reference) {
        payments.register(new NewPayment(debtor, new BigDecimal(amount), "EUR", HANDOVER, reference + "-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }
}
