package io.recouvra.scoring;

import static io.recouvra.scoring.Factor.BUREAU_SCORE;
import static io.recouvra.scoring.Factor.CURRENT_RATIO;
import static io.recouvra.scoring.Factor.DAYS_LATE;
import static io.recouvra.scoring.Factor.DISPUTES;
import static io.recouvra.scoring.Factor.DSO;
import static io.recouvra.scoring.Factor.EBITDA_MARGIN;
import static io.recouvra.scoring.Factor.GEARING;
import static io.recouvra.scoring.Factor.OVERDUE_SHARE;
import static io.recouvra.scoring.Factor.SHARE_LATE;
import static io.recouvra.scoring.Factor.SOLVENCY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The scorecard with the shipped configuration (application.yaml), on a table of customer profiles. */
class ScorecardTest {

    private static final Scorecard SCORECARD = new Scorecard(shippedSettings());

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("pays on time, sound accounts, good bureau score", inputs(
                        DAYS_LATE, 1, SHARE_LATE, 0.05, OVERDUE_SHARE, 0, DISPUTES, 0, DSO, 32, GEARING, 0.4,
                        SOLVENCY, 2.3, EBITDA_MARGIN, 0.14, CURRENT_RATIO, 1.9, BUREAU_SCORE, 82), false, RiskClass.A),
                Arguments.of("a little late, average accounts", inputs(
                        DAYS_LATE, 8, SHARE_LATE, 0.25, OVERDUE_SHARE, 0.1, DISPUTES, 0, DSO, 55, GEARING, 1.1,
                        SOLVENCY, 1.6, EBITDA_MARGIN, 0.08, CURRENT_RATIO, 1.4, BUREAU_SCORE, 60), false, RiskClass.B),
                Arguments.of("often late, tight accounts", inputs(
                        DAYS_LATE, 18, SHARE_LATE, 0.45, OVERDUE_SHARE, 0.3, DISPUTES, 1, DSO, 80, GEARING, 1.8,
                        SOLVENCY, 1.3, EBITDA_MARGIN, 0.05, CURRENT_RATIO, 1.1, BUREAU_SCORE, 45), false, RiskClass.D),
                Arguments.of("always late, disputes, weak bureau score", inputs(
                        DAYS_LATE, 45, SHARE_LATE, 0.8, OVERDUE_SHARE, 0.6, DISPUTES, 3, DSO, 130, GEARING, 3.0,
                        SOLVENCY, 1.05, EBITDA_MARGIN, -0.02, CURRENT_RATIO, 0.7, BUREAU_SCORE, 25), false, RiskClass.E),
                Arguments.of("new customer: no history, no accounts, bureau score only", inputs(BUREAU_SCORE, 72), false,
                        RiskClass.A),
                Arguments.of("new customer unknown to the bureau: nothing known", inputs(), false, RiskClass.C),
                Arguments.of("good payer with negative equity (gearing scored as worst)", inputs(
                        DAYS_LATE, 2, SHARE_LATE, 0.1, OVERDUE_SHARE, 0, DISPUTES, 0, DSO, 40, GEARING, 99,
                        SOLVENCY, 0.9, EBITDA_MARGIN, 0.02, CURRENT_RATIO, 0.9, BUREAU_SCORE, 40), false, RiskClass.C),
                Arguments.of("sound figures but in insolvency proceedings", inputs(
                        DAYS_LATE, 1, SHARE_LATE, 0.05, GEARING, 0.4, SOLVENCY, 2.3, BUREAU_SCORE, 82), true, RiskClass.E));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void classesCustomersAsACreditManagerWould(String profile, Map<Factor, Double> inputs, boolean insolvency,
                                               RiskClass expected) {
        Scorecard.Result result = SCORECARD.score(inputs, Map.of(), insolvency);

        assertThat(result.riskClass()).as(profile + ": score " + result.score()).isEqualTo(expected);
        assertThat(result.contributions().stream().mapToInt(Scorecard.Contribution::points).sum())
                .as("the breakdown adds up to the score").isEqualTo(result.score());
        assertThat(result.score()).isBetween(0, 100);
    }

    @Test
    void unknownFactorsAreListedWithTheReasonAndLeaveTheirWeightToTheOthers() {
        Scorecard.Result result = SCORECARD.score(inputs(DAYS_LATE, 0, BUREAU_SCORE, 85),
                Map.of(GEARING, "no published accounts"), false);

        assertThat(result.score()).isEqualTo(100);
        assertThat(result.contributions()).filteredOn(c -> c.factor() == GEARING).singleElement()
                .satisfies(c -> {
                    assertThat(c.points()).isZero();
                    assertThat(c.value()).isNull();
                    assertThat(c.note()).isEqualTo("no published accounts");
                });
    }

    @Test
    void classBoundariesAreInclusiveLowerBounds() {
        ScoringSettings settings = shippedSettings();
        assertThat(settings.classOf(80)).isEqualTo(RiskClass.A);
        assertThat(settings.classOf(79)).isEqualTo(RiskClass.B);
        assertThat(settings.classOf(65)).isEqualTo(RiskClass.B);
        assertThat(settings.classOf(50)).isEqualTo(RiskClass.C);
        assertThat(settings.classOf(35)).isEqualTo(RiskClass.D);
        assertThat(settings.classOf(34)).isEqualTo(RiskClass.E);
        assertThat(settings.factors().values().stream().mapToInt(ScoringSettings.Rule::weight).sum())
                .as("weights add up to 100").isEqualTo(100);
    }

    private static Map<Factor, Double> inputs(Object... pairs) {
        Map<Factor, Double> inputs = new EnumMap<>(Factor.class);
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((Factor) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return inputs;
    }

    private static ScoringSettings shippedSettings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("recouvra.scoring", ScoringSettings.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
