package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
 * The Recovery page over HTTP on a known ledger in a currency no other test uses (HKD), every invoice settled today
 * through the ledger, so that the stage each was recovered at is recorded by collection as it happens:
 * <pre>
 * invoice  amount    what happened                                              stage reached last   recovered  written off
 * A        1 000.00  due in 10 days, paid in full today                         BEFORE_DUE            1 000.00
 * B        2 000.00  reminder 1 (20 days ago), reminder 2 (10 days ago), paid  REMINDER_2            2 000.00
 * C        3 000.00  a call (5 days ago), then handed to an agency (now), paid  AGENCY                3 000.00
 *                    the agency's commission on it 300.00 → net 2 700.00
 * D        4 000.00  1 000.00 paid, then the rest written off                   WRITTEN_OFF           1 000.00   3 000.00
 * total recovered 7 000.00: shares 1 000 ÷ 7 000 = 14.285… = 14,3; 2 000 ÷ 7 000 = 28.571… = 28,6;
 *   3 000 ÷ 7 000 = 42.857… = 42,9; 1 000 ÷ 7 000 = 14,3
 * recovery rate 7 000 ÷ (7 000 + 3 000) × 100 = 70,0
 * </pre>
 * The customer's name is typed by an integrator: text on the drill-down, escaped.
 */
@RecouvraTest
class RecoveryPageTest {

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
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    String manager;
    String collector;
    static String today;
    static String invoiceB;

    @BeforeEach
    void knownLedgerAndUsers() {
        manager = user("recovery-manager", RecouvraGroups.CREDIT_MANAGERS);
        collector = user("recovery-collector", RecouvraGroups.COLLECTORS);
        if (today != null) {
            return;
        }
        LocalDate d = LocalDate.now(clock);
        today = "from=" + d + "&to=" + d;
        UUID customer = customers.register(new NewCustomer("Harbour <b>Ltd</b>", TestData.siren(), null, null, null, null, null,
                null, List.of())).getId();
        String a = invoice(customer, d.plusDays(10), "1000.00");
        invoiceB = invoice(customer, d.minusDays(40), "2000.00");
        String c = invoice(customer, d.minusDays(60), "3000.00");
        String dd = invoice(customer, d.minusDays(90), "4000.00");

        stage(invoiceB, "REMINDER_1", Duration.ofDays(20));
        stage(invoiceB, "REMINDER_2", Duration.ofDays(10));
        stage(c, "CALL", Duration.ofDays(5));
        invoices.escalate(c, InvoiceStatus.WITH_AGENCY);
        agencyCommission(customer, c, "300.00");

        pay(customer, a, "1000.00");
        pay(customer, invoiceB, "2000.00");
        pay(customer, c, "3000.00");
        pay(customer, dd, "1000.00");
        invoices.writeOff(dd, "UNRECOVERABLE");
    }

    @Test
    void eachStageWithWhatWasRecoveredAndItsShare() {
        DashboardSession session = session(manager);

        HttpResponse<String> page = session.get("/dashboard/recovery?" + today);

        assertThat(page.statusCode()).isEqualTo(200);
        String hkd = figure(page.body(), "HKD");
        assertThat(stage(hkd, "BEFORE_DUE")).contains(">1<").contains("1 000,00").contains(">14,3<");
        assertThat(stage(hkd, "REMINDER_2")).contains("Après la relance 2").contains("2 000,00").contains(">28,6<");
        assertThat(stage(hkd, "AGENCY")).contains("3 000,00").contains(">42,9<").contains("300,00").contains("2 700,00");
        assertThat(stage(hkd, "WRITTEN_OFF")).contains("1 000,00").contains(">14,3<").contains("3 000,00");
        assertThat(stage(hkd, "CALL")).contains(">0<");
        assertThat(stage(hkd, "TOTAL")).contains(">4<").contains("7 000,00");
        assertThat(stage(hkd, "RATE")).contains(">70,0<");
        assertThat(page.body()).contains("data-link=\"promises\" href=\"/dashboard/promises?" + today.replace("&", "&amp;") + "\"");
    }

    @Test
    void theFiguresAsCsv() {
        String day = LocalDate.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        HttpResponse<String> csv = session(manager).get("/dashboard/recovery/stages.csv?" + today);

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body())
                .contains(day + ";" + day + ";HKD;REMINDER_2;1;2000,00;28,6;0,00;2000,00;0,00\r\n")
                .contains(day + ";" + day + ";HKD;AGENCY;1;3000,00;42,9;300,00;2700,00;0,00\r\n")
                .contains(day + ";" + day + ";HKD;TOTAL;4;7000,00;70,0;;;3000,00\r\n");
    }

    @Test
    void aStageOpensTheInvoicesBehindIt() {
        DashboardSession session = session(manager);

        String list = session.get("/dashboard/recovery/invoices?" + today + "&currency=HKD&stage=REMINDER_2").body();

        assertThat(list).contains("data-invoice=\"" + invoiceB + "\"").contains("Harbour &lt;b&gt;Ltd&lt;/b&gt;")
                .doesNotContain("Harbour <b>").contains("2 000,00");
        assertThat(list.split("data-invoice=", -1)).hasSize(2);
    }

    @Test
    void inEnglishOnAsk() {
        String page = session(manager).get("/dashboard/recovery?lang=en&" + today).body();

        assertThat(stage(figure(page, "HKD"), "REMINDER_2")).contains("After reminder 2").contains("HK$2,000.00");
    }

    @Test
    void aCollectorIsRefusedAndBadParametersAreNamed() {
        assertThat(session(collector).get("/dashboard/recovery").statusCode()).isEqualTo(403);
        DashboardSession session = session(manager);

        HttpResponse<String> badStage = session.get("/dashboard/recovery/invoices?currency=HKD&stage=LUCK");
        HttpResponse<String> badCurrency = session.get("/dashboard/recovery/invoices?currency=hk");

        assertThat(badStage.statusCode()).isEqualTo(400);
        assertThat(badStage.body()).contains("stage");
        assertThat(badCurrency.statusCode()).isEqualTo(400);
        assertThat(badCurrency.body()).contains("currency");
    }

    private DashboardSession session(String user) {
        DashboardSession session = new DashboardSession(port);
        session.logIn(user, "secret-" + user);
        return session;
    }

    /** The part of a page about one currency: from its figure's opening tag to the next figure's. */
    static String figure(String page, String currency) {
        String from = page.substring(page.indexOf("data-currency=\"" + currency + "\""));
        int next = from.indexOf("class=\"figure\"", 1);
        return next < 0 ? from : from.substring(0, next);
    }

    static String stage(String figure, String stage) {
        String from = figure.substring(figure.indexOf("data-stage=\"" + stage + "\""));
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

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "HKD"));
        return number;
    }

    private void pay(UUID customer, String invoice, String amount) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "HKD", LocalDate.now(clock),
                "RECOVERY-" + UUID.randomUUID(), List.of(new NewPayment.Allocation(invoice, new BigDecimal(amount)))));
    }

    /** A stage the collection steps record, reached some time ago (the steps themselves run in the processes' tests). */
    private void stage(String invoice, String stage, Duration ago) {
        jdbc.update("insert into recouvra.collection_stage (invoice_id, stage, reached_at) values (?, ?, ?)",
                invoices.idOf(invoice).orElseThrow(), stage, Timestamp.from(clock.instant().minus(ago)));
    }

    /** The agency's case of the invoice, closed, and its commission on what it collected. */
    private void agencyCommission(UUID customer, String invoice, String commission) {
        UUID caseId = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.agency_case (id, agency_id, invoice_id, customer_id, invoice_number, currency, principal,
                    interest, indemnity_eur, opened_at, mandate_ends_on, outcome, closed_at)
                values (?, 'sandbox', ?, ?, ?, 'HKD', 3000.00, 0, 40.00, ?, ?, 'RECOVERED', ?)""", caseId,
                invoices.idOf(invoice).orElseThrow(), customer, invoice, Timestamp.from(clock.instant()),
                LocalDate.now(clock).plusMonths(6), Timestamp.from(clock.instant()));
        jdbc.update("""
                insert into recouvra.agency_commission (id, case_id, basis, collected, rate, commission, currency, recorded_at)
                values (?, ?, 'COLLECTED_BY_AGENCY', 3000.00, 10.00, ?, 'HKD', ?)""", UUID.randomUUID(), caseId,
                new BigDecimal(commission), Timestamp.from(clock.instant()));
    }
}
