package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.guarantee.NewGuarantee;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The call task as a collector works it in Tasklist, through the engine REST API Tasklist calls: a sheet
 * that is current when she claims or opens it, overdue apart from not yet due, dates and times for her,
 * refusals as plain messages, and her name on the trail. A key account is called after its first
 * reminder, five grace days after the due date (dunning-strategy.dmn).
 */
@RecouvraTest
class CallTaskInTasklistTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday: messages dispatched at 10:00 in Paris are within contact hours. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    @BeforeEach
    void collectors() {
        ClockUtil.setCurrentTime(Date.from(START.atTime(10, 0).atZone(PARIS).toInstant()));
        for (String id : List.of("claire", "john")) {
            User user = identity.newUser(id);
            user.setPassword("secret-" + id);
            identity.saveUser(user);
            identity.createMembership(id, RecouvraGroups.COLLECTORS);
        }
        identity.setUserInfo("john", Viewers.LOCALE_INFO, "en-US");
        identity.setUserInfo("john", Viewers.ZONE_INFO, "America/New_York");
    }

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        identity.deleteUser("claire");
        identity.deleteUser("john");
        ClockUtil.reset();
    }

    @Test
    void claimingOrOpeningTheTaskShowsWhatHappenedSinceItWasCreated() {
        UUID customer = customer("Europe/Paris");
        String overdue = invoice(customer, START.minusDays(6), "2000.00");
        collection.runJobs(collection.instanceOf(overdue));
        Task call = callTask(customer);
        assertThat(sheet(call, "sentMessages")).as("the reminder is still in the outbox when the task is made").isEmpty();
        assertThat(sheet(call, "notYetDueInvoices")).isEmpty();

        // a second later: a new invoice, and the reminder goes out
        String notYetDue = invoice(customer, START.plusDays(20), "1000.00");
        collection.runJobs(collection.instanceOf(notYetDue));
        while (dispatcher.dispatchDue() > 0) {
            // send what is due
        }
        tasks.claim(call.getId(), "claire");

        assertThat(sheet(call, "overdueInvoices")).singleElement().satisfies(row -> {
            assertThat(row.get("number")).isEqualTo(overdue);
            assertThat(row.get("dueDate")).isEqualTo("17/11/2026");
            assertThat(row.get("daysOverdue")).isEqualTo(6);
            assertThat(row.get("outstanding")).isEqualTo("2 000,00 €");
        });
        assertThat(sheet(call, "notYetDueInvoices")).singleElement().satisfies(row -> {
            assertThat(row.get("number")).isEqualTo(notYetDue);
            assertThat(row.get("dueDate")).isEqualTo("13/12/2026");
            assertThat(row.get("due")).isEqualTo("à échoir, échéance le 13/12/2026");
            assertThat(row).doesNotContainKey("daysOverdue");
        });
        assertThat(sheet(call, "sentMessages")).as("the reminder sent after the task was made")
                .anySatisfy(row -> {
                    assertThat(row.get("when")).isEqualTo("23/11/2026 10:00");
                    assertThat(row.get("invoice")).isEqualTo(overdue);
                    assertThat(row.get("channel")).isEqualTo("EMAIL");
                    assertThat((String) row.get("summary")).contains("REMINDER_1");
                });
        assertThat(runtime.getVariable(call.getProcessInstanceId(), "overdueTotalDisplay")).isEqualTo("2 000,00 €");
        assertThat(runtime.getVariable(call.getProcessInstanceId(), "notYetDueTotalDisplay")).isEqualTo("1 000,00 €");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).singleResult().getName()).as("the task list says it too")
                .isEqualTo("Appeler le client : " + customers.get(customer).getLegalName()
                        + " (échu 2 000,00 €, 6 j de retard, risque B ; à échoir 1 000,00 €)");

        // opening the form in Tasklist reads it again
        String later = invoice(customer, START.plusDays(40), "300.00");
        ResponseEntity<JsonNode> opened = api.as("claire", "secret-claire").getForEntity(
                "/engine-rest/task/" + call.getId() + "/form-variables", JsonNode.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody().toString()).contains(later, "1 300,00 €");
        assertThat(invoiceNumbers(sheet(call, "notYetDueInvoices"))).containsExactly(notYetDue, later);
    }

    @Test
    void theSheetShowsWhatSecuresTheDebt(@Autowired Guarantees guarantees) {
        UUID customer = customer("Europe/Paris");
        String overdue = invoice(customer, START.minusDays(6), "2000.00");
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.FIRST_DEMAND_GUARANTEE, null, "Banque du Port",
                "1 quai de la Fosse\n44000 Nantes", null, new BigDecimal("5000.00"), "EUR", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 3, 31), null, "Demande écrite et signée", null, null, null, null, null, null));
        // a simple guarantor may require the debtor to be pursued first (art. 2305 C. civ.): the sheet says which it is
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.PERSONAL_GUARANTEE, null, "Holding Dupont SAS",
                "5 rue de la Paix\n44000 Nantes", false, new BigDecimal("3000.00"), "EUR", LocalDate.of(2026, 2, 1), null, null, null,
                null, null, null, null, false, null));
        collection.runJobs(collection.instanceOf(overdue));

        assertThat(sheet(callTask(customer), "guarantees")).extracting(row -> row.get("kind"))
                .containsExactly("Garantie à première demande", "Caution simple");
        assertThat(sheet(callTask(customer), "guarantees")).first().satisfies(row -> {
            assertThat(row.get("kind")).isEqualTo("Garantie à première demande");
            assertThat(row.get("provider")).isEqualTo("Banque du Port");
            assertThat(row.get("covers")).isEqualTo("tout le compte");
            assertThat(row.get("capLeft")).isEqualTo("5 000,00 €");
            assertThat(row.get("until")).isEqualTo("31/03/2027");
            assertThat(row.get("valid")).isEqualTo("oui");
        });
    }

    @Test
    void datesAndTimesAreWrittenForTheReaderWithTheDebtorsOwnTime() {
        UUID customer = customer("America/Martinique");
        String overdue = invoice(customer, START.minusDays(6), "2000.00");
        collection.runJobs(collection.instanceOf(overdue));
        Task call = callTask(customer);

        // 10:00 in Paris is 05:00 in Martinique (UTC-4) and 04:00 in New York (UTC-5) on 23 November
        assertThat(runtime.getVariable(call.getProcessInstanceId(), "sheetAsOf")).isEqualTo("23/11/2026 10:00 (Europe/Paris)");
        assertThat(runtime.getVariable(call.getProcessInstanceId(), "debtorLocalTime")).isEqualTo("05:00 (America/Martinique)");

        tasks.claim(call.getId(), "john");

        assertThat(runtime.getVariable(call.getProcessInstanceId(), "sheetAsOf")).isEqualTo("11/23/2026 04:00 (America/New_York)");
        assertThat(sheet(call, "overdueInvoices")).singleElement()
                .satisfies(row -> assertThat(row.get("dueDate")).isEqualTo("11/17/2026"));
    }

    @Test
    void aValueTheServerRefusesComesBackToTasklistAsAPlainMessage() {
        UUID customer = customer("Europe/Paris");
        String overdue = invoice(customer, START.minusDays(6), "2000.00");
        collection.runJobs(collection.instanceOf(overdue));
        Task call = callTask(customer);
        api.as("claire", "secret-claire").postForEntity("/engine-rest/task/" + call.getId() + "/claim",
                Map.of("userId", "claire"), String.class);

        ResponseEntity<JsonNode> pastDate = api.as("claire", "secret-claire").postForEntity(
                "/engine-rest/task/" + call.getId() + "/submit-form", promise("2026-11-22", 500), JsonNode.class);
        assertThat(pastDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pastDate.getBody().get("message").asText())
                .contains("Date de paiement promise : est dans le passé (promisedDate).")
                .doesNotContain("FieldProblem", "Exception");

        // the customer owes 2 000,00 €: 2 500 cannot be promised
        ResponseEntity<JsonNode> tooMuch = api.as("claire", "secret-claire").postForEntity(
                "/engine-rest/task/" + call.getId() + "/complete", promise("2026-12-01", 2500), JsonNode.class);
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getBody().get("message").asText())
                .contains("Montant promis (€) : dépasse ce que le client doit (2 000,00 €) (promisedAmount).")
                .doesNotContain("FieldProblem");

        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("the task stays open").isOne();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.promise_to_pay where customer_id = ?", Integer.class,
                customer)).as("nothing kept").isZero();
    }

    @Test
    void whatGoesWrongWhenWorkingACallIsASentenceInTheUsersLanguage() {
        UUID customer = customer("Europe/Paris");
        collection.runJobs(collection.instanceOf(invoice(customer, START.minusDays(6), "2000.00")));
        Task call = callTask(customer);
        String task = "/engine-rest/task/" + call.getId();
        assertThat(post("claire", task + "/claim", Map.of("userId", "claire"), "fr-FR").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // a refused value: the check's own sentence, without the engine's "Cannot submit task form <id>:" before it
        ResponseEntity<JsonNode> french = post("claire", task + "/submit-form", promise("2026-11-22", 500), "fr-FR,fr;q=0.9");
        assertThat(french.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(french.getBody().get("message").asText()).endsWith(" : est dans le passé (promisedDate).")
                .doesNotContain("Cannot", call.getId());
        ResponseEntity<JsonNode> english = post("claire", task + "/submit-form", promise("2026-11-22", 500), "en-GB,en;q=0.9");
        assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(english.getBody().get("message").asText()).endsWith(": is in the past (promisedDate).")
                .doesNotContain("Cannot", "est dans le passé");

        // a colleague who tries to take it
        ResponseEntity<JsonNode> taken = post("john", task + "/claim", Map.of("userId", "john"), "fr-FR");
        assertThat(taken.getStatusCode().isError()).isTrue();
        assertThat(taken.getBody().get("message").asText())
                .isEqualTo("Un collègue a déjà pris cette tâche. Choisissez-en une autre dans la liste.");

        // a value no form sends (a type the engine does not know): no detail, a reference for the administrator
        ResponseEntity<JsonNode> unreadable = post("claire", task + "/submit-form",
                Map.of("variables", Map.of("callOutcome", Map.of("value", "NO_ANSWER", "type", "Nonsense"))), "fr-FR");
        assertThat(unreadable.getStatusCode().isError()).isTrue();
        assertThat(unreadable.getBody().get("message").asText())
                .matches("Le serveur n'a pas pu enregistrer votre saisie, et rien n'a été enregistré\\. Réessayez dans un instant ; "
                        + "si cela se reproduit, donnez cette référence à votre administrateur : ERR-[0-9a-f]{8}\\.");
        assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).as("nothing done").isOne();

        // completed, then completed again from a page left open: the task is gone
        assertThat(post("claire", task + "/submit-form", Map.of("variables", Map.of("callOutcome", Map.of("value", "NO_ANSWER"))),
                "fr-FR").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> gone = post("claire", task + "/submit-form",
                Map.of("variables", Map.of("callOutcome", Map.of("value", "NO_ANSWER"))), "en-US");
        assertThat(gone.getStatusCode().isError()).isTrue();
        assertThat(gone.getBody().get("message").asText()).isEqualTo("This task no longer exists: a colleague has probably "
                + "completed it already, or the case was settled meanwhile. Choose the next one in the list.");
        assertThat(gone.getBody().get("type").asText()).as("what API clients tell the cases by is kept").isNotBlank();
    }

    @Test
    void theTrailNamesTheTasklistUserAndTheApiUserWhoActed() {
        UUID customer = customer("Europe/Paris");
        String overdue = invoice(customer, START.minusDays(6), "2000.00");
        collection.runJobs(collection.instanceOf(overdue));
        Task call = callTask(customer);

        // Tasklist: the engine REST API with claire's login
        api.as("claire", "secret-claire").postForEntity("/engine-rest/task/" + call.getId() + "/claim",
                Map.of("userId", "claire"), String.class);
        ResponseEntity<String> completed = api.as("claire", "secret-claire").postForEntity(
                "/engine-rest/task/" + call.getId() + "/complete", Map.of("variables",
                        Map.of("callOutcome", Map.of("value", "NO_ANSWER"))), String.class);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(actorOf(customer, "CALL")).containsExactly("claire");

        // the Java API with the engine's authenticated user (what the webapps set for a request)
        // two days later the call is tried again
        ClockUtil.setCurrentTime(Date.from(START.plusDays(3).atTime(10, 0).atZone(PARIS).toInstant()));
        management.createJobQuery().processInstanceId(call.getProcessInstanceId()).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        Task nextTry = callTask(customer);
        assertThat(nextTry).as("the next try").isNotNull();
        identity.setAuthentication("john", List.of(RecouvraGroups.COLLECTORS));
        try {
            tasks.claim(nextTry.getId(), "john");
            tasks.complete(nextTry.getId(), new HashMap<>(Map.of("callOutcome", "NO_ANSWER")));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(actorOf(customer, "CALL")).containsExactly("claire", "john");

        // Recouvra's API: the API user
        ResponseEntity<String> hold = api.asAdmin().postForEntity("/api/v1/invoices/" + overdue + "/hold",
                Map.of("reason", "customer's accountant on leave"), String.class);
        assertThat(hold.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(actorOf(customer, "HOLD")).containsExactly(Api.ADMIN);

        // what Recouvra does on its own names nobody
        assertThat(jdbc.queryForList("select actor from recouvra.interaction where customer_id = ? and type = 'MESSAGE_SENT'",
                String.class, customer)).allSatisfy(actor -> assertThat(actor).isNull());

        ResponseEntity<JsonNode> trail = api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/interactions",
                JsonNode.class);
        assertThat(trail.getBody().toString()).contains("\"actor\":\"claire\"", "\"actor\":\"john\"", "\"actor\":\"admin\"");
        ResponseEntity<String> csv = api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/interactions.csv",
                String.class);
        assertThat(csv.getBody()).startsWith("occurred_at;invoice_id;channel;direction;type;actor;summary\r\n")
                .contains(";CALL;claire;", ";CALL;john;", ";HOLD;admin;");
    }

    // ---- helpers

    private ResponseEntity<JsonNode> post(String user, String path, Object body, String languages) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, languages);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.as(user, "secret-" + user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private UUID customer(String zone) {
        return customers.register(new NewCustomer("Garage " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau), "FR",
                "fr", zone, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "KEY_ACCOUNT"))
                .getId();
    }

    private String invoice(UUID customer, LocalDate dueDate, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        return number;
    }

    private Task callTask(UUID customer) {
        return tasks.createTaskQuery().processDefinitionKey("CollectorCall")
                .processVariableValueEquals("customerId", customer.toString()).taskDefinitionKey("Task_CallDebtor").singleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sheet(Task call, String table) {
        return (List<Map<String, Object>>) runtime.getVariable(call.getProcessInstanceId(), table);
    }

    private static List<Object> invoiceNumbers(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("number")).toList();
    }

    private static Map<String, Object> promise(String date, int amount) {
        return Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "PROMISE_TO_PAY"),
                "promisedDate", Map.of("value", date),
                "promisedAmount", Map.of("value", amount, "type", "Integer")));
    }

    private List<String> actorOf(UUID customer, String type) {
        return jdbc.queryForList("select actor from recouvra.interaction where customer_id = ? and type = ? order by seq",
                String.class, customer, type);
    }
}
