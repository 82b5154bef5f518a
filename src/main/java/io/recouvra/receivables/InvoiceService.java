package io.recouvra.receivables;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.receivables.LedgerEvents.InvoiceRegistered;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InvoiceService {

    /** The currency a customer's credit limit is set in by the credit review. */
    static final String CREDIT_LIMIT_CURRENCY = "EUR";

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final PaymentRepository payments;
    private final LedgerLocks locks;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;
    private final OverduePolicy overduePolicy;
    private final Vat standardVat;
    private final Clock clock;
    private final PlausibleDates plausibleDates;

    InvoiceService(InvoiceRepository invoices, CustomerRepository customers, PaymentRepository payments, LedgerLocks locks,
                   RetryingTransactions transactions, ApplicationEventPublisher events, OverduePolicy overduePolicy,
                   Vat standardVat, Clock clock, PlausibleDates plausibleDates) {
        this.plausibleDates = plausibleDates;
        this.invoices = invoices;
        this.standardVat = standardVat;
        this.customers = customers;
        this.payments = payments;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.overduePolicy = overduePolicy;
        this.clock = clock;
    }

    /**
     * Registers an invoice; its collection starts in the same transaction. The customer is locked first
     * ({@link LedgerLocks}), so the exposure checked against its credit limit counts the invoices
     * registered at the same moment; the transaction is run again when it lost a race with another one.
     */
    public Invoice register(NewInvoice request) {
        return transactions.execute("invoice " + request.number(), () -> registerOnce(request));
    }

    private Invoice registerOnce(NewInvoice request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.dueDate().isBefore(request.issueDate())) {
            problems.add(new FieldProblem("dueDate", "is before the issue date " + request.issueDate()));
        }
        plausibleDates.check("issueDate", request.issueDate(), problems);
        plausibleDates.check("dueDate", request.dueDate(), problems);
        if (request.deliveredOn() != null) {
            plausibleDates.check("deliveredOn", request.deliveredOn(), problems);
        }
        Money.check("amount", request.amount(), "currency", request.currency(), problems);
        VatBreakdown amounts = breakdownOf(request, problems);
        EarlyPaymentDiscount discount = discountOf(request, problems);
        Customer customer = customerOf(request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (invoices.findByNumber(request.number()).isPresent()) {
            throw new ConflictException("number", "invoice " + request.number() + " already exists");
        }
        Invoice invoice = new Invoice(request.number(), customer, request.issueDate(), request.dueDate(), amounts,
                request.currency(), clock.instant());
        // Credit limits are in euros and Recouvra keeps no exchange rates: the limit is checked against the euro
        // exposure only, and an invoice in another currency is compared with nothing rather than added to euros.
        // Without a limit, or in another currency, there is nothing to check: one query less per registration.
        BigDecimal exposure = customer.getCreditLimit() == null || !CREDIT_LIMIT_CURRENCY.equals(invoice.getCurrency()) ? null
                : invoices.exposureOf(customer, invoice.getCurrency(), InvoiceStatus.CLOSED).add(invoice.getAmount());
        boolean overLimit = exposure != null && exposure.compareTo(customer.getCreditLimit()) > 0;
        invoice.flag(overLimit, beyondPaymentTerms(customer, invoice));
        invoice.agreeInterestRate(request.contractualInterestRate());
        invoice.deliveredOn(request.deliveredOn());
        if (discount != null) {
            invoice.offerEarlyPaymentDiscount(discount);
        }
        invoices.save(invoice);
        events.publishEvent(new InvoiceRegistered(invoice.getId(), invoice.getNumber(), customer.getId(),
                customer.getLegalName(), invoice.getAmount(), invoice.getCurrency(), invoice.getDueDate(),
                invoice.isOverCreditLimit(), invoice.isTermsBeyondPolicy(), exposure, customer.getCreditLimit()));
        return invoice;
    }

    /**
     * The invoice's own amount excluding VAT and VAT, which must both be given (or neither), be non-negative,
     * fit the currency's decimals and add up to the amount due; neither given, the VAT is derived at the
     * standard rate. Null when a problem was recorded.
     */
    private VatBreakdown breakdownOf(NewInvoice request, List<FieldProblem> problems) {
        int before = problems.size();
        if (request.amountExclVat() == null && request.vat() == null) {
            return problems.isEmpty() ? standardVat.derivedFrom(Money.normalize(request.amount(), request.currency())) : null;
        }
        if (request.amountExclVat() == null) {
            problems.add(new FieldProblem("amountExclVat", "is required with vat (give both, or neither to derive them at the standard rate)"));
        } else if (request.vat() == null) {
            problems.add(new FieldProblem("vat", "is required with amountExclVat (give both, or neither to derive them at the standard rate)"));
        } else {
            nonNegative("amountExclVat", request.amountExclVat(), problems);
            nonNegative("vat", request.vat(), problems);
            Money.check("amountExclVat", request.amountExclVat(), "currency", request.currency(), problems);
            Money.check("vat", request.vat(), "currency", request.currency(), problems);
            problems.subList(before, problems.size()).removeIf(p -> p.field().equals("currency"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        BigDecimal sum = request.amountExclVat().add(request.vat());
        if (sum.compareTo(request.amount()) != 0) {
            problems.add(new FieldProblem("vat", "amountExclVat " + request.amountExclVat().toPlainString() + " + vat "
                    + request.vat().toPlainString() + " = " + sum.toPlainString() + ", not the amount including VAT "
                    + request.amount().toPlainString()));
            return null;
        }
        return new VatBreakdown(Money.normalize(request.amount(), request.currency()),
                Money.normalize(request.amountExclVat(), request.currency()), Money.normalize(request.vat(), request.currency()), false);
    }

    /**
     * The early-payment discount, when the request gives one: a rate and a date, both or neither; the rate
     * above 0 and at most {@link EarlyPaymentDiscount#MAX_RATE}, with two decimals at most; the date on or after
     * the issue date and on or before the due date. Null when none is given or a problem was recorded.
     */
    private static EarlyPaymentDiscount discountOf(NewInvoice request, List<FieldProblem> problems) {
        BigDecimal rate = request.discountRate();
        LocalDate until = request.discountUntil();
        if (rate == null && until == null) {
            return null;
        }
        int before = problems.size();
        if (rate == null) {
            problems.add(new FieldProblem("discountRate", "is required with discountUntil (give both, or neither)"));
        } else if (rate.signum() <= 0 || rate.compareTo(EarlyPaymentDiscount.MAX_RATE) > 0) {
            problems.add(new FieldProblem("discountRate", "must be above 0 and at most "
                    + EarlyPaymentDiscount.MAX_RATE.toPlainString() + " (percent)"));
        } else if (rate.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("discountRate", "has at most 2 decimals"));
        }
        if (until == null) {
            problems.add(new FieldProblem("discountUntil", "is required with discountRate (give both, or neither)"));
        } else if (until.isBefore(request.issueDate())) {
            problems.add(new FieldProblem("discountUntil", "is before the issue date " + request.issueDate()));
        } else if (until.isAfter(request.dueDate())) {
            problems.add(new FieldProblem("discountUntil", "is after the due date " + request.dueDate()
                    + ": after it the full amount is owed anyway"));
        }
        return problems.size() > before ? null : new EarlyPaymentDiscount(rate.setScale(2), until);
    }

    private static void nonNegative(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value.signum() < 0) {
            problems.add(new FieldProblem(field, "must not be negative"));
        }
    }

    /**
     * Books a debit note for late-payment charges (interest and recovery indemnities) that a payment plan
     * adds. No collection starts for it: the plan collects it, and a broken plan hands it to dunning.
     */
    @Transactional
    public Invoice registerLateCharges(UUID customerId, String number, LocalDate dueDate, BigDecimal amount, String currency) {
        Customer customer = customers.findById(customerId).orElseThrow(() -> new NotFoundException("No customer " + customerId));
        if (invoices.findByNumber(number).isPresent()) {
            throw new ConflictException("number", "invoice " + number + " already exists");
        }
        LocalDate today = LocalDate.now(clock);
        return invoices.save(Invoice.lateCharges(number, customer, today, dueDate.isBefore(today) ? today : dueDate,
                Money.normalize(amount, currency), currency, clock.instant()));
    }

    /**
     * Later than the customer's terms allow: N days from the invoice date, N days end of month (the end
     * of the month in which the Nth day falls), or nothing at all for cash in advance.
     */
    static boolean beyondPaymentTerms(Customer customer, Invoice invoice) {
        if (customer.getMaxPaymentDays() == null) {
            return false;
        }
        LocalDate latest = invoice.getIssueDate().plusDays(customer.getMaxPaymentDays());
        if ("END_OF_MONTH".equals(customer.getPaymentTermsBasis())) {
            latest = latest.with(TemporalAdjusters.lastDayOfMonth());
        }
        return invoice.getDueDate().isAfter(latest);
    }

    private Customer customerOf(NewInvoice request, List<FieldProblem> problems) {
        if (request.customerId() != null) {
            return locks.customer(request.customerId()).orElseGet(() -> {
                problems.add(new FieldProblem("customerId", "no customer " + request.customerId()));
                return null;
            });
        }
        if (request.customerRegistrationNumber() != null) {
            String number = RegistrationNumbers.normalize(request.customerRegistrationNumber());
            return customers.findByRegistrationNumber(number).flatMap(found -> locks.customer(found.getId())).orElseGet(() -> {
                problems.add(new FieldProblem("customerRegistrationNumber", "no customer with " + number));
                return null;
            });
        }
        problems.add(new FieldProblem("customerId", "customerId or customerRegistrationNumber is required"));
        return null;
    }

    /** Stops the dunning of an invoice: disputed or on hold. Refused (409) for a settled invoice. */
    @Transactional
    public Invoice pause(String number, InvoiceStatus reason) {
        Invoice invoice = lock(number);
        if (invoice.getStatus().isClosed()) {
            throw new ConflictException("number", "invoice " + number + " is " + invoice.getStatus() + ": nothing to chase");
        }
        if (invoice.getStatus() == InvoiceStatus.DISPUTED || invoice.getStatus() == InvoiceStatus.ON_HOLD) {
            throw new ConflictException("number", "invoice " + number + " is already " + invoice.getStatus());
        }
        invoice.pause(reason);
        return invoice;
    }

    /** Dunning may go on: the dispute or the hold is over. A settled invoice stays as it is. */
    @Transactional
    public Invoice resume(String number) {
        Invoice invoice = lock(number);
        invoice.resume();
        return invoice;
    }

    /** The insurer, an agency or a court has the case now: no more dunning. A settled invoice stays as it is. */
    @Transactional
    public Invoice escalate(String number, InvoiceStatus to) {
        Invoice invoice = lock(number);
        if (!invoice.getStatus().isClosed()) {
            invoice.escalate(to);
            events.publishEvent(new LedgerEvents.InvoiceEscalated(invoice.getId(), number, to));
        }
        return invoice;
    }

    /** Writes off what is still owed; collection of the invoice ends, and everyone still working it is told. */
    @Transactional
    public Invoice writeOff(String number, String reason) {
        Invoice invoice = lock(number);
        invoice.writeOff();
        events.publishEvent(new LedgerEvents.InvoiceWrittenOff(number, invoice.getCustomer().getId(), invoice.getOutstanding(),
                invoice.getCurrency(), reason));
        return invoice;
    }

    /**
     * The invoice, locked with its customer until the transaction ends, for a change made elsewhere (a
     * hold released): taken first, so that the locks come in the ledger's one order ({@link LedgerLocks}).
     */
    @Transactional
    public Invoice lockForChange(String number) {
        return lock(number);
    }

    private Invoice lock(String number) {
        return locks.invoice(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
    }

    /** The invoice is past its due date (and grace) and still not settled. */
    @Transactional
    public Invoice markOverdue(String number) {
        Invoice invoice = lock(number);
        invoice.markOverdue(overduePolicy.overdueSince(invoice.getDueDate()));
        return invoice;
    }

    /** Invoices of the customer settled by a payment made after their due date, paid on or after {@code since}. */
    @Transactional(readOnly = true)
    public long countPaidLateSince(UUID customerId, LocalDate since) {
        return invoices.paidLateSince(customerId, since).size();
    }

    @Transactional(readOnly = true)
    public List<Invoice> byNumbers(Collection<String> numbers) {
        return numbers.isEmpty() ? List.of() : invoices.findByNumberIn(numbers);
    }

    /** The invoices that are not settled and were due on or before {@code day}, oldest due date first. */
    @Transactional(readOnly = true)
    public List<Invoice> openDueBy(LocalDate day) {
        return invoices.findOpenDueBy(day, InvoiceStatus.CLOSED);
    }

    /** The customer's invoices that are not settled, oldest due date first. */
    @Transactional(readOnly = true)
    public List<Invoice> openOf(UUID customerId) {
        return invoices.findOpen(customerId, InvoiceStatus.CLOSED);
    }

    /** The payments allocated to these invoices, oldest value date first. */
    @Transactional(readOnly = true)
    public List<InvoicePayment> paymentsOf(Collection<UUID> invoiceIds) {
        return invoiceIds.isEmpty() ? List.of() : payments.paymentsOf(invoiceIds);
    }

    /** The invoice's id, read without loading it. */
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String number) {
        return invoices.idOf(number);
    }

    /** The numbers of these invoices, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> numbersOf(Collection<UUID> ids) {
        Map<UUID, String> numbers = new HashMap<>();
        if (!ids.isEmpty()) {
            invoices.numbersOf(ids).forEach(row -> numbers.put((UUID) row[0], (String) row[1]));
        }
        return numbers;
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(String number) {
        return invoices.findByNumber(number);
    }

    @Transactional(readOnly = true)
    public Invoice get(UUID id) {
        return invoices.findById(id).orElseThrow(() -> new NotFoundException("No invoice " + id));
    }

    /** These invoices in one statement (a grouped reminder's), each once; one missing is not found. */
    @Transactional(readOnly = true)
    public List<Invoice> get(Collection<UUID> ids) {
        List<Invoice> found = invoices.findAllById(Set.copyOf(ids));
        if (found.size() != Set.copyOf(ids).size()) {
            throw new NotFoundException("No invoice among " + ids);
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Invoice get(String number) {
        return invoices.findByNumber(number).orElseThrow(() -> new NotFoundException("No invoice " + number));
    }

    @Transactional(readOnly = true)
    public Page<Invoice> list(InvoiceStatus status, UUID customerId, Pageable page) {
        Specification<Invoice> filter = (root, query, cb) -> cb.conjunction();
        if (status != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (customerId != null) {
            filter = filter.and((root, query, cb) -> cb.equal(root.get("customer").get("id"), customerId));
        }
        return invoices.findAll(filter, page);
    }
}
