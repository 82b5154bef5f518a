package io.recouvra.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

/**
 * The zero-setup run's bureau: a plausible report for every registration number, always the same for
 * the same number (seeded by it), from a sound company to one in insolvency proceedings. Numbers
 * starting with 999 are unknown to it, so that case can be tried too.
 */
class SandboxCreditBureau implements CreditBureau {

    private static final String[] RATINGS = {"E", "D", "C", "C+", "B", "B+", "A", "A+"};

    private final Clock clock;

    SandboxCreditBureau(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BureauAnswer lookUp(String registrationNumber) {
        if (registrationNumber.startsWith("999")) {
            return new BureauAnswer.UnknownCompany(registrationNumber);
        }
        Random random = new Random(registrationNumber.hashCode());
        int score = 5 + random.nextInt(91);
        long revenue = 200_000L + random.nextInt(20_000_000);
        long totalAssets = revenue * (40 + random.nextInt(80)) / 100;
        long equity = totalAssets * (score - 25) / 100;
        long totalDebts = totalAssets - equity;
        long netDebt = totalDebts * (20 + random.nextInt(60)) / 100;
        long ebitda = revenue * (score / 5 - 4) / 100;
        long currentLiabilities = totalDebts * (30 + random.nextInt(40)) / 100;
        long currentAssets = currentLiabilities * (50 + score * 2) / 100;
        LocalDate today = LocalDate.now(clock);
        return new BureauAnswer.Found(new BureauReport(registrationNumber, null, score,
                RATINGS[Math.min(RATINGS.length - 1, score * RATINGS.length / 100)], today.minusDays(random.nextInt(180)),
                score < 10, new BureauReport.Financials(LocalDate.of(today.getYear() - 1, 12, 31), money(equity),
                money(netDebt), money(totalAssets), money(totalDebts), money(revenue), money(ebitda),
                money(currentAssets), money(currentLiabilities))));
    }

    private static BigDecimal money(long value) {
        return BigDecimal.valueOf(value);
    }
}
