package io.recouvra.insolvency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.RegistrationNumbers;
import io.recouvra.scoring.BureauAnswer;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.scoring.Scoring;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.InvalidInputException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Proceedings the credit bureau reports: a legal officer is asked once to check and record them (InsolvencyReport),
 * the form records them with the API's checks, "no" records nothing, and proceedings reported through the API end
 * the check.
 */
@RecouvraTest
class InsolvencyReportProcessTest {

    @Autowired
    Scoring scoring;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CustomerService customers;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    InteractionLog interactions;

    @Test
    void theBureausWordAsksALegalOfficerOnceWhoRecordsTheProceedings() {
        UUID customer = customers.register(TestData.debtor("Transports", insolventSiren(), "FR")).getId();

        scoring.score(customer);
        scoring.score(customer);

        Task check = task(customer);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("InsolvencyReport")
                .processInstanceBusinessKey(customer.toString()).count()).as("asked once, however often scored").isOne();
        assertThat(check.getName()).isEqualTo("Enregistrer la procédure collective : " + customers.get(customer).getLegalName());
        assertThat(tasks.createTaskQuery().taskId(check.getId()).taskCandidateGroup(RecouvraGroups.LEGAL).count()).isOne();
        assertThat(proceedings.openFor(customer)).as("nothing recorded on the bureau's word alone").isEmpty();

        Map<String, Object> form = new HashMap<>(Map.of("proceedingsConfirmed", "YES", "kind", "LIQUIDATION",
                "judgmentDate", "2026-11-02", "representativeName", "SELARL Liquidateurs", "representativeAddress", "2 rue X, 69002 Lyon"));
        assertThatThrownBy(() -> tasks.complete(check.getId(), form)).as("the court is missing")
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("court");
        assertThat(task(customer)).as("the task stays open").isNotNull();

        form.put("court", "Tribunal des activités économiques de Lyon");
        form.put("bodaccPublishedOn", "2026-11-12T00:00:00");
        tasks.complete(check.getId(), form);

        InsolvencyProceedings recorded = proceedings.openFor(customer).orElseThrow();
        assertThat(recorded.getReportedBy()).isEqualTo(ReportedBy.CREDIT_BUREAU);
        assertThat(recorded.getKind()).isEqualTo(ProceedingsKind.LIQUIDATION);
        assertThat(recorded.getJudgmentDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(recorded.getBodaccPublishedOn()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(customers.get(customer).getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(endOf(customer)).isEqualTo("EndEvent_ProceedingsChecked");

        scoring.score(customer);
        assertThat(task(customer)).as("proceedings open: the bureau's repeat asks nothing").isNull();
    }

    @Test
    void aLegalOfficerWhoFindsNoProceedingsRecordsNothing() {
        UUID customer = customers.register(TestData.debtor("Boucherie", insolventSiren(), "FR")).getId();
        scoring.score(customer);

        tasks.complete(task(customer).getId(), Map.of("proceedingsConfirmed", "NO", "checkNote", "rien au BODACC"));

        assertThat(proceedings.openFor(customer)).isEmpty();
        assertThat(customers.get(customer).getInsolvencyReportedOn()).isNull();
        assertThat(interactions.ofCustomer(customer, 0, 20).getContent())
                .anySatisfy(entry -> assertThat(entry.getSummary()).isEqualTo("Insolvency reported by the credit bureau not confirmed"));
    }

    @Test
    void proceedingsReportedThroughTheApiEndTheCheck() {
        UUID customer = customers.register(TestData.debtor("Imprimerie", insolventSiren(), "FR")).getId();
        scoring.score(customer);
        assertThat(task(customer)).isNotNull();

        proceedings.report(customer, new ProceedingsReport(ProceedingsKind.SAFEGUARD, LocalDate.of(2026, 10, 5), "TAE Lyon",
                "Me Dupont", "1 place Bellecour, 69002 Lyon", null, null, ReportedBy.PERSON, false));

        assertThat(task(customer)).isNull();
        assertThat(endOf(customer)).isEqualTo("EndEvent_NoLongerNeeded");
    }

    private Task task(UUID customer) {
        return tasks.createTaskQuery().processDefinitionKey("InsolvencyReport").processInstanceBusinessKey(customer.toString())
                .singleResult();
    }

    private String endOf(UUID customer) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey("InsolvencyReport")
                .processInstanceBusinessKey(customer.toString()).singleResult().getEndActivityId();
    }

    /** A valid SIREN, not registered yet, that the sandbox bureau reports in insolvency proceedings. */
    private String insolventSiren() {
        while (true) {
            String siren = TestData.siren();
            if (bureau.lookUp(siren) instanceof BureauAnswer.Found found && found.report().insolvencyProceedings()
                    && customers.findByRegistrationNumber(RegistrationNumbers.normalize(siren)).isEmpty()) {
                return siren;
            }
        }
    }
}
