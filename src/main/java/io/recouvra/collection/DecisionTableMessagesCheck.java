package io.recouvra.collection;

import io.recouvra.collection.StrategyMessages.Ask;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the engine deployed the tables: every message the latest version of each decision
 * table can ask for (every rule, channel and template language) has its templates. If one does not, the
 * application does not start, and the error names the table, the rule, the kind, the channel, the
 * language and the missing file. Failing is the clear choice: a warning would be read after the first
 * debtor's message failed, and no Cockpit incident can exist without a process instance to hang on.
 */
@Component
class DecisionTableMessagesCheck {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableMessagesCheck.class);

    private final RepositoryService repository;
    private final MessageCatalog catalog;

    DecisionTableMessagesCheck(RepositoryService repository, MessageCatalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int checked = verify();
        log.info("Every message the decision tables can ask for has its templates ({} asked for, in {})", checked,
                catalog.languages());
    }

    /**
     * @return how many (rule, channel) asks were checked
     * @throws MissingMessageTemplates naming every rule that asks for a message no template can write
     */
    int verify() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            for (Ask ask : StrategyMessages.asks(repository.getDmnModelInstance(definition.getId()))) {
                if (!ask.table().equals(definition.getKey())) {
                    continue; // another decision of the same file: checked under its own definition
                }
                checked++;
                problems.addAll(problems(ask));
            }
        }
        if (!problems.isEmpty()) {
            throw new MissingMessageTemplates(problems);
        }
        return checked;
    }

    private List<String> problems(Ask ask) {
        Optional<Channel> channel = ask.knownChannel();
        if (channel.isEmpty()) {
            return List.of(ask.rule() + ": output " + ask.output() + " names channel \"" + ask.channel()
                    + "\", which is none of " + Arrays.toString(Channel.values()));
        }
        List<String> problems = new ArrayList<>();
        for (String language : catalog.languages()) {
            catalog.missingTemplate(ask.kind(), channel.get(), language).ifPresent(file -> problems.add(ask.rule()
                    + ": output " + ask.output() + " sends " + ask.kind() + " by " + ask.channel() + " (" + ask.tone()
                    + "), language " + language + ": " + file + " is missing"));
        }
        return problems;
    }

    /** What stops the start: the rules, and what to do about them. */
    static class MissingMessageTemplates extends IllegalStateException {

        MissingMessageTemplates(List<String> problems) {
            super("Decision tables ask for messages no template can write:\n- " + String.join("\n- ", problems)
                    + "\nAdd the template (src/main/resources/templates/messages/README.md) or change the rule,"
                    + " then deploy again.");
        }
    }
}
