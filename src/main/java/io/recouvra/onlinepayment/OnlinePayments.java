package io.recouvra.onlinepayment;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.onlinepayment.ProviderEvent.Outcome;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.Payment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online payments: a checkout opened for the invoices a debtor chose, and the provider's verdict booked
 * in the ledger once. A provider event is applied at most once (its id is stored first), a checkout is
 * paid at most once, and a failure or cancellation arriving after the payment changes nothing.
 */
@Service
public class OnlinePayments {

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);

    private final Map<String, PaymentProvider> providers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final RetryingTransactions transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OnlinePayments(List<PaymentProvider> providers, InvoiceService invoices, PaymentService payments,
                   RetryingTransactions transactions, JdbcTemplate jdbc, Clock clock) {
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        this.invoices = invoices;
        this.payments = payments;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An invoice the debtor pays, and how much of it. */
    public record Choice(String invoiceNumber, BigDecimal amount) {
    }

    /**
     * Opens a checkout at the provider for the customer's own open invoices, each for at most what it
     * still owes; the debtor is then sent to the returned redirect URL.
     */
    @Transactional
    public HostedCheckout startCheckout(String providerName, UUID customerId, List<Choice> choices, String successUrl, String cancelUrl) {
        PaymentProvider provider = provider(providerName);
        String currency = validate(customerId, choices);
        UUID checkoutId = UUID.randomUUID();
        List<CheckoutRequest.Line> lines = choices.stream().map(c -> new CheckoutRequest.Line(c.invoiceNumber(), c.amount())).toList();
        CheckoutRequest request = new CheckoutRequest(checkoutId, customerId, lines, currency, successUrl, cancelUrl);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into recouvra.online_checkout (id, customer_id, provider, currency, amount, state, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, 'OPEN', ?, ?)", checkoutId, customerId, provider.name(), currency, request.total(), now, now);
        lines.forEach(line -> jdbc.update("insert into recouvra.online_checkout_line (checkout_id, invoice_number, amount) values (?, ?, ?)",
                checkoutId, line.invoiceNumber(), line.amount()));
        HostedCheckout checkout = provider.createCheckout(request);
        jdbc.update("update recouvra.online_checkout set session_id = ? where id = ?", checkout.sessionId(), checkoutId);
        return checkout;
    }

    private String validate(UUID customerId, List<Choice> choices) {
        List<FieldProblem> problems = new ArrayList<>();
        if (choices == null || choices.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("invoices", "choose at least one invoice")));
        }
        Set<String> currencies = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            String field = "invoices[" + i + "]";
            Invoice invoice = choice.invoiceNumber() == null ? null : invoices.find(choice.invoiceNumber()).orElse(null);
            if (invoice == null || !invoice.getCustomer().getId().equals(customerId)) {
                // another customer's invoice reads as no invoice: its existence is not the debtor's business
                problems.add(new FieldProblem(field + ".invoiceNumber", "no invoice " + choice.invoiceNumber()));
            } else if (!seen.add(invoice.getNumber())) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "chosen twice"));
            } else if (choice.amount() == null || choice.amount().signum() <= 0) {
                problems.add(new FieldProblem(field + ".amount", "must be more than 0"));
            } else if (choice.amount().compareTo(invoice.getOutstanding()) > 0) {
                problems.add(new FieldProblem(field + ".amount", "above what is still due, " + invoice.getOutstanding()));
            } else {
                currencies.add(invoice.getCurrency());
            }
        }
        if (currencies.size() > 1) {
            problems.add(new FieldProblem("invoices", "one checkout pays invoices of one currency, not " + currencies));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return currencies.iterator().next();
    }

    /**
     * Applies a webhook call from a provider.
     *
     * @throws ForgedWebhookException when the provider did not sign it; nothing is stored then
     */
    public void received(String providerName, String rawBody, String signatureHeader) {
        PaymentProvider provider = provider(providerName);
        ProviderEvent event = provider.verifiedEvent(rawBody, signatureHeader);
        transactions.execute("payment event " + event.id(), () -> apply(provider.name(), event));
    }

    private Void apply(String provider, ProviderEvent event) {
        int fresh = jdbc.update("insert into recouvra.online_payment_event (provider, event_id, session_id, outcome, received_at) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", provider, event.id(), event.sessionId(), event.outcome().name(),
                Timestamp.from(clock.instant()));
        if (fresh == 0 || event.sessionId() == null || event.outcome() == Outcome.IGNORED) {
            return null;
        }
        List<Map<String, Object>> found = jdbc.queryForList("select id, customer_id, currency, amount, state from recouvra.online_checkout "
                + "where provider = ? and session_id = ? for update", provider, event.sessionId());
        if (found.isEmpty()) {
            log.warn("{} event {} names session {}, which is no checkout of ours", provider, event.id(), event.sessionId());
            return null;
        }
        Map<String, Object> checkout = found.get(0);
        if (!"OPEN".equals(checkout.get("state"))) {
            return null; // paid, failed or cancelled already: a late or out-of-order event changes nothing
        }
        UUID checkoutId = (UUID) checkout.get("id");
        if (event.outcome() == Outcome.PAID) {
            book(provider, event, checkoutId, checkout);
        } else {
            jdbc.update("update recouvra.online_checkout set state = ?, updated_at = ? where id = ?", event.outcome().name(),
                    Timestamp.from(clock.instant()), checkoutId);
        }
        return null;
    }

    private void book(String provider, ProviderEvent event, UUID checkoutId, Map<String, Object> checkout) {
        BigDecimal amount = (BigDecimal) checkout.get("amount");
        if (event.amount() != null && event.amount().compareTo(amount) != 0) {
            throw new ConflictException("amount", provider + " reports " + event.amount() + " paid on checkout " + checkoutId
                    + ", which is for " + amount);
        }
        List<NewPayment.Allocation> allocations = jdbc.query("select invoice_number, amount from recouvra.online_checkout_line "
                        + "where checkout_id = ? order by invoice_number",
                (row, i) -> new NewPayment.Allocation(row.getString("invoice_number"), row.getBigDecimal("amount")), checkoutId);
        Payment payment = payments.register(new NewPayment((UUID) checkout.get("customer_id"), amount, (String) checkout.get("currency"),
                LocalDate.now(clock.withZone(ZoneId.systemDefault())), provider + " " + event.sessionId(), allocations));
        jdbc.update("update recouvra.online_checkout set state = 'PAID', payment_id = ?, updated_at = ? where id = ?", payment.getId(),
                Timestamp.from(clock.instant()), checkoutId);
    }

    private PaymentProvider provider(String name) {
        PaymentProvider provider = providers.get(name);
        if (provider == null) {
            throw new NotFoundException("No payment provider " + name);
        }
        return provider;
    }
}
