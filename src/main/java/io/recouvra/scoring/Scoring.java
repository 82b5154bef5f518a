package io.recouvra.scoring;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores a customer now: its payment behaviour in the ledger, its accounts and rating from the bureau
 * (cached), through the scorecard; the score is stored with everything that went into it.
 */
@Service
public class Scoring {

    /** Far beyond any "bad" threshold: no equity is as bad as gearing gets. */
    static final double NO_EQUITY_GEARING = 99;

    private final CustomerService customers;
    private final LedgerBehaviour ledger;
    private final BureauReports bureau;
    private final Scorecard scorecard;
    private final CreditScoreRepository scores;
    private final EarlyWarnings earlyWarnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Scoring(CustomerService customers, LedgerBehaviour ledger, BureauReports bureau, ScoringSettings settings,
            CreditScoreRepository scores, EarlyWarnings earlyWarnings, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.bureau = bureau;
        this.scorecard = new Scorecard(settings);
        this.scores = scores;
        this.earlyWarnings = earlyWarnings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CreditScore score(UUID customerId) {
        Customer customer = customers.get(customerId);
        Map<Factor, Double> inputs = new EnumMap<>(Factor.class);
        Map<Factor, String> unknown = new EnumMap<>(Factor.class);
        inputs.putAll(ledger.of(customerId, LocalDate.now(clock.withZone(customer.getTimeZone()))));
        unknown.put(Factor.BROKEN_PROMISES, "no promise to pay in the last 12 months");
        for (Factor factor : List.of(Factor.DAYS_LATE, Factor.SHARE_LATE, Factor.OVERDUE_SHARE, Factor.DISPUTES, Factor.DSO)) {
            unknown.putIfAbsent(factor, "no payment history");
        }
        BureauAnswer answer = bureau.lookUp(customer.getRegistrationNumber());
        boolean bureauInsolvency = false;
        String bureauSummary;
        if (answer instanceof BureauAnswer.Found found) {
            BureauReport report = found.report();
            bureauInsolvency = report.insolvencyProceedings();
            bureauSummary = "rating " + report.rating() + ", score " + report.score()
                    + (bureauInsolvency ? ", insolvency proceedings" : "");
            if (report.score() != null) {
                inputs.put(Factor.BUREAU_SCORE, report.score().doubleValue());
            }
            financialRatios(report.financials(), inputs, unknown);
        } else if (answer instanceof BureauAnswer.UnknownCompany) {
            bureauSummary = "unknown to the bureau";
        } else {
            bureauSummary = "bureau unavailable: " + ((BureauAnswer.Unavailable) answer).reason();
        }
        for (Factor factor : List.of(Factor.BUREAU_SCORE, Factor.GEARING, Factor.SOLVENCY, Factor.EBITDA_MARGIN,
                Factor.CURRENT_RATIO)) {
            unknown.putIfAbsent(factor, bureauSummary);
        }
        // proceedings recorded in Recouvra cap the score as the bureau's word does, while they run: a customer whose
        // plan was carried out is scored on its merits again; one whose liquidation was closed for insufficient
        // assets stays capped (docs/insolvency.md, "After the closing")
        Scorecard.Result result = scorecard.score(inputs, unknown, bureauInsolvency || customer.isInInsolvencyProceedings());
        String stored = bureauSummary.length() > 200 ? bureauSummary.substring(0, 197) + "..." : bureauSummary;
        Optional<CreditScore> previous = scores.findFirstByCustomerIdOrderByScoredAtDesc(customerId);
        CreditScore score = scores.save(new CreditScore(customerId, clock.instant(), result, stored));
        earlyWarnings.compare(previous, score);
        if (bureauInsolvency) {
            events.publishEvent(new BureauReportedInsolvency(customerId, bureauSummary));
        }
        return score;
    }

    /**
     * Whether the customer is under insolvency proceedings now: recorded in Recouvra and not closed back in bonis
     * ({@link Customer#isInInsolvencyProceedings()}), or said by the bureau (its cached report). Not whether an invoice
     * is frozen by proceedings: that is the invoice's own question ({@code Invoice.isFrozenByInsolvency}).
     */
    @Transactional
    public boolean insolvencyProceedings(UUID customerId) {
        Customer customer = customers.get(customerId);
        if (customer.isInInsolvencyProceedings()) {
            return true;
        }
        return bureau.lookUp(customer.getRegistrationNumber()) instanceof BureauAnswer.Found found
                && found.report().insolvencyProceedings();
    }

    @Transactional(readOnly = true)
    public List<CreditScore> history(UUID customerId, int size) {
        customers.get(customerId);
        return scores.findByCustomerIdOrderByScoredAtDesc(customerId, PageRequest.of(0, size));
    }

    /** Ratios from the accounts; a company with no or negative equity gets the worst gearing. */
    static void financialRatios(BureauReport.Financials accounts, Map<Factor, Double> inputs, Map<Factor, String> unknown) {
        if (accounts == null) {
            return;
        }
        if (accounts.equity() != null && accounts.netDebt() != null) {
            if (accounts.equity().signum() <= 0) {
                inputs.put(Factor.GEARING, NO_EQUITY_GEARING);
                unknown.put(Factor.GEARING, "negative equity");
            } else {
                inputs.put(Factor.GEARING, ratio(accounts.netDebt(), accounts.equity()));
            }
        }
        if (accounts.totalAssets() != null && accounts.totalDebts() != null && accounts.totalDebts().signum() > 0) {
            inputs.put(Factor.SOLVENCY, ratio(accounts.totalAssets(), accounts.totalDebts()));
        }
        if (accounts.ebitda() != null && accounts.revenue() != null && accounts.revenue().signum() > 0) {
            inputs.put(Factor.EBITDA_MARGIN, ratio(accounts.ebitda(), accounts.revenue()));
        }
        if (accounts.currentAssets() != null && accounts.currentLiabilities() != null
                && accounts.currentLiabilities().signum() > 0) {
            inputs.put(Factor.CURRENT_RATIO, ratio(accounts.currentAssets(), accounts.currentLiabilities()));
        }
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64).doubleValue();
    }
}
