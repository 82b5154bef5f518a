package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
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
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard over HTTP as a browser uses it: the login form, CSRF, who may open what, the Portfolio page's figures,
 * CSV exports and drill-downs. The ledger is in CHF, a currency no other test uses, so that the whole book's CHF
 * figures are this ledger's. Worked by hand, {@code d} being today (due date, days past due, still owed, bucket):
 * <pre>
 * "=HYPERLINK(...)" SA   d+5     -5   1 000.00            not due
 *                        d-10    10     400.00 − 100.00 paid = 300.00  1-30
 * Beta &lt;b&gt;SARL&lt;/b&gt;      d-40    40     250.00            31-60
 *                        d-200  200     120.50            >180
 *
 * outstanding 1 000.00 + 300.00 + 250.00 + 120.50 = 1 670.50; overdue 1 670.50 − 1 000.00 = 670.50
 * buckets: not due 1 000.00, 1-30 300.00, 31-60 250.00, 61-90 0, 91-180 0, >180 120.50
 * </pre>
 */
@RecouvraTest
class DashboardPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    Clock clock;

    String manager;
    String collector;
    /** The known ledger, registered once for the class (the database outlives each test). */
    static String dueIn31To60;
    static String dueOver180;
    static String dueIn1To30;

    @BeforeEach
    void knownLedgerAndUsers() {
        manager = user("manager", RecouvraGroups.MANAGERS);
        collector = user("collector", RecouvraGroups.COLLECTORS);
        if (dueIn31To60 != null) {
            return;
        }
        LocalDate d = LocalDate.now(clock);
        UUID formula = customer("=HYPERLINK(\"http://evil.example\";\"x\") SA");
        invoice(formula, d.plusDays(5), "1000.00");
        dueIn1To30 = invoice(formula, d.minusDays(10), "400.00");
        payments.register(new NewPayment(formula, new BigDecimal("100.00"), "CHF", d, "VIR-" + UUID.randomUUID(), null));
        UUID beta = customer("Beta <b>SARL</b>");
        dueIn31To60 = invoice(beta, d.minusDays(40), "250.00");
        dueOver180 = invoice(beta, d.minusDays(200), "120.50");
    }

    @Test
    void aPageAsksForTheLoginAndTheLoginFormNeedsItsCsrfToken() {
        DashboardSession browser = new DashboardSession(port);

        HttpResponse<String> anonymous = browser.get("/dashboard/portfolio");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login"));

        HttpResponse<String> login = browser.get("/dashboard/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Connexion au tableau de bord").contains("name=\"_csrf\"");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));

        HttpResponse<String> forged = browser.postWithoutCsrf("/dashboard/login", Map.of("username", manager, "password", "secret-" + manager));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Accès refusé");
        assertThat(browser.get("/dashboard/portfolio").statusCode()).as("not logged in").isEqualTo(302);

        // (another user: the engine makes a user whose password was just wrong wait a few seconds before the next try)
        HttpResponse<String> wrong = browser.post("/dashboard/login", Map.of("username", collector, "password", "wrong"));
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login?error"));

        HttpResponse<String> loggedIn = browser.post("/dashboard/login", Map.of("username", manager, "password", "secret-" + manager));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        // back to the page first asked for
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/dashboard/portfolio"));
        assertThat(browser.get("/dashboard/portfolio").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageSpeaksEnglishWhenAsked() {
        DashboardSession browser = new DashboardSession(port);
        assertThat(browser.get("/dashboard/login", "en-GB,en;q=0.8").body()).contains("Log in to the dashboard");
        assertThat(browser.get("/dashboard/login?lang=en").body()).contains("Log in to the dashboard");
        assertThat(browser.get("/dashboard/login?lang=fr", "en-GB").body()).contains("Connexion au tableau de bord");
    }

    @Test
    void logoutIsAFormWithItsCsrfToken() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);
        browser.get("/dashboard");

        assertThat(browser.postWithoutCsrf("/dashboard/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/dashboard/portfolio").statusCode()).as("still logged in").isEqualTo(200);

        HttpResponse<String> logout = browser.post("/dashboard/logout", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login?logout"));
        assertThat(browser.get("/dashboard/portfolio").statusCode()).isEqualTo(302);
    }

    @Test
    void aCollectorIsRefusedTheManagersPageWithAPageThatSaysWhoMayOpenIt() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(collector, "secret-" + collector);

        HttpResponse<String> refused = browser.get("/dashboard/portfolio");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Accès refusé").contains(collector)
                .contains("data-group=\"managers\"").contains("data-group=\"credit-managers\"").contains("data-group=\"admins\"")
                .doesNotContain("data-group=\"collectors\"").doesNotContain("Whitelabel");
        assertThat(browser.get("/dashboard/portfolio/ageing.csv").statusCode()).isEqualTo(403);
        assertThat(browser.get("/dashboard/portfolio/invoices?currency=CHF&bucket=all").statusCode()).isEqualTo(403);
        HttpResponse<String> home = browser.get("/dashboard");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).doesNotContain("data-page=\"portfolio\"");
    }

    @Test
    void thePortfolioPageShowsTheAgedBalanceInFrench() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String page = browser.get("/dashboard/portfolio").body();

        String chf = page.substring(page.indexOf("data-currency=\"CHF\""));
        chf = chf.substring(0, chf.indexOf("</table>"));
        assertThat(chf).contains(">1 670,50 CHF<").contains(">670,50 CHF<");
        assertThat(cell(chf, "not_due")).isEqualTo("1 000,00 CHF");
        assertThat(cell(chf, "1_30")).isEqualTo("300,00 CHF");
        assertThat(cell(chf, "31_60")).isEqualTo("250,00 CHF");
        assertThat(cell(chf, "61_90")).isEqualTo("0,00 CHF");
        assertThat(cell(chf, "91_180")).isEqualTo("0,00 CHF");
        assertThat(cell(chf, "over_180")).isEqualTo("120,50 CHF");
    }

    @Test
    void theAgedBalanceCsvIsSemicolonSeparatedUtf8WithDecimalCommas() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        HttpResponse<String> csv = browser.get("/dashboard/portfolio/ageing.csv");

        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        String today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(clock));
        assertThat(csv.body()).startsWith("\uFEFFjour;devise;tranche;montant\r\n")
                .contains(today + ";CHF;not_due;1000,00\r\n")
                .contains(today + ";CHF;1_30;300,00\r\n")
                .contains(today + ";CHF;31_60;250,00\r\n")
                .contains(today + ";CHF;61_90;0\r\n")
                .contains(today + ";CHF;over_180;120,50\r\n");
    }

    @Test
    void aBucketListsTheInvoicesBehindItAndTheirCsvNeutralisesFormulas() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String bucket = browser.get("/dashboard/portfolio/invoices?currency=CHF&bucket=31_60").body();
        assertThat(bucket).contains("data-invoice=\"" + dueIn31To60 + "\"").doesNotContain(dueOver180).doesNotContain(dueIn1To30)
                .contains("Beta &lt;b&gt;SARL&lt;/b&gt;").contains("1 facture");

        String overdue = browser.get("/dashboard/portfolio/invoices?currency=CHF&bucket=overdue").body();
        assertThat(overdue).contains(dueIn1To30, dueIn31To60, dueOver180).contains("3 factures");

        String csv = browser.get("/dashboard/portfolio/invoices.csv?currency=CHF&bucket=1_30").body();
        assertThat(csv).contains(dueIn1To30 + ";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\") SA\";")
                .contains(";CHF;400,00;300,00;PARTIALLY_PAID\r\n");
    }

    @Test
    void aBucketThatIsNotOneIsA400NamingTheField() {
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        HttpResponse<String> refused = browser.get("/dashboard/portfolio/invoices?currency=CHF&bucket=1_31");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"bucket\"");
        assertThat(browser.get("/dashboard/portfolio/invoices?currency=chf&bucket=all").statusCode()).isEqualTo(400);
    }

    /** The amount in a bucket's row of the table under the chart. */
    private static String cell(String table, String bucket) {
        String row = table.substring(table.indexOf("data-bucket=\"" + bucket + "\""));
        row = row.substring(row.indexOf("class=\"amount\""));
        row = row.substring(row.indexOf("\">", row.indexOf("<a")) + 2);
        return row.substring(0, row.indexOf("</a>"));
    }

    private String user(String role, String group) {
        String id = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "CHF"));
        return number;
    }
}
