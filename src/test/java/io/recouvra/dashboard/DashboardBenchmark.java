package io.recouvra.dashboard;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.LedgerReports;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures): the Portfolio page and its drill-down over
 * a book of a million open invoices, as a logged-in manager opens them, and the monthly snapshot. Run it alone, it
 * leaves the million rows in its throw-away database:
 *
 * <pre>./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class DashboardBenchmark {

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

    @Test
    void portfolioPagesOverAMillionInvoices() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customers.register(new NewCustomer("Dashboard Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        UUID model = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, today.minusDays(30), today,
                new BigDecimal("120.00"), "EUR")).getId();
        long start = System.nanoTime();
        copies(model);
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

        String manager = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(manager);
        user.setPassword("secret-" + manager);
        identity.saveUser(user);
        identity.createMembership(manager, RecouvraGroups.MANAGERS);
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        for (int run = 1; run <= 3; run++) {
            time("Portfolio page", run, browser, "/dashboard/portfolio");
            time("drill-down 91-180, first page", run, browser, "/dashboard/portfolio/invoices?currency=EUR&bucket=91_180");
            time("drill-down overdue, page 1000", run, browser, "/dashboard/portfolio/invoices?currency=EUR&bucket=overdue&page=1000");
            time("closed months CSV", run, browser, "/dashboard/portfolio/months.csv");
        }
    }

    private static void time(String what, int run, DashboardSession browser, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = browser.get(path);
        System.out.printf("%s, run %d: %,d ms (HTTP %d, %,d characters)%n", what, run, (System.nanoTime() - start) / 1_000_000,
                response.statusCode(), response.body().length());
    }

    /** A million copies of the model invoice, issued over the last 430 days and due 30 days later, in one statement. */
    private void copies(UUID model) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'recouvra' and table_name = 'invoice' order by ordinal_position""", String.class);
        String values = columns.stream().map(column -> switch (column) {
            case "id" -> "gen_random_uuid()";
            case "number" -> "'DASH-BENCH-' || g";
            case "issue_date" -> "current_date - (g % 430)";
            case "due_date" -> "current_date - (g % 430) + 30";
            default -> column;
        }).collect(Collectors.joining(", "));
        jdbc.update("insert into recouvra.invoice (" + String.join(", ", columns) + ") select " + values
                + " from recouvra.invoice, generate_series(1, ?) g where id = ?", INVOICES, model);
    }
}
