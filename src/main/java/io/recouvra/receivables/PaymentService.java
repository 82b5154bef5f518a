package io.recouvra.receivables;

import io.recouvra.receivables.LedgerEvents.InvoiceReduced;
import io.recouvra.receivables.LedgerEvents.InvoiceSettled;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books payments and credit notes against invoices, and tells the processes what changed. */
@Service
public class PaymentService {

    private final PaymentRepository payments;
    private final CreditNoteRepository creditNotes;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(PaymentRepository payments, CreditNoteRepository creditNotes, InvoiceRepository invoices,
                   CustomerRepository customers, ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Payment register(NewPayment request) {
        List<FieldProblem> problems = new ArrayList<>();
        Money.check("amount", request.amount(), "currency", request.currency(), problems);
        Customer customer = customers.findById(request.customerId()).orElse(null);
        if (customer == null) {
            problems.add(new FieldProblem("customerId", "no customer " + request.customerId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (payments.existsByCustomerAndBankReference(customer, request.bankReference())) {
            throw new ConflictException("bankReference", "payment " + request.bankReference() + " is already booked");
        }
        Payment payment = new Payment(customer, request.amount(), request.currency(), request.valueDate(),
                request.bankReference(), clock.instant());
        if (request.allocations() == null || request.allocations().isEmpty()) {
            allocateOldestFirst(payment);
        } else {
            allocateAsInstructed(payment, request.allocations());
        }
        payments.save(payment);
        payment.getAllocations().forEach(allocation -> announce(allocation.getInvoice()));
        return payment;
    }

    private void allocateOldestFirst(Payment payment) {
        for (Invoice invoice : invoices.lockOpenInvoices(payment.getCustomer(), payment.getCurrency())) {
            if (payment.getUnallocatedAmount().signum() == 0) {
                return;
            }
            payment.allocate(invoice, payment.getUnallocatedAmount().min(invoice.getOutstanding()));
        }
    }

    private void allocateAsInstructed(Payment payment, List<NewPayment.Allocation> allocations) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal total = allocations.stream().map(NewPayment.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(payment.getAmount()) > 0) {
            problems.add(new FieldProblem("allocations", "allocate " + total + " but the payment is " + payment.getAmount()));
        }
        List<Invoice> targets = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            NewPayment.Allocation allocation = allocations.get(i);
            String field = "allocations[" + i + "]";
            Invoice invoice = invoices.lockByNumber(allocation.invoiceNumber()).orElse(null);
            targets.add(invoice);
            if (invoice == null) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "no invoice " + allocation.invoiceNumber()));
            } else if (!invoice.getCustomer().getId().equals(payment.getCustomer().getId())) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice of another customer"));
            } else if (!invoice.getCurrency().equals(payment.getCurrency())) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice is in " + invoice.getCurrency()));
            } else if (invoice.getStatus().isClosed()) {
                problems.add(new FieldProblem(field + ".invoiceNumber", "invoice is " + invoice.getStatus()));
            } else if (allocation.amount().compareTo(invoice.getOutstanding()) > 0) {
                problems.add(new FieldProblem(field + ".amount", "exceeds the outstanding " + invoice.getOutstanding()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (int i = 0; i < allocations.size(); i++) {
            payment.allocate(targets.get(i), allocations.get(i).amount());
        }
    }

    @Transactional
    public CreditNote registerCreditNote(NewCreditNote request) {
        if (creditNotes.existsByNumber(request.number())) {
            throw new ConflictException("number", "credit note " + request.number() + " already exists");
        }
        Invoice invoice = invoices.lockByNumber(request.invoiceNumber()).orElseThrow(() ->
                new InvalidInputException("invoiceNumber", "no invoice " + request.invoiceNumber()));
        List<FieldProblem> problems = new ArrayList<>();
        Money.check("amount", request.amount(), "invoiceNumber", invoice.getCurrency(), problems);
        if (invoice.getStatus().isClosed()) {
            problems.add(new FieldProblem("invoiceNumber", "invoice is " + invoice.getStatus()));
        } else if (request.amount().compareTo(invoice.getOutstanding()) > 0) {
            problems.add(new FieldProblem("amount", "exceeds the outstanding " + invoice.getOutstanding()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CreditNote creditNote = creditNotes.save(new CreditNote(request.number(), invoice, request.amount(),
                request.issueDate(), request.reason(), clock.instant()));
        announce(invoice);
        return creditNote;
    }

    @Transactional(readOnly = true)
    public Payment get(UUID id) {
        return payments.findWithAllocationsById(id).orElseThrow(() -> new NotFoundException("No payment " + id));
    }

    private void announce(Invoice invoice) {
        events.publishEvent(invoice.isSettled()
                ? new InvoiceSettled(invoice.getNumber(), invoice.getStatus())
                : new InvoiceReduced(invoice.getNumber(), invoice.getOutstanding()));
    }
}
