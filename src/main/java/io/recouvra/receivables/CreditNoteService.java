package io.recouvra.receivables;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books credit notes against invoices, and tells the processes what changed. */
@Service
public class CreditNoteService {

    private final CreditNoteRepository creditNotes;
    private final LedgerLocks locks;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlausibleDates plausibleDates;

    CreditNoteService(CreditNoteRepository creditNotes, LedgerLocks locks, RetryingTransactions transactions,
                      ApplicationEventPublisher events, Clock clock, PlausibleDates plausibleDates) {
        this.plausibleDates = plausibleDates;
        this.creditNotes = creditNotes;
        this.locks = locks;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Books the credit note; run again from the start when it lost a race with another transaction. */
    public CreditNote register(NewCreditNote request) {
        return transactions.execute("credit note " + request.number(), () -> book(request));
    }

    private CreditNote book(NewCreditNote request) {
        if (request.number().startsWith(CreditNote.DISCOUNT_PREFIX)) {
            throw new InvalidInputException("number", "numbers starting with " + CreditNote.DISCOUNT_PREFIX
                    + " are the early-payment discounts the ledger books itself");
        }
        if (creditNotes.existsByNumber(request.number())) {
            throw new ConflictException("number", "credit note " + request.number() + " already exists");
        }
        Invoice invoice = locks.invoice(request.invoiceNumber()).orElseThrow(() ->
                new InvalidInputException("invoiceNumber", "no invoice " + request.invoiceNumber()));
        List<FieldProblem> problems = new ArrayList<>();
        Money.check("amount", request.amount(), "invoiceNumber", invoice.getCurrency(), problems);
        plausibleDates.check("issueDate", request.issueDate(), problems);
        if (invoice.getStatus().isClosed()) {
            problems.add(new FieldProblem("invoiceNumber", "invoice is " + invoice.getStatus()));
        } else if (request.amount().compareTo(invoice.getOutstanding()) > 0) {
            problems.add(new FieldProblem("amount", "exceeds the outstanding " + invoice.getOutstanding()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CreditNote creditNote = creditNotes.save(new CreditNote(request.number(), invoice,
                Money.normalize(request.amount(), invoice.getCurrency()), request.issueDate(), request.reason(),
                clock.instant()));
        LedgerEvents.announce(invoice, events);
        return creditNote;
    }

    @Transactional(readOnly = true)
    public CreditNote get(String number) {
        return creditNotes.findByNumber(number).orElseThrow(() -> new NotFoundException("No credit note " + number));
    }
}
