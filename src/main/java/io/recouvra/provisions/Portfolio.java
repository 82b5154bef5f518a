package io.recouvra.provisions;

import io.recouvra.collection.Disputes;
import io.recouvra.receivables.InvoiceKind;
import io.recouvra.receivables.OpenInvoices;
import io.recouvra.receivables.OpenInvoices.OpenInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The receivables a provision can be made on: invoices issued by the report date and still owed, read by cursor
 * from the ledger's read model (one query) beside the invoices in dispute (one query). Late-charges debit notes
 * are left out: interest and the recovery indemnity are booked as income only when collected (prudence), so
 * there is nothing to provision on them.
 */
@Component
class Portfolio {

    /**
     * An unpaid invoice, its own amount including VAT and VAT, and its situation (the strongest that applies,
     * see {@link Situation}).
     */
    record Receivable(UUID invoiceId, String invoiceNumber, UUID customerId, String customerName, LocalDate dueDate,
                      String currency, BigDecimal amount, BigDecimal vat, boolean vatDerived, BigDecimal outstanding,
                      Situation situation) {

        /** The invoice's VAT in proportion to a part of its amount, half up to the cent (as Invoice.vatIn). */
        BigDecimal vatIn(BigDecimal partInclVat) {
            return partInclVat.multiply(vat).divide(amount, partInclVat.scale(), RoundingMode.HALF_UP);
        }
    }

    private final OpenInvoices openInvoices;
    private final Disputes disputes;

    Portfolio(OpenInvoices openInvoices, Disputes disputes) {
        this.openInvoices = openInvoices;
        this.disputes = disputes;
    }

    /**
     * On {@code day}, one at a time as read; only the given customers' invoices if any are given. By customer name,
     * due date and number.
     */
    void on(LocalDate day, Collection<UUID> customers, Consumer<Receivable> each) {
        Set<UUID> inDispute = disputes.invoicesInDispute();
        openInvoices.owedOn(day, InvoiceKind.INVOICE, customers, invoice -> each.accept(new Receivable(invoice.id(),
                invoice.number(), invoice.customerId(), invoice.customerName(), invoice.dueDate(), invoice.currency(),
                invoice.amount(), invoice.vat(), invoice.vatDerived(), invoice.outstanding(), situation(invoice, day, inDispute))));
    }

    private static Situation situation(OpenInvoice invoice, LocalDate day, Set<UUID> inDispute) {
        // a customer back in bonis (plan carried out, liquidation's debts paid) is provisioned as any other on its new
        // invoices, while those its proceedings froze stay insolvency claims until paid or written off
        if (invoice.insolvencyOn(day)) {
            return Situation.INSOLVENT;
        }
        return switch (invoice.status()) {
            case IN_COURT -> Situation.IN_COURT;
            case WITH_AGENCY -> Situation.WITH_AGENCY;
            case DISPUTED -> Situation.DISPUTED;
            default -> inDispute.contains(invoice.id()) ? Situation.DISPUTED : Situation.NORMAL;
        };
    }
}
