package io.recouvra.scoring;

import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.receivables.LedgerEvents.PaymentBooked;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs that a customer's risk got worse: a new score a risk class or more below the previous one, the
 * bureau's score falling by {@link ScoringSettings#bureauDowngrade()} points or more, an invoice that takes
 * the customer over its credit limit, or a late payment that makes late payments a habit
 * ({@link ScoringSettings.LatePayments}). Each sign goes on the customer's record and is published ({@link EarlyWarningRaised}): the credit
 * review takes it up, one review per customer at a time.
 */
@Component
class EarlyWarnings {

    private final InteractionLog interactions;
    private final ApplicationEventPublisher events;
    private final InvoiceService invoices;
    private final ScoringSettings.LatePayments latePayments;
    private final int bureauDowngrade;
    private final Clock clock;

    EarlyWarnings(InteractionLog interactions, ApplicationEventPublisher events, InvoiceService invoices,
                  ScoringSettings settings, Clock clock) {
        this.interactions = interactions;
        this.events = events;
        this.invoices = invoices;
        this.latePayments = settings.latePayments();
        this.bureauDowngrade = settings.bureauDowngrade();
        this.clock = clock;
    }

    /** @return the signs found (empty: nothing to say) */
    List<String> compare(Optional<CreditScore> previous, CreditScore current) {
        if (previous.isEmpty()) {
            return List.of();
        }
        List<String> signs = new ArrayList<>();
        CreditScore before = previous.get();
        if (current.getRiskClass().compareTo(before.getRiskClass()) > 0) {
            signs.add("risk class " + before.getRiskClass() + " → " + current.getRiskClass()
                    + " (score " + before.getScore() + " → " + current.getScore() + ")");
        }
        Double bureauBefore = bureauScore(before);
        Double bureauNow = bureauScore(current);
        if (bureauBefore != null && bureauNow != null && bureauBefore - bureauNow >= bureauDowngrade) {
            signs.add("bureau score " + bureauBefore.intValue() + " → " + bureauNow.intValue());
        }
        if (!signs.isEmpty()) {
            warn(current.getCustomerId(), String.join("; ", signs));
        }
        return signs;
    }

    /** An invoice took the customer over its credit limit. */
    @EventListener
    void exposureOverLimit(InvoiceRegistered invoice) {
        if (invoice.overCreditLimit()) {
            warn(invoice.customerId(), "owes " + invoice.exposure().toPlainString() + " " + invoice.currency()
                    + " with invoice " + invoice.number() + ", over its credit limit of "
                    + invoice.creditLimit().toPlainString());
        }
    }

    /** Within the ledger's transaction, so that the payment being booked counts; once per payment. */
    @EventListener
    void repeatedLatePayments(PaymentBooked payment) {
        if (payment.settledLate().isEmpty()) {
            return;
        }
        long paidLate = invoices.countPaidLateSince(payment.customerId(), LocalDate.now(clock).minus(latePayments.within()));
        if (paidLate >= latePayments.count()) {
            warn(payment.customerId(), paidLate + " invoices paid late within " + describe(latePayments.within())
                    + "; this payment: " + payment.settledLate().stream()
                    .map(late -> late.invoiceNumber() + " " + late.daysLate() + " days after its due date")
                    .collect(Collectors.joining(", ")));
        }
    }

    private void warn(UUID customerId, String signs) {
        interactions.record(customerId, null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL,
                Interaction.Type.NOTE, EarlyWarningRaised.NOTE_PREFIX + signs, null);
        events.publishEvent(new EarlyWarningRaised(customerId, signs));
    }

    /** "6 months" for P6M, "1 years" for P1Y; anything mixed as ISO (P1M15D). */
    private static String describe(Period period) {
        if (period.getYears() == 0 && period.getDays() == 0) {
            return period.getMonths() + " months";
        }
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + " years";
        }
        return period.toString();
    }

    private static Double bureauScore(CreditScore score) {
        return score.getFactors().stream().filter(f -> f.factor() == Factor.BUREAU_SCORE)
                .map(Scorecard.Contribution::value).findFirst().orElse(null);
    }
}
