package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.insurance.BuyerCovers;
import io.recouvra.insurance.CreditInsuranceClaimContract;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.insurance.InsuranceClaims;
import io.recouvra.insurance.InsurancePolicies;
import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.insurance.InsuredInvoices.Status;
import io.recouvra.insurance.SandboxCreditInsurer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insolvency proceedings against an insured buyer: the credit insurer is told through its port, and the insured
 * invoice born before the judgment is declared at once and claimed without the waiting period, through its own
 * CreditInsuranceClaim. The policy: declare within 15 days of the due date (2 days of margin), claim 30 days after
 * the declaration, 90 % of a named buyer's loss, and a reporting threshold of 50,000.00 that the 10,000.00 owed is
 * under (so that only the proceedings can make it declared now). The invoice, issued 24 October 2026, falls due on
 * Monday 23 November 2026 (its declaration day would be Friday 4 December); receivership is opened by the judgment
 * of Friday 20 November and reported on the 23rd.
 */
@RecouvraTest
class InsurerToldOfInsolvencyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 23);
    private static final LocalDate JUDGMENT = LocalDate.of(2026, 11, 20);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    BuyerCovers covers;
    @Autowired
    InsuredInvoices insured;
    @Autowired
    SandboxCreditInsurer insurer;
    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    InsuranceClaims insurance;

    @BeforeEach
    void aPolicyAndASandboxInsurer() {
        BpmnAwareTests.init(engine);
        insurer.reset();
        moveTo(DUE.minusDays(40));
        policies.set(new InsurancePolicies.Terms("Allianz Trade", "POL-INSOLVENCY", "EUR", new BigDecimal("90"), BigDecimal.ZERO,
                BigDecimal.ZERO, 120, "DUE_DATE", "P15D", "P0D", "P30D", new BigDecimal("50000"), 2));
    }

    @AfterEach
    void noPolicyForTheOtherTests() {
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
        ClockUtil.reset();
    }

    @Test
    void theInsurerIsToldAndTheInsuredInvoiceIsDeclaredAndClaimedAtOnce() {
        UUID buyer = coveredBuyer();
        String number = insuredInvoice(buyer);
        ProcessInstance claim = claimOf(number);

        InsolvencyProceedings proceedings = report(buyer);

        String siren = customers.get(buyer).getRegistrationNumber();
        assertThat(insurer.insolvenciesReported()).containsEntry(siren + "@" + JUDGMENT, new InsolvencyNotice("RECEIVERSHIP",
                JUDGMENT, "Tribunal des activités économiques de Lyon", "Maître Anne Rivière"));
        assertThat(trail(buyer)).contains("Allianz Trade told of the insolvency proceedings (RECEIVERSHIP) opened by the judgment"
                + " of 2026-11-20: a claim event under the policy, so the insured invoices born before the judgment are declared"
                + " at once and their claims filed without the waiting period");

        jobs.runDueKeepingFailures(claim);

        assertThat(claim).as("declared eleven days before its declaration day, under the threshold, then claimed the same day")
                .hasPassed("Task_DeclareOverdue", "Task_HandOver", "Task_FileClaim");
        assertThat(insured.of(number).orElseThrow().status()).isEqualTo(Status.CLAIMED);
        assertThat(insured.of(number).orElseThrow().claimedAmount()).as("90 %% of 10,000.00").isEqualByComparingTo("9000.00");
        assertThat(trail(buyer)).anyMatch(entry -> entry.equals("Handed over to Allianz Trade: dunning stops; insolvency"
                + " proceedings: the claim is filed at once, without the waiting period"));

        register.recordBodaccPublication(proceedings.getId(), DUE);
        jobs.runDueKeepingFailures(declarationOf(proceedings));
        assertThat(trail(buyer)).anyMatch(entry -> entry.startsWith("Declaration of claims prepared"));
        assertThat(insurer.insolvenciesReported()).as("told once").hasSize(1);
        assertThat(trail(buyer).stream().filter(entry -> entry.startsWith("Allianz Trade told of the insolvency"))).hasSize(1);
    }

    @Test
    void anInsurerThatCannotBeReachedLeavesTheProceedingsRecordedAndIsToldWhenTheDeclarationIsPrepared() {
        UUID buyer = coveredBuyer();
        insuredInvoice(buyer);
        insurer.beUnreachableFor(1);

        InsolvencyProceedings proceedings = report(buyer);

        assertThat(register.openFor(buyer)).isPresent();
        assertThat(insurer.insolvenciesReported()).isEmpty();
        assertThat(trail(buyer)).anyMatch(entry -> entry.startsWith("Allianz Trade could not be told of the insolvency proceedings"
                + " (RECEIVERSHIP) opened by the judgment of 2026-11-20: tried again when the declaration of claims is prepared"));

        register.recordBodaccPublication(proceedings.getId(), DUE);
        jobs.runDueKeepingFailures(declarationOf(proceedings));

        assertThat(insurer.insolvenciesReported()).containsOnlyKeys(customers.get(buyer).getRegistrationNumber() + "@" + JUDGMENT);
        assertThat(trail(buyer)).anyMatch(entry -> entry.startsWith("Allianz Trade told of the insolvency proceedings (RECEIVERSHIP)"));
    }

    /**
     * Unreachable when the proceedings are recorded and again when the declaration of claims is prepared: the credit
     * managers get one task, in French, saying whom, which proceedings and which policy. A third failure raises no
     * second task; completing it records the notice as told by hand, and the insurer is not asked again.
     */
    @Test
    void anInsurerThatFailsTwiceLeavesOneTaskToTellItByHandWhoseCompletionRecordsTheNotice() {
        UUID buyer = coveredBuyer();
        insuredInvoice(buyer);
        String name = customers.get(buyer).getLegalName();
        insurer.beUnreachableFor(1);
        InsolvencyProceedings proceedings = report(buyer);
        assertThat(byHandTasks(buyer)).as("one failure: tried again when the declaration is prepared").isEmpty();

        insurer.beUnreachableFor(1);
        register.recordBodaccPublication(proceedings.getId(), DUE);
        jobs.runDueKeepingFailures(declarationOf(proceedings));

        assertThat(insurer.insolvenciesReported()).isEmpty();
        Task task = byHandTasks(buyer).get(0);
        assertThat(byHandTasks(buyer)).hasSize(1);
        assertThat(task.getName()).isEqualTo("Déclarer la procédure à l'assureur à la main : " + name);
        assertThat(task.getDescription()).startsWith("Allianz Trade n'a pas pu être informé par son interface, après deux essais,"
                + " de la procédure collective de " + name + " : redressement judiciaire ouverte par le jugement du 20 novembre 2026"
                + " (Tribunal des activités économiques de Lyon). Police POL-INSOLVENCY : déclarez-la à l'assureur comme la police"
                + " l'exige (portail, courrier), puis terminez cette tâche ; Recouvra la note comme déclarée à la main."
                + " Dernière erreur : ").contains("unreachable");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).containsExactly("credit-managers");
        assertThat(trail(buyer)).anyMatch(entry -> entry.startsWith("Allianz Trade could not be told of the insolvency proceedings"
                + " (RECEIVERSHIP) opened by the judgment of 2026-11-20: a credit manager tells it by hand (Tasklist)"));

        insurer.beUnreachableFor(1);
        assertThat(insurance.buyerInsolvent(buyer, notice())).isFalse();
        assertThat(byHandTasks(buyer)).as("a third failure raises no second task").hasSize(1);

        identity.setAuthentication("claire", List.of("credit-managers"));
        try {
            tasks.complete(task.getId());
        } finally {
            identity.clearAuthentication();
        }

        assertThat(jdbc.queryForObject("""
                select told_by_hand_by from recouvra.insurer_insolvency_notice
                where customer_id = ? and judgment_date = ? and told_at is not null""", String.class, buyer, JUDGMENT))
                .isEqualTo("claire");
        assertThat(insurance.insurerKnowsOfInsolvency(buyer, JUDGMENT)).isTrue();
        assertThat(trail(buyer)).contains("Insurer told by hand by claire of the insolvency proceedings opened by the judgment"
                + " of 2026-11-20");
        assertThat(insurance.buyerInsolvent(buyer, notice())).as("known: not asked again").isTrue();
        assertThat(insurer.insolvenciesReported()).isEmpty();
        assertThat(byHandTasks(buyer)).as("no second task").isEmpty();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(byHandTaskId(buyer)).count()).as("ever one task").isOne();
    }

    private static InsolvencyNotice notice() {
        return new InsolvencyNotice("RECEIVERSHIP", JUDGMENT, "Tribunal des activités économiques de Lyon", "Maître Anne Rivière");
    }

    /** The buyer's "tell the insurer by hand" task, if still open: a standalone task, its id says whose proceedings. */
    private List<Task> byHandTasks(UUID buyer) {
        return tasks.createTaskQuery().taskId(byHandTaskId(buyer)).list();
    }

    private static String byHandTaskId(UUID buyer) {
        return "insurer-notice-" + buyer + "-" + JUDGMENT;
    }

    @Test
    void aBuyerWithNoInsuredInvoiceIsNotReported() {
        UUID buyer = customers.register(TestData.debtor("Scierie", TestData.wellRatedSiren(bureau), "FR")).getId();
        moveTo(DUE);
        invoices.register(new NewInvoice(TestData.invoiceNumber(), buyer, null, DUE.minusDays(150), DUE, new BigDecimal("800.00"),
                "EUR"));

        report(buyer);

        assertThat(insured.ofCustomer(buyer)).as("150 days of terms: beyond the policy's 120").isEmpty();
        assertThat(insurer.insolvenciesReported()).isEmpty();
    }

    private InsolvencyProceedings report(UUID buyer) {
        return register.report(buyer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, JUDGMENT,
                "Tribunal des activités économiques de Lyon", "Maître Anne Rivière", "10 rue de Bonnel, 69003 Lyon", null, null,
                ReportedBy.PERSON, false));
    }

    private UUID coveredBuyer() {
        UUID buyer = customers.register(TestData.debtor("Menuiserie", TestData.wellRatedSiren(bureau), "FR")).getId();
        covers.requestLimit(buyer, new BigDecimal("50000"));
        moveTo(DUE.minusDays(38));
        assertThat(covers.sync(buyer)).hasValueSatisfying(cover -> assertThat(cover.coversOn(DUE.minusDays(38))).isTrue());
        return buyer;
    }

    /** 10,000.00 issued 24 October 2026, due 23 November; the day moves to the due date. */
    private String insuredInvoice(UUID buyer) {
        moveTo(DUE.minusDays(30));
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, buyer, null, DUE.minusDays(30), DUE, new BigDecimal("10000.00"), "EUR"));
        assertThat(insured.isInsured(number)).isTrue();
        moveTo(DUE);
        return number;
    }

    private ProcessInstance declarationOf(InsolvencyProceedings proceedings) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.getId().toString()).singleResult();
    }

    private ProcessInstance claimOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CreditInsuranceClaimContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }
}
