package io.recouvra.guarantee;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warnAhead    how long before a guarantee ends the credit managers get a task to call it or renew it,
 *                     when exposure is still under it
 * @param answerWithin how long the guarantor or the bank has to answer a call before a credit manager decides the next route
 */
@ConfigurationProperties("recouvra.guarantee")
record GuaranteeSettings(Period warnAhead, Period answerWithin) {

    GuaranteeSettings {
        if (warnAhead == null || warnAhead.isNegative() || warnAhead.isZero()) {
            throw new IllegalArgumentException("recouvra.guarantee.warn-ahead must be a positive period such as P60D: " + warnAhead);
        }
        if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("recouvra.guarantee.answer-within must be a positive period such as P15D: " + answerWithin);
        }
    }
}
