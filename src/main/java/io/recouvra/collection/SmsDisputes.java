package io.recouvra.collection;

import io.recouvra.messaging.DisputeRequested;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A debtor who answers a reminder with the dispute keyword (LITIGE, DISPUTE) disputes what the reminder
 * was about: each of its overdue invoices under dunning. Done once the reply is stored, one invoice per
 * transaction, so that an invoice that cannot take a dispute (already escalated) leaves the others be.
 */
@Component
class SmsDisputes {

    private static final Logger log = LoggerFactory.getLogger(SmsDisputes.class);

    private final InvoiceService invoices;
    private final Disputes disputes;
    private final TransactionTemplate eachInvoice;

    SmsDisputes(InvoiceService invoices, Disputes disputes, PlatformTransactionManager transactions) {
        this.invoices = invoices;
        this.disputes = disputes;
        this.eachInvoice = new TransactionTemplate(transactions);
        this.eachInvoice.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void disputeByReply(DisputeRequested request) {
        for (Invoice invoice : invoices.openOf(request.customerId())) {
            boolean chased = invoice.getOverdueSince() != null
                    && (invoice.getStatus() == InvoiceStatus.OPEN || invoice.getStatus() == InvoiceStatus.PARTIALLY_PAID);
            if (!chased) {
                continue;
            }
            try {
                eachInvoice.executeWithoutResult(status -> disputes.raise(invoice.getNumber(), "OTHER", request.text(), "SMS"));
            } catch (RuntimeException e) {
                // settled, escalated or busy meanwhile: the reply is on the trail, the other invoices go on
                log.warn("SMS dispute not recorded on {}: {}", invoice.getNumber(), e.getMessage());
            }
        }
    }
}
