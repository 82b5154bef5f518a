package io.recouvra.dashboard;

import io.recouvra.receivables.LedgerReports;
import io.recouvra.receivables.LedgerReports.OwedBySegment;
import io.recouvra.receivables.LedgerReports.SalesBySegment;
import io.recouvra.receivables.LedgerReports.Segment;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed months' aged balances, kept for the Portfolio page's trend and the monthly DSO, CEI and ADD (table
 * {@code receivables_month}, V35). A month is taken once, after it has ended: its aged balance on its last day, with
 * what the invoices owed when it was taken, and its sales, per currency and segment (customer type, risk class and
 * strategy: V42). Taking a month already taken changes nothing.
 */
@Component
public class MonthlySnapshots {

    /** One currency and segment of a closed month: its aged balance and its sales. */
    public record Line(YearMonth month, String currency, Segment segment, Map<AgeingBucket, BigDecimal> byBucket,
                       BigDecimal sales) {

        public BigDecimal outstanding() {
            return byBucket.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal current() {
            return byBucket.get(AgeingBucket.NOT_DUE);
        }
    }

    private final LedgerReports ledger;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MonthlySnapshots(LedgerReports ledger, JdbcTemplate jdbc, Clock clock) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes {@code month} unless it is taken already.
     *
     * @return whether this call took it
     * @throws IllegalArgumentException when the month has not ended yet
     */
    @Transactional
    public boolean take(YearMonth month, String takenBy) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new IllegalArgumentException("month " + month + " has not ended yet");
        }
        if (isTaken(month)) {
            return false;
        }
        LocalDate asOf = month.atEndOfMonth();
        try {
            jdbc.update("insert into recouvra.receivables_month (month, as_of, taken_at, taken_by) values (?, ?, ?, ?)",
                    month.toString(), asOf, Timestamp.from(clock.instant()), takenBy);
        } catch (DuplicateKeyException takenMeanwhile) {
            return false;
        }
        Map<List<Object>, Line> lines = new LinkedHashMap<>();
        for (OwedBySegment owed : ledger.owedBySegment(asOf)) {
            AgeingBucket bucket = AgeingBucket.ofDaysOverdue(ChronoUnit.DAYS.between(owed.dueDate(), asOf));
            line(lines, month, owed.currency(), owed.segment()).byBucket().merge(bucket, owed.outstanding(), BigDecimal::add);
        }
        for (SalesBySegment sales : ledger.salesBySegment(month.atDay(1), asOf)) {
            Line line = line(lines, month, sales.currency(), sales.segment());
            lines.put(key(sales.currency(), sales.segment()), new Line(month, line.currency(), line.segment(), line.byBucket(),
                    sales.sales()));
        }
        jdbc.batchUpdate("""
                insert into recouvra.receivables_month_line (month, currency, customer_type, risk_class, strategy, not_due,
                    days_1_30, days_31_60, days_61_90, days_91_180, over_180, sales) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                List.copyOf(lines.values()), 500, (ps, line) -> {
                    ps.setString(1, month.toString());
                    ps.setString(2, line.currency());
                    ps.setString(3, line.segment().customerType());
                    ps.setString(4, line.segment().riskClass());
                    ps.setString(5, line.segment().strategy());
                    int column = 6;
                    for (AgeingBucket bucket : AgeingBucket.values()) {
                        ps.setBigDecimal(column++, line.byBucket().get(bucket));
                    }
                    ps.setBigDecimal(12, line.sales());
                });
        return true;
    }

    public boolean isTaken(YearMonth month) {
        Integer taken = jdbc.queryForObject("select count(*) from recouvra.receivables_month where month = ?", Integer.class,
                month.toString());
        return taken != null && taken > 0;
    }

    /** The lines of the months taken from {@code first} to {@code last}, oldest month first. */
    public List<Line> lines(YearMonth first, YearMonth last) {
        return jdbc.query("""
                select month, currency, customer_type, risk_class, strategy, not_due, days_1_30, days_31_60, days_61_90,
                       days_91_180, over_180, sales
                from recouvra.receivables_month_line where month between ? and ?
                order by month, currency, customer_type, risk_class, strategy""",
                (rs, n) -> {
                    Map<AgeingBucket, BigDecimal> buckets = new EnumMap<>(AgeingBucket.class);
                    int column = 6;
                    for (AgeingBucket bucket : AgeingBucket.values()) {
                        buckets.put(bucket, rs.getBigDecimal(column++));
                    }
                    return new Line(YearMonth.parse(rs.getString(1)), rs.getString(2),
                            new Segment(rs.getString(3), rs.getString(4), rs.getString(5)), buckets, rs.getBigDecimal(12));
                }, first.toString(), last.toString());
    }

    /** The months taken from {@code first} to {@code last}, oldest first (a month with nothing owed and no sales has no line). */
    public List<YearMonth> taken(YearMonth first, YearMonth last) {
        return jdbc.queryForList("select month from recouvra.receivables_month where month between ? and ? order by month",
                String.class, first.toString(), last.toString()).stream().map(YearMonth::parse).toList();
    }

    private static Line line(Map<List<Object>, Line> lines, YearMonth month, String currency, Segment segment) {
        return lines.computeIfAbsent(key(currency, segment), key -> {
            Map<AgeingBucket, BigDecimal> buckets = new EnumMap<>(AgeingBucket.class);
            for (AgeingBucket bucket : AgeingBucket.values()) {
                buckets.put(bucket, BigDecimal.ZERO);
            }
            return new Line(month, currency, segment, buckets, BigDecimal.ZERO);
        });
    }

    private static List<Object> key(String currency, Segment segment) {
        return List.of(currency, segment);
    }
}
