package io.recouvra.guarantee;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param warnAhead    how long before a guarantee ends the credit managers get a task to call it or renew it,
 *                     when exposure is still under it
 * @param answerWithin how long the guarantor or the bank has to answer a call before a credit manager decides the next route
 * @param firstDefaultNoticeGrace how long after the day following the month of an invoice's due date the first-default
 *                     notice of art. 2303 C. civ. still counts as given in time when a call reckons the guarantor's
 *                     forfeiture; the text says "dès" (as soon as) and fixes no period, so P0D as shipped (the strictest
 *                     reading; what Recouvra's own morning run does)
 * @param simpleGuaranteeCall when a simple (non joint and several) personal guarantee may be called; the law leaves
 *                     it to the creditor (the guarantor's bénéfice de discussion, art. 2305 C. civ., is a defence it
 *                     must invoke), so AFTER_COURT_ACTION as shipped
 */
@ConfigurationProperties("recouvra.guarantee")
record GuaranteeSettings(Period warnAhead, Period answerWithin, Period firstDefaultNoticeGrace, SimpleGuaranteeCall simpleGuaranteeCall) {

    GuaranteeSettings {
        if (simpleGuaranteeCall == null) {
            simpleGuaranteeCall = SimpleGuaranteeCall.AFTER_COURT_ACTION;
        }
        if (firstDefaultNoticeGrace == null) {
            firstDefaultNoticeGrace = Period.ZERO;
        }
        if (firstDefaultNoticeGrace.isNegative()) {
            throw new IllegalArgumentException("recouvra.guarantee.first-default-notice-grace must not be negative: " + firstDefaultNoticeGrace);
        }
        if (warnAhead == null || warnAhead.isNegative() || warnAhead.isZero()) {
            throw new IllegalArgumentException("recouvra.guarantee.warn-ahead must be a positive period such as P60D: " + warnAhead);
        }
        if (answerWithin == null || answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("recouvra.guarantee.answer-within must be a positive period such as P15D: " + answerWithin);
        }
    }
}
