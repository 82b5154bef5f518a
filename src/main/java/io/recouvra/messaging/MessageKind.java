package io.recouvra.messaging;

import java.util.Locale;

/** What a message is for. Its templates live in {@code templates/messages/<kind in kebab-case>/}. */
public enum MessageKind {
    PRE_DUE_REMINDER, REMINDER_1, REMINDER_2, REMINDER_3, FORMAL_NOTICE, PROMISE_CONFIRMATION, BROKEN_PROMISE,
    DISPUTE_RECEIVED, DISPUTE_OUTCOME, PAYMENT_PLAN_AGREEMENT, INSTALMENT_REMINDER, PAYMENT_RECEIVED;

    /** Dunning messages: subject to the frequency caps, and grouped per customer when several are due. */
    boolean isReminder() {
        return this == PRE_DUE_REMINDER || this == REMINDER_1 || this == REMINDER_2 || this == REMINDER_3
                || this == INSTALMENT_REMINDER;
    }

    String templateFolder() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
