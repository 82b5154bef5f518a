package io.recouvra.collection;

import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.InvoiceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a dispute or a hold gives the invoice back to dunning. */
@Service
class Interruptions {

    private final InvoiceService invoices;
    private final Holds holds;
    private final InteractionLog interactions;

    Interruptions(InvoiceService invoices, Holds holds, InteractionLog interactions) {
        this.invoices = invoices;
        this.holds = holds;
        this.interactions = interactions;
    }

    /**
     * Dunning resumes: the dispute is settled (DisputeMediation closed it) or the hold is over (released by
     * hand, or its end date reached: then it is released here).
     */
    @Transactional
    void resume(InvoiceCase invoiceCase) {
        holds.markReleased(invoiceCase.number(), "end date reached");
        invoices.resume(invoiceCase.number());
        interactions.record(invoiceCase.customerId(), invoiceCase.invoiceId(), Medium.SYSTEM, Direction.INTERNAL,
                Type.NOTE, "Dunning resumed", null);
    }
}
