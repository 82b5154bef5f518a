package io.recouvra.messaging.contact;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.PublicHolidays;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a message may go out now, at send time and on every channel: never about an invoice that is
 * settled, disputed or on hold; only in the debtor's contact hours (local time, working days, no
 * public holiday); and no more reminders per customer and channel than the caps allow.
 */
@Component
@EnableConfigurationProperties(ContactRules.class)
public class ContactPolicy {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);
    /** The reminder kinds as a list of SQL literals; enum constants, not input: safe to write into the SQL. */
    public static final String REMINDER_KINDS = Arrays.stream(MessageKind.values()).filter(MessageKind::isReminder)
            .map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(", "));

    public sealed interface Verdict {
        record Go() implements Verdict {
        }

        record Later(Instant at, String why) implements Verdict {
        }

        record Cancel(String why) implements Verdict {
        }
    }

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final JdbcTemplate jdbc;
    private final ContactRules rules;

    ContactPolicy(CustomerService customers, InvoiceService invoices, JdbcTemplate jdbc, ContactRules rules) {
        this.customers = customers;
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * About the invoice alone: each kind of message says in which invoice statuses it may still go out.
     *
     * @param invoiceId the invoice the message is about; null for none
     */
    @Transactional(readOnly = true)
    public Optional<Verdict.Cancel> invoiceForbids(MessageKind kind, UUID invoiceId) {
        if (invoiceId == null) {
            return Optional.empty();
        }
        InvoiceStatus status = invoices.get(invoiceId).getStatus();
        return kind.mayBeSentWhile(status) ? Optional.empty()
                : Optional.of(new Verdict.Cancel("invoice is " + status));
    }

    /**
     * About the debtor and the moment: contact hours, then the caps (reminders only).
     *
     * @param messageId the message about to go out, which the caps do not count
     */
    @Transactional(readOnly = true)
    public Verdict timing(UUID messageId, UUID customerId, Channel channel, MessageKind kind, Instant now) {
        Customer customer = customers.get(customerId);
        Instant slot = nextContactTime(now, customer.getTimeZone(), customer.getCountry());
        if (slot.isAfter(now)) {
            return new Verdict.Later(slot, "outside contact hours in " + customer.getTimeZone());
        }
        if (kind.isReminder()) {
            Instant free = capFreeAt(messageId, customerId, channel, now);
            if (free.isAfter(now)) {
                return new Verdict.Later(nextContactTime(free, customer.getTimeZone(), customer.getCountry()),
                        "reminder cap reached for " + channel);
            }
        }
        return new Verdict.Go();
    }

    /**
     * How long a customer's reminders of one kind on one channel are held for more of the same: a wave of
     * overdue timers asks for them one invoice at a time, over minutes, and sent as they come the first would
     * go alone and the rest wait a day behind the cap. A group goes out once none has been asked for during
     * this long.
     */
    public Duration groupingWindow() {
        return rules.groupingWindow();
    }

    /** The first moment at or after {@code from} that is within contact hours for a debtor in this zone. */
    Instant nextContactTime(Instant from, ZoneId zone, String country) {
        ZonedDateTime local = from.atZone(zone);
        for (int day = 0; day < 15; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            if (!rules.days().contains(date.getDayOfWeek()) || PublicHolidays.isHoliday(country, date)) {
                continue;
            }
            ZonedDateTime opens = date.atTime(rules.from()).atZone(zone);
            ZonedDateTime closes = date.atTime(rules.until()).atZone(zone);
            if (day == 0 && !local.isBefore(opens) && local.isBefore(closes)) {
                return from;
            }
            if (opens.isAfter(local)) {
                return opens.toInstant();
            }
        }
        throw new IllegalStateException("no contact day within two weeks: check recouvra.messaging.contact-policy.days");
    }

    /** When the customer may get another reminder on this channel: now, or when the oldest counted one leaves its window. */
    private Instant capFreeAt(UUID messageId, UUID customerId, Channel channel, Instant now) {
        // One grouped message covers several rows: count sends (provider ids), not rows.
        List<Instant> sends = jdbc.queryForList("""
                select min(sent_at) from recouvra.outbox_message
                where customer_id = ? and channel = ? and sent_at > ? and provider_id is not null
                  and kind in (%s) and id <> ?
                group by provider_id order by 1""".formatted(REMINDER_KINDS), Timestamp.class,
                customerId, channel.name(), Timestamp.from(now.minus(WEEK)), messageId)
                .stream().map(Timestamp::toInstant).toList();
        Instant free = now;
        List<Instant> lastDay = sends.stream().filter(sent -> sent.isAfter(now.minus(DAY))).toList();
        if (lastDay.size() >= rules.perDay()) {
            free = later(free, lastDay.get(lastDay.size() - rules.perDay()).plus(DAY));
        }
        if (sends.size() >= rules.perWeek()) {
            free = later(free, sends.get(sends.size() - rules.perWeek()).plus(WEEK));
        }
        return free;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
