package io.recouvra.guarantee;

import io.recouvra.interest.InterestPeriod;
import io.recouvra.interest.LatePaymentClaims.InvoiceClaim;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a call claims on one invoice, each part apart as the call letter prints it (docs/guarantees.md, "What a call
 * claims"; the law in docs/legal.md).
 * <ul>
 * <li>A personal guarantee (cautionnement) extends to the interest and other accessories of the debt unless agreed
 * otherwise (art. 2295 C. civ.): the principal, the late-payment interest to the call day and the 40 EUR recovery
 * indemnity, as {@code interest.LatePaymentClaims} computes them for a formal notice, less what a natural-person
 * guarantor does not owe because the creditor did not inform it (art. 2302 and 2303), all within the cap left.</li>
 * <li>A first-demand guarantee is the bank's own undertaking to pay a sum (art. 2321): the principal still owed, within
 * the cap left; no accessories.</li>
 * </ul>
 *
 * @param principal             what the invoice still owes
 * @param interest              the late-payment interest to the call day, before any forfeiture
 * @param indemnityEur          the recovery indemnity due (zero when not due, or when the claim is not in euros: it is
 *                              fixed in euros and a claim adds up in one currency)
 * @param forfeitedInterest     the interest of the days the guarantor was left uninformed, pro rata of each period's days
 * @param forfeitedIndemnityEur the indemnity, when it fell due on such a day
 * @param owed                  what the guarantor owes before the cap: principal + interest + indemnity − forfeited
 * @param total                 the sum called: {@code owed} within the cap left
 * @param periods               the interest periods, for the breakdown
 * @param forfeitures           the days the guarantor was left uninformed, by rule
 */
public record GuaranteeClaim(GuaranteeKind kind, String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnityEur,
                             BigDecimal forfeitedInterest, BigDecimal forfeitedIndemnityEur, BigDecimal owed, BigDecimal capLeft,
                             BigDecimal total, List<InterestPeriod> periods, List<Forfeiture> forfeitures) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Why the guarantor does not owe the interest and penalties of some days. */
    public enum Rule {
        /** Art. 2302 C. civ.: the annual information was not given by 31 March (or at all). */
        ANNUAL_INFORMATION,
        /** Art. 2303 C. civ.: the first payment default was not told as soon as the month after the due date was over. */
        FIRST_DEFAULT
    }

    /**
     * The days after {@code after} up to and including {@code until} whose interest and penalties the guarantor does not
     * owe: from the previous information (or the incident) until the guarantor is informed.
     */
    public record Forfeiture(Rule rule, LocalDate after, LocalDate until) {

        boolean covers(LocalDate day) {
            return day.isAfter(after) && !day.isAfter(until);
        }
    }

    /** Whether the cap cut the claim. */
    public boolean capped() {
        return total.compareTo(owed) < 0;
    }

    /** A first-demand guarantee: what the invoice still owes, within the cap left. */
    static GuaranteeClaim firstDemand(String currency, BigDecimal principal, BigDecimal capLeft) {
        BigDecimal owed = principal.setScale(2, RoundingMode.HALF_UP);
        return new GuaranteeClaim(GuaranteeKind.FIRST_DEMAND_GUARANTEE, currency, owed, ZERO, ZERO, ZERO, ZERO, owed, capLeft,
                owed.min(capLeft), List.of(), List.of());
    }

    /**
     * A personal guarantee: the invoice's claim on the call day less the forfeited days, within the cap left. A day's
     * interest is forfeited when any rule covers it (the rules may overlap: a day counts once); each period's unrounded
     * interest is shared by its days; the interest kept (that of the days not forfeited) is rounded to the cent once, and
     * the forfeited interest is the printed interest less that. The indemnity falls
     * due the day after the due date (the first late day) and is forfeited when that day is covered.
     */
    static GuaranteeClaim personal(InvoiceClaim invoice, BigDecimal capLeft, List<Forfeiture> forfeitures) {
        BigDecimal exactTotal = BigDecimal.ZERO;
        BigDecimal forfeitedExact = BigDecimal.ZERO;
        for (InterestPeriod period : invoice.periods()) {
            exactTotal = exactTotal.add(period.interest());
            long covered = 0;
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                if (coveredByAny(day, forfeitures)) {
                    covered++;
                }
            }
            if (covered > 0) {
                forfeitedExact = forfeitedExact.add(period.interest().multiply(BigDecimal.valueOf(covered))
                        .divide(BigDecimal.valueOf(period.days()), 10, RoundingMode.HALF_UP));
            }
        }
        BigDecimal interest = invoice.interest().setScale(2, RoundingMode.HALF_UP);
        // what the guarantor owes is the interest of the days left, rounded once like any interest; the deduction is
        // what that leaves of the interest lines the letter prints, so the lines add up to the cent
        BigDecimal kept = exactTotal.subtract(forfeitedExact).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP).min(interest);
        BigDecimal forfeitedInterest = forfeitedExact.signum() == 0 ? ZERO : interest.subtract(kept);
        boolean inEuros = "EUR".equals(invoice.currency());
        BigDecimal indemnity = inEuros ? invoice.indemnityEur().setScale(2, RoundingMode.HALF_UP) : ZERO;
        BigDecimal forfeitedIndemnity = indemnity.signum() > 0 && coveredByAny(invoice.dueDate().plusDays(1), forfeitures) ? indemnity : ZERO;
        BigDecimal principal = invoice.principal().setScale(2, RoundingMode.HALF_UP);
        BigDecimal owed = principal.add(interest).subtract(forfeitedInterest).add(indemnity).subtract(forfeitedIndemnity);
        return new GuaranteeClaim(GuaranteeKind.PERSONAL_GUARANTEE, invoice.currency(), principal, interest, indemnity,
                forfeitedInterest, forfeitedIndemnity, owed, capLeft, owed.min(capLeft), invoice.periods(), List.copyOf(forfeitures));
    }

    /**
     * The days a natural-person guarantor was left uninformed, as far as they reach an invoice due on {@code dueDate}
     * called on {@code callDay}; none for a guarantor that is a company (the duties are towards natural persons).
     * <ul>
     * <li>Art. 2302: the information on 31 December of year Y − 1 is owed by 31 March of year Y. On the call day, the
     * last such deadline passed is looked at (the register keeps only the last information day,
     * {@code annualInformationOn}, so earlier years are taken as informed). Not informed since 1 January of Y: from the
     * last information (from the start when never informed) to the call day, the call being the first the guarantor
     * hears of the sums. Informed after 31 March of Y: from the start of the guarantee (the previous information's day
     * is no longer known) to that late information.</li>
     * <li>Art. 2303: the default of an invoice due on day D is to be told once the month is over, by D + 1 month + 1 day
     * (what Recouvra's morning run does) plus {@code firstDefaultGrace}. Told later: from D to the day told; never told
     * by the call: from D to the call day.</li>
     * </ul>
     */
    static List<Forfeiture> forfeitures(Guarantee guarantee, LocalDate dueDate, LocalDate firstDefaultNotifiedOn, LocalDate callDay,
                                        Period firstDefaultGrace) {
        if (guarantee.kind() != GuaranteeKind.PERSONAL_GUARANTEE || !guarantee.naturalPerson()) {
            return List.of();
        }
        List<Forfeiture> forfeitures = new ArrayList<>();
        int year = callDay.isAfter(LocalDate.of(callDay.getYear(), 3, 31)) ? callDay.getYear() : callDay.getYear() - 1;
        LocalDate yearEnd = LocalDate.of(year - 1, 12, 31);
        LocalDate deadline = LocalDate.of(year, 3, 31);
        LocalDate last = guarantee.annualInformationOn();
        LocalDate beforeStart = guarantee.startsOn().minusDays(1);
        if (!guarantee.startsOn().isAfter(yearEnd)) {
            if (last == null || last.isBefore(LocalDate.of(year, 1, 1))) {
                forfeitures.add(new Forfeiture(Rule.ANNUAL_INFORMATION, last == null ? beforeStart : last, callDay));
            } else if (last.isAfter(deadline)) {
                forfeitures.add(new Forfeiture(Rule.ANNUAL_INFORMATION, beforeStart, last));
            }
        }
        LocalDate toldBy = dueDate.plusMonths(1).plusDays(1).plus(firstDefaultGrace);
        if (callDay.isAfter(toldBy)) {
            if (firstDefaultNotifiedOn == null) {
                forfeitures.add(new Forfeiture(Rule.FIRST_DEFAULT, dueDate, callDay));
            } else if (firstDefaultNotifiedOn.isAfter(toldBy)) {
                forfeitures.add(new Forfeiture(Rule.FIRST_DEFAULT, dueDate, firstDefaultNotifiedOn));
            }
        }
        return forfeitures;
    }

    /** The days of a forfeiture that bore interest on this claim: those of its periods the forfeiture covers. */
    long daysForfeited(Forfeiture forfeiture) {
        long days = 0;
        for (InterestPeriod period : periods) {
            LocalDate from = period.from().isAfter(forfeiture.after()) ? period.from() : forfeiture.after().plusDays(1);
            LocalDate to = period.to().isBefore(forfeiture.until()) ? period.to() : forfeiture.until();
            if (!from.isAfter(to)) {
                days += ChronoUnit.DAYS.between(from, to) + 1;
            }
        }
        return days;
    }

    private static boolean coveredByAny(LocalDate day, List<Forfeiture> forfeitures) {
        return forfeitures.stream().anyMatch(forfeiture -> forfeiture.covers(day));
    }
}
