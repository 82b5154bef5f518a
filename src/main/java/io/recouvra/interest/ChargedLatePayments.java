package io.recouvra.interest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What debit notes already charged for invoices (a payment plan that charges books its interest and indemnities
 * as one), so that no later claim asks for them twice. Answered by the module that keeps the plans' charges (it
 * depends on interest, so interest asks through this port rather than calling it).
 */
public interface ChargedLatePayments {

    /** Interest charged up to a day, and whether the recovery indemnity was charged too. */
    record Charged(LocalDate interestUntil, boolean indemnity) {
    }

    /** For those of these invoices a booked debit note charged, by invoice number. */
    Map<String, Charged> of(Collection<String> invoiceNumbers);
}
