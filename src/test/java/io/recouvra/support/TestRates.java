package io.recouvra.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Late-payment rates for the half-years a test crosses that the migrations do not carry yet. Not the
 * published rates (ECB 2.15 %, legal rate 2.62 %): only what interest to the day needs. Each test class
 * adds them under its own name and removes its own rows when it is done.
 */
public final class TestRates {

    private TestRates() {
    }

    public static void add(JdbcTemplate jdbc, String owner, String... halfYearStarts) {
        for (String halfYear : halfYearStarts) {
            jdbc.update("""
                    insert into recouvra.late_payment_rate (half_year_start, ecb_rate, legal_rate, source, recorded_at, recorded_by)
                    values (cast(? as date), 2.15, 2.62, 'test', now(), ?) on conflict do nothing""", halfYear, owner);
        }
    }

    public static void remove(JdbcTemplate jdbc, String owner) {
        jdbc.update("delete from recouvra.late_payment_rate where recorded_by = ?", owner);
    }
}
