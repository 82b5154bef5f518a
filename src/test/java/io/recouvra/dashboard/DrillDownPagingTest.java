package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Portfolio drill-down walked as a manager clicks "Suivantes" (issue 17): each page reads on from the cursor of
 * the one before, so every invoice of the bucket is seen once, in the drill-down's order (due date, then number);
 * a page asked for by number is the same page; the count stops above 10,000. In currencies no other test uses, so
 * that no test's sums see these invoices.
 */
@RecouvraTest
class DrillDownPagingTest {

    private static final Pattern INVOICE = Pattern.compile("data-invoice=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern PAGE = Pattern.compile("<span data-page>([^<]+)</span>");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    LocalDate today;
    DashboardSession browser;

    @BeforeEach
    void logIn() {
        today = LocalDate.now(clock);
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);
        browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);
    }

    @Test
    void walkingTheOverdueDrillDownWithItsNextLinkShowsEachInvoiceOnceAndInOrder() {
        // 251 overdue invoices on seven due dates (most pages end among invoices due the same day), one in six paid
        // (out of the drill-down), and 20 not due yet (another bucket): 1 + 300 − 50 = 251 overdue, 6 pages of 50
        String model = modelInvoice("KES");
        copies(model, "-", 300, "KES", "case when g % 6 = 0 then 'PAID' else 'OPEN' end",
                "case when g % 6 = 0 then 0 else outstanding end", "?::date - 1 - (g % 7)");
        copies(model, "-later-", 20, "KES", "'OPEN'", "outstanding", "?::date + 10");
        List<String> expected = jdbc.queryForList("""
                select number from recouvra.invoice
                where currency = 'KES' and status <> 'PAID' and due_date < ? order by due_date, number""", String.class, today);
        assertThat(expected).hasSize(251);

        List<String> seen = new ArrayList<>();
        List<String> pageLabels = new ArrayList<>();
        String path = "/dashboard/portfolio/invoices?currency=KES&bucket=overdue";
        String fourthByCursor = null;
        while (path != null && pageLabels.size() < 10) {
            String page = ok(path);
            assertThat(page).contains("251 factures");
            pageLabels.add(first(PAGE, page));
            List<String> shown = all(INVOICE, page);
            if (pageLabels.size() == 4) {
                fourthByCursor = String.join(",", shown);
                assertThat(path).contains("after=").contains("page=3");
            }
            seen.addAll(shown);
            path = first(NEXT, page);
            if (path != null) {
                path = path.replace("&amp;", "&");
            }
        }

        assertThat(pageLabels).containsExactly("page 1 sur 6", "page 2 sur 6", "page 3 sur 6", "page 4 sur 6", "page 5 sur 6",
                "page 6 sur 6");
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        // the page by its number: the same invoices, the rows before skipped
        String fourthByNumber = ok("/dashboard/portfolio/invoices?currency=KES&bucket=overdue&page=3");
        assertThat(String.join(",", all(INVOICE, fourthByNumber))).isEqualTo(fourthByCursor);
        assertThat(fourthByNumber).contains("rel=\"prev\"").contains("rel=\"next\"");

        // the CSV walks the whole bucket by cursor too
        String csv = ok("/dashboard/portfolio/invoices.csv?currency=KES&bucket=overdue");
        List<String> csvNumbers = csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(';'))).toList();
        assertThat(csvNumbers).containsExactlyElementsOf(expected);
    }

    @Test
    void aDrillDownOfMoreThanTenThousandInvoicesSaysSoAndStillPagesToItsEnd() {
        // 1 + 10,050 open invoices over 30 due dates: more than the count's cap of 10,000
        String model = modelInvoice("BDT");
        copies(model, "-", 10_050, "BDT", "'OPEN'", "outstanding", "?::date - 1 - (g % 30)");

        String first = ok("/dashboard/portfolio/invoices?currency=BDT&bucket=all");
        // (Java writes 10 000 in French with a narrow no-break space)
        assertThat(first.replaceAll("[\u00A0\u202F]", " ")).contains("plus de 10 000 factures");
        assertThat(first(PAGE, first)).isEqualTo("page 1 sur plus de 200");
        assertThat(all(INVOICE, first)).hasSize(50);
        assertThat(first(NEXT, first)).contains("after=");

        // the last page, by number: 10,051 = 201 × 50 + 1
        String last = ok("/dashboard/portfolio/invoices?currency=BDT&bucket=all&page=201");
        assertThat(all(INVOICE, last)).containsExactly(jdbc.queryForObject("""
                select number from recouvra.invoice where currency = 'BDT' order by due_date desc, number desc limit 1""",
                String.class));
        assertThat(first(NEXT, last)).isNull();
        assertThat(last).contains("rel=\"prev\"");
    }

    @Test
    void aCursorTheDrillDownDidNotGiveIsA400NamingAfter() {
        for (String garbled : List.of("!!!", "bm9wZQ", "x".repeat(401))) {
            HttpResponse<String> refused = browser.get("/dashboard/portfolio/invoices?currency=KES&bucket=overdue&after=" + garbled);

            assertThat(refused.statusCode()).as(garbled).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"field\":\"after\"");
        }
        HttpResponse<String> negative = browser.get("/dashboard/portfolio/invoices?currency=KES&bucket=overdue&page=-1");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"page\"");
    }

    private String ok(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        return found.find() ? found.group(1) : null;
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(m -> m.group(1)).toList();
    }

    /** An invoice registered as the ledger registers one, overdue since yesterday: the copies' model. */
    private String modelInvoice(String currency) {
        UUID customer = customers.register(new NewCustomer("Pagination " + currency + " SARL", TestData.siren(), null, null,
                null, null, null, null, List.of())).getId();
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, today.minusDays(31), today.minusDays(1),
                new BigDecimal("100.00"), currency));
        return number;
    }

    /**
     * Copies of the model, numbered after it (its number, {@code infix}, g), written straight to the ledger; status,
     * outstanding and due date computed from g.
     */
    private void copies(String model, String infix, int copies, String currency, String status, String outstanding, String dueDate) {
        Map<String, String> computed = Map.of("id", "gen_random_uuid()", "number", "number || '" + infix + "' || g", "currency",
                "'" + currency + "'", "status", status, "outstanding", outstanding, "due_date", dueDate);
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'recouvra' and table_name = 'invoice' and is_generated = 'NEVER' and identity_generation is null
                order by ordinal_position""", String.class);
        String values = columns.stream().map(column -> computed.getOrDefault(column, column)).collect(Collectors.joining(", "));
        jdbc.update("insert into recouvra.invoice (" + String.join(", ", columns) + ") select " + values
                + " from recouvra.invoice, generate_series(1, ?) g where number = ?", today, copies, model);
    }
}
