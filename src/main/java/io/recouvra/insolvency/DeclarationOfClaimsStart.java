package io.recouvra.insolvency;

import static io.recouvra.insolvency.DeclarationOfClaimsContract.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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

    DeclarationOfClaimsStart(DeclaredProceedings proceedings, RuntimeService runtime, HistoryService history) {
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
