package io.recouvra.interest;

/**
 * What the code relies on of processes/late-payment-rate-request.bpmn: one request per half-year, ever
 * (business key = the half-year's first day, 2027-01-01), started by {@link LatePaymentRateRequests}.
 */
public final class LatePaymentRateRequestContract {

    public static final String PROCESS_KEY = "LatePaymentRateRequest";

    // ---- messages it waits for

    /** The half-year's rates were recorded through the API: the admin's task ends by itself. */
    public static final String MESSAGE_RATES_RECORDED = "HalfYearRatesRecorded";

    // ---- variables in

    public static final String HALF_YEAR_START = "halfYearStart";
    /** For the task's name and form, in the team's language: "1er semestre 2027", "first half of 2027". */
    public static final String HALF_YEAR_NAME = "halfYearName";
    public static final String HALF_YEAR_END = "halfYearEnd";

    private LatePaymentRateRequestContract() {
    }
}
