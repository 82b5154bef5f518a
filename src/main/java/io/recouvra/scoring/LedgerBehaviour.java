package io.recouvra.scoring;

import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerLedger.Issued;
import io.recouvra.scoring.PromiseRecord.Promises;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How the customer pays, read from Recouvra's own ledger: one query per factor, none per invoice. */
@Component
class LedgerBehaviour {

    /** Days sales outstanding is measured over this many days of invoicing. */
    private static final int DSO_DAYS = 90;

    private final CustomerLedger ledger;
    private final PromiseRecord promises;

    LedgerBehaviour(CustomerLedger ledger, PromiseRecord promises) {
        this.ledger = ledger;
        this.promises = promises;
    }

    /** The ledger's factors that can be known for this customer today; the others are absent. */
    Map<Factor, Double> of(UUID customerId, LocalDate today) {
        Map<Factor, Double> factors = new EnumMap<>(Factor.class);
        LocalDate since = today.minusMonths(24);
        put(factors, Factor.DAYS_LATE, ledger.daysLate(customerId, since));
        put(factors, Factor.SHARE_LATE, ledger.shareSettledLate(customerId, since));
        Issued issued = ledger.issuedSince(customerId, since, today);
        put(factors, Factor.OVERDUE_SHARE, issued.overdueShare());
        // No disputes means something only for a customer with invoices: a new one has no record yet.
        if (issued.count() > 0) {
            factors.put(Factor.DISPUTES, (double) issued.disputed());
        }
        put(factors, Factor.DSO, ledger.daysSalesOutstanding(customerId, today, DSO_DAYS));
        // Promises broken in the last twelve months, known only for a customer who made some: one never
        // asked for a promise has kept none and broken none.
        Promises made = promises.dueSince(customerId, today.minusMonths(12));
        if (made.made() > 0) {
            factors.put(Factor.BROKEN_PROMISES, (double) made.broken());
        }
        return factors;
    }

    private static void put(Map<Factor, Double> factors, Factor factor, BigDecimal value) {
        if (value != null) {
            factors.put(factor, value.doubleValue());
        }
    }
}
