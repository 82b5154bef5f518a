package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.collection.DecisionTableMessagesCheck.MissingMessageTemplates;
import io.recouvra.support.RecouvraTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up check reads the decision tables as deployed: a table deployed with a rule asking for a
 * message no template writes stops the application, and the error names the rule.
 */
@RecouvraTest
class DecisionTableMessagesCheckTest {

    @Autowired
    DecisionTableMessagesCheck check;
    @Autowired
    RepositoryService repository;

    @Test
    void theShippedTablesPassAndEveryAskIsChecked() {
        // 10 rules of DunningStrategy, 58 channels named across their pre-due and level outputs
        assertThat(check.verify()).isEqualTo(58);
    }

    @Test
    void aDeployedTableAskingForTheFirstReminderByLetterStopsTheStartNamingTheRule() throws IOException {
        String edited = editedStrategy("Rule_Default_Out6", "\"EMAIL\"", "\"EMAIL,LETTER\"");
        String deployment = repository.createDeployment().name("edited strategy")
                .addString("dunning-strategy-edited.dmn", edited).deploy().getId();
        try {
            assertThatThrownBy(check::onStart).isInstanceOf(MissingMessageTemplates.class)
                    .hasMessageContaining("table DunningStrategyEdited, rule 10 (Rule_Default: Good payers (risk class A or B)): "
                            + "output level1Channels sends REMINDER_1 by LETTER (COURTEOUS), language fr: "
                            + "templates/messages/reminder-1/letter.fr.html is missing")
                    .hasMessageContaining("language en: templates/messages/reminder-1/letter.en.html is missing")
                    .hasMessageContaining("Add the template")
                    .hasMessageNotContaining("Rule_HighRisk");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(check.verify()).isEqualTo(58);
    }

    @Test
    void aChannelNoAdapterKnowsIsNamedToo() throws IOException {
        String edited = editedStrategy("Rule_KeyAccount_Out3", "\"EMAIL\"", "\"EMAIL,FAX\"");
        String deployment = repository.createDeployment().name("edited strategy")
                .addString("dunning-strategy-edited.dmn", edited).deploy().getId();
        try {
            assertThatThrownBy(check::verify).isInstanceOf(MissingMessageTemplates.class)
                    .hasMessageContaining("table DunningStrategyEdited, rule 1 (Rule_KeyAccount: Key accounts: a call early, "
                            + "few automated messages): output preDueChannels names channel \"FAX\", which is none of [EMAIL, SMS, LETTER]");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    /** The shipped table under another decision id (the shipped one stays the latest DunningStrategy), one output changed. */
    private static String editedStrategy(String outputEntryId, String from, String to) throws IOException {
        String shipped = Files.readString(Path.of("processes/dunning-strategy.dmn"));
        String entry = "<outputEntry id=\"" + outputEntryId + "\" expressionLanguage=\"feel\"><text><![CDATA[";
        assertThat(shipped).contains(entry + from + "]]>");
        return shipped.replace(entry + from + "]]>", entry + to + "]]>")
                .replace("id=\"DunningStrategy\"", "id=\"DunningStrategyEdited\"")
                .replace("dmnElementRef=\"DunningStrategy\"", "dmnElementRef=\"DunningStrategyEdited\"")
                .replace("id=\"Definitions_DunningStrategy\"", "id=\"Definitions_DunningStrategyEdited\"");
    }
}
