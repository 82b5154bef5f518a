package io.recouvra.scoring;

import static io.recouvra.scoring.Factor.BUREAU_SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.recouvra.receivables.InvoiceService;
import io.recouvra.support.FastTest;
import io.recouvra.trail.InteractionLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The scoring numbers that were Java constants, now settings ({@code recouvra.scoring.no-data-score},
 * {@code recouvra.scoring.bureau-downgrade}): as shipped they give what the constants gave, and a changed
 * setting changes the result.
 */
@FastTest
class ScoringNumbersTest {

    private static final UUID CUSTOMER = UUID.fromString("5c0e0000-0000-4000-8000-000000000001");

    @Test
    void aCustomerOfWhomNothingIsKnownGetsTheNeutralFiftyAsShipped() {
        Scorecard.Result result = new Scorecard(settings(Map.of())).score(Map.of(), Map.of(), false);

        assertThat(result.score()).isEqualTo(50);
        assertThat(result.riskClass()).isEqualTo(RiskClass.C);
        assertThat(result.contributions().get(0)).satisfies(line -> {
            assertThat(line.points()).isEqualTo(50);
            assertThat(line.note()).isEqualTo("no data: neutral score");
        });
        assertThat(result.contributions()).as("the breakdown adds up to the score")
                .extracting(Scorecard.Contribution::points).containsOnly(50, 0);
    }

    @Test
    void aLowerNoDataScoreClassesTheUnknownCustomerLower() {
        Scorecard.Result result = new Scorecard(settings(Map.of("recouvra.scoring.no-data-score", "30")))
                .score(Map.of(), Map.of(), false);

        assertThat(result.score()).isEqualTo(30);
        assertThat(result.riskClass()).isEqualTo(RiskClass.E);
        assertThat(result.contributions().get(0).points()).isEqualTo(30);
        assertThat(result.contributions().stream().mapToInt(Scorecard.Contribution::points).sum())
                .as("the breakdown adds up to the score").isEqualTo(30);
    }

    @Test
    void theBureauScoreFallingFifteenPointsIsAWarningAsShippedAndFourteenIsNot() {
        EarlyWarnings warnings = earlyWarnings(settings(Map.of()));

        assertThat(warnings.compare(Optional.of(bureauSaid(100)), bureauSaid(85))).containsExactly("bureau score 100 → 85");
        assertThat(warnings.compare(Optional.of(bureauSaid(100)), bureauSaid(86))).isEmpty();
    }

    @Test
    void aSmallerBureauDowngradeMakesASmallerFallAWarning() {
        EarlyWarnings warnings = earlyWarnings(settings(Map.of("recouvra.scoring.bureau-downgrade", "5")));

        assertThat(warnings.compare(Optional.of(bureauSaid(90)), bureauSaid(85))).containsExactly("bureau score 90 → 85");
        assertThat(warnings.compare(Optional.of(bureauSaid(90)), bureauSaid(86))).isEmpty();
    }

    /** A score the bureau alone made; from 85 up (the factor's "good") it is 100, class A, so only the bureau's fall can warn. */
    private static CreditScore bureauSaid(int bureauScore) {
        Scorecard.Result result = new Scorecard(settings(Map.of())).score(Map.of(BUREAU_SCORE, (double) bureauScore), Map.of(), false);
        return new CreditScore(CUSTOMER, Instant.parse("2026-11-23T10:00:00Z"), result, "sandbox");
    }

    private static EarlyWarnings earlyWarnings(ScoringSettings settings) {
        return new EarlyWarnings(mock(InteractionLog.class), mock(ApplicationEventPublisher.class), mock(InvoiceService.class),
                settings, Clock.systemUTC());
    }

    /** The shipped settings (application.yaml), with {@code changed} set over them. */
    private static ScoringSettings settings(Map<String, Object> changed) {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("changed", changed));
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("recouvra.scoring", ScoringSettings.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
