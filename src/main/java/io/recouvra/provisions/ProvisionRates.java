package io.recouvra.provisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The provision rates as the process owner last deployed them (processes/provision-rate.dmn).
 *
 * <p>The table is evaluated with a standalone DMN engine on the deployed model rather than through the
 * engine's DecisionService: a report evaluates it hundreds of times, and each DecisionService call would
 * write a decision instance to the engine's history. The report keeps the rate of every line and the
 * table's version instead.
 */
@Component
class ProvisionRates {

    static final String DECISION_KEY = "ProvisionRate";

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Parsed once per deployed version: a deployment never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    ProvisionRates(RepositoryService repository) {
        this.repository = repository;
    }

    RateTable latest() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("the " + DECISION_KEY + " decision is not deployed");
        }
        return new RateTable(dmn, parsed.computeIfAbsent(definition.getId(), this::parse), definition.getVersion());
    }

    private DmnDecision parse(String definitionId) {
        try (InputStream model = repository.getDecisionModel(definitionId)) {
            return dmn.parseDecision(DECISION_KEY, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
