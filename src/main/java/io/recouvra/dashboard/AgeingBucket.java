package io.recouvra.dashboard;

/** How long past its due date an amount is, in the bands credit managers report on. */
public enum AgeingBucket {
    NOT_DUE("not_due", Integer.MIN_VALUE, 0),
    DAYS_1_30("1_30", 1, 30),
    DAYS_31_60("31_60", 31, 60),
    DAYS_61_90("61_90", 61, 90),
    DAYS_91_180("91_180", 91, 180),
    OVER_180("over_180", 181, Integer.MAX_VALUE);

    private final String label;
    private final int fromDays;
    private final int toDays;

    AgeingBucket(String label, int fromDays, int toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    /** The name in the gauges' {@code bucket} tag. */
    public String label() {
        return label;
    }

    /** The bucket of an amount this many days past due (0 or less: due today or later, not overdue). */
    public static AgeingBucket ofDaysOverdue(long days) {
        for (AgeingBucket bucket : values()) {
            if (days >= bucket.fromDays && days <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket for " + days + " days");
    }
}
