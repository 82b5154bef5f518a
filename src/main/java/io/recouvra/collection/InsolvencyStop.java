package io.recouvra.collection;

import io.recouvra.agency.AgencyStops;
import io.recouvra.insolvency.InsolvencyOpened;
import io.recouvra.legal.LegalCases;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The stop (docs/insolvency.md): from the opening judgment, every automated action on a claim born before it stops
 * (art. L622-21: no individual action; L622-7: the debtor may not pay it; L622-28: its interest stops). Heard in the
 * transaction that records the proceedings, for each of the customer's invoices not settled and issued before the
 * judgment: its InvoiceCollection ends (with whatever it was doing: dunning, a promise, a dispute, the escalation),
 * then the plans covering it, the agency that works it (told to stop) and its court case (withdrawn by a legal
 * officer) end too. Nothing booked changes: the amounts owed stay in the ledger, to be declared. Invoices issued on
 * or after the judgment day are collected as usual (art. L622-17: paid at their due date).
 */
@Component
class InsolvencyStop {

    private final InvoiceService invoices;
    private final RuntimeService runtime;
    private final PaymentPlans plans;
    private final AgencyStops agencies;
    private final LegalCases courts;
    private final Dunning dunning;
    private final InteractionLog interactions;

    InsolvencyStop(InvoiceService invoices, RuntimeService runtime, PaymentPlans plans, AgencyStops agencies, LegalCases courts,
                   Dunning dunning, InteractionLog interactions) {
        this.invoices = invoices;
        this.runtime = runtime;
        this.plans = plans;
        this.agencies = agencies;
        this.courts = courts;
        this.dunning = dunning;
        this.interactions = interactions;
    }

    @EventListener
    void opened(InsolvencyOpened opened) {
        String reason = "insolvency proceedings (" + opened.kind() + ") opened by the judgment of " + opened.judgmentDate()
                + ": the claim is frozen and to be declared (art. L622-21, L622-7, L622-28 C. com.)";
        for (Invoice invoice : invoices.openOf(opened.customerId())) {
            if (!invoice.bornOn().isBefore(opened.judgmentDate())) {
                continue;
            }
            String number = invoice.getNumber();
            runtime.createMessageCorrelation(InvoiceCollectionContract.MESSAGE_INSOLVENCY_OPENED).processInstanceBusinessKey(number)
                    .setVariable(InvoiceCollectionContract.INSOLVENCY_REASON, reason).correlateAll();
            for (UUID plan : plans.runningPlansOf(number)) {
                runtime.createMessageCorrelation(PaymentPlanContract.MESSAGE_INSOLVENCY_OPENED)
                        .processInstanceBusinessKey(plan.toString()).correlateAll();
            }
            agencies.stopForInsolvency(number, reason);
            courts.withdrawForInsolvency(number, reason);
        }
    }

    /** The invoice's InvoiceCollection heard it: nothing more goes out about the invoice, and the trail says why. */
    void stopped(InvoiceCase invoiceCase, String reason) {
        dunning.cancelPendingMessages(invoiceCase);
        interactions.record(invoiceCase.customerId(), invoiceCase.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.INSOLVENCY,
                "Collection stopped: " + reason, "Nothing booked is undone: the amount owed stays in the ledger.");
    }
}
