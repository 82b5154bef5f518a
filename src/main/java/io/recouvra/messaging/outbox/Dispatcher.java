package io.recouvra.messaging.outbox;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.channel.ChannelAdapter;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.messaging.channel.SendOutcome;
import io.recouvra.messaging.channel.SendOutcome.PermanentFailure;
import io.recouvra.messaging.channel.SendOutcome.Sent;
import io.recouvra.messaging.channel.SendOutcome.TemporaryFailure;
import io.recouvra.messaging.channel.SendOutcome.Unknown;
import io.recouvra.messaging.composition.MessageComposer;
import io.recouvra.messaging.composition.MissingTemplateException;
import io.recouvra.messaging.contact.ContactPolicy;
import io.recouvra.messaging.contact.ContactPolicy.Verdict.Later;
import io.recouvra.messaging.contact.OptOuts;
import io.recouvra.trail.Interaction.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, each message once.
 *
 * <ol>
 * <li>Claim: one statement moves due rows from PENDING to SENDING with a lease and a claim token,
 * skipping rows another dispatcher has locked, and commits.</li>
 * <li>Send: just before the provider, the lease is renewed and the rendered message kept, only while
 * the rows still carry this claim's token; then one attempt, outside any transaction.</li>
 * <li>Record: the outcome, in a second transaction, with its interaction, again only under this claim.</li>
 * </ol>
 * An uncertain outcome (a timeout, a 5xx after the request left) keeps the row SENDING, and so does a
 * node that dies between 2 and 3: once the lease has run out, {@link #reconcileAbandoned} asks the
 * provider whether it has the message before anything is resent. If the provider cannot tell, the
 * row becomes UNKNOWN: {@link UncertainRechecks} asks again for a day, then a person decides.
 * Every attempt that failed or is uncertain stays on the trail ({@link AttemptTrail}).
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final OutboxMessageRepository outbox;
    private final MessageComposer composer;
    private final MessageTrail interactions;
    private final OptOuts optOuts;
    private final ContactPolicy policy;
    private final Refusals refusals;
    private final MessageMetrics metrics;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final DispatchSettings settings;
    private final Clock clock;
    private final AttemptTrail attempts;
    private final ApplicationEventPublisher events;

    Dispatcher(JdbcTemplate jdbc, TransactionTemplate transaction, OutboxMessageRepository outbox,
               MessageComposer composer, MessageTrail interactions, OptOuts optOuts, ContactPolicy policy,
               Refusals refusals, MessageMetrics metrics, List<ChannelAdapter> adapters,
               DispatchSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.outbox = outbox;
        this.composer = composer;
        this.interactions = interactions;
        this.optOuts = optOuts;
        this.policy = policy;
        this.refusals = refusals;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.attempts = new AttemptTrail(interactions, settings.maxAttempts());
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        for (Channel channel : Channel.values()) {
            if (!this.adapters.containsKey(channel)) {
                // a mistyped recouvra.messaging.<channel>.adapter would otherwise fail every message quietly
                throw new IllegalStateException("No " + channel + " adapter: check recouvra.messaging."
                        + channel.name().toLowerCase(Locale.ROOT) + ".adapter");
            }
        }
    }

    /**
     * Sends one batch of due messages; returns how many it claimed. A batch takes every due row of the
     * customers it reaches, so that a customer's reminders due together are never split into two
     * messages (the second would wait a day behind the frequency cap); reminders whose customer is still
     * gathering more of the same are left for a later batch (see {@link #notGathering}). Rows another dispatcher
     * holds are skipped, never waited for: two nodes claiming the same customers must not deadlock.
     */
    public int dispatchDue() {
        return dispatchDue(EnumSet.allOf(Channel.class));
    }

    /** The same for one channel only: each channel is sent by its own workers (see {@link ChannelWorkers}). */
    int dispatchDue(Channel channel) {
        return dispatchDue(EnumSet.of(channel));
    }

    private int dispatchDue(Set<Channel> channels) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        String onChannels = inChannels(channels);
        Timestamp dueBy = Timestamp.from(now);
        Timestamp gatheringSince = Timestamp.from(now.minus(policy.groupingWindow()));
        List<UUID> claimed = transaction.execute(status -> jdbc.queryForList("""
                update recouvra.outbox_message
                set status = 'SENDING', lease_until = ?, attempts = attempts + 1, claim_token = ?, version = version + 1
                where id in (select id from recouvra.outbox_message due
                             where status = 'PENDING' and next_attempt_at <= ? and %s and %s
                               and customer_id in (select customer_id from recouvra.outbox_message candidate
                                                   where status = 'PENDING' and next_attempt_at <= ? and %s and %s
                                                   order by next_attempt_at
                                                   limit ? for update skip locked)
                             for update skip locked)
                returning id""".formatted(onChannels, notGathering("due"), onChannels, notGathering("candidate")),
                UUID.class, Timestamp.from(now.plus(settings.lease())), claim,
                dueBy, gatheringSince, dueBy,
                dueBy, gatheringSince, dueBy, settings.batchSize()));
        Map<Object, List<OutboxMessage>> groups = new LinkedHashMap<>();
        List<OutboxMessage> rows = new ArrayList<>(outbox.findAllById(claimed));
        rows.sort(Comparator.comparing(OutboxMessage::getCreatedAt).thenComparing(OutboxMessage::getId));
        for (OutboxMessage row : rows) {
            // A customer's due reminders of one kind, tone and wording on one channel go out as one message.
            Object key = row.getKind().isReminder()
                    ? List.of(row.getCustomerId(), row.getChannel(), row.getKind(), row.getTone(), row.getParameters())
                    : row.getId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        for (List<OutboxMessage> group : groups.values()) {
            try {
                sendGroup(group, claim);
            } catch (RuntimeException e) {
                // One group's trouble must not strand the rest of the batch: its rows wait for their lease.
                log.error("Outbox group {} failed; its rows are reconciled when their lease ends",
                        group.stream().map(OutboxMessage::getId).toList(), e);
            }
        }
        return claimed.size();
    }

    /**
     * Rows left SENDING past their lease: an uncertain send whose time to be checked has come, or a
     * dispatcher that died mid-send. The provider is asked before anything is sent again.
     */
    int reconcileAbandoned() {
        return reconcileAbandoned(EnumSet.allOf(Channel.class));
    }

    int reconcileAbandoned(Channel channel) {
        return reconcileAbandoned(EnumSet.of(channel));
    }

    private int reconcileAbandoned(Set<Channel> channels) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        List<UUID> abandoned = transaction.execute(status -> jdbc.queryForList("""
                update recouvra.outbox_message set lease_until = ?, claim_token = ?, version = version + 1
                where id in (select id from recouvra.outbox_message
                             where status = 'SENDING' and lease_until < ? and %s
                             limit ? for update skip locked)
                returning id""".formatted(inChannels(channels)), UUID.class, Timestamp.from(now.plus(settings.lease())),
                claim, Timestamp.from(now), settings.batchSize()));
        for (UUID id : abandoned) {
            OutboxMessage row = outbox.findById(id).orElseThrow();
            OutboundMessage sent = row.asSent();
            ChannelAdapter adapter = adapters.get(row.getChannel());
            SendOutcome outcome = sent == null
                    // died before the message was handed over: it certainly did not go out
                    ? new TemporaryFailure("abandoned before sending")
                    : adapter.reconcile(sent, row.getUncertainSince(), row.getProviderId());
            record(id, claim, row.getRecipient(), sent, outcome, true);
        }
        return abandoned.size();
    }

    /**
     * A condition on the rows of {@code alias}, taking two parameters (now minus the grouping window, now): not a
     * reminder whose customer has had another of the same kind on the same channel asked for within the window. A
     * wave of overdue timers asks for a customer's reminders one invoice at a time, over minutes; they are held until
     * the wave has moved past the customer, then go out as one message. Held rows are left out of the choice of
     * customers too, so that customers still gathering never fill a batch and starve the others. A row stamped later
     * than now (another node's clock a little ahead) is not yet due itself and holds nothing back.
     */
    private static String notGathering(String alias) {
        return """
                not (%1$s.kind in (%2$s) and exists (
                    select 1 from recouvra.outbox_message newer
                    where newer.customer_id = %1$s.customer_id and newer.channel = %1$s.channel
                      and newer.kind = %1$s.kind and newer.status = 'PENDING'
                      and newer.created_at > ? and newer.created_at <= ?))""".formatted(alias, ContactPolicy.REMINDER_KINDS);
    }

    /** A condition on the channel column; the values are enum constants, never input. */
    private static String inChannels(Set<Channel> channels) {
        return "channel in (" + String.join(", ", channels.stream().map(c -> "'" + c.name() + "'").toList()) + ")";
    }

    private void sendGroup(List<OutboxMessage> claimed, UUID claim) {
        List<OutboxMessage> rows = new ArrayList<>();
        for (OutboxMessage row : claimed) {
            policy.invoiceForbids(row.getKind(), row.getInvoiceId()).ifPresentOrElse(cancel -> cancel(row.getId(), claim, cancel.why()), () -> rows.add(row));
        }
        if (rows.isEmpty()) {
            return;
        }
        OutboxMessage first = rows.get(0);
        Composed prepared = timedAndComposed(rows);
        if (prepared.later() != null) {
            rows.forEach(row -> defer(row.getId(), claim, prepared.later().at(), prepared.later().why()));
            return;
        }
        ChannelAdapter adapter = adapters.get(first.getChannel());
        if (prepared.failure() != null) {
            RuntimeException e = prepared.failure();
            log.error("Cannot compose outbox message(s) {}", rows.stream().map(OutboxMessage::getId).toList(), e);
            recordAll(rows, claim, null, null, new PermanentFailure(
                    e instanceof MissingTemplateException ? UndeliverableMessages.NO_TEMPLATE : "COMPOSE_FAILED", e.getMessage()));
            return;
        }
        Optional<OutboundMessage> composed = prepared.message();
        if (composed.isEmpty()) {
            recordAll(rows, claim, null, null, new PermanentFailure("NO_RECIPIENT",
                    "no contact of the customer accepts " + first.getChannel()));
            return;
        }
        OutboundMessage message = composed.get();
        if (optOuts.isOptedOut(first.getChannel(), message.recipient())) {
            recordAll(rows, claim, message.recipient(), null, new PermanentFailure("OPTED_OUT",
                    message.recipient() + " asked not to be contacted by " + first.getChannel()));
            return;
        }
        if (!keepWhatIsSent(rows, claim, message)) {
            log.warn("Outbox rows {} were taken over after their lease ran out; not sending them here",
                    rows.stream().map(OutboxMessage::getId).toList());
            return;
        }
        SendOutcome outcome;
        try {
            outcome = adapter.send(message);
        } catch (RuntimeException e) {
            // An adapter that throws has left us not knowing how far the request got.
            outcome = new Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        recordAll(rows, claim, message.recipient(), message, outcome);
    }

    /**
     * The contact policy's say on the moment, then the message, read in one transaction: the customer and its contacts
     * are read once for both (docs/performance.md). A composition that fails rolls that reading back, nothing else.
     */
    private Composed timedAndComposed(List<OutboxMessage> rows) {
        OutboxMessage first = rows.get(0);
        return readOnly.execute(status -> {
            if (policy.timing(first.getId(), first.getCustomerId(), first.getChannel(), first.getKind(), clock.instant())
                    instanceof Later later) {
                return new Composed(later, null, null);
            }
            try {
                return new Composed(null, composer.compose(OutboxMessage.toCompose(rows)), null);
            } catch (RuntimeException e) {
                // the composer's own transaction marked this one: rolled back here, quietly
                status.setRollbackOnly();
                return new Composed(null, null, e);
            }
        });
    }

    /** Exactly one of: the moment is not right, the message (empty: no contact reachable), why it could not be written. */
    private record Composed(Later later, Optional<OutboundMessage> message, RuntimeException failure) {
    }

    /**
     * Just before the provider sees it: the lease is renewed, what is sent is kept, and the letter
     * itself as evidence — only if every row is still held by this claim (all or nothing).
     */
    private boolean keepWhatIsSent(List<OutboxMessage> rows, UUID claim, OutboundMessage message) {
        Boolean kept = transaction.execute(status -> {
            Timestamp leaseUntil = Timestamp.from(clock.instant().plus(settings.lease()));
            for (OutboxMessage row : rows) {
                int held = jdbc.update("""
                        update recouvra.outbox_message
                        set recipient = ?, rendered_subject = ?, rendered_text = ?, lease_until = ?, version = version + 1
                        where id = ? and status = 'SENDING' and claim_token = ?""",
                        message.recipient(), message.subject(), message.text(), leaseUntil, row.getId(), claim);
                if (held != 1) {
                    status.setRollbackOnly();
                    return false;
                }
                if (message.letter() != null) {
                    jdbc.update("insert into recouvra.letter_document (id, outbox_message_id, content, sha256, created_at) values (?, ?, ?, ?, ?)",
                            UUID.randomUUID(), row.getId(), message.letter(), sha256(message.letter()),
                            Timestamp.from(clock.instant()));
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(kept);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordAll(List<OutboxMessage> rows, UUID claim, String recipient, OutboundMessage message,
                           SendOutcome outcome) {
        rows.forEach(row -> record(row.getId(), claim, recipient, message, outcome, false));
    }

    private void defer(UUID id, UUID claim, Instant at, String why) {
        metrics.deferred();
        transaction.executeWithoutResult(status -> {
            OutboxMessage row = outbox.findById(id).orElseThrow();
            if (row.isHeldBy(claim)) {
                row.deferTo(at, why);
            }
        });
    }

    private void cancel(UUID id, UUID claim, String why) {
        transaction.executeWithoutResult(status -> {
            OutboxMessage row = outbox.findById(id).orElseThrow();
            if (!row.isHeldBy(claim)) {
                return;
            }
            row.cancelled(why);
            interactions.recordMessage(row, Type.NOTE, row.getKind() + " (" + row.getStep() + ") by " + row.getChannel()
                    + " not sent: " + why, null);
        });
    }

    /**
     * @param claim       the claim that sent (or reconciled) it: a row taken over since is left alone, and
     *                    the row's version makes a concurrent takeover fail this transaction
     * @param reconciling whether the outcome is the provider's answer about an earlier uncertain send
     */
    private void record(UUID id, UUID claim, String recipient, OutboundMessage message, SendOutcome outcome,
                        boolean reconciling) {
        transaction.executeWithoutResult(status -> {
            OutboxMessage row = outbox.findById(id).orElseThrow();
            if (!row.isHeldBy(claim)) {
                return;
            }
            Instant now = clock.instant();
            metrics.outcome(row.getChannel(), outcome);
            String what = row.getKind() + " (" + row.getStep() + ") by " + row.getChannel();
            if (outcome instanceof Sent sent) {
                row.sent(recipient, sent.providerId(), now);
                interactions.recordMessage(row, Type.MESSAGE_SENT, what + " sent to " + recipient, content(message));
                events.publishEvent(row.announcement());
            } else if (outcome instanceof TemporaryFailure failure && row.getAttempts() < settings.maxAttempts()) {
                Instant retryAt = now.plus(settings.backoff(row.getAttempts()));
                row.retryAt(retryAt, failure.reason());
                attempts.failed(row, failure, retryAt);
            } else if (outcome instanceof TemporaryFailure failure) {
                row.failed("gave up after " + row.getAttempts() + " attempts: " + failure.reason());
                interactions.recordMessage(row, Type.MESSAGE_FAILED, what + " not sent: " + row.getLastError(), null);
                refusals.gaveUp(row);
            } else if (outcome instanceof PermanentFailure failure) {
                row.failed(failure.code() + ": " + failure.reason());
                interactions.recordMessage(row, Type.MESSAGE_FAILED, what + " refused: " + row.getLastError(), null);
                refusals.refused(row, failure);
            } else if (outcome instanceof Unknown unknown && !reconciling) {
                Instant askAt = now.plus(settings.reconcileAfter());
                row.awaitReconciliation(recipient, askAt, unknown.reason(), unknown.providerId(), now);
                attempts.uncertain(row, unknown, askAt);
            } else if (outcome instanceof Unknown unknown) {
                // asked again on a backoff, then a person decides (UncertainRechecks)
                row.unknown(recipient, unknown.reason(), now, now.plus(settings.reconcileAfter()));
                interactions.recordMessage(row, Type.MESSAGE_UNCERTAIN,
                        what + " may have been sent; check with the provider before resending: " + unknown.reason(),
                        content(message));
                log.warn("Outbox message {} ({} {}) has an unknown outcome: {}", id, row.getCaseRef(), row.getStep(),
                        unknown.reason());
            }
        });
    }

    private static String content(OutboundMessage message) {
        if (message == null) {
            return null;
        }
        String text = message.subject() == null ? message.text() : "Subject: " + message.subject() + "\n\n" + message.text();
        return message.letter() == null ? text
                : text + "\n\n[Letter PDF attached, SHA-256 " + sha256(message.letter()) + "]";
    }
}
