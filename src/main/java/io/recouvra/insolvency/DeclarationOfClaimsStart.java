package io.recouvra.insolvency;

import static io.recouvra.insolvency.DeclarationOfClaimsContract.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import io.recouvra.trail.Actors;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the declaration of claims of proceedings once: when they are opened (the process then waits for the
 * BODACC publication, unless already known) or, if that was missed, when the publication is reported. Plain
 * listeners: the instance is stored in the transaction that records the proceedings, or not at all.
 */
@Component
class DeclarationOfClaimsStart {

    private final DeclaredProceedings proceedings;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final InteractionLog interactions;

    DeclarationOfClaimsStart(DeclaredProceedings proceedings, RuntimeService runtime, HistoryService history,
                             InteractionLog interactions) {
        this.interactions = interactions;
        this.proceedings = proceedings;
        this.runtime = runtime;
        this.history = history;
    }

    @EventListener
    void opened(InsolvencyOpened opened) {
        startOnce(opened.proceedingsId());
    }

    @EventListener
    void published(BodaccPublished published) {
        String key = published.proceedingsId().toString();
        if (startOnce(published.proceedingsId())) {
            return;
        }
        runtime.createMessageCorrelation(MESSAGE_BODACC_PUBLISHED).processInstanceBusinessKey(key)
                .setVariable(BODACC_PUBLISHED_ON, published.publishedOn().toString()).correlateAll();
    }

    /** Converted: the running declaration goes on, and says the proceedings' new kind and representative. */
    @EventListener
    void converted(ProceedingsConverted converted) {
        DeclaredProceedings.Facts facts = proceedings.facts(converted.proceedingsId());
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(converted.proceedingsId().toString()).list()
                .forEach(instance -> {
                    runtime.setVariable(instance.getId(), PROCEEDINGS_KIND_LABEL, facts.kindLabel());
                    runtime.setVariable(instance.getId(), REPRESENTATIVE_NAME, facts.representativeName());
                });
    }

    /**
     * Closed: the running declaration ends (its event sub-process "Clôture de la procédure"). Whoever recorded the
     * closing approves the write-off it brings, as the officer who records the closure in the outcome task does. An
     * instance left on a version of the model older than the closing (not migrated: the migration report names it)
     * has no subscription for the message: the trail says to end it by hand rather than leave it waiting unseen.
     */
    @EventListener
    void closed(ProceedingsClosed closed) {
        String key = closed.proceedingsId().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CLOSING_KIND, closed.closingKind().name());
        variables.put(CLOSING_JUDGMENT_DATE, closed.judgmentDate().toString());
        variables.put("outcomeDate", closed.judgmentDate().toString());
        variables.put("outcomeRecordedBy", Actors.current());
        boolean told = !runtime.createMessageCorrelation(MESSAGE_PROCEEDINGS_CLOSED).processInstanceBusinessKey(key)
                .setVariables(variables).correlateAllWithResult().isEmpty();
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key)
                .active().count() > 0;
        if (!told && running) {
            interactions.record(closed.customerId(), null, Medium.COURT, Direction.INTERNAL, Type.COURT_STEP,
                    "The declaration of claims runs on a version of its model that does not hear the closing: end it by hand",
                    "Migrate it to the latest version (engine migration report) or cancel it in Cockpit"
                            + (closed.closingKind() == ClosingKind.LIQUIDATION_INSUFFICIENT_ASSETS
                            ? ", and write off what the declared invoices still owe (reason INSOLVENCY)" : "") + ".");
        }
    }

    /** Returns whether it started one now. */
    private boolean startOnce(UUID proceedingsId) {
        String key = proceedingsId.toString();
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).count() > 0) {
            return false;
        }
        DeclaredProceedings.Facts facts = proceedings.facts(proceedingsId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PROCEEDINGS_ID, key);
        variables.put(CUSTOMER_ID, facts.customerId().toString());
        variables.put(CUSTOMER_NAME, facts.customerName());
        variables.put(PROCEEDINGS_KIND_LABEL, facts.kindLabel());
        variables.put(JUDGMENT_DATE, facts.judgmentDate().toString());
        variables.put(REPRESENTATIVE_NAME, facts.representativeName());
        variables.put(BODACC_PUBLISHED_ON, facts.bodaccPublishedOn() == null ? null : facts.bodaccPublishedOn().toString());
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, variables);
        return true;
    }
}
