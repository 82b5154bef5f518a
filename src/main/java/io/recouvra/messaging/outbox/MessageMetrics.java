package io.recouvra.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.SendOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What operators watch (Prometheus, /actuator/metrics): outcomes per channel, and the messages that
 * wait for a person because nobody can tell whether they went out.
 */
@Component
class MessageMetrics {

    private final MeterRegistry registry;

    MessageMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        Gauge.builder("recouvra.messages.uncertain", jdbc, db -> count(db, "UNKNOWN"))
                .description("messages whose outcome nobody knows: check with the provider, then resend or close")
                .register(registry);
        Gauge.builder("recouvra.messages.failed", jdbc, db -> count(db, "FAILED"))
                .description("messages given up on").register(registry);
    }

    void outcome(Channel channel, SendOutcome outcome) {
        Counter.builder("recouvra.messages.outcomes").tag("channel", channel.name())
                .tag("outcome", outcome.getClass().getSimpleName()).register(registry).increment();
    }

    void deferred() {
        Counter.builder("recouvra.messages.deferred").description("messages held back by the contact policy")
                .register(registry).increment();
    }

    private static double count(JdbcTemplate db, String status) {
        Long count = db.queryForObject("select count(*) from recouvra.outbox_message where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }
}
