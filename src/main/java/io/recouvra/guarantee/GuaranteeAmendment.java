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
 */
public record GuaranteeAmendment(BigDecimal amount, LocalDate endsOn, String documentsRequired) {
}
