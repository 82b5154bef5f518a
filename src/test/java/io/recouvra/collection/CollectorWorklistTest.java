package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.TestData;
import io.recouvra.support.RecouvraTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The collector's worklist: each call task ranked by CallPriority when it is made (and again on each
 * try), named after what she sorts by, and "Mes appels du jour" listing her calls of the day, highest
 * priority first. Key accounts are called five grace days after the due date (dunning-strategy.dmn),
 * so invoices due six days before START each open a call at once.
 */
@RecouvraTest
class CollectorWorklistTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;
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

    @BeforeEach
    void monday() {
        at(START);
    }

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aCallTaskIsRankedByTheTableAndNamedAfterWhatACollectorSortsBy() {
        // 2 000 € overdue for 6 days, class B, no promise broken, not insured: no urgent row and not under
        // 500 € → the last row, "EveryOtherCall": priority 40, follow-up tomorrow
        UUID customer = customer();
        call(customer, "2000.00");
        Task call = callTask(customer);

        assertThat(call.getPriority()).isEqualTo(40);
        assertThat(call.getFollowUpDate()).isEqualTo(startOf(START.plusDays(1)));
        String name = customers.get(customer).getLegalName();
        assertThat(call.getName()).isEqualTo("Appeler le client : " + name + " (échu 2 000,00 €, 6 j de retard, risque B)");
        assertThat(call.getDescription()).isEqualTo("Client : " + name + " · échu : 2 000,00 € · plus ancien retard : 6 jours"
                + " · classe de risque : B · priorité 40 (table CallPriority)");
    }

    @Test
    void eachTryIsRankedAgainFromTheCustomerAsItIsThen() {
        // first try: 2 000 € for 6 days → 40, tomorrow
        UUID customer = customer();
        call(customer, "2000.00");
        Task first = callTask(customer);
        tasks.complete(first.getId(), new HashMap<>(Map.of("callOutcome", "NO_ANSWER")));

        // two days later (CallPolicy's daysBetweenTries), 12 000 € more fell due 6 days before: 14 000 € for 8 days,
        // class B → "LargeDebt" (10 000 € or more): 55, today
        ClockUtil.setCurrentTime(Date.from(START.plusDays(2).atTime(11, 0).atZone(PARIS).toInstant()));
        invoice(customer, START.plusDays(2).minusDays(6), "12000.00");
        management.createJobQuery().processInstanceId(first.getProcessInstanceId()).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        Task retry = callTask(customer);

        assertThat(retry.getId()).isNotEqualTo(first.getId());
        assertThat(retry.getPriority()).isEqualTo(55);
        assertThat(retry.getFollowUpDate()).isEqualTo(startOf(START.plusDays(2)));
        assertThat(retry.getName()).contains("(échu 14 000,00 €, 8 j de retard, risque B)");
    }

    @Test
    void aCollectorsCallsOfTheDayComeHighestPriorityFirstAndTomorrowsCallsTomorrow() {
        // worked examples, all class B (TestData.wellRatedSiren), 6 days overdue: 60 000 € → "VeryLargeDebt" 80 today;
        // 12 000 € → "LargeDebt" 55 today; 2 000 € → "EveryOtherCall" 40 tomorrow
        UUID small = customer();
        UUID large = customer();
        UUID veryLarge = customer();
        call(small, "2000.00");
        call(large, "12000.00");
        call(veryLarge, "60000.00");
        Set<String> ours = Set.of(callTask(small).getId(), callTask(large).getId(), callTask(veryLarge).getId());
        Filter callsOfTheDay = filters.createFilterQuery().filterName("Mes appels du jour").singleResult();

        assertThat(callsOfTheDayOf("colette", callsOfTheDay, ours))
                .containsExactly(callTask(veryLarge).getId(), callTask(large).getId());

        // claimed by her: still hers; tomorrow the small one joins, last
        tasks.claim(callTask(large).getId(), "colette");
        at(START.plusDays(1));
        assertThat(callsOfTheDayOf("colette", callsOfTheDay, ours))
                .containsExactly(callTask(veryLarge).getId(), callTask(large).getId(), callTask(small).getId());
        assertThat(callsOfTheDayOf("claude", callsOfTheDay, ours)).as("a colleague does not see her claimed call")
                .containsExactly(callTask(veryLarge).getId(), callTask(small).getId());
    }

    @Test
    void theFiltersExistOnceInFrenchEachReadByItsGroupsAndTheCollectorLandsOnHerCalls() {
        Map<String, List<String>> readers = Map.of(
                "Mes appels du jour", List.of(RecouvraGroups.COLLECTORS),
                "Litiges en attente", List.of(RecouvraGroups.DISPUTE_HANDLERS),
                "Approbations", List.of(RecouvraGroups.CREDIT_MANAGERS, RecouvraGroups.MANAGERS),
                "Dossiers contentieux", List.of(RecouvraGroups.LEGAL),
                "Toutes les tâches", List.of(RecouvraGroups.MANAGERS));
        readers.forEach((name, groups) -> {
            assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
            String id = filters.createFilterQuery().filterName(name).singleResult().getId();
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(id)
                    .hasPermission(Permissions.READ).list()).extracting(a -> a.getGroupId()).as(name)
                    .containsExactlyInAnyOrderElementsOf(groups);
        });
        readers.forEach((name, groups) -> {
            String id = filters.createFilterQuery().filterName(name).singleResult().getId();
            identity.setAuthentication("someone", groups);
            try {
                assertThat(filters.count(id)).as(name + " runs for its readers").isNotNull();
            } finally {
                identity.clearAuthentication();
            }
        });
        for (String old : List.of("My tasks", "My group tasks", "All tasks")) {
            assertThat(filters.createFilterQuery().filterName(old).count()).as("renamed in French").isZero();
        }

        TaskQueryImpl calls = filters.createFilterQuery().filterName("Mes appels du jour").singleResult().getQuery();
        assertThat(calls.getProcessDefinitionKey()).isEqualTo("CollectorCall");
        assertThat(calls.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualTo("PRIORITY_");
        assertThat(calls.getOrderingProperties().get(0).getDirection().getName()).isEqualTo("desc");
        TaskQueryImpl disputes = filters.createFilterQuery().filterName("Litiges en attente").singleResult().getQuery();
        assertThat(disputes.getOrderingProperties().get(0).getQueryProperty().getName()).isEqualTo("DUE_DATE_");

        // what Tasklist shows a collector first: the filter she may read with the lowest priority
        identity.setAuthentication("colette", List.of(RecouvraGroups.COLLECTORS));
        try {
            assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                    .contains("Mes appels du jour", "Mes tâches", "Tâches de mes groupes")
                    .doesNotContain("Litiges en attente", "Approbations", "Dossiers contentieux", "Toutes les tâches");
            assertThat(filters.createFilterQuery().list().stream()
                    .min(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
                    .orElseThrow().getName()).isEqualTo("Mes appels du jour");
        } finally {
            identity.clearAuthentication();
        }
    }

    // ---- helpers

    private List<String> callsOfTheDayOf(String collector, Filter filter, Set<String> among) {
        identity.setAuthentication(collector, List.of(RecouvraGroups.COLLECTORS));
        try {
            return filters.<Task>list(filter.getId()).stream().map(Task::getId).filter(among::contains).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(PARIS).toInstant()));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }

    private UUID customer() {
        return customers.register(new NewCustomer("Garage " + TestData.invoiceNumber(), TestData.wellRatedSiren(bureau), "FR",
                "fr", "Europe/Paris", "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "KEY_ACCOUNT"))
                .getId();
    }

    /** An invoice due six days ago: its collection asks for a call at once. */
    private void call(UUID customer, String amount) {
        collection.runJobs(collection.instanceOf(invoice(customer, START.minusDays(6), amount)));
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
}
