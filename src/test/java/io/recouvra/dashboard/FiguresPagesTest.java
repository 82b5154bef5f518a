package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.EarlyWarningRaised;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Promises and plans, Disputes, Cash forecast and Risk pages over HTTP: who may open them, their figures, CSV
 * exports, drill-downs and refusals. Known ledgers in currencies and a period no other test uses (March 2025, NZD and
 * AUD), so that the book-wide figures shown for them are these, worked by hand:
 * <pre>
 * promises NZD  3 Mar 2025 KEPT 100.00, 10 Mar BROKEN 50.00, 20 Mar OPEN 25.00
 *               → kept 1 (100,00), broken 1 (50,00), pending 1 (25,00); kept rate 1 ÷ 2 = 50,0 %
 * dispute  AUD  raised Monday 3 March 2025, resolved Friday 7 March, root cause BILLING_ERROR, 30.00 credited
 *               → 4, 5, 6, 7 March = 4 business days, deadline Monday 10 March: in time; 1 resolved, 100,0 %, 4,0 days
 * forecast NZD  9 000 000.00 due d+10, no payment history: expected on d+10, in the week of its Monday
 * risk     NZD  exposure 9 000 000.00, nothing overdue, no limit, no cover: uninsured 9 000 000.00
 *               an early warning today, "score <b>D</b>" (escaped on the page)
 * </pre>
 */
@RecouvraTest
class FiguresPagesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MARCH_2025 = "from=2025-03-01&to=2025-03-31";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    String manager;
    String collector;
    static UUID kiwi;
    static String kiwiInvoice;

    @BeforeEach
    void knownLedgerAndUsers() {
        manager = user("figures-manager", RecouvraGroups.MANAGERS);
        collector = user("figures-collector", RecouvraGroups.COLLECTORS);
        if (kiwi != null) {
            return;
        }
        LocalDate d = LocalDate.now(clock);
        kiwi = customer("Kiwi <i>Ltd</i>");
        kiwiInvoice = invoice(kiwi, d.plusDays(10), "9000000.00", "NZD");
        promise(kiwi, LocalDate.of(2025, 3, 3), "KEPT", "100.00");
        promise(kiwi, LocalDate.of(2025, 3, 10), "BROKEN", "50.00");
        promise(kiwi, LocalDate.of(2025, 3, 20), "OPEN", "25.00");
        UUID roo = customer("Roo Pty");
        String disputed = invoice(roo, LocalDate.of(2025, 2, 28), "300.00", "AUD");
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, raised_via, raised_at, resolved_at, outcome,
                    root_cause, credited)
                values (?, ?, ?, 'PRICE', 'API', ?, ?, 'RESOLVED', 'BILLING_ERROR', 30.00)""", UUID.randomUUID(),
                invoices.idOf(disputed).orElseThrow(), roo, at(2025, 3, 3, 10), at(2025, 3, 7, 16));
        trail.record(kiwi, null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL, Interaction.Type.NOTE,
                EarlyWarningRaised.NOTE_PREFIX + "score <b>D</b>", null);
    }

    @Test
    void aCollectorIsRefusedTheManagersFigures() {
        DashboardSession session = new DashboardSession(port);
        session.logIn(collector, "secret-" + collector);

        for (String page : List.of("/dashboard/promises", "/dashboard/disputes", "/dashboard/forecast", "/dashboard/risk",
                "/dashboard/risk/exposures.csv")) {
            assertThat(session.get(page).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void thePromisesPageShowsKeptBrokenAndPendingPerCurrency() {
        DashboardSession session = managerSession();

        HttpResponse<String> page = session.get("/dashboard/promises?" + MARCH_2025);

        assertThat(page.statusCode()).isEqualTo(200);
        String nzd = figure(page.body(), "NZD");
        assertThat(nzd).contains("100,00 $NZ").contains("50,00 $NZ").contains("25,00 $NZ").contains(">50,0<");
        HttpResponse<String> csv = session.get("/dashboard/promises/figures.csv?" + MARCH_2025);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).contains("01/03/2025;31/03/2025;promesses;NZD;1;100,00;1;50,00;1;25,00;50,0\r\n");
        HttpResponse<String> list = session.get("/dashboard/promises/list?" + MARCH_2025);
        assertThat(list.body()).contains("Kiwi &lt;i&gt;Ltd&lt;/i&gt;").doesNotContain("Kiwi <i>").contains("03/03/2025");
    }

    @Test
    void theDisputesPageMeasuresTheResolvedAgainstTheirDeadline() {
        DashboardSession session = managerSession();

        String page = session.get("/dashboard/disputes?" + MARCH_2025).body();

        assertThat(row(page, "resolved")).contains(">1<");
        assertThat(row(page, "in-time-rate")).contains("100,0");
        assertThat(row(page, "mean-days")).contains("4,0");
        assertThat(page).contains("erreur de facturation").contains("30,00 $AU");
        assertThat(session.get("/dashboard/disputes/figures.csv?" + MARCH_2025).body())
                .contains("duree moyenne (jours ouvres);;4,0;").contains("avoirs accordes;1 factures;30,00;AUD");
        assertThat(session.get("/dashboard/disputes/list?" + MARCH_2025).body()).contains("Roo Pty").contains("07/03/2025");
    }

    @Test
    void theForecastPageExpectsTheInvoiceInTheWeekOfItsDueDate() {
        DashboardSession session = managerSession();
        LocalDate monday = CashForecast.mondayOf(LocalDate.now(clock).plusDays(10));

        String page = session.get("/dashboard/forecast").body();

        String nzd = figure(page, "NZD");
        String week = nzd.substring(nzd.indexOf("data-week=\"" + monday + "\""));
        assertThat(week.substring(0, week.indexOf("</tr>"))).contains("9 000 000,00 $NZ");
        assertThat(session.get("/dashboard/forecast/invoices?week=" + monday).body()).contains(kiwiInvoice);
        assertThat(session.get("/dashboard/forecast/weeks.csv").body())
                .contains("NZD;" + monday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ";9000000,00;0\r\n");
    }

    @Test
    void theRiskPageListsTheLargestExposuresAndTheWarningsEscaped() {
        DashboardSession session = managerSession();

        String page = session.get("/dashboard/risk").body();

        String kiwiRow = page.substring(page.indexOf("data-customer=\"" + kiwi + "\" data-currency=\"NZD\""));
        kiwiRow = kiwiRow.substring(0, kiwiRow.indexOf("</tr>"));
        assertThat(kiwiRow).contains("Kiwi &lt;i&gt;Ltd&lt;/i&gt;").contains("9 000 000,00 $NZ").contains("—");
        assertThat(page).contains("score &lt;b&gt;D&lt;/b&gt;").doesNotContain("score <b>");
        assertThat(session.get("/dashboard/risk/exposures.csv").body()).contains("Kiwi <i>Ltd</i>;NZD;9000000,00;0;;;0;9000000,00");
    }

    @Test
    void aPeriodOrAWeekThatIsNoDayIsRefusedNamingTheField() {
        DashboardSession session = managerSession();

        HttpResponse<String> badDay = session.get("/dashboard/promises?from=2025-13-01");
        HttpResponse<String> reversed = session.get("/dashboard/disputes?from=2025-03-31&to=2025-03-01");
        HttpResponse<String> notMonday = session.get("/dashboard/forecast/invoices?week=2025-03-04");

        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("from");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(notMonday.statusCode()).isEqualTo(400);
        assertThat(notMonday.body()).contains("week");
    }

    private DashboardSession managerSession() {
        DashboardSession session = new DashboardSession(port);
        session.logIn(manager, "secret-" + manager);
        return session;
    }

    /** The part of a page about one currency: from its figure's opening tag to the next figure's. */
    private static String figure(String page, String currency) {
        String from = page.substring(page.indexOf("data-currency=\"" + currency + "\""));
        int next = from.indexOf("class=\"figure\"", 1);
        return next < 0 ? from : from.substring(0, next);
    }

    private static String row(String page, String figure) {
        String from = page.substring(page.indexOf("data-figure=\"" + figure + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }

    private String user(String prefix, String group) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount, String currency) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), currency));
        return number;
    }

    private void promise(UUID customer, LocalDate promisedDate, String status, String amount) {
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, promised_date, amount, currency, status, made_at)
                values (?, ?, ?, ?, 'NZD', ?, now())""", UUID.randomUUID(), customer, promisedDate, new BigDecimal(amount), status);
    }

    private static Timestamp at(int year, int month, int day, int hour) {
        return Timestamp.from(LocalDateTime.of(year, month, day, hour, 0).atZone(PARIS).toInstant());
    }
}
