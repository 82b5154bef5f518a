package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.ChannelAdapter;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.trail.Interaction.Type;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An UNKNOWN message is not left to a gauge: its provider is asked again on a backoff (the waits
 * double, see {@link UncertainSettings}) for a day. The provider has it: SENT. It certainly has not:
 * PENDING, sent again. Still nobody can tell after the day: a task for a person (an email always ends
 * there, SMTP cannot be asked). Each recheck claims its rows like the dispatcher does (claim token,
 * {@code skip locked}, the next check moved past a lease), so two nodes never ask twice at once.
 */
@Component
class UncertainRechecks {

    private static final Logger log = LoggerFactory.getLogger(UncertainRechecks.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final OutboxMessageRepository outbox;
    private final MessageTrail interactions;
    private final UncertainMessageTasks tasks;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final UncertainSettings settings;
    private final DispatchSettings dispatch;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UncertainRechecks(JdbcTemplate jdbc, TransactionTemplate transaction, OutboxMessageRepository outbox,
                      MessageTrail interactions, UncertainMessageTasks tasks, List<ChannelAdapter> adapters,
                      UncertainSettings settings, DispatchSettings dispatch, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
        this.outbox = outbox;
        this.interactions = interactions;
        this.tasks = tasks;
        this.settings = settings;
        this.dispatch = dispatch;
        this.clock = clock;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
    }

    /** Rechecks the channel's UNKNOWN messages that are due; returns how many. */
    int recheckDue(Channel channel) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        List<UUID> due = transaction.execute(status -> jdbc.queryForList("""
                update recouvra.outbox_message set claim_token = ?, next_attempt_at = ?, version = version + 1
                where id in (select id from recouvra.outbox_message
                             where status = 'UNKNOWN' and person_asked_at is null and next_attempt_at <= ?
                               and channel = ?
                             order by next_attempt_at
                             limit ? for update skip locked)
                returning id""", UUID.class, claim, Timestamp.from(now.plus(dispatch.lease())), Timestamp.from(now),
                channel.name(), dispatch.batchSize()));
        for (UUID id : due) {
            try {
                recheck(id, claim);
            } catch (RuntimeException e) {
                log.error("Recheck of uncertain message {} failed; tried again after the lease", id, e);
            }
        }
        return due.size();
    }

    private void recheck(UUID id, UUID claim) {
        OutboxMessage row = outbox.findById(id).orElseThrow();
        OutboundMessage sent = row.asSent();
        SendOutcome answer = sent == null
                ? new SendOutcome.Unknown("what was sent is not kept")
                : adapters.get(row.getChannel()).reconcile(sent, row.getUncertainSince(), row.getProviderId());
        transaction.executeWithoutResult(status -> record(id, claim, answer));
    }

    private void record(UUID id, UUID claim, SendOutcome answer) {
        OutboxMessage row = outbox.findById(id).orElseThrow();
        if (!row.isRecheckedBy(claim)) {
            return; // a person decided meanwhile
        }
        Instant now = clock.instant();
        String what = row.getKind() + " (" + row.getStep() + ") by " + row.getChannel();
        if (answer instanceof SendOutcome.Sent held) {
            row.sent(row.getRecipient(), held.providerId(), now);
            interactions.recordMessage(row, Type.MESSAGE_SENT, what + " found at the provider on recheck (provider id "
                    + held.providerId() + "): it was sent", null);
            // in this transaction, like the dispatcher's: a listener's work commits with the SENT it follows
            events.publishEvent(row.announcement());
        } else if (answer instanceof SendOutcome.TemporaryFailure notThere) {
            row.retryAt(now, "not at the provider: " + notThere.reason());
            interactions.recordMessage(row, Type.NOTE, what + " is not at the provider (" + notThere.reason()
                    + "): sending it again", null);
        } else if (answer instanceof SendOutcome.PermanentFailure refused) {
            row.failed(refused.code() + ": " + refused.reason());
            interactions.recordMessage(row, Type.MESSAGE_FAILED, what + " refused, the provider says: "
                    + row.getLastError(), null);
        } else if (answer instanceof SendOutcome.Unknown unknown) {
            Instant since = row.getUncertainSince() == null ? now : row.getUncertainSince();
            Duration uncertainFor = Duration.between(since, now);
            if (uncertainFor.compareTo(settings.recheckFor()) >= 0) {
                row.stillUnknown(unknown.reason(), now, now);
                row.personAsked(now);
                tasks.raise(row);
                interactions.recordMessage(row, Type.NOTE, what + " still uncertain after " + hours(uncertainFor)
                        + " of rechecks (" + unknown.reason() + "): a person decides", null);
            } else {
                row.stillUnknown(unknown.reason(), now, now.plus(settings.wait(uncertainFor)));
            }
        }
    }

    private static String hours(Duration duration) {
        return duration.toHours() + " h";
    }
}
