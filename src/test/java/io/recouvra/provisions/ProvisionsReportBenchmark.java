package io.recouvra.provisions;

import io.recouvra.support.RecouvraTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it asserts nothing and prints figures): the
 * provisions report on a book of 100,000 open invoices of 2,000 customers, aged over three years, some
 * disputed, with an agency or in court.
 *
 * <pre>./mvnw test -Dtest=ProvisionsReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class ProvisionsReportBenchmark {

    private static final int CUSTOMERS = 2_000;
    private static final int INVOICES = 100_000;

    @Autowired
    Provisions provisions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Portfolio portfolio;
    @Autowired
    ProvisionRates rates;
    @Autowired
    Clock clock;

    @Test
    void aMonthOfAHundredThousandInvoices() {
        LocalDate today = LocalDate.now(clock);
        // set-based too: the benchmark measures the report, not the ledger's write path
        jdbc.update("""
                insert into recouvra.customer (id, legal_name, registration_number, country, language, time_zone, created_at)
                select gen_random_uuid(), 'Bench customer ' || n, 'BENCH' || n, 'FR', 'fr', 'Europe/Paris', now()
                from generate_series(1, ?) n""", CUSTOMERS);
        jdbc.update("""
                with bench as (select id, row_number() over (order by id) as k from recouvra.customer where registration_number like 'BENCH%')
                insert into recouvra.invoice (id, number, customer_id, issue_date, due_date, amount, amount_excl_vat, vat, currency,
                                              outstanding, status, created_at)
                select gen_random_uuid(), 'BENCH-PROV-' || n, bench.id, ?::date - (n % 1100) - 30, ?::date - (n % 1100),
                       120 + n % 5000, 100 + n % 5000, 20, 'EUR', 120 + n % 5000,
                       case when n % 50 = 0 then 'DISPUTED' when n % 70 = 0 then 'WITH_AGENCY' when n % 90 = 0 then 'IN_COURT'
                            else 'OPEN' end, now()
                from generate_series(1, ?) n join bench on bench.k = 1 + n % ?""", today, today, INVOICES, CUSTOMERS);
        jdbc.execute("analyze recouvra.invoice");

        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            int[] lines = new int[1];
            int[] totals = new int[1];
            provisions.write(YearMonth.now(clock).minusMonths(1), Set.of(), new ProvisionSheet() {
                @Override
                public void heading(ProvisionReport.Heading heading) {
                }

                @Override
                public void line(ProvisionLine line) {
                    lines[0]++;
                }

                @Override
                public void totals(List<ProvisionReport.Total> all, List<ProvisionReport.CurrencyTotal> currencies) {
                    totals[0] = all.size();
                }
            });
            System.out.printf("provisions report, run %d: %d lines, %d totals in %d ms%n", run, lines[0], totals[0],
                    (System.nanoTime() - start) / 1_000_000);
        }
        long start = System.nanoTime();
        List<Portfolio.Receivable> book = new ArrayList<>();
        portfolio.on(today, Set.of(), book::add);
        System.out.printf("of which reading the book (%d invoices): %d ms%n", book.size(), (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        RateTable rated = rates.latest();
        List<ProvisionLine> lines = book.stream().map(invoice -> ProvisionLine.of(invoice, 10,
                rated.rate(invoice.situation(), 10), BigDecimal.ZERO)).toList();
        System.out.printf("of which the lines' arithmetic: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        ProvisionTotals sums = new ProvisionTotals(PreviousProvisions.NONE);
        lines.forEach(sums::add);
        sums.totals();
        sums.currencies();
        System.out.printf("of which the totals: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        RateTable table = rates.latest();
        for (Situation situation : Situation.values()) {
            for (int days = 0; days <= 1100; days++) {
                table.rate(situation, days);
            }
        }
        System.out.printf("of which the rates of %d distinct situations and ages: %d ms%n", Situation.values().length * 1101,
                (System.nanoTime() - start) / 1_000_000);
    }
}
