package io.recouvra.scoring;

/** What the scorecard looks at. Weights and thresholds are configuration (recouvra.scoring.factors). */
public enum Factor {
    /** Average days paid after the due date, weighted by amount (ledger, 24 months). */
    DAYS_LATE,
    /** Share of settled invoices paid after their due date (ledger, 24 months). */
    SHARE_LATE,
    /** Overdue part of what the customer owes now. */
    OVERDUE_SHARE,
    /** Invoices in dispute now. */
    DISPUTES,
    /** Promises to pay not kept (12 months). */
    BROKEN_PROMISES,
    /** Days of sales outstanding for this customer (90-day window). */
    DSO,
    /** Net debt / equity: below 1 is comfortable. */
    GEARING,
    /** Total assets / total debts: above 1 is sound. */
    SOLVENCY,
    EBITDA_MARGIN,
    /** Current assets / current liabilities. */
    CURRENT_RATIO,
    /** The credit bureau's own score (0-100). */
    BUREAU_SCORE
}
