package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.database.RetryingTransactions;
import io.recouvra.receivables.AmountDisplay;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Payments, invoice registrations, holds and disputes for the same three customers from eight threads at
 * once, through the HTTP API, while a ninth thread plays the job executor (assessing each new invoice's
 * customer). Afterwards every ledger figure must follow from the requests that succeeded and every
 * invoice's InvoiceCollection must be where its ledger state says. Nothing here is timed: the threads
 * start together on a latch and the test waits for them to finish, however long the machine takes.
 */
@RecouvraTest
class ConcurrentLedgerTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 40;
    private static final int CUSTOMERS = 3;
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;

    /** One request's outcome: what was asked, and what the API answered. */
    private record Outcome(String operation, int status, String title, String detail) {
    }

    private final List<UUID> customers = new ArrayList<>();
    private final Map<UUID, List<String>> invoicesOf = new ConcurrentHashMap<>();
    private final Map<UUID, List<BigDecimal>> invoicedAmounts = new ConcurrentHashMap<>();
    private final Map<UUID, List<BigDecimal>> paidAmounts = new ConcurrentHashMap<>();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    @Test
    void concurrentRequestsOnTheSameCustomersLeaveEveryFigureAndEveryProcessRight() throws Exception {
        for (int i = 0; i < CUSTOMERS; i++) {
            ResponseEntity<JsonNode> customer = api.asAdmin().postForEntity("/api/v1/customers",
                    TestData.debtor("Tonnellerie", TestData.siren(), "FR"), JsonNode.class);
            UUID id = UUID.fromString(customer.getBody().get("id").asText());
            customers.add(id);
            invoicesOf.put(id, new CopyOnWriteArrayList<>());
            invoicedAmounts.put(id, new CopyOnWriteArrayList<>());
            paidAmounts.put(id, new CopyOnWriteArrayList<>());
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean working = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t * 7919L);
            String thread = "t" + t;
            workers.add(pool.submit(() -> {
                start.await();
                for (int n = 0; n < OPERATIONS; n++) {
                    operate(thread + "-" + n, random);
                }
                return null;
            }));
        }
        Future<?> jobExecutor = pool.submit(() -> {
            start.await();
            while (working.get()) {
                if (runJobs() == 0) {
                    Thread.sleep(50); // pacing only: nothing waits on this pause
                }
            }
            return null;
        });
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        working.set(false);
        jobExecutor.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        pool.shutdown();
        for (int pass = 0; pass < 10 && runJobs() > 0; pass++) {
            // what the last requests left for the job executor
        }

        assertThat(outcomes).hasSize(THREADS * OPERATIONS);
        assertThat(outcomes).as("never a 500").noneMatch(o -> o.status() >= 500);
        assertThat(outcomes).as("never a lost race shown to the client")
                .noneMatch(o -> "Concurrent update".equals(o.title()) || o.status() == 409 && !"Conflicts with stored data".equals(o.title()));
        assertThat(outcomes).as("registrations and payments always go through")
                .filteredOn(o -> o.operation().equals("invoice") || o.operation().equals("payment"))
                .allMatch(o -> o.status() == 201);
        assertThat(outcomes).as("holds and disputes: stored, or refused for the invoice's state")
                .filteredOn(o -> o.operation().equals("hold") || o.operation().equals("dispute"))
                .allMatch(o -> o.status() == 201 || o.status() == 409 && businessConflict(o.detail())
                        || o.status() == 400 && o.detail().contains("nothing left to dispute"));
        assertThat(outcomes).as("the mix did run: some holds and disputes stored")
                .anyMatch(o -> o.operation().equals("hold") && o.status() == 201)
                .anyMatch(o -> o.operation().equals("dispute") && o.status() == 201);

        for (UUID customer : customers) {
            checkLedger(customer);
            for (String number : invoicesOf.get(customer)) {
                checkProcess(number);
            }
        }
    }

    private void operate(String id, Random random) {
        UUID customer = customers.get(random.nextInt(CUSTOMERS));
        List<String> numbers = invoicesOf.get(customer);
        int pick = random.nextInt(10);
        if (pick < 4 || numbers.isEmpty()) {
            String number = TestData.invoiceNumber();
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(900), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
            LocalDate due = LocalDate.now().plusDays(30 + random.nextInt(30));
            ResponseEntity<JsonNode> answer = post("/api/v1/invoices", Map.of("number", number, "customerId", customer,
                    "issueDate", due.minusDays(30).toString(), "dueDate", due.toString(), "amount", amount.toPlainString(),
                    "currency", "EUR"));
            record("invoice", answer);
            if (answer.getStatusCode().value() == 201) {
                numbers.add(number);
                invoicedAmounts.get(customer).add(amount);
            }
        } else if (pick < 7) {
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(700), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
            ResponseEntity<JsonNode> answer = post("/api/v1/payments", Map.of("customerId", customer,
                    "amount", amount.toPlainString(), "currency", "EUR", "valueDate", LocalDate.now().toString(),
                    "bankReference", "VIR-" + id + "-" + UUID.randomUUID()));
            record("payment", answer);
            if (answer.getStatusCode().value() == 201) {
                paidAmounts.get(customer).add(amount);
            }
        } else if (pick < 9) {
            String number = numbers.get(random.nextInt(numbers.size()));
            record("hold", post("/api/v1/invoices/" + number + "/hold", Map.of("reason", "negotiating (" + id + ")")));
        } else {
            String number = numbers.get(random.nextInt(numbers.size()));
            record("dispute", post("/api/v1/invoices/" + number + "/disputes", Map.of("reason", "QUALITY",
                    "description", "dispute " + id)));
        }
    }

    /** The job executor's part: assess each new invoice's customer, and run whatever else has fallen due. */
    private int runJobs() {
        int ran = 0;
        for (List<String> numbers : invoicesOf.values()) {
            for (String number : numbers) {
                for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
                    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                        ran++;
                        try {
                            management.executeJob(job.getId());
                        } catch (ProcessEngineException e) {
                            // a request changed the instance meanwhile, or took the job away (settled, held): the
                            // real job executor drops that attempt and runs the job again if it is still there
                            boolean gone = management.createJobQuery().jobId(job.getId()).count() == 0;
                            if (!gone && !RetryingTransactions.isTransientConflict(e)) {
                                throw e;
                            }
                        }
                    }
                }
            }
        }
        return ran;
    }

    private void checkLedger(UUID customer) {
        BigDecimal invoiced = sum(invoicedAmounts.get(customer));
        BigDecimal paid = sum(paidAmounts.get(customer));
        assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from recouvra.invoice where customer_id = ?",
                BigDecimal.class, customer)).as("invoiced").isEqualByComparingTo(invoiced);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where customer_id = ?", Integer.class, customer))
                .isEqualTo(invoicesOf.get(customer).size());
        assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from recouvra.payment where customer_id = ?",
                BigDecimal.class, customer)).as("paid, each payment once").isEqualByComparingTo(paid);
        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment where customer_id = ?", Integer.class, customer))
                .isEqualTo(paidAmounts.get(customer).size());
        BigDecimal allocated = jdbc.queryForObject("""
                select coalesce(sum(a.amount), 0) from recouvra.payment_allocation a
                join recouvra.payment p on p.id = a.payment_id where p.customer_id = ?""", BigDecimal.class, customer);
        BigDecimal credit = jdbc.queryForObject("select coalesce(sum(unallocated_amount), 0) from recouvra.payment where customer_id = ?",
                BigDecimal.class, customer);
        assertThat(allocated.add(credit)).as("every euro paid is allocated or kept as credit").isEqualByComparingTo(paid);
        BigDecimal outstanding = jdbc.queryForObject("select coalesce(sum(outstanding), 0) from recouvra.invoice where customer_id = ?",
                BigDecimal.class, customer);
        assertThat(outstanding).as("owed = invoiced - allocated").isEqualByComparingTo(invoiced.subtract(allocated));
        jdbc.query("""
                select i.number, i.amount, i.outstanding, i.status,
                       (select coalesce(sum(a.amount), 0) from recouvra.payment_allocation a where a.invoice_id = i.id) as allocated,
                       (select coalesce(sum(c.amount), 0) from recouvra.credit_note c where c.invoice_id = i.id) as credited
                from recouvra.invoice i where i.customer_id = ?""", row -> {
            String number = row.getString("number");
            BigDecimal due = row.getBigDecimal("amount").subtract(row.getBigDecimal("allocated")).subtract(row.getBigDecimal("credited"));
            assertThat(row.getBigDecimal("outstanding")).as(number + " outstanding").isEqualByComparingTo(due);
            InvoiceStatus status = InvoiceStatus.valueOf(row.getString("status"));
            assertThat(status == InvoiceStatus.PAID).as(number + " " + status + " with " + due + " due").isEqualTo(due.signum() == 0);
        }, customer);
    }

    private void checkProcess(String number) {
        Map<String, Object> invoice = jdbc.queryForMap("select status, outstanding from recouvra.invoice where number = ?", number);
        InvoiceStatus status = InvoiceStatus.valueOf((String) invoice.get("status"));
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY).processInstanceBusinessKey(number).list();
        if (status == InvoiceStatus.PAID) {
            assertThat(running).as(number + " paid: its collection ended").isEmpty();
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(InvoiceCollectionContract.PROCESS_KEY)
                    .processInstanceBusinessKey(number).finished().count()).as(number + " ended once").isEqualTo(1);
            return;
        }
        assertThat(running).as(number + " " + status + ": exactly one collection").hasSize(1);
        String instance = running.get(0).getId();
        // the collection keeps no copy of what is owed (the ledger's is read at each call); the processes it called
        // and that keep one, a dispute's, must agree with the ledger whatever ran concurrently
        assertThat(runtime.getVariable(instance, InvoiceCollectionContract.OUTSTANDING_AMOUNT)).as(number + " no copy").isNull();
        for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list()) {
            assertThat(runtime.getVariable(called.getId(), InvoiceCollectionContract.OUTSTANDING_DISPLAY))
                    .as(number + " outstanding as the dispute shows it")
                    .isEqualTo(AmountDisplay.of((BigDecimal) invoice.get("outstanding"), "EUR"));
        }
        assertThat(management.createJobQuery().processInstanceId(instance).withException().count())
                .as(number + " no failed job").isZero();
        List<String> active = runtime.getActiveActivityIds(instance);
        switch (status) {
            case ON_HOLD -> assertThat(active).as(number + " held").anySatisfy(a -> assertThat(a).containsIgnoringCase("hold"));
            case DISPUTED -> assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance).list())
                    .as(number + " disputed: DisputeMediation runs").singleElement()
                    .satisfies(called -> assertThat(called.getProcessDefinitionId()).startsWith("DisputeMediation:"));
            default -> assertThat(active).as(number + " " + status + ": in dunning")
                    .noneSatisfy(a -> assertThat(a).containsIgnoringCase("hold"));
        }
    }

    private static boolean businessConflict(String detail) {
        return detail.contains("already ON_HOLD") || detail.contains("already DISPUTED") || detail.contains("nothing to chase")
                || detail.contains("not in dunning now");
    }

    private void record(String operation, ResponseEntity<JsonNode> answer) {
        JsonNode body = answer.getBody();
        outcomes.add(new Outcome(operation, answer.getStatusCode().value(),
                body == null || !body.has("title") ? null : body.get("title").asText(),
                body == null ? "" : body.toString()));
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return api.asAdmin().postForEntity(path, body, JsonNode.class);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return Collections.unmodifiableList(amounts).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
