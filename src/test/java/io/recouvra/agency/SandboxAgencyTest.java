package io.recouvra.agency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sandbox agency works a case on its script and calls back through the signed webhook path. */
@RecouvraTest
class SandboxAgencyTest {

    private static final LocalDate HANDOVER = LocalDate.of(2026, 11, 23);

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
    AgencyCases cases;
    @Autowired
    AgencyTestAccess agency;
    @Autowired
    SandboxAgencyWork sandbox;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void rates(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "SandboxAgencyTest", "2026-07-01");
    }

    @AfterAll
    static void removeRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "SandboxAgencyTest");
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aMidSizedCaseIsContactedPromisedPaidInPartThenRecovered() {
        BpmnAwareTests.init(engine);
        moveTo(HANDOVER);
        UUID debtor = customers.register(TestData.debtor("Scierie", TestData.wellRatedSiren(bureau), "FR")).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, debtor, null, HANDOVER.minusDays(60), HANDOVER.minusDays(30), new BigDecimal("5000.00"), "EUR"));
        runtime.startProcessInstanceByKey(AgencyHandoffContract.PROCESS_KEY, number, Variables.createVariables().putValue("invoiceNumber", number));
        agency.runJobs(number);
        ProcessInstance handoff = agency.handoffOf(number);

        moveTo(HANDOVER.plusDays(2));
        assertThat(sandbox.workOpenCases()).as("nothing before day 3").isZero();
        moveTo(HANDOVER.plusDays(14));
        sandbox.workOpenCases();
        agency.runJobs(number);
        assertThat(jdbc.queryForList("select type from recouvra.agency_update u join recouvra.agency_case c on c.id = u.case_id "
                + "where c.invoice_number = ? order by u.received_at, u.type", String.class, number))
                .containsExactlyInAnyOrder("CONTACTED", "PROMISE", "PARTIAL_PAYMENT");
        // 40 % of 5,000
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("3000.00");
        assertThat(sandbox.workOpenCases()).as("each step once").isZero();

        moveTo(HANDOVER.plusDays(30));
        sandbox.workOpenCases();
        agency.runJobs(number);

        assertThat(handoff).isEnded();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(cases.ofInvoice(number).get(0).outcome()).isEqualTo("RECOVERED");
        assertThat(cases.ofInvoice(number).get(0).commission()).as("12 % of 5,000").isEqualByComparingTo("600.00");
    }
}
