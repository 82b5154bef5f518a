package io.recouvra.scoring;

/** Every way a bureau lookup can end. There is no silent default: each outcome says what happened. */
public sealed interface BureauAnswer {

    record Found(BureauReport report) implements BureauAnswer {
    }

    /** The bureau does not know this registration number. */
    record UnknownCompany(String registrationNumber) implements BureauAnswer {
    }

    /** No usable answer now (rate limit, bureau down, timeout, malformed reply): score without it, and say so. */
    record Unavailable(String reason) implements BureauAnswer {
    }
}
