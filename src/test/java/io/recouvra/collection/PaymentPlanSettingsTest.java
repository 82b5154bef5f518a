package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.support.FastTest;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.FieldProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The longest plan a collector's form accepts, {@code recouvra.payment-plans.max-instalments}: 24 as
 * shipped (what PaymentPlans had written in), and a changed setting changes what is refused.
 */
@FastTest
class PaymentPlanSettingsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), PARIS);
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 12, 1);

    @Test
    void asShippedAPlanOfTwentyFourMonthlyInstalmentsIsAcceptedAndOneOfTwentyFiveIsNot() {
        PaymentPlans plans = plans(shipped());

        assertThat(problems(plans, 24)).isEmpty();
        assertThat(problems(plans, 25)).singleElement()
                .isEqualTo(new FieldProblem("planInstalments", "must be between 1 and 24"));
    }

    @Test
    void aShorterLongestPlanRefusesWhatTheShippedOneAccepted() {
        PaymentPlans plans = plans(new PaymentPlanSettings(6));

        assertThat(problems(plans, 6)).isEmpty();
        assertThat(problems(plans, 7)).singleElement()
                .isEqualTo(new FieldProblem("planInstalments", "must be between 1 and 6"));
    }

    @Test
    void aLongestPlanOfNoInstalmentIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new PaymentPlanSettings(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recouvra.payment-plans.max-instalments");
    }

    private static List<FieldProblem> problems(PaymentPlans plans, int instalments) {
        List<FieldProblem> problems = new ArrayList<>();
        plans.schedule(new BigDecimal("2400.00"), new PaymentPlans.Terms(instalments, FIRST_DUE, "MONTHLY", null), problems);
        return problems;
    }

    private static PaymentPlans plans(PaymentPlanSettings settings) {
        return new PaymentPlans(mock(JdbcTemplate.class), mock(InvoiceService.class), mock(CustomerLedger.class),
                mock(RuntimeService.class), mock(InteractionLog.class), new CollectionCalendar(PARIS, MONDAY), MONDAY, settings);
    }

    private static PaymentPlanSettings shipped() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("recouvra.payment-plans", PaymentPlanSettings.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
