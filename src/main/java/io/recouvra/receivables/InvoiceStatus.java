package io.recouvra.receivables;

public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, DISPUTED, ON_HOLD, IN_PLAN, WITH_INSURER, WITH_AGENCY, IN_COURT, WRITTEN_OFF, CANCELLED;

    /** Nothing more can be paid or credited on a closed invoice. */
    public boolean isClosed() {
        return this == PAID || this == CANCELLED || this == WRITTEN_OFF;
    }
}
