package io.recouvra.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change to a guarantee in force, as the API receives it: what is left out (null) stays as it is. Checked by
 * {@link Guarantees#amend}.
 *
 * @param amount            the new cap (a rider raising or lowering it)
 * @param endsOn            the new end (an extension, or an expiry brought forward)
 * @param documentsRequired the documents a call must now enclose, one per line; empty to require none
 * @param jointAndSeveral   a personal guarantee's solidarity, as its deed or a rider says (to record it for a guarantee
 *                          registered before the register asked, or a rider making it joint and several)
 * @param principalOnly     a personal guarantee's clause limiting it to the principal (art. 2295 C. civ.)
 */
public record GuaranteeAmendment(BigDecimal amount, LocalDate endsOn, String documentsRequired, Boolean jointAndSeveral,
                                 Boolean principalOnly) {
}
