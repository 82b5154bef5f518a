package io.recouvra.collection;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.PlausibleDates;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manual hold: someone stops the dunning of an invoice for a reason (a negotiation, a customer's
 * reorganisation), until a date or until released.
 */
@Service
public class Holds {

    public record Hold(UUID id, String invoiceNumber, String reason, LocalDate until, String placedBy, Instant placedAt) {
    }

    private final JdbcTemplate jdbc;
    private final InvoiceService invoices;
    private final InteractionLog interactions;
    private final RuntimeService runtime;
    private final CollectionCalendar calendar;
    private final RetryingTransactions transactions;
    private final Clock clock;
    private final PlausibleDates plausibleDates;

    Holds(JdbcTemplate jdbc, InvoiceService invoices, InteractionLog interactions, RuntimeService runtime,
          CollectionCalendar calendar, RetryingTransactions transactions, Clock clock, PlausibleDates plausibleDates) {
        this.plausibleDates = plausibleDates;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.interactions = interactions;
        this.runtime = runtime;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Run again from the start when it lost a race with another transaction (a payment, the job executor). */
    public Hold place(String invoiceNumber, String reason, LocalDate until, String placedBy) {
        return transactions.execute("hold on " + invoiceNumber, () -> placeOnce(invoiceNumber, reason, until, placedBy));
    }

    private Hold placeOnce(String invoiceNumber, String reason, LocalDate until, String placedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why dunning stops: the debtor and the auditors will ask");
        }
        if (until != null && !until.isAfter(calendar.today())) {
            throw new InvalidInputException("until", "must be after today (" + calendar.today() + "), or left out to hold until released");
        }
        List<FieldProblem> farAway = new ArrayList<>();
        plausibleDates.check("until", until, farAway);
        if (!farAway.isEmpty()) {
            throw new InvalidInputException(farAway);
        }
        Invoice invoice = invoices.pause(invoiceNumber, InvoiceStatus.ON_HOLD);
        Hold hold = new Hold(UUID.randomUUID(), invoiceNumber, reason.strip(), until, placedBy, clock.instant());
        jdbc.update("""
                insert into recouvra.invoice_hold (id, invoice_id, reason, hold_until, placed_by, placed_at)
                values (?, ?, ?, ?, ?, ?)""", hold.id(), invoice.getId(), hold.reason(), until, placedBy,
                Timestamp.from(hold.placedAt()));
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Medium.SYSTEM, Direction.INTERNAL, Type.HOLD,
                "Dunning on hold" + (until == null ? "" : " until " + until) + " by " + placedBy, hold.reason());
        Date holdUntil = until == null ? null : calendar.startOf(until);
        boolean paused = !runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_HOLD_PLACED)
                .processInstanceBusinessKey(invoiceNumber)
                .setVariable("holdUntil", holdUntil)
                .correlateAllWithResult().isEmpty();
        if (!paused) {
            // escalated to an insurer, an agency or a court, that case is stopped there, not by a hold here;
            // still being assessed (a few seconds, longer if the bureau is down), there is nothing to stop yet
            throw new ConflictException("invoiceNumber", "invoice " + invoiceNumber
                    + " is not in dunning now (escalated, or its customer still being assessed): a hold cannot stop it");
        }
        return hold;
    }

    /** Releases the hold; the invoice's process resumes dunning where it stopped. */
    public void release(String invoiceNumber, String releasedBy) {
        transactions.run("release of the hold on " + invoiceNumber, () -> releaseOnce(invoiceNumber, releasedBy));
    }

    private void releaseOnce(String invoiceNumber, String releasedBy) {
        invoices.lockForChange(invoiceNumber);
        if (!markReleased(invoiceNumber, releasedBy)) {
            throw new ConflictException("invoiceNumber", "invoice " + invoiceNumber + " is not on hold");
        }
        boolean resumedByProcess = !runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_HOLD_RELEASED)
                .processInstanceBusinessKey(invoiceNumber).correlateAllWithResult().isEmpty();
        if (!resumedByProcess) {
            invoices.resume(invoiceNumber);
        }
    }

    /** Ends the active hold, if any: on release, or when the process finds its end date reached. */
    @Transactional
    boolean markReleased(String invoiceNumber, String releasedBy) {
        Optional<UUID> invoiceId = invoices.idOf(invoiceNumber);
        return invoiceId.isPresent() && jdbc.update("""
                update recouvra.invoice_hold set released_at = ?, released_by = ?
                where invoice_id = ? and released_at is null""", Timestamp.from(clock.instant()), releasedBy, invoiceId.get()) == 1;
    }

    @Transactional(readOnly = true)
    public List<Hold> active(String invoiceNumber) {
        return invoices.idOf(invoiceNumber).map(invoiceId -> jdbc.query("""
                select id, reason, hold_until, placed_by, placed_at from recouvra.invoice_hold
                where invoice_id = ? and released_at is null""",
                (rs, n) -> new Hold(rs.getObject(1, UUID.class), invoiceNumber, rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), invoiceId)).orElse(List.of());
    }
}
