package io.recouvra.insurance;

import io.recouvra.insurance.CreditInsurer.ClaimDecision;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.insurance.CreditInsurer.OverdueNotice;
import io.recouvra.insurance.InsuredInvoices.InsuredInvoice;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.CustomerLedger.Allocation;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the CreditInsuranceClaim process does with the insurer: declare, hand over, claim, follow the
 * claim, report payments. Every step is an interaction on the customer's trail.
 */
@Service
public class InsuranceClaims {

    private final InsuredInvoices insured;
    private final InsurancePolicies policies;
    private final CreditInsurer insurer;
    private final InvoiceService invoices;
    private final CustomerLedger ledger;
    private final InteractionLog interactions;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final Clock clock;
    private final InsolvencyNoticeByHand byHand;

    InsuranceClaims(InsuredInvoices insured, InsurancePolicies policies, CreditInsurer insurer, InvoiceService invoices,
                    CustomerLedger ledger, InteractionLog interactions, RuntimeService runtime, ApplicationEventPublisher events,
                    JdbcTemplate jdbc, CustomerService customers, Clock clock, InsolvencyNoticeByHand byHand) {
        this.byHand = byHand;
        this.customers = customers;
        this.clock = clock;
        this.insured = insured;
        this.policies = policies;
        this.insurer = insurer;
        this.invoices = invoices;
        this.ledger = ledger;
        this.interactions = interactions;
        this.runtime = runtime;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * An escalation chose the insurer: the invoice's claim declares now if it still can. Returns whether
     * the insurer takes the case (a declaration on its way, or already declared or claimed); false when
     * the invoice is not insured or its claim is over (not declared, indemnified, refused).
     */
    public boolean askToTakeOver(String invoiceNumber) {
        runtime.createMessageCorrelation(CreditInsuranceClaimContract.MESSAGE_DECLARATION_REQUESTED).processInstanceBusinessKey(invoiceNumber)
                .setVariable(CreditInsuranceClaimContract.DECLARATION_ASKED_FOR, true).correlateAll();
        return insured.isInsured(invoiceNumber);
    }

    /**
     * The buyer entered insolvency proceedings: when the insurer can still act on one of its insured invoices, it is
     * told at once (the judgment is a claim event, a sinistre, under a credit-insurance policy), and each insured
     * invoice born before the judgment and still watched is declared now, whatever the buyer owes overdue (its
     * claim's check: {@link InsuredInvoices#check}). Told once per judgment: called again (when the declaration of
     * claims is prepared) it only tries again what failed. An insurer that cannot be reached or refuses does not undo
     * the proceedings: the trail says so. Returns whether the insurer knows (false too when it insures nothing of
     * the buyer's).
     */
    @Transactional
    public boolean buyerInsolvent(UUID customerId, InsolvencyNotice notice) {
        List<InsuredInvoice> open = insured.ofCustomer(customerId).stream().filter(i -> i.status().insurerCanAct()).toList();
        if (open.isEmpty()) {
            return false;
        }
        boolean told = tellInsolvency(customerId, notice, policies.get(open.get(0).policyId()));
        open.stream().filter(i -> i.status() == InsuredInvoices.Status.WATCHED)
                .filter(i -> invoices.get(i.invoiceNumber()).isFrozenByInsolvency())
                .forEach(i -> askToTakeOver(i.invoiceNumber()));
        return told;
    }

    private boolean tellInsolvency(UUID customerId, InsolvencyNotice notice, InsurancePolicy policy) {
        jdbc.update("""
                insert into recouvra.insurer_insolvency_notice (customer_id, judgment_date, policy_id, kind, court, representative)
                values (?, ?, ?, ?, ?, ?) on conflict (customer_id, judgment_date) do nothing""",
                customerId, notice.judgmentDate(), policy.id(), notice.kind(), notice.court(), notice.representative());
        if (insurerKnowsOfInsolvency(customerId, notice.judgmentDate())) {
            return true;
        }
        String proceedings = "insolvency proceedings (" + notice.kind() + ") opened by the judgment of " + notice.judgmentDate();
        try {
            insurer.reportInsolvency(policy.policyNumber(), BuyerCovers.buyer(customers.get(customerId)), notice);
        } catch (CreditInsurer.InsurerUnavailable | CreditInsurer.InsurerRefusal failed) {
            Integer failures = jdbc.queryForObject("""
                    update recouvra.insurer_insolvency_notice set last_failure = ?, failures = failures + 1
                    where customer_id = ? and judgment_date = ? returning failures""", Integer.class,
                    failed.getMessage(), customerId, notice.judgmentDate());
            interactions.record(customerId, null, Medium.SYSTEM, Direction.INTERNAL, Type.NOTE, policy.insurer()
                    + " could not be told of the " + proceedings + (failures < InsolvencyNoticeByHand.TRIES
                    ? ": tried again when the declaration of claims is prepared; if it fails again, a credit manager tells it by hand"
                    : ": a credit manager tells it by hand (Tasklist)"), failed.getMessage());
            byHand.failed(customerId, notice, policy, failures, failed.getMessage());
            return false;
        }
        jdbc.update("""
                update recouvra.insurer_insolvency_notice set told_at = ?, last_failure = null
                where customer_id = ? and judgment_date = ?""", Timestamp.from(clock.instant()), customerId, notice.judgmentDate());
        interactions.record(customerId, null, Medium.SYSTEM, Direction.OUTBOUND, Type.NOTE, policy.insurer() + " told of the "
                + proceedings + ": a claim event under the policy, so the insured invoices born before the judgment are declared"
                + " at once and their claims filed without the waiting period", null);
        return true;
    }

    /** Whether the insurer was told of the buyer's proceedings opened by that judgment. */
    @Transactional(readOnly = true)
    public boolean insurerKnowsOfInsolvency(UUID customerId, LocalDate judgmentDate) {
        return Boolean.TRUE.equals(jdbc.query("""
                select told_at is not null from recouvra.insurer_insolvency_notice where customer_id = ? and judgment_date = ?""",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, customerId, judgmentDate));
    }

    /**
     * Declares the overdue; returns whether it was late (after the policy's deadline). The insurer's
     * refusal, and its being unreachable on the day before the deadline, are {@link DeclarationFailed}.
     */
    @Transactional(noRollbackFor = DeclarationFailed.class)
    public boolean declare(String invoiceNumber) {
        InsuredInvoice watched = insured.require(invoiceNumber);
        InsurancePolicy policy = policies.get(watched.policyId());
        Invoice invoice = invoices.get(invoiceNumber);
        Customer buyer = invoice.getCustomer();
        String reference;
        try {
            reference = insurer.declareOverdue(policy.policyNumber(), new OverdueNotice(BuyerCovers.buyer(buyer),
                    invoiceNumber, invoice.getIssueDate(), invoice.getDueDate(), invoice.getAmount(), invoice.getOutstanding(),
                    invoice.getCurrency()));
        } catch (CreditInsurer.InsurerRefusal refused) {
            throw new DeclarationFailed("the insurer refused the notice: " + refused.getMessage());
        } catch (CreditInsurer.InsurerUnavailable unreachable) {
            if (!insured.today().isBefore(watched.declarationDeadline().minusDays(1))) {
                throw new DeclarationFailed("the insurer could not be reached on " + insured.today() + ", the deadline is "
                        + watched.declarationDeadline() + ": " + unreachable.getMessage());
            }
            throw unreachable;
        }
        return recordDeclaration(invoiceNumber, reference, policy);
    }

    /** A credit manager declared it by hand (the insurer's portal or phone). */
    @Transactional
    public boolean declaredByHand(String invoiceNumber, String reference) {
        return recordDeclaration(invoiceNumber, reference, policies.get(insured.require(invoiceNumber).policyId()));
    }

    private boolean recordDeclaration(String invoiceNumber, String reference, InsurancePolicy policy) {
        boolean late = insured.declared(invoiceNumber, reference);
        InsuredInvoice declared = insured.require(invoiceNumber);
        note(declared, Direction.OUTBOUND, "Overdue declared to " + policy.insurer()
                + (late ? " after the deadline of " + declared.declarationDeadline() + ": the cover may be lost" : ""), reference);
        if (policy.declarationBasis() == InsurancePolicy.DeclarationBasis.OLDEST_UNPAID) {
            // the buyer is declared as a whole: its other insured invoices go with this one
            insured.watchedOfBuyer(declared.customerId()).forEach(this::askToTakeOver);
        }
        return late;
    }

    @Transactional
    public void notDeclaredByHand(String invoiceNumber, String reason) {
        insured.notDeclared(invoiceNumber, reason);
        noteNotDeclared(invoiceNumber, reason);
    }

    @Transactional
    public void noteNotDeclared(String invoiceNumber, String reason) {
        note(insured.require(invoiceNumber), Direction.INTERNAL, "Overdue not declared to the insurer", reason);
    }

    /**
     * A payment plan pays the invoice later than its due date: the insurer is asked to extend it, so that
     * the declaration deadline moves with it (the claim waits again when its declaration day comes).
     * Returns whether it was granted; refused or unreachable, the deadline stays and the reason is kept.
     */
    @Transactional
    public boolean requestExtension(String invoiceNumber, LocalDate newDueDate) {
        InsuredInvoice watched = insured.of(invoiceNumber).filter(i -> i.status() == InsuredInvoices.Status.WATCHED).orElse(null);
        Invoice invoice = invoices.get(invoiceNumber);
        if (watched == null || !newDueDate.isAfter(invoice.getDueDate())) {
            return false;
        }
        InsurancePolicy policy = policies.get(watched.policyId());
        CreditInsurer.ExtensionDecision decision;
        try {
            decision = insurer.requestExtension(policy.policyNumber(), BuyerCovers.buyer(invoice.getCustomer()), invoiceNumber,
                    invoice.getDueDate(), newDueDate);
        } catch (CreditInsurer.InsurerRefusal | CreditInsurer.InsurerUnavailable failed) {
            decision = new CreditInsurer.ExtensionDecision(false, null, failed.getMessage());
        }
        if (decision.granted()) {
            insured.extended(invoiceNumber, decision.until());
            note(watched, Direction.INBOUND, policy.insurer() + " extends the due date to " + decision.until()
                    + ": the declaration deadline is now " + insured.require(invoiceNumber).declarationDeadline(), null);
        } else {
            note(watched, Direction.INBOUND, "Extension to " + newDueDate + " not granted by " + policy.insurer()
                    + ": the declaration deadline stays " + watched.declarationDeadline(), decision.reason());
        }
        return decision.granted();
    }

    /**
     * The insurer recovers the debt from now on ({@link InsurerTookOver}: dunning stops). Returns when a claim may be
     * filed: after the policy's waiting period, or at once for an invoice frozen by its buyer's insolvency proceedings
     * (the judgment establishes the loss; the waiting period stands in for it when a buyer merely does not pay).
     */
    @Transactional
    public LocalDate handOver(String invoiceNumber) {
        InsuredInvoice declared = insured.require(invoiceNumber);
        boolean insolvent = invoices.get(invoiceNumber).isFrozenByInsolvency();
        invoices.escalate(invoiceNumber, InvoiceStatus.WITH_INSURER);
        events.publishEvent(new InsurerTookOver(invoiceNumber));
        InsurancePolicy policy = policies.get(declared.policyId());
        note(declared, Direction.INTERNAL, "Handed over to " + policy.insurer() + ": dunning stops"
                + (insolvent ? "; insolvency proceedings: the claim is filed at once, without the waiting period" : ""),
                declared.declarationReference());
        return insolvent ? insured.today() : insured.today().plus(policy.waitingPeriod());
    }

    /** Files the claim for the insured share of what is owed; returns PENDING, or REFUSED when refused outright. */
    @Transactional
    public String fileClaim(String invoiceNumber) {
        InsuredInvoice declared = insured.require(invoiceNumber);
        InsurancePolicy policy = policies.get(declared.policyId());
        Invoice invoice = invoices.get(invoiceNumber);
        // the insurer pays its share of what the buyer's limit covers of the invoice, not of all it owes
        BigDecimal eligible = insured.withinLimit(declared.customerId()).getOrDefault(invoiceNumber, invoice.getOutstanding());
        BigDecimal claimed = InsuredInvoices.insuredPart(eligible, declared.coveredShare());
        try {
            String reference = insurer.fileClaim(policy.policyNumber(), declared.declarationReference(), claimed, invoice.getCurrency());
            insured.claimFiled(invoiceNumber, reference, claimed);
            note(declared, Direction.OUTBOUND, "Claim of " + claimed.toPlainString() + " " + invoice.getCurrency()
                    + " filed with " + policy.insurer(), reference);
            return CreditInsurer.ClaimStatus.PENDING.name();
        } catch (CreditInsurer.InsurerRefusal refused) {
            insured.refused(invoiceNumber, refused.getMessage());
            note(declared, Direction.INBOUND, "Claim refused by " + policy.insurer(), refused.getMessage());
            return CreditInsurer.ClaimStatus.REFUSED.name();
        }
    }

    /** Asks for the claim's decision and records an indemnity or a refusal. */
    @Transactional
    public String readClaim(String invoiceNumber) {
        InsuredInvoice claimed = insured.require(invoiceNumber);
        InsurancePolicy policy = policies.get(claimed.policyId());
        ClaimDecision decision = insurer.claim(policy.policyNumber(), claimed.claimReference());
        switch (decision.status()) {
            case INDEMNIFIED -> {
                insured.indemnified(invoiceNumber, decision.indemnity(), decision.paidOn());
                note(claimed, Direction.INBOUND, policy.insurer() + " indemnifies " + decision.indemnity().toPlainString()
                        + " (paid on " + decision.paidOn() + ")", claimed.claimReference());
            }
            case REFUSED -> {
                insured.refused(invoiceNumber, decision.reason());
                note(claimed, Direction.INBOUND, "Claim refused by " + policy.insurer(), decision.reason());
            }
            case PENDING -> {
                // asked again next week
            }
        }
        return decision.status().name();
    }

    /**
     * The claim is over ({@link InsuranceClaimEnded}): whoever collects the invoice goes on with what the
     * insurer did not pay (its share is the insurer's to recover once indemnified).
     */
    public void tellInvoice(String invoiceNumber) {
        events.publishEvent(new InsuranceClaimEnded(invoiceNumber));
    }

    /** Tells the insurer of payments received since the declaration that it was not told of yet. */
    @Transactional
    public void reportPayments(String invoiceNumber) {
        InsuredInvoice insuredCase = insured.require(invoiceNumber);
        if (insuredCase.declarationReference() == null) {
            return;
        }
        Invoice invoice = invoices.get(invoiceNumber);
        Map<String, Object> declared = jdbc.queryForMap(
                "select declared_at, reported_paid from recouvra.insured_invoice where invoice_number = ?", invoiceNumber);
        Instant declaredAt = declared.get("declared_at") == null ? null : ((Timestamp) declared.get("declared_at")).toInstant();
        BigDecimal paidSince = ledger.allocationsTo(List.of(invoiceNumber)).stream()
                .filter(allocation -> declaredAt != null && !allocation.receivedAt().isBefore(declaredAt))
                .map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal reported = (BigDecimal) declared.get("reported_paid");
        BigDecimal unreported = paidSince.subtract(reported);
        if (unreported.signum() <= 0) {
            return;
        }
        InsurancePolicy policy = policies.get(insuredCase.policyId());
        insurer.reportPayment(policy.policyNumber(), insuredCase.declarationReference(), unreported, invoice.getCurrency(), insured.today());
        jdbc.update("update recouvra.insured_invoice set reported_paid = ? where invoice_number = ?", paidSince, invoiceNumber);
        note(insuredCase, Direction.OUTBOUND, "Payment of " + unreported.toPlainString() + " " + invoice.getCurrency()
                + " reported to " + policy.insurer(), insuredCase.declarationReference());
    }

    /** Tells the insurer the buyer disputes the invoice (not covered while disputed), whether declared yet or not. */
    @Transactional
    public void reportDispute(String invoiceNumber, String reason) {
        InsuredInvoice insuredCase = insured.require(invoiceNumber);
        InsurancePolicy policy = policies.get(insuredCase.policyId());
        insurer.reportDispute(policy.policyNumber(), BuyerCovers.buyer(invoices.get(invoiceNumber).getCustomer()), invoiceNumber,
                reason);
        note(insuredCase, Direction.OUTBOUND, policy.insurer() + " told of the dispute: not covered while disputed", reason);
    }

    /** Paid, cancelled or written off: the last payments go to the insurer, and a write-off of a declared overdue too. */
    @Transactional
    public void closeSettled(String invoiceNumber) {
        reportPayments(invoiceNumber);
        Invoice invoice = invoices.get(invoiceNumber);
        InsuredInvoice insuredCase = insured.require(invoiceNumber);
        if (invoice.getStatus() == InvoiceStatus.WRITTEN_OFF && insuredCase.declarationReference() != null) {
            InsurancePolicy policy = policies.get(insuredCase.policyId());
            insurer.reportWriteOff(policy.policyNumber(), insuredCase.declarationReference(), invoice.getOutstanding(), invoice.getCurrency(),
                    "written off by the creditor");
            note(insuredCase, Direction.OUTBOUND, policy.insurer() + " told of the write-off of "
                    + AmountDisplay.of(invoice.getOutstanding(), invoice.getCurrency()), null);
        }
        insured.settled(invoiceNumber);
    }

    private void note(InsuredInvoice insuredCase, Direction direction, String summary, String detail) {
        interactions.record(insuredCase.customerId(), insuredCase.invoiceId(), Medium.SYSTEM, direction, Type.NOTE, summary, detail);
    }

    /** The declaration could not be made by Recouvra: a credit manager makes it by hand. */
    public static class DeclarationFailed extends RuntimeException {
        DeclarationFailed(String message) {
            super(message);
        }
    }
}
