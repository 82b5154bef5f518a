package io.recouvra.receivables;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books payments against invoices, and tells the processes what changed. */
@Service
public class PaymentService {

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;
    private final LedgerLocks locks;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlausibleDates plausibleDates;

    PaymentService(PaymentRepository payments, InvoiceRepository invoices, CreditNoteRepository creditNotes, LedgerLocks locks,
                   RetryingTransactions transactions, ApplicationEventPublisher events, Clock clock,
                   PlausibleDates plausibleDates) {
        this.plausibleDates = plausibleDates;
        this.payments = payments;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Books a payment. The customer row is locked first: one customer's payments queue up behind each
     * other, so two of them never take the same euro of an invoice, and never wait on each other's
     * invoice locks in opposite orders ({@link LedgerLocks}). A transaction that lost a race with
     * another one (a deadlock, an engine instance changed meanwhile) is run again from the start
     * ({@link RetryingTransactions}); the bank reference keeps a payment from being booked twice.
     */
    public Payment register(NewPayment request) {
        return transactions.execute("payment " + request.bankReference(), () -> book(request));
    }

    private Payment book(NewPayment request) {
        List<FieldProblem> problems = new ArrayList<>();
        Money.check("amount", request.amount(), "currency", request.currency(), problems);
        plausibleDates.check("valueDate", request.valueDate(), problems);
        Customer customer = locks.customer(request.customerId()).orElse(null);
        if (customer == null) {
            problems.add(new FieldProblem("customerId", "no customer " + request.customerId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (payments.existsByCustomerAndBankReference(customer, request.bankReference())) {
            throw new ConflictException("bankReference", "payment " + request.bankReference() + " is already booked");
        }
        Payment payment = new Payment(customer, Money.normalize(request.amount(), request.currency()),
                request.currency(), request.valueDate(), request.bankReference(), clock.instant());
        if (request.allocations() == null || request.allocations().isEmpty()) {
            allocateOldestFirst(payment);
        } else {
            allocateAsInstructed(payment, request.allocations());
        }
        payment.getAllocations().forEach(allocation -> grantEarlyPaymentDiscount(allocation.getInvoice(), payment.getValueDate()));
        // written now, not at commit: the processes the events wake and callers writing with JDBC (an online
        // checkout naming its payment) read the database, not this session
        payments.saveAndFlush(payment);
        payment.getAllocations().forEach(allocation -> LedgerEvents.announce(allocation.getInvoice(), events));
        events.publishEvent(new LedgerEvents.PaymentBooked(customer.getId(), settledLate(payment)));
        return payment;
    }

    private static List<LedgerEvents.LateSettlement> settledLate(Payment payment) {
        return payment.getAllocations().stream()
                .map(PaymentAllocation::getInvoice)
                .filter(invoice -> invoice.isSettled() && payment.getValueDate().isAfter(invoice.getDueDate()))
                .map(invoice -> new LedgerEvents.LateSettlement(invoice.getNumber(),
                        ChronoUnit.DAYS.between(invoice.getDueDate(), payment.getValueDate())))
                .toList();
    }

    private void allocateOldestFirst(Payment payment) {
        for (Invoice invoice : invoices.lockOpenInvoices(payment.getCustomer(), payment.getCurrency(), InvoiceStatus.CLOSED)) {
            if (payment.getUnallocatedAmount().signum() == 0) {
                return;
            }
            // before its discount date, what settles the invoice is the discounted amount: the rest stays the customer's
            BigDecimal settles = invoice.discountedAmountOn(payment.getValueDate()).orElse(invoice.getOutstanding());
            payment.allocate(invoice, payment.getUnallocatedAmount().min(settles));
        }
    }

    /**
     * A payment with a value date on or before the invoice's discount date that leaves no more than the
     * discount owed settles it: what is left is the discount, booked as a credit note with its VAT. Once
     * per invoice: a settled invoice takes no more payments, and the note's number is the invoice's.
     */
    private void grantEarlyPaymentDiscount(Invoice invoice, LocalDate valueDate) {
        invoice.discountOn(valueDate)
                .filter(discount -> invoice.getOutstanding().compareTo(discount) <= 0)
                .filter(discount -> !creditNotes.existsByInvoiceAndEarlyPaymentDiscountTrue(invoice))
                .ifPresent(discount -> creditNotes.save(CreditNote.earlyPaymentDiscount(invoice, invoice.getOutstanding(),
                        valueDate, LocalDate.now(clock), clock.instant())));
    }

    private void allocateAsInstructed(Payment payment, List<NewPayment.Allocation> allocations) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal total = allocations.stream().map(NewPayment.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(payment.getAmount()) > 0) {
            problems.add(new FieldProblem("allocations", "allocate " + total + " but the payment is " + payment.getAmount()));
        }
        Map<Invoice, BigDecimal> shares = new LinkedHashMap<>();
        for (int i = 0; i < allocations.size(); i++) {
            NewPayment.Allocation allocation = allocations.get(i);
            String field = "allocations[" + i + "]";
            Optional<UUID> customerId = invoices.customerIdOf(allocation.invoiceNumber());
            // another customer's invoice is refused unlocked: its customer's lock would come second
            Invoice invoice = customerId.filter(payment.getCustomer().getId()::equals)
                    .flatMap(same -> invoices.lockByNumber(allocation.invoiceNumber())).orElse(null);
            if (customerId.isEmpty()) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "no invoice " + allocation.invoiceNumber()));
            } else if (invoice == null) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice of another customer"));
            } else if (!invoice.getCurrency().equals(payment.getCurrency())) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice is in " + invoice.getCurrency()));
            } else if (invoice.getStatus().isClosed()) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice is " + invoice.getStatus()));
            } else if (shares.merge(invoice, allocation.amount(), BigDecimal::add).compareTo(invoice.getOutstanding()) > 0) {
                problems.add(new FieldProblem(field + ".amount", "brings what this payment allocates to "
                        + invoice.getNumber() + " to " + shares.get(invoice) + ", above its outstanding " + invoice.getOutstanding()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        shares.forEach((invoice, share) -> payment.allocate(invoice, Money.normalize(share, payment.getCurrency())));
    }

    @Transactional(readOnly = true)
    public Payment get(UUID id) {
        return payments.findWithAllocationsById(id).orElseThrow(() -> new NotFoundException("No payment " + id));
    }
}
