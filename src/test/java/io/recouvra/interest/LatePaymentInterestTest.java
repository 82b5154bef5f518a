package io.recouvra.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.recouvra.engine.TeamLanguage;
import io.recouvra.interest.LatePaymentInterest.Breakdown;
import io.recouvra.interest.LatePaymentInterest.Settlement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Worked examples, each computed by hand in its comment: unpaid × rate × days / 365, days counted from
 * the day after the due date to the day of the claim, both included, rounded to the cent at the end.
 */
class LatePaymentInterestTest {

    /** The seeded half-years this test uses (ECB main refinancing rate, legal rate for professionals). */
    private static final Map<LocalDate, HalfYearRate> RATES = Map.of(
            LocalDate.of(2024, 1, 1), rate("2024-01-01", "4.50", "5.07"),
            LocalDate.of(2024, 7, 1), rate("2024-07-01", "4.25", "4.92"),
            LocalDate.of(2025, 1, 1), rate("2025-01-01", "3.15", "3.71"),
            LocalDate.of(2025, 7, 1), rate("2025-07-01", "2.15", "2.76"));

    private static final Function<LocalDate, HalfYearRate> TABLE = start -> {
        HalfYearRate rate = RATES.get(start);
        if (rate == null) {
            throw new MissingLatePaymentRate(start, new TeamLanguage("fr"));
        }
        return rate;
    };

    @Test
    void oneHalfYear() {
        // due 28 Feb 2025, claimed 30 Mar 2025: 1–30 March = 30 days at 3.15 + 10 = 13.15 %
        // (the floor, 3 × 3.71 = 11.13 %, is lower): 10,000 × 13.15 % × 30 / 365 = 108.0822 -> 108.08
        Breakdown interest = compute("2025-02-28", "10000.00", List.of(), null, "2025-03-30");

        assertThat(interest.total()).isEqualByComparingTo("108.08");
        assertThat(interest.periods()).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo("2025-03-01");
            assertThat(p.to()).isEqualTo("2025-03-30");
            assertThat(p.days()).isEqualTo(30);
            assertThat(p.annualRate()).isEqualByComparingTo("13.15");
        });
    }

    @Test
    void aPeriodAcrossTwoHalfYearsIsSplitAtTheFirstOfJuly() {
        // due 31 May 2025, claimed 31 Aug 2025:
        //   1–30 June  = 30 days at 13.15 %: 10,000 × 0.1315 × 30 / 365 = 108.0822
        //   1 Jul–31 Aug = 62 days at 2.15 + 10 = 12.15 %: 10,000 × 0.1215 × 62 / 365 = 206.3836
        //   total 314.4658 -> 314.47
        Breakdown interest = compute("2025-05-31", "10000.00", List.of(), null, "2025-08-31");

        assertThat(interest.total()).isEqualByComparingTo("314.47");
        assertThat(interest.periods()).extracting(InterestPeriod::days).containsExactly(30L, 62L);
        assertThat(interest.periods()).extracting(InterestPeriod::annualRate)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("13.15"), new BigDecimal("12.15"));
    }

    @Test
    void aPeriodAcrossSeveralHalfYears() {
        // due 30 Jun 2024, claimed 31 Jan 2025, 3,000.00 unpaid, no contractual rate:
        //   1 Jul–31 Dec 2024 = 184 days at 4.25 + 10 = 14.25 % (3 × 4.92 = 14.76 % is a floor for contracts
        //     only, L. 441-10): 3,000 × 0.1425 × 184 / 365 = 215.5068
        //   1–31 Jan 2025 = 31 days at 13.15 %: 3,000 × 0.1315 × 31 / 365 = 33.5055
        //   total 249.0123 -> 249.01
        Breakdown interest = compute("2024-06-30", "3000.00", List.of(), null, "2025-01-31");

        assertThat(interest.total()).isEqualByComparingTo("249.01");
        assertThat(interest.periods()).extracting(InterestPeriod::annualRate)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("14.25"), new BigDecimal("13.15"));
    }

    @Test
    void withoutAContractualRateTheRateIsEcbPlusTenEvenUnderThreeTimesTheLegalRate() {
        // first half of 2024: 4.50 + 10 = 14.50 %; 3 × 5.07 = 15.21 % is higher but only limits a contract
        // due 31 Jan 2024, claimed 1 Mar 2024 (a leap year: 29 February days + 1 March = 30 days):
        // 5,000 × 0.1450 × 30 / 365 = 59.5890 -> 59.59
        Breakdown interest = compute("2024-01-31", "5000.00", List.of(), null, "2024-03-01");

        assertThat(interest.periods()).singleElement().satisfies(p -> {
            assertThat(p.days()).isEqualTo(30);
            assertThat(p.annualRate()).isEqualByComparingTo("14.50");
        });
        assertThat(interest.total()).isEqualByComparingTo("59.59");
    }

    @Test
    void aContractualRateUnderTheFloorOfThreeTimesTheLegalRateIsRaisedToIt() {
        // 2024 H1: a contract at 10 % is under 3 × 5.07 = 15.21 %, which applies (higher than ECB + 10 = 14.50 %)
        // due 31 Jan 2024, claimed 1 Mar 2024, 30 days: 5,000 × 0.1521 × 30 / 365 = 62.5068 -> 62.51
        Breakdown interest = compute("2024-01-31", "5000.00", List.of(), "10", "2024-03-01");

        assertThat(interest.periods()).singleElement().satisfies(p -> {
            assertThat(p.annualRate()).isEqualByComparingTo("15.21");
            assertThat(p.raisedFromContractualRate()).isEqualByComparingTo("10");
        });
        assertThat(interest.total()).isEqualByComparingTo("62.51");
    }

    @Test
    void thePeriodLinesAddUpToTheTotalExactlyByCarryingTheRounding() {
        // 1,001.44 due 31 May 2024, claimed 31 Jul 2024, across two half-years of a leap year; the divisor
        // stays 365 days (L. 441-10's rate is per year; Recouvra counts exact days over 365, leap years too):
        //   1–30 June 2024, 30 days at 4.50 + 10 = 14.50 %: 1,001.44 × 14.50 × 30 / 36,500 = 11.9349698630
        //   1–31 July 2024, 31 days at 4.25 + 10 = 14.25 %: 1,001.44 × 14.25 × 31 / 36,500 = 12.1201676712
        //   exact total 24.0551375342 -> 24.06, rounded once.
        // Rounded one by one the lines would say 11.93 + 12.12 = 24.05, a cent short of the total. Carried:
        //   line 1 = round(11.9349698630) - 0 = 11.93
        //   line 2 = round(24.0551375342) - round(11.9349698630) = 24.06 - 11.93 = 12.13
        Breakdown interest = compute("2024-05-31", "1001.44", List.of(), null, "2024-07-31");

        assertThat(interest.total()).isEqualByComparingTo("24.06");
        assertThat(interest.periods()).extracting(InterestPeriod::from, InterestPeriod::to, InterestPeriod::days)
                .containsExactly(tuple(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30"), 30L),
                        tuple(LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-31"), 31L));
        assertThat(interest.periods()).extracting(InterestPeriod::interest).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("11.9349698630"), new BigDecimal("12.1201676712"));
        assertThat(interest.periods()).extracting(InterestPeriod::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("11.93"), new BigDecimal("12.13"));
        assertThat(interest.periods().stream().map(InterestPeriod::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(interest.total());
    }

    @Test
    void aContractualRateReplacesTheStatutoryOne() {
        // 12 % agreed; floor in the second half of 2025 is 3 × 2.76 = 8.28 %, so 12 % stands.
        // due 30 Sep 2025, claimed 31 Oct 2025: 31 days: 1,000 × 0.12 × 31 / 365 = 10.1918 -> 10.19
        Breakdown interest = compute("2025-09-30", "1000.00", List.of(), "12", "2025-10-31");

        assertThat(interest.total()).isEqualByComparingTo("10.19");
        assertThat(interest.periods().get(0).annualRate()).isEqualByComparingTo("12");
    }

    @Test
    void aContractualRateUnderTheFloorIsRaisedToIt() {
        // 5 % agreed is under 3 × 2.76 = 8.28 %, which applies: 1,000 × 0.0828 × 31 / 365 = 7.0323 -> 7.03
        Breakdown interest = compute("2025-09-30", "1000.00", List.of(), "5", "2025-10-31");

        assertThat(interest.periods().get(0).annualRate()).isEqualByComparingTo("8.28");
        assertThat(interest.total()).isEqualByComparingTo("7.03");
    }

    @Test
    void aPartialPaymentLowersTheUnpaidAmountFromTheDayAfterItsValueDate() {
        // 2,000.00 due 30 Sep 2025, 1,000.00 paid with value date 11 Oct, claimed 31 Oct, 12.15 %:
        //   1–11 Oct  = 11 days on 2,000: 2,000 × 0.1215 × 11 / 365 = 7.3233
        //   12–31 Oct = 20 days on 1,000: 1,000 × 0.1215 × 20 / 365 = 6.6575
        //   total 13.9808 -> 13.98
        Breakdown interest = compute("2025-09-30", "2000.00",
                List.of(new Settlement(LocalDate.parse("2025-10-11"), new BigDecimal("1000.00"))), null, "2025-10-31");

        assertThat(interest.total()).isEqualByComparingTo("13.98");
        assertThat(interest.periods()).extracting(InterestPeriod::unpaid)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("2000.00"), new BigDecimal("1000.00"));
    }

    @Test
    void anInvoicePaidOneDayLateBearsOneDay() {
        // 36,500.00 due 30 Sep 2025, paid in full on 1 Oct: one day at 12.15 %: 36,500 × 0.1215 / 365 = 12.15
        Breakdown interest = compute("2025-09-30", "36500.00",
                List.of(new Settlement(LocalDate.parse("2025-10-01"), new BigDecimal("36500.00"))), null, "2025-12-31");

        assertThat(interest.total()).isEqualByComparingTo("12.15");
    }

    @Test
    void nothingIsDueOnOrBeforeTheDueDate() {
        assertThat(compute("2025-09-30", "1000.00", List.of(), null, "2025-09-30").total()).isEqualByComparingTo("0");
        assertThat(compute("2025-09-30", "1000.00", List.of(), null, "2025-09-01").periods()).isEmpty();
    }

    @Test
    void aHalfYearWithoutRatesStopsTheComputationAndSaysWhichOne() {
        assertThatThrownBy(() -> compute("2025-12-15", "1000.00", List.of(), null, "2026-01-10"))
                .isInstanceOf(MissingLatePaymentRate.class)
                .hasMessageContaining("half-year starting 2026-01-01")
                .hasMessageContaining("PUT /api/v1/late-payment-rates/2026-01-01");
    }

    /** The API's problem is in English whatever the team's language; the BPMN error, read by the team, in its language. */
    @Test
    void aMissingRateSaysItsHalfYearInEnglishToTheApiAndInTheTeamsLanguageToTheProcess() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        String problem = "no late-payment rates recorded for the half-year starting 2027-01-01 (first half of 2027): an admin "
                + "adds them with PUT /api/v1/late-payment-rates/2027-01-01 or in the Tasklist task that asks for them";
        MissingLatePaymentRate french = new MissingLatePaymentRate(start, new TeamLanguage("fr"));
        MissingLatePaymentRate english = new MissingLatePaymentRate(start, new TeamLanguage("en"));

        assertThat(french.problem().reason()).isEqualTo(problem);
        assertThat(english.problem().reason()).isEqualTo(problem);
        assertThat(french.asBpmnError().getErrorCode()).isEqualTo(MissingLatePaymentRate.ERROR_CODE);
        assertThat(french.asBpmnError().getMessage()).isEqualTo("aucun taux de pénalités de retard n'est saisi pour le "
                + "1er semestre 2027 (semestre commençant le 2027-01-01) : un administrateur les saisit dans la tâche « Saisir "
                + "les taux de pénalités de retard du 1er semestre 2027 » de Tasklist, ou par PUT /api/v1/late-payment-rates/2027-01-01");
        assertThat(english.asBpmnError().getMessage()).isEqualTo(problem);
    }

    @Test
    void halfYearsStartOnTheFirstOfJanuaryAndJuly() {
        assertThat(HalfYearRate.startOf(LocalDate.parse("2025-06-30"))).isEqualTo("2025-01-01");
        assertThat(HalfYearRate.startOf(LocalDate.parse("2025-07-01"))).isEqualTo("2025-07-01");
        assertThat(HalfYearRate.isHalfYearStart(LocalDate.parse("2025-07-01"))).isTrue();
        assertThat(HalfYearRate.isHalfYearStart(LocalDate.parse("2025-04-01"))).isFalse();
        assertThat(RATES.get(LocalDate.of(2025, 1, 1)).end()).isEqualTo("2025-06-30");
    }

    private static Breakdown compute(String dueDate, String owed, List<Settlement> settlements, String contractualRate,
                                     String asOf) {
        return LatePaymentInterest.compute(LocalDate.parse(dueDate), new BigDecimal(owed), settlements,
                contractualRate == null ? null : new BigDecimal(contractualRate), LocalDate.parse(asOf), TABLE);
    }

    private static HalfYearRate rate(String start, String ecb, String legal) {
        return new HalfYearRate(LocalDate.parse(start), new BigDecimal(ecb), new BigDecimal(legal), "test", null, "test");
    }
}
