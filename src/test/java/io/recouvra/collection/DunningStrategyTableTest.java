package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.RecouvraTest;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** processes/dunning-strategy.dmn, as deployed, on its boundaries. */
@RecouvraTest
class DunningStrategyTableTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;

    @ParameterizedTest(name = "{0} {1} {2} EUR insured={3} late={4} broken={5} -> pre-due {6}, {8} levels, {10}, call {12}")
    @CsvSource(nullValues = "none", value = {
            // class, type, amount, insured, late, broken -> preDue, preDueChannels, levels, days, tone, level3, call, after
            "A, STANDARD, 1000, false, 0, 0, 3, EMAIL, 3, 10, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "B, STANDARD, 499.99, false, 0, 0, none, none, 2, 15, COURTEOUS, none, false, none",
            "B, STANDARD, 500, false, 0, 0, 3, EMAIL, 3, 10, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "A, STANDARD, 49999.99, false, 0, 0, 3, EMAIL, 3, 10, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "A, STANDARD, 50000, false, 0, 0, 10, EMAIL, 3, 10, COURTEOUS, 'EMAIL,LETTER', true, 1",
            "A, STANDARD, 1000, false, 2, 0, 3, EMAIL, 3, 10, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "A, STANDARD, 1000, false, 3, 0, 5, EMAIL, 3, 10, COURTEOUS, 'EMAIL,SMS,LETTER', true, 2",
            "A, STANDARD, 100, false, 0, 1, 7, 'EMAIL,SMS', 3, 7, FIRM, 'EMAIL,SMS,LETTER', true, 1",
            "C, STANDARD, 1000, false, 0, 0, 5, EMAIL, 3, 10, FIRM, 'EMAIL,SMS,LETTER', true, 2",
            "D, STANDARD, 100, false, 0, 0, 10, 'EMAIL,SMS', 3, 7, FIRM, 'EMAIL,SMS,LETTER', true, 1",
            "E, STANDARD, 1000, true, 0, 0, 10, 'EMAIL,SMS', 3, 7, FIRM, 'EMAIL,SMS,LETTER', true, 1",
            "B, STANDARD, 1000, true, 0, 0, 5, EMAIL, 3, 7, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "C, STANDARD, 1000, true, 0, 0, 5, EMAIL, 3, 7, COURTEOUS, 'EMAIL,LETTER', true, 2",
            "E, KEY_ACCOUNT, 100000, false, 5, 2, 7, EMAIL, 2, 10, COURTEOUS, none, true, 1",
            "D, PUBLIC_SECTOR, 100000, false, 5, 2, none, none, 2, 15, FORMAL, none, false, none"})
    void choosesTheStrategy(String riskClass, String customerType, double amount, boolean insured, int latePayments,
                            int brokenPromises, Integer preDueDays, String preDueChannels, int levels,
                            int daysBetween, String tone, String level3Channels, boolean call, Integer callAfter) {
        Map<String, Object> strategy = decisions.evaluateDecisionTableByKey("DunningStrategy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("customerType", customerType).putValue("amount", amount)
                        .putValue("insured", insured).putValue("latePayments", latePayments)
                        .putValue("brokenPromises", brokenPromises))
                .getSingleResult().getEntryMap();

        assertThat(strategy.get("graceDays")).isEqualTo(switch (customerType) {
            case "KEY_ACCOUNT" -> 5;
            case "PUBLIC_SECTOR" -> 10;
            default -> 0;
        });
        assertThat(strategy.get("preDueReminderDays")).isEqualTo(preDueDays);
        assertThat(strategy.get("preDueChannels")).isEqualTo(preDueChannels);
        assertThat(strategy.get("dunningLevels")).isEqualTo(levels);
        assertThat(strategy.get("daysBetweenLevels")).isEqualTo(daysBetween);
        assertThat(strategy.get("tone")).isEqualTo(tone);
        assertThat(strategy.get("level3Channels")).isEqualTo(level3Channels);
        assertThat(strategy.get("collectorCall")).isEqualTo(call);
        assertThat(strategy.get("callAfterLevel")).isEqualTo(callAfter);
    }

    @ParameterizedTest(name = "class {0}")
    @CsvSource({"A", "B", "C", "D", "E"})
    void everyCombinationGetsACompleteStrategy(String riskClass) {
        for (String type : new String[] {"STANDARD", "KEY_ACCOUNT", "PUBLIC_SECTOR"}) {
            for (double amount : new double[] {0.01, 499.99, 500, 50_000, 1_000_000}) {
                for (boolean insured : new boolean[] {false, true}) {
                    Map<String, Object> strategy = decisions.evaluateDecisionTableByKey("DunningStrategy",
                            Variables.createVariables().putValue("riskClass", riskClass).putValue("customerType", type)
                                    .putValue("amount", amount).putValue("insured", insured)
                                    .putValue("latePayments", 0).putValue("brokenPromises", 0))
                            .getSingleResult().getEntryMap();
                    int levels = (Integer) strategy.get("dunningLevels");
                    assertThat(levels).isBetween(1, 3);
                    for (int level = 1; level <= levels; level++) {
                        assertThat((String) strategy.get("level" + level + "Channels")).as("level %d channels", level)
                                .matches("(EMAIL|SMS|LETTER)(,(EMAIL|SMS|LETTER))*");
                    }
                    assertThat((Integer) strategy.get("graceDays")).isBetween(0, 30);
                    assertThat((String) strategy.get("strategyName")).as("the strategy's name, a dashboard segment").isNotBlank();
                    assertThat((Integer) strategy.get("daysBetweenLevels")).isPositive();
                    assertThat((Integer) strategy.get("daysToFormalNotice")).isPositive();
                    // as shipped, every pre-due reminder offers the invoice's early-payment discount while it applies
                    assertThat(strategy.get("preDueMentionsDiscount")).isEqualTo(true);
                    if (Boolean.TRUE.equals(strategy.get("collectorCall"))) {
                        assertThat((Integer) strategy.get("callAfterLevel")).isBetween(1, levels);
                    }
                }
            }
        }
    }

    /** The days the formal notice gives to pay (Task_SendFormalNotice's paymentDeadlineDays): 8 as shipped, on every rule. */
    @ParameterizedTest(name = "{0} {1} {2} EUR insured={3} late={4} broken={5} -> formal notice gives {6} days")
    @CsvSource({
            "A, STANDARD, 1000, false, 0, 0, 8",
            "B, STANDARD, 499.99, false, 0, 0, 8",
            "A, STANDARD, 50000, false, 0, 0, 8",
            "A, STANDARD, 1000, false, 3, 0, 8",
            "A, STANDARD, 100, false, 0, 1, 8",
            "C, STANDARD, 1000, false, 0, 0, 8",
            "D, STANDARD, 100, false, 0, 0, 8",
            "B, STANDARD, 1000, true, 0, 0, 8",
            "E, KEY_ACCOUNT, 100000, false, 5, 2, 8",
            "D, PUBLIC_SECTOR, 100000, false, 5, 2, 8"})
    void givesTheFormalNoticesPaymentDeadline(String riskClass, String customerType, double amount, boolean insured,
                                              int latePayments, int brokenPromises, int days) {
        Map<String, Object> strategy = decisions.evaluateDecisionTableByKey("DunningStrategy", Variables.createVariables()
                        .putValue("riskClass", riskClass).putValue("customerType", customerType).putValue("amount", amount)
                        .putValue("insured", insured).putValue("latePayments", latePayments)
                        .putValue("brokenPromises", brokenPromises))
                .getSingleResult().getEntryMap();

        assertThat(strategy.get("formalNoticePaymentDays")).isEqualTo(days);
    }

    /**
     * Its history keeps the inputs and, of the outputs, the strategy's name with the matched rule (StrategyHistory):
     * what the invoice was given is that rule's cells, which holds only while every output cell is a literal.
     */
    @Test
    void keepsTheMatchedRuleAndItsNameInTheHistory() {
        // an amount no other test evaluates, to find this evaluation in the shared history
        double amount = 4321.09;
        decisions.evaluateDecisionTableByKey("DunningStrategy", Variables.createVariables().putValue("riskClass", "C")
                .putValue("customerType", "STANDARD").putValue("amount", amount).putValue("insured", false)
                .putValue("latePayments", 0).putValue("brokenPromises", 0));

        HistoricDecisionInstance evaluated = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("DunningStrategy")
                .includeInputs().includeOutputs().orderByEvaluationTime().desc().list().stream()
                .filter(decision -> decision.getInputs().stream().anyMatch(in -> Double.valueOf(amount).equals(in.getValue())))
                .findFirst().orElseThrow();

        assertThat(evaluated.getInputs()).as("every input").hasSize(6);
        assertThat(evaluated.getOutputs()).singleElement().satisfies(output -> {
            assertThat(output.getRuleId()).isEqualTo("Rule_MediumRisk");
            assertThat(output.getVariableName()).isEqualTo("strategyName");
            assertThat(output.getValue()).isEqualTo("Risque moyen");
        });
    }

    @Test
    void everyOutputCellIsALiteral() {
        DmnModelInstance table = repository.getDmnModelInstance(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("DunningStrategy").latestVersion().singleResult().getId());
        Collection<OutputEntry> cells = table.getModelElementsByType(OutputEntry.class);
        assertThat(cells).isNotEmpty().allSatisfy(cell -> assertThat(cell.getText().getTextContent().strip())
                .as("output cell %s: a number, a string, true, false or null", cell.getId())
                .matches("-?\\d+(\\.\\d+)?|\"[^\"]*\"|true|false|null"));
    }
}
