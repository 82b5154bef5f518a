package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The buckets' edges: each bound belongs to the bucket that names it. */
class AgeingBucketTest {

    @ParameterizedTest
    @CsvSource({"-400, NOT_DUE", "0, NOT_DUE", "1, DAYS_1_30", "30, DAYS_1_30", "31, DAYS_31_60", "60, DAYS_31_60",
            "61, DAYS_61_90", "90, DAYS_61_90", "91, DAYS_91_180", "180, DAYS_91_180", "181, OVER_180", "4000, OVER_180"})
    void aDayCountFallsInTheBucketThatNamesIt(long daysOverdue, AgeingBucket bucket) {
        assertThat(AgeingBucket.ofDaysOverdue(daysOverdue)).isEqualTo(bucket);
    }

    @Test
    void theGaugeLabelsAreStable() {
        assertThat(AgeingBucket.values()).extracting(AgeingBucket::label)
                .containsExactly("not_due", "1_30", "31_60", "61_90", "91_180", "over_180");
    }
}
