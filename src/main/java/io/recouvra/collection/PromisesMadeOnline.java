package io.recouvra.collection;

import static io.recouvra.collection.DebtorRequestRefused.FROZEN_BY_INSOLVENCY;

import io.recouvra.collection.DebtorRequestRefused.Refusal;
import io.recouvra.database.RetryingTransactions;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A promise to pay the debtor makes itself (on the portal), with the effect of one recorded on a collector call: the
 * promise is kept with its invoices, the debtor gets it confirmed, and each invoice's InvoiceCollection leaves its
 * dunning for the promise wait (message {@code PromiseMadeOnline}): it checks the promise the day after the promised
 * date plus the CallPolicy's grace, and a broken one counts as any other (noted, told, on the score and the strategy).
 */
@Service
public class PromisesMadeOnline {

    private final PromisesToPay promises;
    private final InvoiceService invoices;
    private final CustomerService customers;
    private final CallPolicy policy;
    private final CollectionCalendar calendar;
    private final RuntimeService runtime;
    private final Messages messages;
    private final InteractionLog interactions;
    private final RetryingTransactions transactions;
    private final Clock clock;

    PromisesMadeOnline(PromisesToPay promises, InvoiceService invoices, CustomerService customers, CallPolicy policy,
                       CollectionCalendar calendar, RuntimeService runtime, Messages messages, InteractionLog interactions,
                       RetryingTransactions transactions, Clock clock) {
        this.promises = promises;
        this.invoices = invoices;
        this.customers = customers;
        this.policy = policy;
        this.calendar = calendar;
        this.runtime = runtime;
        this.messages = messages;
        this.interactions = interactions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The last day the customer may promise: today plus the CallPolicy's {@code longestPromiseDays} for its customer
     * type, the limit a collector's promise has (further away, it is a payment plan). Not read-only: the engine keeps
     * the decision's history.
     */
    @Transactional
    public LocalDate latestDate(UUID customerId) {
        return calendar.today().plusDays(policy.decide(customers.get(customerId).getCustomerType()).longestPromiseDays());
    }

    /** The customer's open invoices under a promise not checked yet, with the promised date. */
    @Transactional(readOnly = true)
    public Map<String, LocalDate> promisedInvoices(UUID customerId) {
        Set<String> open = invoices.openOf(customerId).stream().map(Invoice::getNumber).collect(Collectors.toSet());
        Map<String, LocalDate> promised = new HashMap<>();
        for (PromisesToPay.OpenPromise promise : promises.openOf(customerId)) {
            promise.invoiceNumbers().stream().filter(open::contains)
                    .forEach(number -> promised.putIfAbsent(number, promise.promisedDate()));
        }
        return promised;
    }

    /**
     * Records the promise of {@code amount} by {@code promisedDate} on these invoices of the customer, or refuses it
     * whole ({@link DebtorRequestRefused}, nothing stored): an invoice not the customer's or not open, frozen by
     * insolvency proceedings (paid only through them, art. L622-7 C. com.), disputed, on hold, in a plan or escalated;
     * another promise still open; a date past or beyond {@link #latestDate}; an amount not above zero or above what the
     * invoices still owe.
     */
    public UUID promise(UUID customerId, List<String> invoiceNumbers, LocalDate promisedDate, BigDecimal amount) {
        return transactions.execute("promise of customer " + customerId, () -> promiseOnce(customerId,
                List.copyOf(new LinkedHashSet<>(invoiceNumbers == null ? List.of() : invoiceNumbers)), promisedDate, amount));
    }

    private UUID promiseOnce(UUID customerId, List<String> numbers, LocalDate promisedDate, BigDecimal amount) {
        List<Refusal> refusals = new ArrayList<>();
        List<Invoice> chosen = chosen(customerId, numbers, refusals);
        Map<String, LocalDate> promised = promisedInvoices(customerId);
        if (!promised.isEmpty()) {
            refusals.add(Refusal.on("invoices", "promise-open", promised.values().iterator().next()));
        }
        LocalDate today = calendar.today();
        LocalDate latest = latestDate(customerId);
        if (promisedDate == null) {
            refusals.add(Refusal.of("promisedDate", "date-missing"));
        } else if (promisedDate.isBefore(today)) {
            refusals.add(Refusal.on("promisedDate", "date-past", today));
        } else if (promisedDate.isAfter(latest)) {
            refusals.add(Refusal.on("promisedDate", "date-too-far", latest));
        }
        String currency = chosen.isEmpty() ? null : chosen.get(0).getCurrency();
        BigDecimal owed = chosen.stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount == null || amount.signum() <= 0) {
            refusals.add(Refusal.of("promisedAmount", "amount-not-positive"));
        } else if (amount.scale() > 2) {
            refusals.add(Refusal.of("promisedAmount", "amount-cents"));
        } else if (!chosen.isEmpty() && amount.compareTo(owed) > 0) {
            refusals.add(Refusal.over("promisedAmount", "amount-too-high", owed, currency));
        }
        DebtorRequestRefused.throwIfAny(refusals);

        UUID promiseId = promises.record(customerId, null, numbers, promisedDate, amount, currency);
        int graceDays = policy.decide(customers.get(customerId).getCustomerType()).promiseGraceDays();
        for (Invoice invoice : chosen) {
            boolean waits = !runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_PROMISE_MADE_ONLINE)
                    .processInstanceBusinessKey(invoice.getNumber())
                    .setVariable(InvoiceCollectionContract.PROMISE_MADE_ONLINE, true)
                    .setVariable(InvoiceCollectionContract.PROMISE_ID, promiseId.toString())
                    .setVariable(InvoiceCollectionContract.PROMISED_AMOUNT, amount.toPlainString())
                    .setVariable(InvoiceCollectionContract.PROMISED_DATE, promisedDate.toString())
                    .setVariable(InvoiceCollectionContract.RESUME_DUNNING_AT, calendar.dayAfter(promisedDate, graceDays))
                    .correlateAllWithResult().isEmpty();
            if (!waits) {
                // escalated meanwhile, or still being assessed: no dunning here to wait for the promise; rolls it all back
                throw new DebtorRequestRefused(List.of(Refusal.about("invoices", "not-in-dunning", invoice.getNumber())));
            }
        }
        Locale locale = Texts.localeOf(chosen.get(0).getCustomer());
        messages.enqueue("promise-" + promiseId, "promise-confirmation", Channel.EMAIL, MessageKind.PROMISE_CONFIRMATION,
                Tone.COURTEOUS, customerId, chosen.get(0).getId(), clock.instant(), Map.of(
                        "promisedAmount", Texts.money(amount, currency, locale),
                        "promisedDate", Texts.date(promisedDate, locale)));
        interactions.record(customerId, chosen.size() == 1 ? chosen.get(0).getId() : null, Medium.PORTAL, Direction.INBOUND,
                Type.PROMISE_TO_PAY, "Portal: promise to pay " + amount.toPlainString() + " " + currency + " by " + promisedDate
                        + " (" + String.join(", ", numbers) + ")", null);
        return promiseId;
    }

    /** The invoices chosen, if each is an open invoice of the customer that dunning may wait on. */
    private List<Invoice> chosen(UUID customerId, List<String> numbers, List<Refusal> refusals) {
        if (numbers.isEmpty()) {
            refusals.add(Refusal.of("invoices", "none-chosen"));
            return List.of();
        }
        Map<String, Invoice> found = invoices.byNumbers(numbers).stream()
                .filter(invoice -> invoice.getCustomer().getId().equals(customerId))
                .collect(Collectors.toMap(Invoice::getNumber, invoice -> invoice));
        List<Invoice> chosen = new ArrayList<>();
        for (String number : numbers) {
            Invoice invoice = found.get(number);
            Optional<String> refused = invoice == null || invoice.getStatus().isClosed() ? Optional.of("not-open")
                    : invoice.isFrozenByInsolvency() ? Optional.of(FROZEN_BY_INSOLVENCY)
                    : switch (invoice.getStatus()) {
                        case DISPUTED -> Optional.of("disputed");
                        case ON_HOLD -> Optional.of("on-hold");
                        case IN_PLAN -> Optional.of("in-plan");
                        case WITH_INSURER, WITH_AGENCY, IN_COURT -> Optional.of("escalated");
                        default -> Optional.empty();
                    };
            refused.ifPresentOrElse(code -> refusals.add(Refusal.about("invoices", code, number)), () -> chosen.add(invoice));
        }
        if (chosen.stream().map(Invoice::getCurrency).distinct().count() > 1) {
            refusals.add(Refusal.of("invoices", "currencies"));
        }
        return refusals.isEmpty() ? chosen : List.of();
    }
}
