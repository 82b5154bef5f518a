package io.recouvra.dashboard;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures): the promises, disputes, cash forecast and
 * risk figures over a book of a million open invoices of 10,000 customers, 300,000 payments allocated over the last
 * twelve months, 20,000 promises and 10,000 disputes. Run it alone, it leaves the rows in its throw-away database:
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
    JdbcTemplate jdbc;
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
        System.out.printf("ledger copied in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (String table : List.of("customer", "invoice", "payment", "payment_allocation", "promise_to_pay", "dispute")) {
            jdbc.execute("analyze recouvra." + table);
        }

        for (int run = 1; run <= 3; run++) {
            time(run, "promises and plans, 30 days", () -> promisesAndPlans.promises(today.minusDays(29), today, Set.of()).size()
                    + promisesAndPlans.plans(today.minusDays(29), today, Set.of()).size());
            time(run, "disputes, 30 days", () -> disputes.report(today.minusDays(29), today, today, Set.of()).resolved());
            time(run, "cash forecast, 26 weeks", () -> forecast.on(today, Set.of()).get(0).weeks().size());
            time(run, "risk, first page of 50 exposures", () -> risk.exposures(today, Set.of(), 0, 50).size());
            time(run, "early warnings, 30 days", () -> risk.earlyWarnings(today, Set.of(), 0, 50).size());
        }
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
