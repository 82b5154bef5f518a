package io.recouvra.dashboard;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures): the aged balance of a book of a million
 * open invoices, the query a gauge refresh runs. Run it alone, it leaves the million rows in its throw-away database:
 *
 * <pre>./mvnw test -Dtest=AgeingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class AgeingBenchmark {

    private static final int INVOICES = 1_000_000;

    @Autowired
    Ageing ageing;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void ageAMillionInvoices() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customers.register(new NewCustomer("Ageing Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        UUID model = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, today.minusDays(30), today,
                new BigDecimal("120.00"), "EUR")).getId();
        long start = System.nanoTime();
        copies(model);
        System.out.printf("%,d invoices copied in %,d ms%n", INVOICES, (System.nanoTime() - start) / 1_000_000);
        jdbc.execute("analyze recouvra.invoice");

        for (int run = 1; run <= 3; run++) {
            start = System.nanoTime();
            List<Ageing.AgedBalance> balances = ageing.on(today);
            System.out.printf("aged balance of the book, run %d: %,d ms (%s outstanding %s)%n", run,
                    (System.nanoTime() - start) / 1_000_000, balances.get(0).currency(), balances.get(0).outstanding());
        }
    }

    /** A million copies of the model invoice, due over the last 400 days and the next 30, in one statement. */
    private void copies(UUID model) {
        copies(jdbc, model, INVOICES, "AGE-BENCH-");
    }

    /** {@code count} copies of the model invoice, issued over the last 430 days and due 30 days later, in one statement. */
    static void copies(JdbcTemplate jdbc, UUID model, int count, String numberPrefix) {
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'recouvra' and table_name = 'invoice' order by ordinal_position""", String.class);
        String values = columns.stream().map(column -> switch (column) {
            case "id" -> "gen_random_uuid()";
            case "number" -> "'" + numberPrefix + "' || g";
            case "issue_date" -> "current_date - (g % 430)";
            case "due_date" -> "current_date - (g % 430) + 30";
            default -> column;
        }).collect(Collectors.joining(", "));
        jdbc.update("insert into recouvra.invoice (" + String.join(", ", columns) + ") select " + values
                + " from recouvra.invoice, generate_series(1, ?) g where id = ?", count, model);
    }
}
