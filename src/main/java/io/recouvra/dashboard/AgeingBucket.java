package io.recouvra.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

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

    /** The earliest due date of an amount in this bucket on {@code day}; empty for the oldest bucket, which has none. */
    public Optional<LocalDate> dueFrom(LocalDate day) {
        return toDays == Integer.MAX_VALUE ? Optional.empty() : Optional.of(day.minusDays(toDays));
    }

    /** The latest due date of an amount in this bucket on {@code day}; empty for "not due", which has none. */
    public Optional<LocalDate> dueTo(LocalDate day) {
        return fromDays == Integer.MIN_VALUE ? Optional.empty() : Optional.of(day.minusDays(fromDays));
    }

    /** The bucket of this gauge tag ({@code 1_30}...), if it is one. */
    public static Optional<AgeingBucket> ofLabel(String label) {
        return Arrays.stream(values()).filter(b -> b.label.equals(label)).findFirst();
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
