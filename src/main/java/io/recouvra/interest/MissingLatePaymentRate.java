package io.recouvra.interest;

import io.recouvra.web.ConflictException;
import java.time.LocalDate;

/** Interest cannot be computed over a half-year whose rates nobody has recorded yet. */
public class MissingLatePaymentRate extends ConflictException {

    MissingLatePaymentRate(LocalDate halfYearStart) {
        super("halfYearStart", "no late-payment rates recorded for the half-year starting " + halfYearStart
                + ": an admin adds them with PUT /api/v1/late-payment-rates/" + halfYearStart);
    }
}
