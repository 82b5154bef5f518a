package io.recouvra.guarantee;

import java.time.LocalDate;

/**
 * A guarantee given back (mainlevée), as the API receives it. Checked by {@link Guarantees#release}.
 *
 * @param releasedOn the day the creditor gave it back
 * @param reason     why: the debt is paid, the guarantee was replaced, the guarantor was discharged...
 */
public record GuaranteeRelease(LocalDate releasedOn, String reason) {
}
