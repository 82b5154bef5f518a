package io.recouvra.onlinepayment;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.onlinepayment.ProviderEvent.Outcome;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.Payment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.trail.Actors;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Online payments: a checkout opened for the invoices a debtor chose, and the provider's verdict booked
 * in the ledger once. A provider event is applied at most once (its id is stored first), a checkout is
 * paid at most once, and a failure or cancellation arriving after the payment changes nothing.
 */
@Service
public class OnlinePayments {

    private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);
    /** Where the checkout's id goes in the return pages' addresses. */
    public static final String CHECKOUT_ID = "{checkout}";

    private final Map<String, PaymentProvider> providers;
    private final String portalProvider;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final InteractionLog trail;
    private final RetryingTransactions transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OnlinePayments(List<PaymentProvider> providers, @Value("${recouvra.payments.portal-provider:}") String portalProvider,
                   InvoiceService invoices, PaymentService payments, InteractionLog trail, RetryingTransactions transactions,
                   JdbcTemplate jdbc, Clock clock) {
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
        this.portalProvider = portalProvider;
        this.invoices = invoices;
        this.payments = payments;
        this.trail = trail;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An invoice the debtor pays, and how much of it. */
    public record Choice(String invoiceNumber, BigDecimal amount) {
    }

    /** What the portal offers: the provider, its ways to pay, and its page's origin (null: the page is ours). */
    public record Offer(String provider, Set<PaymentMethod> methods, String checkoutOrigin) {
    }

    /** Where the provider sends the debtor back; {@link #CHECKOUT_ID} in them becomes the checkout's id. */
    public record ReturnPages(String success, String cancel) {
    }

    public enum State { OPEN, PAID, FAILED, CANCELLED }

    /** A checkout as its debtor may see it. */
    public record Checkout(UUID id, State state, BigDecimal amount, String currency, PaymentMethod method, List<Choice> choices) {
    }

    /**
     * The provider the portal's "pay online" uses: the one named by {@code recouvra.payments.portal-provider}, else
     * Stripe when its keys are set, else the sandbox when it is on; none, and the portal offers no online payment.
     */
    public Optional<Offer> offer() {
        PaymentProvider provider = StringUtils.hasText(portalProvider) ? providers.get(portalProvider)
                : providers.getOrDefault(StripePaymentProvider.NAME, providers.get(SandboxPaymentProvider.NAME));
        return Optional.ofNullable(provider).map(p -> new Offer(p.name(), p.methods(), p.checkoutOrigin()));
    }

    /**
     * What paying this invoice online costs today: what it still owes, less its early-payment discount while that
     * applies (the ledger then books the discount's credit note, as for a transfer received in time). The one place
     * the amount is computed, so that the form, the checkout and the check agree.
     */
    public BigDecimal amountToPay(Invoice invoice) {
        return invoice.discountedAmountOn(LocalDate.now(clock)).orElse(invoice.getOutstanding());
    }

    /**
     * The customer's invoices that can be paid online: open, with something still to pay, and not frozen by insolvency
     * proceedings (the debtor may not pay those, C. com. art. L622-7).
     */
    @Transactional(readOnly = true)
    public List<Invoice> payableInvoices(UUID customerId) {
        return invoices.openOf(customerId).stream()
                .filter(invoice -> !invoice.isFrozenByInsolvency() && amountToPay(invoice).signum() > 0).toList();
    }

    /**
     * Opens a checkout, at the portal's provider, for these invoices of the customer, each for {@link #amountToPay}.
     *
     * @throws InvalidInputException naming the field when an invoice is not the customer's, not payable, or the method
     *                               is not offered; nothing is stored then
     */
    @Transactional
    public HostedCheckout startCheckout(UUID customerId, List<String> invoiceNumbers, PaymentMethod method, String language,
                                        ReturnPages returns) {
        Offer offer = offer().orElseThrow(() -> new NotFoundException("No online payment is offered"));
        List<Choice> choices = new ArrayList<>();
        for (String number : invoiceNumbers) {
            Invoice invoice = number == null ? null : invoices.find(number).orElse(null);
            boolean own = invoice != null && invoice.getCustomer().getId().equals(customerId);
            // another customer's invoice is priced 0, which validation refuses as "no invoice" without telling it exists
            choices.add(new Choice(number, own ? amountToPay(invoice) : BigDecimal.ZERO));
        }
        return startCheckout(offer.provider(), customerId, choices, method, language, returns);
    }

    /**
     * Opens a checkout, at the portal's provider, for set amounts of the customer's invoices, which may be part of what
     * they owe: a payment plan's instalment spread over the plan's invoices. Each amount is checked as below.
     */
    @Transactional
    public HostedCheckout startCheckoutOfAmounts(UUID customerId, List<Choice> choices, PaymentMethod method, String language,
                                                 ReturnPages returns) {
        Offer offer = offer().orElseThrow(() -> new NotFoundException("No online payment is offered"));
        return startCheckout(offer.provider(), customerId, choices, method, language, returns);
    }

    /**
     * Opens a checkout at the provider for the customer's own open invoices, each for at most what it
     * still owes; the debtor is then sent to the returned redirect URL. The one acting (the debtor's link) is kept:
     * the payment booked later is theirs.
     */
    @Transactional
    public HostedCheckout startCheckout(String providerName, UUID customerId, List<Choice> choices, PaymentMethod method,
                                        String language, ReturnPages returns) {
        PaymentProvider provider = provider(providerName);
        String currency = validate(customerId, choices);
        if (method != null && !provider.methods().contains(method)) {
            throw new InvalidInputException(List.of(new FieldProblem("method", provider.name() + " does not offer " + method)));
        }
        UUID checkoutId = UUID.randomUUID();
        List<CheckoutRequest.Line> lines = choices.stream().map(c -> new CheckoutRequest.Line(c.invoiceNumber(), c.amount())).toList();
        CheckoutRequest request = new CheckoutRequest(checkoutId, customerId, lines, currency, method, language,
                returns.success().replace(CHECKOUT_ID, checkoutId.toString()), returns.cancel().replace(CHECKOUT_ID, checkoutId.toString()));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into recouvra.online_checkout (id, customer_id, provider, currency, amount, method, state, started_by, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)", checkoutId, customerId, provider.name(),
                currency, request.total(), method == null ? null : method.name(), Actors.current(), now, now);
        for (int position = 0; position < lines.size(); position++) {
            jdbc.update("insert into recouvra.online_checkout_line (checkout_id, position, invoice_number, amount) values (?, ?, ?, ?)",
                    checkoutId, position, lines.get(position).invoiceNumber(), lines.get(position).amount());
        }
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
            } else if (invoice.getStatus().isClosed()) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice is " + invoice.getStatus()));
            } else if (invoice.isFrozenByInsolvency()) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "born before the customer's insolvency proceedings"
                        + " opened: it may not be paid, it is declared to the court-appointed representative (C. com. L622-7)"));
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

    /** The customer's checkout; another customer's reads as none. */
    @Transactional(readOnly = true)
    public Optional<Checkout> checkout(UUID customerId, UUID checkoutId) {
        List<Map<String, Object>> found = jdbc.queryForList("select state, amount, currency, method from recouvra.online_checkout "
                + "where id = ? and customer_id = ?", checkoutId, customerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = found.get(0);
        return Optional.of(new Checkout(checkoutId, State.valueOf((String) row.get("state")), (BigDecimal) row.get("amount"),
                (String) row.get("currency"), row.get("method") == null ? null : PaymentMethod.valueOf((String) row.get("method")),
                lines(checkoutId).stream().map(line -> new Choice(line.invoiceNumber(), line.amount())).toList()));
    }

    /** The header a provider's webhook calls carry their signature in. */
    String signatureHeader(String providerName) {
        return provider(providerName).signatureHeader();
    }

    /**
     * Applies a webhook call from a provider.
     *
     * @throws ForgedWebhookException when the provider did not sign it; nothing is stored then
     */
    public void received(String providerName, String rawBody, String signature) {
        PaymentProvider provider = provider(providerName);
        ProviderEvent event = provider.verifiedEvent(rawBody, signature);
        transactions.execute("payment event " + event.id(), () -> apply(provider.name(), event));
    }

    private Void apply(String provider, ProviderEvent event) {
        int fresh = jdbc.update("insert into recouvra.online_payment_event (provider, event_id, session_id, outcome, received_at) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", provider, event.id(), event.sessionId(), event.outcome().name(),
                Timestamp.from(clock.instant()));
        if (fresh == 0 || event.sessionId() == null || event.outcome() == Outcome.IGNORED) {
            return null;
        }
        List<Map<String, Object>> found = jdbc.queryForList("select id, customer_id, currency, amount, state, started_by "
                + "from recouvra.online_checkout where provider = ? and session_id = ? for update", provider, event.sessionId());
        if (found.isEmpty()) {
            log.warn("{} event {} names session {}, which is no checkout of ours", provider, event.id(), event.sessionId());
            return null;
        }
        Map<String, Object> checkout = found.get(0);
        if (!State.OPEN.name().equals(checkout.get("state"))) {
            return null; // paid, failed or cancelled already: a late or out-of-order event changes nothing
        }
        UUID checkoutId = (UUID) checkout.get("id");
        String actor = (String) checkout.get("started_by");
        if (event.outcome() == Outcome.PAID) {
            // the provider's call carries no user: the trail names the one who started the checkout (the debtor's link)
            Actors.as(actor, () -> book(provider, event, checkoutId, checkout));
        } else {
            jdbc.update("update recouvra.online_checkout set state = ?, updated_at = ? where id = ?", event.outcome().name(),
                    Timestamp.from(clock.instant()), checkoutId);
            Actors.as(actor, () -> trail.record((UUID) checkout.get("customer_id"), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                    "Online payment " + (event.outcome() == Outcome.FAILED ? "failed" : "cancelled") + " at " + provider
                            + " (checkout " + checkoutId + ", " + startedBy(actor) + ")", null));
        }
        return null;
    }

    /**
     * Books what the provider says was paid. The checkout's own amount is the expected one; a different amount is
     * booked as received (the provider has the money), allocated to the invoices chosen in their order up to what
     * each still owes, any excess left as the customer's credit, and the difference noted on the trail.
     */
    private Void book(String provider, ProviderEvent event, UUID checkoutId, Map<String, Object> checkout) {
        UUID customerId = (UUID) checkout.get("customer_id");
        String currency = (String) checkout.get("currency");
        BigDecimal expected = (BigDecimal) checkout.get("amount");
        BigDecimal received = event.amount() == null ? expected : event.amount();
        if (event.currency() != null && !event.currency().equals(currency)) {
            log.error("{} reports {} {} paid on checkout {}, which is in {}: not booked", provider, received, event.currency(),
                    checkoutId, currency);
            trail.record(customerId, null, Medium.PORTAL, Direction.INBOUND, Type.NOTE, "Online payment of " + received + " "
                    + event.currency() + " at " + provider + " NOT booked: checkout " + checkoutId + " is in " + currency
                    + "; book it by hand", null);
            return null;
        }
        List<NewPayment.Allocation> allocations = new ArrayList<>();
        BigDecimal left = received;
        for (CheckoutRequest.Line line : lines(checkoutId)) {
            Invoice invoice = invoices.find(line.invoiceNumber()).orElse(null);
            // the invoice may have been paid otherwise since the checkout opened: never allocate above what it owes
            BigDecimal share = invoice == null || invoice.getStatus().isClosed() ? BigDecimal.ZERO
                    : line.amount().min(invoice.getOutstanding()).min(left);
            if (share.signum() > 0) {
                allocations.add(new NewPayment.Allocation(line.invoiceNumber(), share));
                left = left.subtract(share);
            }
        }
        Payment payment = payments.register(new NewPayment(customerId, received, currency, LocalDate.now(clock),
                provider + " " + event.sessionId(), allocations.isEmpty() ? null : allocations));
        jdbc.update("update recouvra.online_checkout set state = 'PAID', payment_id = ?, paid_amount = ?, updated_at = ? where id = ?",
                payment.getId(), received, Timestamp.from(clock.instant()), checkoutId);
        String summary = "Online payment of " + received + " " + currency + " received at " + provider + " (checkout " + checkoutId
                + ", " + startedBy((String) checkout.get("started_by")) + ")";
        if (received.compareTo(expected) != 0) {
            summary += "; the checkout was for " + expected + " " + currency + ", booked as received";
        }
        trail.record(customerId, null, Medium.PORTAL, Direction.INBOUND, Type.NOTE, summary, null);
        return null;
    }

    private List<CheckoutRequest.Line> lines(UUID checkoutId) {
        return jdbc.query("select invoice_number, amount from recouvra.online_checkout_line where checkout_id = ? order by position",
                (row, i) -> new CheckoutRequest.Line(row.getString("invoice_number"), row.getBigDecimal("amount")), checkoutId);
    }

    private static String startedBy(String actor) {
        return actor == null ? "started through the API" : "started by " + actor;
    }

    private PaymentProvider provider(String name) {
        PaymentProvider provider = providers.get(name);
        if (provider == null) {
            throw new NotFoundException("No payment provider " + name);
        }
        return provider;
    }
}
