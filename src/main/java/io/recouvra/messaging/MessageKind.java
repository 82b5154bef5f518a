package io.recouvra.messaging;

import io.recouvra.receivables.InvoiceStatus;
import java.util.EnumSet;
import java.util.Set;

/** What a message is for. Its templates live in {@code templates/messages/<kind in kebab-case>/}. */
public enum MessageKind {
    PRE_DUE_REMINDER, REMINDER_1, REMINDER_2, REMINDER_3, FORMAL_NOTICE, PROMISE_CONFIRMATION, BROKEN_PROMISE,
    DISPUTE_RECEIVED, DISPUTE_OUTCOME, PAYMENT_PLAN_AGREEMENT, INSTALMENT_REMINDER, PAYMENT_RECEIVED,
    /**
     * A registered letter to a guarantor or a bank, written by the guarantee feature (a call, the guarantor's annual
     * information, the notice of the debtor's first default) and handed over as a {@link PreparedLetter}: no template
     * of this module writes it.
     */
    GUARANTOR_LETTER;

    /** Written by the feature that asks for it ({@link Messages#enqueueLetter}), to a recipient of its own. */
    public boolean isPrepared() {
        return this == GUARANTOR_LETTER;
    }

    /** Dunning messages: subject to the frequency caps, and grouped per customer when several are due. */
    public boolean isReminder() {
        return this == PRE_DUE_REMINDER || this == REMINDER_1 || this == REMINDER_2 || this == REMINDER_3
                || this == INSTALMENT_REMINDER;
    }

    /**
     * The invoice statuses in which this message may still go out. Chasing kinds stop when the invoice
     * is settled, disputed or on hold; a dispute acknowledgement goes out precisely while it is
     * disputed; thanks and outcomes go out whatever happened since.
     */
    public boolean mayBeSentWhile(InvoiceStatus status) {
        return switch (this) {
            case PRE_DUE_REMINDER, REMINDER_1, REMINDER_2, REMINDER_3, FORMAL_NOTICE, BROKEN_PROMISE,
                 INSTALMENT_REMINDER, PROMISE_CONFIRMATION, PAYMENT_PLAN_AGREEMENT -> !NO_CHASING.contains(status);
            // a call on a settled invoice must not go out; a letter about no invoice is never stopped
            case DISPUTE_RECEIVED, GUARANTOR_LETTER -> !status.isClosed();
            case DISPUTE_OUTCOME, PAYMENT_RECEIVED -> true;
        };
    }

    private static final Set<InvoiceStatus> NO_CHASING = EnumSet.of(InvoiceStatus.PAID, InvoiceStatus.CANCELLED,
            InvoiceStatus.WRITTEN_OFF, InvoiceStatus.DISPUTED, InvoiceStatus.ON_HOLD, InvoiceStatus.WITH_INSURER);

    /**
     * The formal notice's email carries its letter as a PDF: the registered letter is the legal act, the
     * email a copy the debtor reads first. A reminder's letter goes only by post.
     */
    public boolean attachesLetterToEmail() {
        return this == FORMAL_NOTICE;
    }
}
