package io.recouvra.dashboard;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.OwedSalesByDay;
import io.recouvra.receivables.PaymentDelays;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures): the promises, disputes, cash forecast and
 * risk figures over a book of a million open invoices of 10,000 customers, 300,000 payments allocated over the last
 * twelve months, 20,000 promises, 10,000 disputes, 300,000 invoices recovered over a year and 100,000 calls by 20
 * collectors over 90 days; then the pages as a logged-in manager opens them over HTTP (Recovery and Team included), and
 * the plans of their queries (EXPLAIN ANALYZE). Run it alone, it leaves the rows in its throw-away database:
 *
 * <pre>./mvnw test -Dtest=FiguresBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class FiguresBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int INVOICES = 1_000_000;
    private static final int PAYMENTS = 300_000;

    @Autowired
    PromisesAndPlans promisesAndPlans;
    @Autowired
    DisputeFigures disputes;
    @Autowired
    CashForecast forecast;
    @Autowired
    RiskFigures risk;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentDelays delays;
    @Autowired
    OwedSalesByDay owedSales;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    @Test
    void figuresOfAMillionInvoices() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customers.register(new NewCustomer("Figures Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        UUID invoice = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, today.minusDays(60),
                today.minusDays(30), new BigDecimal("120.00"), "EUR")).getId();
        UUID payment = payments.register(new NewPayment(customer, new BigDecimal("20.00"), "EUR", today, "VIR-BENCH", null)).getId();
        long start = System.nanoTime();
        copy("customer", customer, CUSTOMERS, Map.of("id", "md5('bench-c' || g)::uuid", "registration_number", "'B' || g",
                "legal_name", "'Bench customer ' || g"));
        copy("invoice", invoice, INVOICES, Map.of("id", "md5('bench-i' || g)::uuid", "number", "'FIG-BENCH-' || g",
                "customer_id", "md5('bench-c' || (1 + g % " + CUSTOMERS + "))::uuid", "issue_date", "current_date - (g % 430)",
                "due_date", "current_date - (g % 430) + 30"));
        copy("payment", payment, PAYMENTS, Map.of("id", "md5('bench-p' || g)::uuid", "bank_reference", "'BENCH-' || g",
                "customer_id", "md5('bench-c' || (1 + g % " + CUSTOMERS + "))::uuid", "value_date", "current_date - (g % 360)",
                "amount", "10.00", "unallocated_amount", "0"));
        jdbc.update("""
                insert into recouvra.payment_allocation (id, payment_id, invoice_id, amount)
                select gen_random_uuid(), md5('bench-p' || g)::uuid, md5('bench-i' || g)::uuid, 10.00 from generate_series(1, ?) g""",
                PAYMENTS);
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, promised_date, amount, currency, status, made_at)
                select gen_random_uuid(), md5('bench-c' || (1 + g % ?))::uuid, current_date - (g % 60), 50.00, 'EUR',
                       (array['OPEN', 'KEPT', 'BROKEN'])[1 + g % 3], now() from generate_series(1, 20000) g""", CUSTOMERS);
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, raised_via, raised_at, resolved_at, root_cause, credited)
                select gen_random_uuid(), md5('bench-i' || g)::uuid, md5('bench-c' || (1 + g % ?))::uuid, 'PRICE', 'API',
                       now() - (g % 40) * interval '1 day', case when g % 2 = 0 then now() - (g % 20) * interval '1 day' end,
                       'PRICING_ERROR', case when g % 4 = 0 then 5.00 end from generate_series(1, 10000) g""", CUSTOMERS);
        // how 300,000 settled invoices were recovered, over a year, and 100,000 calls by 20 collectors over 90 days
        jdbc.update("""
                insert into recouvra.invoice_recovery (invoice_id, invoice_number, customer_id, currency, due_date, settled_on, stage,
                                                       recovered, written_off)
                select md5('bench-i' || g)::uuid, 'FIG-BENCH-' || g, md5('bench-c' || (1 + g % ?))::uuid, 'EUR',
                       current_date - (g % 430) + 30, current_date - (g % 360),
                       (array['BEFORE_DUE', 'PRE_DUE_REMINDER', 'REMINDER_1', 'REMINDER_2', 'CALL', 'FORMAL_NOTICE', 'AGENCY',
                              'COURT', 'WRITTEN_OFF'])[1 + g % 9], 120.00, case when g % 9 = 8 then 120.00 else 0 end
                from generate_series(1, 300000) g""", CUSTOMERS);
        jdbc.update("""
                insert into recouvra.collector_call (id, customer_id, status, attempts, outcome, opened_at, closed_at)
                select md5('bench-call' || g)::uuid, md5('bench-c' || g)::uuid, 'CLOSED', 10, 'PROMISE_TO_PAY',
                       now() - interval '90 days', now() from generate_series(1, ?) g""", CUSTOMERS);
        jdbc.update("""
                insert into recouvra.call_attempt (id, call_id, customer_id, collector, outcome, made_at)
                select gen_random_uuid(), md5('bench-call' || (1 + g % ?))::uuid, md5('bench-c' || (1 + g % ?))::uuid,
                       'collector-' || (g % 20), (array['NO_ANSWER', 'PROMISE_TO_PAY', 'DISPUTE', 'ALREADY_PAID'])[1 + g % 4],
                       now() - (g % 90) * interval '1 day' from generate_series(1, 100000) g""", CUSTOMERS, CUSTOMERS);
        System.out.printf("ledger copied in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        // the payments were written without booking them: the night's run works out every customer's delay
        start = System.nanoTime();
        int refreshed = delays.refreshChanged(today);
        System.out.printf("nightly payment delays: %,d customers refreshed in %,d ms%n", refreshed, (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        int folded = owedSales.fold();
        System.out.printf("fold: %,d changes folded in %,d ms%n", folded, (System.nanoTime() - start) / 1_000_000);
        // what autovacuum does on its own after such writes: statistics, and the visibility map index-only scans need
        for (String table : List.of("customer", "invoice", "payment", "payment_allocation", "promise_to_pay", "dispute",
                "customer_payment_delay", "customer_exposure", "invoice_recovery", "call_attempt", "owed_by_expected_day", "owed_by_due_day", "owed_sales_change")) {
            jdbc.execute("vacuum analyze recouvra." + table);
        }
        System.out.printf("read models: %s%n", jdbc.queryForMap("""
                select (select count(*) from recouvra.owed_by_expected_day) as expected_days,
                       (select count(*) from recouvra.owed_by_due_day) as due_and_issue_days,
                       (select count(*) from recouvra.customer_exposure) as exposures,
                       (select count(*) from recouvra.customer_payment_delay) as delays"""));

        for (int run = 1; run <= 3; run++) {
            time(run, "promises and plans, 30 days", () -> promisesAndPlans.promises(today.minusDays(29), today, Set.of()).size()
                    + promisesAndPlans.plans(today.minusDays(29), today, Set.of()).size());
            time(run, "disputes, 30 days", () -> disputes.report(today.minusDays(29), today, today, Set.of()).resolved());
            time(run, "cash forecast, 26 weeks", () -> forecast.on(today, Set.of()).get(0).weeks().size());
            time(run, "risk, first page of 50 exposures", () -> risk.exposures(today, Set.of(), 0, 50).size());
            time(run, "early warnings, 30 days", () -> risk.earlyWarnings(today, Set.of(), 0, 50).size());
        }

        String manager = DashboardSession.newUser(identity, "bench", RecouvraGroups.MANAGERS);
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);
        String week = CashForecast.mondayOf(today).toString();
        for (int run = 1; run <= 3; run++) {
            page(run, browser, "/dashboard/forecast");
            page(run, browser, "/dashboard/forecast/invoices?week=" + week);
            page(run, browser, "/dashboard/risk");
            page(run, browser, "/dashboard/risk?page=100");
            page(run, browser, "/dashboard/promises");
            page(run, browser, "/dashboard/disputes");
            page(run, browser, "/dashboard/portfolio");
            page(run, browser, "/dashboard/recovery");
            page(run, browser, "/dashboard/recovery?from=" + today.minusDays(364) + "&to=" + today);
            page(run, browser, "/dashboard/team");
        }

        // the plans of the pages' queries over these rows (the same statements as receivables' read APIs)
        explain("forecast of the whole book: sums by expected day", """
                select currency, expected_on, sum(owed) from (
                    select currency, expected_on, owed from recouvra.owed_by_expected_day
                    union all select currency, expected_on, owed from recouvra.owed_sales_change
                    union all select i.currency, i.expected_on, -i.outstanding from recouvra.invoice i
                    where i.number = any (array['FIG-BENCH-1', 'FIG-BENCH-2']) and i.kind = 'INVOICE' and i.outstanding > 0
                    and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')) owed
                group by 1, 2 having sum(owed) <> 0 order by 1, 2""");
        explain("forecast drill-down: a week's invoices", """
                select i.number, i.customer_id, c.legal_name, i.currency, i.due_date, i.expected_on, i.outstanding
                from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id
                where i.expected_on between '%s' and '%s' and not (i.number = any (array['FIG-BENCH-1']))
                and i.kind = 'INVOICE' and i.outstanding > 0 and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
                order by i.expected_on, i.number limit 51 offset 0""".formatted(week, CashForecast.mondayOf(today).plusDays(6)));
        explain("aged balance of the whole book: sums by due and issue date", """
                select currency, due_date, sum(owed) from (
                    select currency, due_date, issue_date, owed from recouvra.owed_by_due_day
                    union all select currency, due_date, issue_date, owed from recouvra.owed_sales_change) owed
                where issue_date <= current_date group by currency, due_date having sum(owed) <> 0 order by currency, due_date""");
        explain("risk: the largest exposures", """
                select e.customer_id, c.legal_name, e.currency, e.owed, c.credit_limit
                from recouvra.customer_exposure e join recouvra.customer c on c.id = e.customer_id
                where e.owed > 0 order by e.owed desc, c.legal_name, c.id, e.currency limit 50 offset 0""");
        List<UUID> fifty = jdbc.queryForList("select customer_id from recouvra.customer_exposure order by owed desc limit 50", UUID.class);
        explain("risk: what the page's 50 customers have overdue", """
                select customer_id, currency, sum(outstanding) from recouvra.invoice
                where customer_id = any ('%s'::uuid[]) and due_date < current_date and outstanding > 0
                and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') group by customer_id, currency"""
                .formatted("{" + fifty.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}"));
    }

    private void explain(String what, String sql) {
        System.out.printf("EXPLAIN ANALYZE, %s:%n", what);
        jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).forEach(line -> System.out.println("    " + line));
    }

    private static void page(int run, DashboardSession browser, String path) {
        long start = System.nanoTime();
        HttpResponse<String> response = browser.get(path);
        System.out.printf("page %s, run %d: %,d ms (HTTP %d, %,d characters)%n", path, run, (System.nanoTime() - start) / 1_000_000,
                response.statusCode(), response.body().length());
    }

    private static void time(int run, String figure, Supplier<Object> query) {
        long start = System.nanoTime();
        Object answer = query.get();
        System.out.printf("%s, run %d: %,d ms (%s)%n", figure, run, (System.nanoTime() - start) / 1_000_000, answer);
    }

    /** Copies of a model row, with some columns computed from the series number {@code g}, in one statement. */
    private void copy(String table, UUID model, int copies, Map<String, String> computed) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'recouvra' and table_name = ? and is_generated = 'NEVER' and identity_generation is null
                order by ordinal_position""", String.class, table);
        String values = columns.stream().map(column -> computed.getOrDefault(column, column)).collect(Collectors.joining(", "));
        jdbc.update("insert into recouvra." + table + " (" + String.join(", ", columns) + ") select " + values
                + " from recouvra." + table + ", generate_series(1, ?) g where id = ?", copies, model);
    }
}
