package io.recouvra.receivables;

import java.util.EnumSet;
import java.util.Set;

public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, DISPUTED, ON_HOLD, IN_PLAN, WITH_INSURER, WITH_AGENCY, IN_COURT, WRITTEN_OFF, CANCELLED;

    /** Nothing more can be paid or credited on a closed invoice. */
    public static final Set<InvoiceStatus> CLOSED = EnumSet.of(PAID, CANCELLED, WRITTEN_OFF);

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
