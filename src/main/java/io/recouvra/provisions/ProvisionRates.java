package io.recouvra.provisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The provision rates as the process owner last deployed them (processes/provision-rate.dmn).
 *
 * <p>The tables are evaluated with a standalone DMN engine on the deployed model rather than through the
 * engine's DecisionService: a report evaluates the age table once per distinct age, and each
 * DecisionService call would write a decision instance to the engine's history. The report keeps the
 * rate of every line and the tables' version instead.
 */
@Component
class ProvisionRates {

    static final String DECISION_KEY = "ProvisionRate";
    static final String AGE_BUCKET_KEY = "AgeBucket";

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** The latest version, parsed once with what it evaluated since: a deployment never changes. */
    private volatile RateTable latest;

    ProvisionRates(RepositoryService repository) {
        this.repository = repository;
    }

    RateTable latest() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("the " + DECISION_KEY + " decision is not deployed");
        }
        RateTable current = latest;
        if (current == null || !current.definitionId().equals(definition.getId())) {
            // two reports may parse the same new version at once: harmless, one of them is kept
            current = parse(definition.getId(), definition.getVersion());
            latest = current;
        }
        return current;
    }

    private RateTable parse(String definitionId, int version) {
        try (InputStream model = repository.getDecisionModel(definitionId)) {
            DmnDecisionRequirementsGraph graph = dmn.parseDecisionRequirementsGraph(model);
            return new RateTable(dmn, required(graph, AGE_BUCKET_KEY), required(graph, DECISION_KEY), definitionId, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DmnDecision required(DmnDecisionRequirementsGraph graph, String key) {
        DmnDecision decision = graph.getDecision(key);
        if (decision == null) {
            throw new IllegalStateException("processes/provision-rate.dmn has no " + key + " decision");
        }
        return decision;
    }
}
