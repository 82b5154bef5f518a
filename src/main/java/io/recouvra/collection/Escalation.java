package io.recouvra.collection;

import io.recouvra.guarantee.GuaranteeCalls;
import io.recouvra.insurance.InsuredInvoices;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.scoring.Scoring;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What decides where an unpaid formal notice goes. */
@Service
class Escalation {

    private final InvoiceService invoices;
    private final Scoring scoring;
    private final Disputes disputes;
    private final CollectionCalendar calendar;
    private final InsuredInvoices insuredInvoices;
    private final InteractionLog interactions;
    private final GuaranteeCalls guaranteeCalls;

    Escalation(InsuredInvoices insuredInvoices, InvoiceService invoices, Scoring scoring, Disputes disputes, CollectionCalendar calendar,
               InteractionLog interactions, GuaranteeCalls guaranteeCalls) {
        this.guaranteeCalls = guaranteeCalls;
        this.interactions = interactions;
        this.invoices = invoices;
        this.scoring = scoring;
        this.disputes = disputes;
        this.calendar = calendar;
        this.insuredInvoices = insuredInvoices;
    }

    /**
     * The inputs of EscalationRoute, read fresh: a score, the bureau's word on insolvency, a guarantee that could be
     * called (a simple one may wait for the debtor to be pursued in court: {@code legalAttempts} court attempts so far).
     */
    @Transactional
    Map<String, Object> facts(InvoiceCase invoiceCase, int legalAttempts) {
        Invoice invoice = invoices.get(invoiceCase.invoiceId());
        Map<String, Object> facts = new HashMap<>();
        facts.put("totalOwed", invoice.getOutstanding().doubleValue());
        facts.put("score", scoring.score(invoiceCase.customerId()).getScore());
        facts.put("insolvencyProceedings", scoring.insolvencyProceedings(invoiceCase.customerId()));
        facts.put("daysOverdue", (int) ChronoUnit.DAYS.between(invoice.getDueDate(), calendar.today()));
        facts.put("disputes", disputes.countSince(invoiceCase.customerId(), calendar.today().minusYears(1)));
        facts.put("insured", insuredInvoices.isInsured(invoiceCase.number()));
        facts.put(EscalationContract.GUARANTEE_COVERS, guaranteeCalls.callableFor(invoiceCase.number(), legalAttempts > 0));
        return facts;
    }

    /** A manager's decision on the route, on the trail with the manager's name (the trail's actor). */
    @Transactional
    void decided(InvoiceCase invoiceCase, boolean approved, Object route, Object note) {
        interactions.record(invoiceCase.customerId(), invoiceCase.invoiceId(), Medium.SYSTEM, Direction.INTERNAL, Type.ESCALATION,
                approved ? "Escalation approved: " + route + " (" + invoiceCase.number() + ")"
                        : "Escalation refused, reassessed in 30 days (" + invoiceCase.number() + ")",
                note == null || note.toString().isBlank() ? null : note.toString());
    }
}
