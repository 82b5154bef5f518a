package io.recouvra.receivables;

import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.RowCopies;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it prints figures, never asserts them): the API's invoice and
 * customer lists over a ledger of a million invoices of 10,000 customers, registered over 430 days (the table in
 * due-date order, as registration makes it: the old ones paid, some in court, the recent ones open), over HTTP as an
 * API client calls them: the first page, a page by {@code after} deep in the ledger, the old page number as deep,
 * and each filter; then the plans of the statements (EXPLAIN ANALYZE). Run it alone, it leaves the rows in its
 * throw-away database:
 *
 * <pre>./mvnw test -Dtest=InvoiceListBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class InvoiceListBenchmark {

    private static final int CUSTOMERS = 10_000;
    private static final int INVOICES = 1_000_000;

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsOfAMillionInvoices() throws Exception {
        LocalDate today = LocalDate.now();
        UUID customer = customers.register(new NewCustomer("List Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        String model = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, today.minusDays(60),
                today.minusDays(30), new BigDecimal("120.00"), "EUR")).getNumber();
        long start = System.nanoTime();
        copy("customer", "id = ?", customer, CUSTOMERS, Map.of("id", "md5('list-c' || g)::uuid", "registration_number",
                "'L' || g", "legal_name", "'List customer ' || g"));
        // g in registration order: due dates from 400 days ago to 30 days ahead
        String due = "current_date - 400 + (g::bigint * 430 / " + INVOICES + ")::int";
        copy("invoice", "number = ?", model, INVOICES, Map.of("id", "md5('list-i' || g)::uuid", "number", "'LIST-' || g",
                "customer_id", "md5('list-c' || (1 + g % " + CUSTOMERS + "))::uuid",
                "issue_date", "(" + due + ") - 30", "due_date", due,
                "status", "case when g % 97 = 0 then 'IN_COURT' when (" + due + ") < current_date - 60 then 'PAID' "
                        + "when g % 7 = 0 then 'PARTIALLY_PAID' else 'OPEN' end",
                "outstanding", "case when g % 97 <> 0 and (" + due + ") < current_date - 60 then 0 else outstanding end"));
        System.out.printf("ledger copied in %,d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (String table : List.of("customer", "invoice")) {
            jdbc.execute("vacuum analyze recouvra." + table);
        }
        System.out.printf("invoices by status: %s%n", jdbc.queryForList(
                "select status, count(*) from recouvra.invoice group by status order by status"));

        UUID someCustomer = jdbc.queryForObject("select id from recouvra.customer where registration_number = 'L4242'", UUID.class);
        Map<String, Object> deep = jdbc.queryForMap("select due_date, number from recouvra.invoice where number = 'LIST-900000'");
        String deepAfter = ListCursor.of(new ListCursor.InvoiceKey(((java.sql.Date) deep.get("due_date")).toLocalDate(),
                (String) deep.get("number")));
        String deepOpen = ListCursor.of(new ListCursor.InvoiceKey(today.minusDays(10), "LIST-950000"));
        String deepCustomer = ListCursor.of(new ListCursor.CustomerKey("List customer 9000", UUID.randomUUID()));
        System.out.printf("load average before: %s", Files.readString(Path.of("/proc/loadavg")));
        for (int run = 1; run <= 3; run++) {
            time(run, "/api/v1/invoices");
            time(run, "/api/v1/invoices?after=" + deepAfter);
            time(run, "/api/v1/invoices?page=18000");
            time(run, "/api/v1/invoices?status=OPEN");
            time(run, "/api/v1/invoices?status=OPEN&after=" + deepOpen);
            time(run, "/api/v1/invoices?status=IN_COURT");
            time(run, "/api/v1/invoices?status=PAID");
            time(run, "/api/v1/invoices?customerId=" + someCustomer);
            time(run, "/api/v1/invoices?customerId=" + someCustomer + "&status=PAID");
            time(run, "/api/v1/customers");
            time(run, "/api/v1/customers?after=" + deepCustomer);
            time(run, "/api/v1/customers?name=customer 424");
        }
        System.out.printf("load average after: %s", Files.readString(Path.of("/proc/loadavg")));

        explain("page 1 by status OPEN", InvoiceList.pageStatement(InvoiceStatus.OPEN, null, null, 0, 51));
        explain("page 1, no filter", InvoiceList.pageStatement(null, null, null, 0, 51));
        explain("page deep by after, status OPEN", InvoiceList.pageStatement(InvoiceStatus.OPEN, null,
                ListCursor.invoiceKey(deepOpen), 0, 51));
        explain("count by status OPEN", InvoiceList.countStatement(InvoiceStatus.OPEN, null));
        explain("count by status PAID", InvoiceList.countStatement(InvoiceStatus.PAID, null));
        explain("count, no filter", InvoiceList.countStatement(null, null));
        explain("page deep by after, no filter", InvoiceList.pageStatement(null, null,
                ListCursor.invoiceKey(deepAfter), 0, 51));
        explain("page by customer and status", InvoiceList.pageStatement(InvoiceStatus.PAID, someCustomer, null, 0, 51));
    }

    private void time(int run, String path) {
        long start = System.nanoTime();
        ResponseEntity<String> response = api.asAdmin().getForEntity(path, String.class);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String body = response.getBody() == null ? "" : response.getBody();
        int total = body.indexOf("\"totalElements\"");
        System.out.printf("GET %s, run %d: %,d ms (HTTP %d, %s)%n", path.length() > 80 ? path.substring(0, 80) + "…" : path,
                run, ms, response.getStatusCode().value(), total < 0 ? "" : body.substring(total, Math.min(body.length(),
                        body.indexOf("\"hasNext\"", total) < 0 ? total + 60 : body.indexOf("\"hasNext\"", total) + 16)));
    }

    private void explain(String what, InvoiceList.Statement statement) {
        System.out.printf("EXPLAIN ANALYZE, %s:%n", what);
        jdbc.queryForList("explain (analyze, buffers) " + statement.sql(), String.class, statement.args())
                .forEach(line -> System.out.println("    " + line));
    }

    private void copy(String table, String where, Object model, int copies, Map<String, String> computed) {
        RowCopies.copy(jdbc, "recouvra", table, where, model, copies, computed);
    }
}
