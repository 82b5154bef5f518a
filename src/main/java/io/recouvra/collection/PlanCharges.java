package io.recouvra.collection;

import io.recouvra.interest.LatePaymentClaims;
import io.recouvra.interest.LatePaymentClaims.InvoiceClaim;
import io.recouvra.interest.MissingLatePaymentRate;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The late-payment charges of a payment plan whose policy charges them (PaymentPlanPolicy's
 * {@code lateInterest} = CHARGED): the interest each invoice owes up to the offer and its 40 EUR
 * indemnity, unless an earlier plan charged them already. They are added to the last instalment when
 * the plan is offered, booked as a debit note when it is accepted, and dunned like any invoice if the
 * plan breaks. With WAIVED_IF_KEPT nothing is added: a kept plan ends the debt, a broken one leaves the
 * formal notice to claim interest to the day.
 */
@Service
class PlanCharges {

    static final String CHARGED = "CHARGED";

    private final JdbcTemplate jdbc;
    private final PaymentPlans plans;
    private final InvoiceService invoices;
    private final LatePaymentClaims claims;
    private final CollectionCalendar calendar;
    private final InvoiceCollectionProcess collection;

    PlanCharges(JdbcTemplate jdbc, PaymentPlans plans, InvoiceService invoices, LatePaymentClaims claims,
                CollectionCalendar calendar, InvoiceCollectionProcess collection) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.invoices = invoices;
        this.claims = claims;
        this.calendar = calendar;
        this.collection = collection;
    }

    /**
     * Works out the charges as of today and adds them to the plan's last instalment; returns them (zero
     * when nothing is owed). The indemnity is in euros: a plan in another currency charges interest only.
     */
    @Transactional(noRollbackFor = MissingLatePaymentRate.class)
    BigDecimal add(UUID planId) {
        PaymentPlans.PlanRow plan = plans.plan(planId);
        LocalDate asOf = calendar.today();
        List<Invoice> covered = invoices.byNumbers(plans.invoicesOf(planId));
        BigDecimal total = BigDecimal.ZERO;
        for (InvoiceClaim line : claims.claim(covered, asOf).invoices()) {
            BigDecimal indemnity = "EUR".equals(plan.currency()) ? line.indemnityEur() : BigDecimal.ZERO;
            if (line.interest().signum() == 0 && indemnity.signum() == 0) {
                continue;
            }
            jdbc.update("""
                    insert into recouvra.late_payment_charge (plan_id, invoice_number, interest_until, interest, indemnity)
                    values (?, ?, ?, ?, ?)""", planId, line.number(), asOf, line.interest(), indemnity);
            total = total.add(line.interest()).add(indemnity);
        }
        jdbc.update("""
                update recouvra.payment_plan set late_interest = 'CHARGED', charges = ?, charges_as_of = ?, total = total + ?
                where id = ?""", total, asOf, total, planId);
        jdbc.update("""
                update recouvra.payment_plan_instalment set amount = amount + ?
                where plan_id = ? and seq = (select max(seq) from recouvra.payment_plan_instalment where plan_id = ?)""",
                total, planId, planId);
        return total;
    }

    /** The debtor accepted the plan: its charges become a debit note in the ledger, one of the plan's invoices. */
    @Transactional
    void book(UUID planId) {
        PaymentPlans.PlanRow plan = plans.plan(planId);
        BigDecimal charges = jdbc.queryForObject("select charges from recouvra.payment_plan where id = ?", BigDecimal.class, planId);
        if (charges.signum() == 0) {
            return;
        }
        List<PaymentPlans.Instalment> instalments = plans.instalments(planId);
        String number = debitNoteNumber(planId);
        invoices.registerLateCharges(plan.customerId(), number, instalments.get(instalments.size() - 1).dueDate(), charges,
                plan.currency());
        jdbc.update("update recouvra.late_payment_charge set debit_note_number = ? where plan_id = ?", number, planId);
        jdbc.update("insert into recouvra.payment_plan_invoice (plan_id, invoice_number) values (?, ?)", planId, number);
    }

    /** A broken plan: what its debit note still owes is chased like any invoice from now on. */
    @Transactional
    void collectAfterBreak(UUID planId) {
        invoices.byNumbers(List.of(debitNoteNumber(planId))).stream()
                .filter(debitNote -> !debitNote.getStatus().isClosed())
                .forEach(collection::startFor);
    }

    static String debitNoteNumber(UUID planId) {
        return "LPC-" + planId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
