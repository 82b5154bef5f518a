package io.recouvra.interest;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code latePaymentRate}: UP while the half-year now running has its rates; WARNING
 * (answered with HTTP 200, see management.endpoint.health.status) when they are missing, because every
 * formal notice, injunction request and charged payment plan then waits for them. Not DOWN: the
 * application works, and restarting it would not help.
 */
@Component("latePaymentRate")
class LatePaymentRateHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "late-payment rates of the current half-year missing");

    private final LatePaymentRates rates;
    private final Clock clock;

    LatePaymentRateHealth(LatePaymentRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock);
        LocalDate current = HalfYearRate.startOf(today);
        LocalDate next = current.plusMonths(6);
        Health.Builder health = rates.find(current).isPresent() ? Health.up()
                : Health.status(WARNING).withDetail("missing", current.toString())
                        .withDetail("fill", "PUT /api/v1/late-payment-rates/" + current + " or the admins' Tasklist task")
                        .withDetail("effect", "formal notices, injunction requests, charged payment plans and agency hand-offs wait for them");
        health.withDetail("halfYear", current.toString());
        if (!today.isBefore(next.minusDays(LatePaymentRateRequests.DAYS_AHEAD)) && rates.find(next).isEmpty()) {
            health.withDetail("next", next + " not recorded yet (asked of the admins)");
        }
        return health.build();
    }
}
