package io.recouvra.interest;

import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dated table of half-year rates: read for every claim, extended by an admin twice a year. */
@Service
public class LatePaymentRates {

    private static final RowMapper<HalfYearRate> ROW = (rs, n) -> new HalfYearRate(
            rs.getObject("half_year_start", LocalDate.class), rs.getBigDecimal("ecb_rate"),
            rs.getBigDecimal("legal_rate"), rs.getString("source"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("recorded_by"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LatePaymentRates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<HalfYearRate> all() {
        return jdbc.query("select * from recouvra.late_payment_rate order by half_year_start desc", ROW);
    }

    /** The rates by half-year, failing on the first half-year asked for that has none. */
    @Transactional(readOnly = true)
    Function<LocalDate, HalfYearRate> lookup() {
        Map<LocalDate, HalfYearRate> byStart = all().stream()
                .collect(Collectors.toMap(HalfYearRate::start, Function.identity()));
        return start -> {
            HalfYearRate rate = byStart.get(start);
            if (rate == null) {
                throw new MissingLatePaymentRate(start);
            }
            return rate;
        };
    }

    /** Records (or corrects) a half-year's rates; the row keeps who did it and when. */
    @Transactional
    public HalfYearRate record(LocalDate halfYearStart, BigDecimal ecbRate, BigDecimal legalRate, String source,
                               String recordedBy) {
        if (!HalfYearRate.isHalfYearStart(halfYearStart)) {
            throw new InvalidInputException("halfYearStart",
                    "must be 1 January or 1 July (the rate in force on that day applies for six months), not " + halfYearStart);
        }
        jdbc.update("""
                insert into recouvra.late_payment_rate (half_year_start, ecb_rate, legal_rate, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (half_year_start) do update set ecb_rate = excluded.ecb_rate, legal_rate = excluded.legal_rate,
                    source = excluded.source, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""",
                halfYearStart, ecbRate, legalRate, source, Timestamp.from(clock.instant()), recordedBy);
        return jdbc.queryForObject("select * from recouvra.late_payment_rate where half_year_start = ?", ROW, halfYearStart);
    }
}
