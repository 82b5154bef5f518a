package io.recouvra.insurance;

import io.recouvra.insurance.BuyerCovers.Cover;
import io.recouvra.insurance.CreditInsurer.CoverStatus;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.OpenInvoices;
import io.recouvra.receivables.OpenInvoices.OpenInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices under the credit-insurance policy: which are insured and for what share, their declaration
 * deadline, and where each stands (watched, declared, claimed, indemnified, refused, not declared).
 */
@Service
public class InsuredInvoices {

    public enum Status {
        WATCHED, NOT_DECLARED, DECLARED, CLAIMED, INDEMNIFIED, REFUSED, SETTLED;

        /** Insured and the insurer can still act on it: watched for its deadline, declared or claimed. */
        boolean insurerCanAct() {
            return this == WATCHED || this == DECLARED || this == CLAIMED;
        }
    }

    public record InsuredInvoice(UUID invoiceId, String invoiceNumber, UUID customerId, UUID policyId, Status status,
                                 BigDecimal coveredShare, LocalDate declarationDeadline, LocalDate declareBy,
                                 LocalDate extendedUntil, String notDeclaredReason, boolean declaredLate,
                                 String declarationReference, String claimReference, BigDecimal claimedAmount,
                                 BigDecimal indemnity, LocalDate indemnityPaidOn, String refusalReason) {
    }

    /** What the check before declaring found. */
    public record Check(String outcome, String reason) {
        static final String DECLARE = "DECLARE";
        static final String WAIT = "WAIT";
        static final String NOT_DECLARED = "NOT_DECLARED";
    }

    private final JdbcTemplate jdbc;
    private final InsurancePolicies policies;
    private final BuyerCovers covers;
    private final InvoiceService invoices;
    private final OpenInvoices openInvoices;
    private final Clock clock;
    private final ZoneId zone;

    InsuredInvoices(JdbcTemplate jdbc, InsurancePolicies policies, BuyerCovers covers, InvoiceService invoices,
                    OpenInvoices openInvoices, Clock clock, @Value("${recouvra.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.covers = covers;
        this.invoices = invoices;
        this.openInvoices = openInvoices;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Puts a newly registered invoice under the policy when it is covered: in the policy's currency, on
     * terms the policy accepts, and either for a buyer the insurer approved (its share) or, without a
     * decision, within the discretionary limit (the unnamed-buyer share). Returns whether it is insured.
     */
    @Transactional
    public boolean watchIfInsured(String invoiceNumber) {
        InsurancePolicy policy = policies.active().orElse(null);
        if (policy == null) {
            return false;
        }
        Invoice invoice = invoices.get(invoiceNumber);
        if (invoice.isLateCharges() || !policy.currency().equals(invoice.getCurrency())
                || ChronoUnit.DAYS.between(invoice.getIssueDate(), invoice.getDueDate()) > policy.maxCreditDays()) {
            return false;
        }
        BigDecimal share = coveredShare(policy, invoice.getCustomer().getId(), invoice.getIssueDate(), invoice.getAmount());
        if (share.signum() == 0) {
            return false;
        }
        LocalDate deadline = DeclarationDeadlines.deadline(policy, invoice.getDueDate(),
                oldestUnpaidDueDate(invoice.getCustomer().getId()), null);
        jdbc.update("""
                insert into recouvra.insured_invoice (invoice_id, invoice_number, customer_id, policy_id, status, covered_share,
                    declaration_deadline, declare_by, created_at)
                values (?, ?, ?, ?, 'WATCHED', ?, ?, ?, ?) on conflict do nothing""",
                invoice.getId(), invoice.getNumber(), invoice.getCustomer().getId(), policy.id(), share, deadline,
                DeclarationDeadlines.declareBy(policy, deadline), Timestamp.from(clock.instant()));
        return true;
    }

    /**
     * The share the insurer pays: the policy's share for a buyer it approved whose limit is not yet used
     * up, the unnamed-buyer share within the discretionary limit when it never decided, nothing when it
     * refused or withdrew its cover (or the limit is used up).
     */
    private BigDecimal coveredShare(InsurancePolicy policy, UUID customerId, LocalDate issued, BigDecimal amount) {
        Optional<Cover> cover = covers.of(customerId);
        BigDecimal exposure = insuredExposure(customerId).add(amount);
        if (cover.isPresent() && cover.get().coversOn(issued)) {
            return exposure.subtract(amount).compareTo(cover.get().approvedLimit()) < 0 ? policy.coveredShare() : BigDecimal.ZERO;
        }
        boolean refused = cover.isPresent() && (cover.get().status() == CoverStatus.REFUSED || cover.get().status() == CoverStatus.WITHDRAWN);
        return !refused && exposure.compareTo(policy.discretionaryLimit()) <= 0 ? policy.unnamedCoveredShare() : BigDecimal.ZERO;
    }

    private BigDecimal insuredExposure(UUID customerId) {
        return sumOutstanding(openInsuredOf(customerId).stream());
    }

    private LocalDate oldestUnpaidDueDate(UUID customerId) {
        return openInsuredOf(customerId).stream().filter(open -> open.status().insurerCanAct()).map(open -> open.invoice().dueDate())
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** An insured invoice of the buyer that is not settled, and where it stands under the policy. */
    private record OpenInsured(OpenInvoice invoice, Status status) {
    }

    /** The buyer's insured invoices not settled yet, by due date and number. */
    private List<OpenInsured> openInsuredOf(UUID customerId) {
        Map<UUID, Status> insured = new HashMap<>();
        jdbc.query("select invoice_id, status from recouvra.insured_invoice where customer_id = ?",
                (RowCallbackHandler) rs -> insured.put(rs.getObject(1, UUID.class), Status.valueOf(rs.getString(2))), customerId);
        return openInvoices.among(insured.keySet()).stream().map(open -> new OpenInsured(open, insured.get(open.id()))).toList();
    }

    private static BigDecimal sumOutstanding(Stream<OpenInsured> open) {
        return open.map(insured -> insured.invoice().outstanding()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Transactional(readOnly = true)
    public Optional<InsuredInvoice> of(String invoiceNumber) {
        return jdbc.query("select * from recouvra.insured_invoice where invoice_number = ?", InsuredInvoices::row, invoiceNumber)
                .stream().findFirst();
    }

    /** Insured and the insurer can still act on it: watched for its deadline, declared or claimed. */
    @Transactional(readOnly = true)
    public boolean isInsured(String invoiceNumber) {
        return of(invoiceNumber).map(i -> i.status().insurerCanAct()).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<InsuredInvoice> ofCustomer(UUID customerId) {
        return jdbc.query("select * from recouvra.insured_invoice where customer_id = ? order by declaration_deadline",
                InsuredInvoices::row, customerId);
    }

    /** Works the deadline out again (an extension, or the buyer's oldest unpaid invoice paid meanwhile) and keeps it. */
    @Transactional
    public InsuredInvoice recomputeDeadline(String invoiceNumber) {
        InsuredInvoice insured = require(invoiceNumber);
        InsurancePolicy policy = policies.get(insured.policyId());
        Invoice invoice = invoices.get(invoiceNumber);
        LocalDate oldest = policy.declarationBasis() == InsurancePolicy.DeclarationBasis.OLDEST_UNPAID
                ? oldestUnpaidDueDate(insured.customerId()) : null;
        LocalDate deadline = DeclarationDeadlines.deadline(policy, invoice.getDueDate(), oldest, insured.extendedUntil());
        jdbc.update("update recouvra.insured_invoice set declaration_deadline = ?, declare_by = ? where invoice_number = ?",
                deadline, DeclarationDeadlines.declareBy(policy, deadline), invoiceNumber);
        return require(invoiceNumber);
    }

    /**
     * Whether to declare now: not once paid or cancelled; not while disputed (a disputed receivable is not
     * covered: the reason is kept); now, whatever the threshold, when the invoice is frozen by its buyer's
     * insolvency proceedings; not below the policy's reporting threshold for the buyer; later if the deadline moved
     * (an agreed extension); else now, when asked early, on the day, or late after an outage.
     */
    @Transactional
    public Check check(String invoiceNumber, boolean askedEarly) {
        InsuredInvoice insured = recomputeDeadline(invoiceNumber);
        InsurancePolicy policy = policies.get(insured.policyId());
        Invoice invoice = invoices.get(invoiceNumber);
        if (insured.status() != Status.WATCHED) {
            return new Check(Check.NOT_DECLARED, "already " + insured.status());
        }
        if (invoice.getStatus().isClosed()) {
            return notDeclared(invoiceNumber, "settled (" + invoice.getStatus() + ") before the deadline");
        }
        if (invoice.getStatus() == InvoiceStatus.DISPUTED) {
            return notDeclared(invoiceNumber, "disputed: a disputed receivable is not covered until the dispute is settled");
        }
        if (invoice.isFrozenByInsolvency()) {
            // the buyer's insolvency proceedings are a claim event whatever it owes overdue: declared at once
            return new Check(Check.DECLARE, null);
        }
        if (!askedEarly && insured.declareBy().isAfter(today())) {
            return new Check(Check.WAIT, "deadline moved to " + insured.declarationDeadline());
        }
        BigDecimal overdue = buyerOverdue(insured.customerId());
        if (overdue.compareTo(policy.reportingThreshold()) < 0) {
            return notDeclared(invoiceNumber, "the buyer's overdue (" + overdue.toPlainString() + " " + policy.currency()
                    + ") is below the policy's reporting threshold of " + policy.reportingThreshold().toPlainString());
        }
        return new Check(Check.DECLARE, null);
    }

    private BigDecimal buyerOverdue(UUID customerId) {
        LocalDate today = today();
        return sumOutstanding(openInsuredOf(customerId).stream().filter(open -> open.invoice().dueDate().isBefore(today)));
    }

    /** Not declared, and why: a check found it so, or a credit manager decided it. */
    Check notDeclared(String invoiceNumber, String reason) {
        jdbc.update("update recouvra.insured_invoice set status = 'NOT_DECLARED', not_declared_reason = ? where invoice_number = ?",
                reason, invoiceNumber);
        return new Check(Check.NOT_DECLARED, reason);
    }

    /** Declared: late if after the policy's deadline (the cover may be lost: a credit manager must look). */
    @Transactional
    public boolean declared(String invoiceNumber, String reference) {
        InsuredInvoice insured = require(invoiceNumber);
        boolean late = today().isAfter(insured.declarationDeadline());
        jdbc.update("""
                update recouvra.insured_invoice set status = 'DECLARED', declaration_reference = ?, declared_at = ?, declared_late = ?
                where invoice_number = ?""", reference, Timestamp.from(clock.instant()), late, invoiceNumber);
        return late;
    }

    @Transactional
    void extended(String invoiceNumber, LocalDate until) {
        jdbc.update("update recouvra.insured_invoice set extended_until = ? where invoice_number = ?", until, invoiceNumber);
        recomputeDeadline(invoiceNumber);
    }

    @Transactional
    void claimFiled(String invoiceNumber, String reference, BigDecimal amount) {
        jdbc.update("""
                update recouvra.insured_invoice set status = 'CLAIMED', claim_reference = ?, claimed_amount = ?, claim_filed_at = ?
                where invoice_number = ?""", reference, amount, Timestamp.from(clock.instant()), invoiceNumber);
    }

    @Transactional
    void indemnified(String invoiceNumber, BigDecimal indemnity, LocalDate paidOn) {
        jdbc.update("update recouvra.insured_invoice set status = 'INDEMNIFIED', indemnity = ?, indemnity_paid_on = ? where invoice_number = ?",
                indemnity, paidOn, invoiceNumber);
    }

    @Transactional
    void refused(String invoiceNumber, String reason) {
        jdbc.update("update recouvra.insured_invoice set status = 'REFUSED', refusal_reason = ? where invoice_number = ?",
                reason, invoiceNumber);
    }

    @Transactional
    void settled(String invoiceNumber) {
        jdbc.update("""
                update recouvra.insured_invoice set status = case when status = 'WATCHED' then 'NOT_DECLARED' else 'SETTLED' end,
                    not_declared_reason = case when status = 'WATCHED' then 'settled before the deadline' else not_declared_reason end
                where invoice_number = ? and status in ('WATCHED', 'DECLARED', 'CLAIMED')""", invoiceNumber);
    }

    InsuredInvoice require(String invoiceNumber) {
        return of(invoiceNumber).orElseThrow(() -> new IllegalStateException("invoice " + invoiceNumber + " is not insured"));
    }

    /** Open insured invoices of the buyer still watched: declared together under an OLDEST_UNPAID policy. */
    @Transactional(readOnly = true)
    List<String> watchedOfBuyer(UUID customerId) {
        return jdbc.queryForList("select invoice_number from recouvra.insured_invoice where customer_id = ? and status = 'WATCHED'",
                String.class, customerId);
    }

    /** The insured share of what the invoice still owes. */
    static BigDecimal insuredPart(BigDecimal outstanding, BigDecimal coveredShare) {
        return outstanding.multiply(coveredShare).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * How much of each open insured invoice of the buyer the limit covers: the approved limit (or, with no
     * decision, the discretionary limit) goes to the invoices in due-date order; an invoice past what is
     * left of it is partly uninsured, and those after it are not insured at all.
     */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> withinLimit(UUID customerId) {
        InsurancePolicy policy = policies.active().orElse(null);
        Map<String, BigDecimal> within = new LinkedHashMap<>();
        if (policy == null) {
            return within;
        }
        Optional<Cover> cover = covers.of(customerId);
        BigDecimal left = cover.filter(c -> c.coversOn(today())).map(Cover::approvedLimit)
                .orElse(cover.isEmpty() ? policy.discretionaryLimit() : BigDecimal.ZERO);
        for (OpenInsured open : openInsuredOf(customerId)) {
            BigDecimal covered = open.invoice().outstanding().min(left);
            within.put(open.invoice().number(), covered);
            left = left.subtract(covered);
        }
        return within;
    }

    /**
     * The insurer's part of every open insured invoice on a day, for the whole book in one query (the
     * provisions report reads it): for an invoice it still covers (watched, declared, claimed), its covered
     * share of the part within the buyer's limit, the limit going to the buyer's invoices in due-date order
     * exactly as {@link #withinLimit} allots it; once indemnified, the indemnity received. A refused claim, an
     * invoice not declared (or settled) is not covered and is left out. Keyed by invoice id.
     */
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> insuredParts(LocalDate on) {
        InsurancePolicy policy = policies.active().orElse(null);
        Map<UUID, BigDecimal> parts = new LinkedHashMap<>();
        // every insured invoice (any status: they used the buyer's limit), with the limit that applies to its buyer on the day
        Map<UUID, InsuredUnderLimit> insured = new HashMap<>();
        jdbc.query("""
                select x.invoice_id, x.status, x.covered_share, x.indemnity,
                       case when c.customer_id is null then cast(? as numeric)
                            when c.status in ('APPROVED', 'REDUCED') and c.approved_limit > 0
                                 and (c.valid_from is null or c.valid_from <= ?) and (c.valid_to is null or c.valid_to >= ?)
                            then c.approved_limit else 0 end as buyer_limit
                from recouvra.insured_invoice x left join recouvra.buyer_cover c on c.customer_id = x.customer_id""",
                (RowCallbackHandler) rs -> insured.put(rs.getObject("invoice_id", UUID.class), new InsuredUnderLimit(
                        Status.valueOf(rs.getString("status")), rs.getBigDecimal("covered_share"), rs.getBigDecimal("indemnity"),
                        rs.getBigDecimal("buyer_limit"))),
                policy == null ? BigDecimal.ZERO : policy.discretionaryLimit(), on, on);
        // the limit goes to each buyer's open insured invoices in due-date order, as withinLimit allots it
        UUID buyer = null;
        BigDecimal owedBefore = BigDecimal.ZERO;
        for (OpenInvoice open : openInvoices.among(insured.keySet())) {
            if (!open.customerId().equals(buyer)) {
                buyer = open.customerId();
                owedBefore = BigDecimal.ZERO;
            }
            InsuredUnderLimit invoice = insured.get(open.id());
            BigDecimal within = open.outstanding().min(invoice.buyerLimit().subtract(owedBefore).max(BigDecimal.ZERO));
            owedBefore = owedBefore.add(open.outstanding());
            if (invoice.status() == Status.INDEMNIFIED) {
                parts.put(open.id(), invoice.indemnity());
            } else if (invoice.status().insurerCanAct() && policy != null) {
                // like withinLimit: without an active policy nothing is counted within a limit
                parts.put(open.id(), insuredPart(within, invoice.coveredShare()));
            }
        }
        return parts;
    }

    private record InsuredUnderLimit(Status status, BigDecimal coveredShare, BigDecimal indemnity, BigDecimal buyerLimit) {
    }

    private static InsuredInvoice row(ResultSet rs, int n) throws SQLException {
        return new InsuredInvoice(rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
                rs.getObject("customer_id", UUID.class), rs.getObject("policy_id", UUID.class), Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("covered_share"), rs.getObject("declaration_deadline", LocalDate.class),
                rs.getObject("declare_by", LocalDate.class), rs.getObject("extended_until", LocalDate.class),
                rs.getString("not_declared_reason"), rs.getBoolean("declared_late"), rs.getString("declaration_reference"),
                rs.getString("claim_reference"), rs.getBigDecimal("claimed_amount"), rs.getBigDecimal("indemnity"),
                rs.getObject("indemnity_paid_on", LocalDate.class), rs.getString("refusal_reason"));
    }

}
