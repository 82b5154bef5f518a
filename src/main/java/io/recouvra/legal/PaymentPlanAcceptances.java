package io.recouvra.legal;

import java.time.Instant;
import java.util.List;

/**
 * When the debtor accepted a payment plan covering an invoice: an acknowledgement of the debt, which interrupts
 * its prescription. Answered by the module that keeps payment plans (it depends on legal, so legal asks through
 * this port rather than calling it).
 */
public interface PaymentPlanAcceptances {

    /** When each accepted plan covering the invoice was accepted, in no particular order. */
    List<Instant> acceptedFor(String invoiceNumber);
}
