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
 * guarantor does not owe because the creditor did not inform it (art. 2302 and 2303), all within the cap left. When
 * the deed limits the guarantee to the principal (the "clause contraire" of art. 2295), the principal alone.</li>
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
 * @param withAccessories       whether the guarantee extends to the interest and other accessories: a personal guarantee
 *                              without a clause limiting it to the principal
 */
public record GuaranteeClaim(GuaranteeKind kind, String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnityEur,
                             BigDecimal forfeitedInterest, BigDecimal forfeitedIndemnityEur, BigDecimal owed, BigDecimal capLeft,
                             BigDecimal total, List<InterestPeriod> periods, List<Forfeiture> forfeitures, boolean withAccessories) {

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
        return principalAlone(GuaranteeKind.FIRST_DEMAND_GUARANTEE, currency, principal, capLeft);
    }

    /**
     * A personal guarantee whose deed excludes the interest, penalties and other accessories (art. 2295 C. civ. extends
     * it to them "sauf clause contraire"): what the invoice still owes in principal, within the cap left. Nothing to
     * forfeit either: the information rules of art. 2302 and 2303 take away interest and penalties only.
     */
    static GuaranteeClaim principalOnly(String currency, BigDecimal principal, BigDecimal capLeft) {
        return principalAlone(GuaranteeKind.PERSONAL_GUARANTEE, currency, principal, capLeft);
    }

    private static GuaranteeClaim principalAlone(GuaranteeKind kind, String currency, BigDecimal principal, BigDecimal capLeft) {
        BigDecimal owed = principal.setScale(2, RoundingMode.HALF_UP);
        return new GuaranteeClaim(kind, currency, owed, ZERO, ZERO, ZERO, ZERO, owed, capLeft, owed.min(capLeft), List.of(), List.of(),
                false);
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
                forfeitedInterest, forfeitedIndemnity, owed, capLeft, owed.min(capLeft), invoice.periods(), List.copyOf(forfeitures), true);
    }

    /**
     * The days a natural-person guarantor was left uninformed, as far as they reach an invoice due on {@code dueDate}
     * called on {@code callDay}; none for a guarantor that is a company (the duties are towards natural persons).
     * <ul>
     * <li>Art. 2302: see {@link #annualInformationForfeitures}, from every annual information sent
     * ({@code annualInformation}, the days each was sent).</li>
     * <li>Art. 2303: the default of an invoice due on day D is to be told once the month is over, by D + 1 month + 1 day
     * (what Recouvra's morning run does) plus {@code firstDefaultGrace}. Told later: from D to the day told; never told
     * by the call: from D to the call day.</li>
     * </ul>
     */
    static List<Forfeiture> forfeitures(Guarantee guarantee, List<LocalDate> annualInformation, LocalDate dueDate,
                                        LocalDate firstDefaultNotifiedOn, LocalDate callDay, Period firstDefaultGrace) {
        if (guarantee.kind() != GuaranteeKind.PERSONAL_GUARANTEE || !guarantee.naturalPerson()) {
            return List.of();
        }
        List<Forfeiture> forfeitures = new ArrayList<>(annualInformationForfeitures(guarantee.startsOn(), annualInformation, callDay));
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

    /**
     * Art. 2302, year by year: the information stating 31 December of year Y - 1 is owed by 31 March of year Y, for a
     * guarantee started by that 31 December. Each such deadline passed by the call day without an information sent
     * from 1 January to 31 March of Y forfeits the interest and penalties from the previous information (the last one
     * sent before 1 January of Y; the start of the guarantee when none) until the next one sent (after 31 March of Y;
     * the call day, the call being the first the guarantor hears of the sums, when none). Consecutive years missed make
     * one run of days. {@code informed}: the days each information was sent, in any order.
     */
    static List<Forfeiture> annualInformationForfeitures(LocalDate startsOn, List<LocalDate> informed, LocalDate callDay) {
        List<LocalDate> days = informed.stream().sorted().toList();
        LocalDate beforeStart = startsOn.minusDays(1);
        List<Forfeiture> runs = new ArrayList<>();
        for (int year = startsOn.getYear() + 1; callDay.isAfter(LocalDate.of(year, 3, 31)); year++) {
            LocalDate yearStart = LocalDate.of(year, 1, 1);
            LocalDate deadline = LocalDate.of(year, 3, 31);
            if (days.stream().anyMatch(day -> !day.isBefore(yearStart) && !day.isAfter(deadline))) {
                continue;
            }
            LocalDate previous = days.stream().filter(day -> day.isBefore(yearStart)).reduce((first, second) -> second)
                    .filter(day -> day.isAfter(beforeStart)).orElse(beforeStart);
            LocalDate next = days.stream().filter(day -> day.isAfter(deadline)).findFirst().filter(day -> day.isBefore(callDay))
                    .orElse(callDay);
            Forfeiture last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && !previous.isAfter(last.until())) {
                runs.set(runs.size() - 1, new Forfeiture(Rule.ANNUAL_INFORMATION, last.after(), next.isAfter(last.until()) ? next : last.until()));
            } else {
                runs.add(new Forfeiture(Rule.ANNUAL_INFORMATION, previous, next));
            }
        }
        return runs;
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
