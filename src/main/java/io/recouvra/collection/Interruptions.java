package io.recouvra.collection;

import io.recouvra.messaging.Interaction.Direction;
import io.recouvra.messaging.Interaction.Medium;
import io.recouvra.messaging.Interaction.Type;
import io.recouvra.messaging.InteractionLog;
import io.recouvra.messaging.Messages;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a dispute or a hold ends: dunning resumes, part of the invoice is credited, or all of it. */
@Service
class Interruptions {

    private final InvoiceService invoices;
    private final CreditNoteService creditNotes;
    private final Disputes disputes;
    private final Holds holds;
    private final InteractionLog interactions;
    private final Messages messages;
    private final CollectionCalendar calendar;

    Interruptions(InvoiceService invoices, CreditNoteService creditNotes, Disputes disputes, Holds holds,
                  InteractionLog interactions, Messages messages, CollectionCalendar calendar) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.disputes = disputes;
        this.holds = holds;
        this.interactions = interactions;
        this.messages = messages;
        this.calendar = calendar;
    }

    /** Dunning resumes: the dispute is settled or the hold over (released by hand or reached its end date). */
    @Transactional
    void resume(InvoiceCase invoiceCase, String disputeOutcome) {
        if (disputes.openDispute(invoiceCase.number()).isPresent()) {
            disputes.resolve(invoiceCase.number(), disputeOutcome != null ? disputeOutcome : "RESUME");
        }
        holds.markReleased(invoiceCase.number(), "end date reached");
        invoices.resume(invoiceCase.number());
        interactions.record(invoiceCase.customerId(), invoiceCase.invoiceId(), Medium.SYSTEM, Direction.INTERNAL,
                Type.NOTE, "Dunning resumed", null);
    }

    /** Credits part of the disputed invoice; dunning resumes on the rest. */
    @Transactional
    void creditPart(InvoiceCase invoiceCase, Object amount, String note) {
        BigDecimal credit;
        try {
            credit = amount == null ? null : new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            credit = null;
        }
        BigDecimal owed = invoices.get(invoiceCase.invoiceId()).getOutstanding();
        if (credit == null || credit.signum() <= 0) {
            throw new InvalidInputException("creditNoteAmount", "must be a positive amount");
        }
        if (credit.compareTo(owed) > 0) {
            throw new InvalidInputException("creditNoteAmount", "is more than the " + owed + " still owed; cancel the invoice instead");
        }
        creditNotes.register(new NewCreditNote(creditNoteNumber(invoiceCase), invoiceCase.number(), credit,
                calendar.today(), reason(note)));
    }

    /** Cancels what is still owed on the disputed invoice by a credit note; nothing more goes out about it. */
    @Transactional
    void cancel(InvoiceCase invoiceCase, String note) {
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        disputes.resolve(invoiceCase.number(), "CANCEL_INVOICE");
        messages.cancelPending(invoiceCase.number());
        creditNotes.register(new NewCreditNote(creditNoteNumber(invoiceCase), invoiceCase.number(),
                invoice.getOutstanding(), calendar.today(), reason(note)));
    }

    private static String creditNoteNumber(InvoiceCase invoiceCase) {
        // credit note numbers hold 64 characters, invoice numbers as many
        String prefix = "AV-" + invoiceCase.number();
        return prefix.substring(0, Math.min(prefix.length(), 55)) + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String reason(String note) {
        return note == null || note.isBlank() ? "dispute" : "dispute: " + note.strip();
    }
}
