package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Team page over HTTP: two collectors work real call tasks (CollectorCall, key accounts called at once six days
 * after the due date) on Monday 16 November 2026, and the page is read on Thursday 19th for the 16th to the 19th:
 * <pre>
 * ana   calls a customer who promises 500.00 by Friday 20th (the promise is then judged kept)  PROMISE_TO_PAY
 *       calls a second customer: no answer                                                     NO_ANSWER
 *       takes a third customer's call and leaves it open: due Tuesday 17th, overdue on the 19th
 *       → calls 2 (promise 1, no answer 1), promises obtained 1, kept 1, broken 0, kept rate 100,0, overdue tasks 1
 * bea   calls a fourth customer, who says it paid, reference VIR-1                              ALREADY_PAID
 *       → calls 1 (says paid 1), promises 0, no rate, overdue tasks 0
 * </pre>
 * Managers see both; a collector (ana) sees her own line only and may not list bea's calls.
 */
@RecouvraTest
class TeamPageTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final String PERIOD = "from=2026-11-16&to=2026-11-19";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    JdbcTemplate jdbc;

    static String ana;
    static String bea;
    String manager;

    @BeforeEach
    void twoCollectorsWorkTheirCalls() {
        manager = user("team-manager", RecouvraGroups.MANAGERS);
        if (ana != null) {
            at(MONDAY.plusDays(3));
            return;
        }
        at(MONDAY);
        ana = user("ana", RecouvraGroups.COLLECTORS);
        bea = user("bea", RecouvraGroups.COLLECTORS);
        complete(ana, callTask(customerWithACall()), Map.of("callOutcome", "PROMISE_TO_PAY", "promisedDate", "2026-11-20",
                "promisedAmount", "500.00"));
        complete(ana, callTask(customerWithACall()), Map.of("callOutcome", "NO_ANSWER"));
        tasks.claim(callTask(customerWithACall()).getId(), ana);
        complete(bea, callTask(customerWithACall()), Map.of("callOutcome", "ALREADY_PAID", "paymentReference", "VIR-1"));
        jdbc.update("""
                update recouvra.promise_to_pay set status = 'KEPT'
                where id in (select promise_id from recouvra.call_attempt where collector = ?)""", ana);
        at(MONDAY.plusDays(3));
    }

    @AfterEach
    void realTime() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aManagerSeesEachCollectorsCallsPromisesAndOverdueTasks() {
        DashboardSession session = session(manager);

        HttpResponse<String> page = session.get("/dashboard/team?" + PERIOD);

        assertThat(page.statusCode()).isEqualTo(200);
        // calls, then PROMISE_TO_PAY, PAYMENT_PLAN_REQUESTED, ALREADY_PAID, DISPUTE, WRONG_CONTACT, NO_ANSWER,
        // then promises obtained, kept, broken, kept rate, overdue tasks
        assertThat(amounts(row(page.body(), ana))).containsExactly("2", "1", "0", "0", "0", "0", "1", "1", "1", "0", "100,0", "1");
        assertThat(amounts(row(page.body(), bea))).containsExactly("1", "0", "0", "1", "0", "0", "0", "0", "0", "0", "—", "0");
        assertThat(page.body()).contains("data-collector=\"\"");
        assertThat(session.get("/dashboard/team/figures.csv?" + PERIOD).body())
                .contains("16/11/2026;19/11/2026;" + ana + ";2;1;0;0;0;0;1;1;1;0;100,0;1\r\n")
                .contains("16/11/2026;19/11/2026;" + bea + ";1;0;0;1;0;0;0;0;0;0;;0\r\n");
        String calls = session.get("/dashboard/team/calls?" + PERIOD + "&collector=" + ana).body();
        assertThat(calls.split("data-call=", -1)).hasSize(3);
        assertThat(calls).contains("Promesse de paiement").contains("Pas de réponse").contains("16/11/2026");
    }

    @Test
    void aCollectorSeesHerOwnFiguresOnly() {
        DashboardSession session = session(ana);

        HttpResponse<String> page = session.get("/dashboard/team?" + PERIOD);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(amounts(row(page.body(), ana))).startsWith("2", "1");
        assertThat(page.body()).doesNotContain("data-collector=\"" + bea + "\"").doesNotContain("data-collector=\"\"");
        assertThat(session.get("/dashboard/team/figures.csv?" + PERIOD).body()).contains(ana).doesNotContain(bea);
        assertThat(session.get("/dashboard/team/calls?" + PERIOD + "&collector=" + ana).statusCode()).isEqualTo(200);
        assertThat(session.get("/dashboard/team/calls?" + PERIOD + "&collector=" + bea).statusCode()).isEqualTo(403);
        assertThat(session.get("/dashboard/recovery").statusCode()).isEqualTo(403);
        assertThat(session.get("/dashboard").body()).contains("/dashboard/team").doesNotContain("/dashboard/recovery\"");
    }

    @Test
    void aCallsListWithoutItsCollectorIsRefusedNamingTheField() {
        HttpResponse<String> refused = session(manager).get("/dashboard/team/calls?" + PERIOD);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("collector");
    }

    private static String row(String page, String collector) {
        String from = page.substring(page.indexOf("data-collector=\"" + collector + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }

    /** The texts of a row's number cells, links included. */
    private static List<String> amounts(String row) {
        return java.util.regex.Pattern.compile("<td class=\"amount\">(?:<a [^>]*>)?([^<]*)").matcher(row).results()
                .map(m -> m.group(1)).toList();
    }

    private DashboardSession session(String user) {
        DashboardSession session = new DashboardSession(port);
        session.logIn(user, "secret-" + user);
        return session;
    }

    private void complete(String collector, Task task, Map<String, Object> outcome) {
        tasks.claim(task.getId(), collector);
        identity.setAuthentication(collector, List.of(RecouvraGroups.COLLECTORS));
        try {
            tasks.complete(task.getId(), new HashMap<>(outcome));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A key account with 2 000.00 € due six days ago: its collection opens a call at once. */
    private UUID customerWithACall() {
        UUID customer = customers.register(new NewCustomer("Team " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau),
                "FR", "fr", "Europe/Paris", "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "KEY_ACCOUNT"))
                .getId();
        String number = TestData.invoiceNumber();
        LocalDate due = MONDAY.minusDays(6);
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal("2000.00"), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return customer;
    }

    private Task callTask(UUID customer) {
        return tasks.createTaskQuery().processDefinitionKey("CollectorCall")
                .processVariableValueEquals("customerId", customer.toString()).singleResult();
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(PARIS).toInstant()));
    }

    private String user(String prefix, String group) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }
}
