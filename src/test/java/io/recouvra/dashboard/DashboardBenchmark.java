package io.recouvra.dashboard;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.LedgerReports;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures, never asserts a time): the Portfolio page and
 * its drill-downs over a book of a million open invoices, as a logged-in manager opens them (by page number and by the
 * "next" cursor), the monthly snapshot, the headline gauges' refresh and a scrape of /actuator/prometheus; then the
 * plans of the drill-down's and the refresh's statements, and the load average. Run it alone, it leaves the million
 * rows in its throw-away database:
 *
 * <pre>./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
// Spring Boot tests switch the metrics export off, /actuator/prometheus with it: back on, to time a scrape
@AutoConfigureObservability(tracing = false)
class DashboardBenchmark {

    private static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"");

    private static final int INVOICES = 1_000_000;

    @LocalServerPort
    int port;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    MonthlySnapshots snapshots;
    @Autowired
    LedgerReports ledger;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ReceivablesGauges gauges;
    @Autowired
    HeadlineFigures headline;
    @Autowired
    Api api;

    @Test
    void portfolioPagesOverAMillionInvoices() throws IOException {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customers.register(new NewCustomer("Dashboard Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        UUID model = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, today.minusDays(30), today,
                new BigDecimal("120.00"), "EUR")).getId();
        long start = System.nanoTime();
        AgeingBenchmark.copies(jdbc, model, INVOICES, "DASH-BENCH-");
        System.out.printf("%,d invoices copied in %,d ms%n", INVOICES, (System.nanoTime() - start) / 1_000_000);
        // what autovacuum does on its own after such an insert: statistics, and the visibility map index-only scans need
        jdbc.execute("vacuum analyze recouvra.invoice");

        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        for (int month = 12; month >= 1; month--) {
            YearMonth taken = YearMonth.now(clock).minusMonths(month);
            start = System.nanoTime();
            snapshots.take(taken, "benchmark");
            if (taken.equals(lastMonth) || month == 12) {
                System.out.printf("snapshot of %s taken in %,d ms%n", taken, (System.nanoTime() - start) / 1_000_000);
            }
        }

        String manager = DashboardSession.newUser(identity, "bench", RecouvraGroups.MANAGERS);
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String overdue = "/dashboard/portfolio/invoices?currency=EUR&bucket=overdue";
        for (int run = 1; run <= 3; run++) {
            time("Portfolio page", run, browser, "/dashboard/portfolio");
            time("drill-down 91-180, first page", run, browser, "/dashboard/portfolio/invoices?currency=EUR&bucket=91_180");
            // page=1000 (from 0): the offset of 50,000 the pre-V43 run measured
            String deep = time("drill-down overdue, page=1000 by number (offset 50,000)", run, browser, overdue + "&page=1000");
            time("drill-down overdue, page=1001 by its next link (cursor)", run, browser, nextOf(deep));
            time("closed months CSV", run, browser, "/dashboard/portfolio/months.csv");
        }
        // a manager reading on: the first page, then 200 clicks on "Suivantes"
        String path = overdue;
        long walk = System.nanoTime();
        for (int page = 1; page <= 200; page++) {
            path = nextOf(browser.get(path).body());
        }
        long walked = (System.nanoTime() - walk) / 1_000_000;
        System.out.printf("drill-down overdue, pages 1 to 200 by the next link: %,d ms in all, %,d ms a page%n", walked, walked / 200);
        time("drill-down overdue, page 201 after that walk", 1, browser, path);

        // the headline gauges: the refresh (every minute on each node) and a scrape, which reads the last snapshot
        String scraper = DashboardSession.newUser(identity, "scraper", RecouvraGroups.MANAGERS);
        for (int run = 1; run <= 3; run++) {
            start = System.nanoTime();
            gauges.refresh();
            System.out.printf("gauges' refresh, run %d: %,d ms%n", run, (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            ResponseEntity<String> scrape = api.as(scraper, "secret-" + scraper).getForEntity("/actuator/prometheus", String.class);
            String body = scrape.getBody() == null ? "" : scrape.getBody();
            System.out.printf("scrape of /actuator/prometheus, run %d: %,d ms (HTTP %d, %,d characters, %s)%n", run,
                    (System.nanoTime() - start) / 1_000_000, scrape.getStatusCode().value(), body.length(),
                    body.lines().filter(line -> line.startsWith("recouvra_receivables_outstanding{")).findFirst().orElse("no gauge"));
        }
        for (int run = 1; run <= 2; run++) {
            figure("aged balance", run, () -> headline.now().aged().size());
            figure("frozen by insolvency", run, () -> ledger.frozenByInsolvency(today).size());
        }

        // the plans of what a drill-down and the refresh run, over these rows
        String cursor = thousandthCursor();
        explain("drill-down overdue, page=1000 by number (offset 50,000)", """
                select i.id, i.number, c.legal_name from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where %s and i.currency = 'EUR' and i.issue_date <= current_date and i.due_date <= current_date - 1
                order by i.due_date, i.number limit 51 offset 50000""".formatted(OWED));
        explain("drill-down overdue, the page after the 50,000th invoice by cursor", """
                select i.id, i.number, c.legal_name from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where %s and i.currency = 'EUR' and i.issue_date <= current_date and i.due_date <= current_date - 1
                and (i.due_date, i.number) > (%s) order by i.due_date, i.number limit 51""".formatted(OWED, cursor));
        explain("drill-down overdue, the count capped at 10,001", """
                select count(*) from (select 1 from recouvra.invoice i
                where %s and i.currency = 'EUR' and i.issue_date <= current_date and i.due_date <= current_date - 1
                order by i.due_date, i.number limit 10001) capped""".formatted(OWED));
        explain("gauges and Portfolio page: what is frozen by insolvency proceedings, no customer in proceedings", FROZEN);

        // one customer in insolvency proceedings since yesterday, with 1,000 invoices issued before: what the Portfolio
        // page and the refresh then read (no customer in proceedings, the hash join above stops before reading invoices)
        UUID insolvent = customers.register(new NewCustomer("Dashboard Benchmark en redressement SA", TestData.siren(), null,
                null, null, null, null, null, List.of())).getId();
        UUID frozenModel = invoices.register(new NewInvoice(TestData.invoiceNumber(), insolvent, null, today.minusDays(60),
                today.minusDays(30), new BigDecimal("120.00"), "EUR")).getId();
        AgeingBenchmark.copies(jdbc, frozenModel, 999, "DASH-FROZEN-");
        jdbc.update("update recouvra.customer set insolvency_reported_on = ? where id = ?", today.minusDays(1), insolvent);
        jdbc.execute("vacuum analyze recouvra.customer");
        jdbc.execute("vacuum analyze recouvra.invoice");
        for (int run = 1; run <= 3; run++) {
            figure("frozen by insolvency, one customer in proceedings", run, () -> ledger.frozenByInsolvency(today));
            start = System.nanoTime();
            gauges.refresh();
            System.out.printf("gauges' refresh, one customer in proceedings, run %d: %,d ms%n", run, (System.nanoTime() - start) / 1_000_000);
            time("Portfolio page, one customer in proceedings", run, browser, "/dashboard/portfolio");
        }
        explain("gauges and Portfolio page: what is frozen by insolvency proceedings, one customer in proceedings", FROZEN);
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static final String OWED = "i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') and i.kind = 'INVOICE' and i.outstanding > 0";
    /** {@code LedgerReports.frozenByInsolvency}'s statement. */
    private static final String FROZEN = """
            select i.currency, count(*), sum(i.outstanding)
            from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
            where %s and c.insolvency_reported_on is not null
            and coalesce(i.delivered_on, i.issue_date) < c.insolvency_reported_on and i.issue_date <= current_date
            group by i.currency order by i.currency""".formatted(OWED);

    /** The due date and number of the 50,000th overdue invoice, as a row to compare the cursor's with. */
    private String thousandthCursor() {
        Map<String, Object> last = jdbc.queryForMap("""
                select i.due_date, i.number from recouvra.invoice i
                where %s and i.currency = 'EUR' and i.issue_date <= current_date and i.due_date <= current_date - 1
                order by i.due_date, i.number limit 1 offset 49999""".formatted(OWED));
        return "date '" + last.get("due_date") + "', '" + last.get("number") + "'::varchar";
    }

    private void explain(String what, String sql) {
        System.out.printf("EXPLAIN ANALYZE, %s:%n", what);
        jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).forEach(line -> System.out.println("    " + line));
    }

    private static void figure(String what, int run, Supplier<Object> figure) {
        long start = System.nanoTime();
        Object answer = figure.get();
        System.out.printf("%s, run %d: %,d ms (%s)%n", what, run, (System.nanoTime() - start) / 1_000_000, answer);
    }

    /** The drill-down page's "Suivantes" link, as the browser follows it. */
    private static String nextOf(String page) {
        Matcher next = NEXT.matcher(page);
        if (!next.find()) {
            throw new IllegalStateException("no next link on the page");
        }
        return next.group(1).replace("&amp;", "&");
    }

    private static String time(String what, int run, DashboardSession browser, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = browser.get(path);
        System.out.printf("%s, run %d: %,d ms (HTTP %d, %,d characters)%n", what, run, (System.nanoTime() - start) / 1_000_000,
                response.statusCode(), response.body().length());
        return response.body();
    }
}
