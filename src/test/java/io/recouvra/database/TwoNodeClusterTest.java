package io.recouvra.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camunda's homogeneous cluster, proven: two Recouvra nodes (two JVMs started from this classpath) on one PostgreSQL,
 * every node's job executor, outbox dispatcher and scheduler on the same database. A wave of overdue invoices is
 * registered through both nodes and let loose at once; one node is killed with SIGKILL while it is working through
 * it. The survivor finishes the wave, and every timer and step ran once, every reminder was asked for once and sent
 * at most once (a real SMTP server counts the copies), every customer got one collector's call task, and the
 * scheduled job guarded by {@link SingleNodeJobs} ran on one node only.
 *
 * <p>Nothing here waits on a duration: each step waits for a condition in the database, with generous timeouts for a
 * slow, shared machine. The nodes are made quick to recover rather than the test slow to notice: a job lock of 20 s
 * (the default 5 min is how long a dead node's jobs stay locked), an outbox lease of 30 s, contact hours every day
 * at every hour so that the test does not depend on when it runs.
 */
class TwoNodeClusterTest {

    /** Customers, each with one invoice overdue for weeks: one reminder and one collector's call each. */
    private static final int CUSTOMERS = 30;
    private static final Duration START = Duration.ofMinutes(8);
    private static final Duration WAVE = Duration.ofMinutes(10);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ObjectMapper json = new ObjectMapper();
    private String jdbcUrl;

    @Test
    void theSurvivorFinishesAWaveAndEverythingIsDoneOnce(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresEnvironment.builder(null, 0).start()) {
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            List<String> settings = settings(postgres.getPort(), smtp.getSmtp().getPort());
            // one after the other: the first creates the schema, deploys the models and the accounts
            try (ClusterNode a = ClusterNode.start("node-a", folder, settings)) {
                a.awaitReady(START);
                try (ClusterNode b = ClusterNode.start("node-b", folder, settings)) {
                    b.awaitReady(START);
                    runTheWave(a, b);
                }
            }
        }
    }

    private void runTheWave(ClusterNode a, ClusterNode b) throws Exception {
        // Held until every invoice is registered, then let loose at once: a wave, as at midnight.
        assertThat(a.put("/engine-rest/job-definition/suspended",
                "{\"processDefinitionKey\": \"InvoiceCollection\", \"suspended\": true, \"includeJobs\": true}").statusCode())
                .isEqualTo(204);
        LocalDate today = LocalDate.now(PARIS);
        for (int i = 1; i <= CUSTOMERS; i++) {
            // through both nodes, as a load balancer would spread them
            ClusterNode node = i % 2 == 0 ? a : b;
            String customerId = json.readTree(created(node.post("/api/v1/customers", customer(i)))).get("id").asText();
            created(node.post("/api/v1/invoices", """
                    {"number": "CL-%d", "customerId": "%s", "issueDate": "%s", "dueDate": "%s", "amount": 1200.00,
                     "currency": "EUR"}""".formatted(i, customerId, today.minusDays(60), today.minusDays(30))));
        }
        assertThat(count("select count(*) from act_ru_job where process_def_key_ = 'InvoiceCollection' and suspension_state_ = 2"))
                .as("the wave is held").isEqualTo(CUSTOMERS);
        assertThat(a.put("/engine-rest/job-definition/suspended",
                "{\"processDefinitionKey\": \"InvoiceCollection\", \"suspended\": false, \"includeJobs\": true}").statusCode())
                .isEqualTo(204);
        Instant released = Instant.now();

        await("node-b to work on the wave", () -> count("""
                select count(*) from act_hi_job_log where hostname_ = 'node-b' and job_state_ = 2
                  and process_def_key_ = 'InvoiceCollection'""") > 0);
        b.kill();
        Instant killed = Instant.now();
        long reachedAtTheKill = count("select count(*) from recouvra.outbox_message where step = 'reminder-1'");
        assertThat(reachedAtTheKill).as("node-b was killed mid-wave").isLessThan(CUSTOMERS);
        assertThat(count("select count(*) from act_ru_job where process_def_key_ = 'InvoiceCollection' and duedate_ <= now()"))
                .as("steps of the wave left when node-b was killed, those it held among them").isPositive();
        assertThat(b.isAlive()).isFalse();

        await("the survivor to finish the wave", () -> count("""
                select count(*) from act_ru_job where process_def_key_ = 'InvoiceCollection'
                  and (duedate_ is null or duedate_ <= now())""") == 0
                && count("select count(*) from recouvra.outbox_message where step = 'reminder-1'") == CUSTOMERS
                && count("""
                        select count(*) from recouvra.outbox_message
                        where step = 'reminder-1' and status in ('PENDING', 'SENDING')""") == 0
                && count("""
                        select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
                        where d.key_ = 'CollectorCall'""") >= CUSTOMERS);

        // what happened, for the record (docs/operations.md quotes a run)
        System.out.printf("Cluster wave of %d invoices: node-b killed %d s after the release with %d reminders asked for;"
                        + " survivor done %d s after the kill; jobs run per node %s; reminders %s%n", CUSTOMERS,
                Duration.between(released, killed).toSeconds(), reachedAtTheKill,
                Duration.between(killed, Instant.now()).toSeconds(),
                rows("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_"),
                rows("select status, count(*) from recouvra.outbox_message where step = 'reminder-1' group by status"));

        everyJobRanOnce();
        everyInstanceWentThroughOnce();
        everyReminderWasSentOnce();
        everyCustomerHasOneCallTask();
        theNightlyJobRanOnOneNode(a, b);
    }

    private void everyJobRanOnce() {
        assertThat(count("""
                select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
                                      group by job_id_ having count(*) > 1) twice""")).as("no job ran twice").isZero();
        assertThat(count("select count(*) from act_ru_incident")).as("no incident").isZero();
        assertThat(count("select count(*) from act_ru_job where retries_ = 0")).as("no job out of retries").isZero();
        assertThat(count("""
                select count(*) from act_hi_job_log where hostname_ = 'node-a' and job_state_ = 2
                  and process_def_key_ = 'InvoiceCollection'""")).as("the survivor worked").isPositive();
    }

    private void everyInstanceWentThroughOnce() {
        assertThat(count("""
                select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                where d.key_ = 'InvoiceCollection' and e.parent_id_ is null""")).as("no instance lost").isEqualTo(CUSTOMERS);
        for (String step : List.of("Task_MarkInvoiceOverdue", "Task_SendReminder")) {
            assertThat(rows("""
                    select i.business_key_, count(a.id_) from act_hi_procinst i
                    join act_re_procdef d on d.id_ = i.proc_def_id_
                    left join act_hi_actinst a on a.proc_inst_id_ = i.id_ and a.act_id_ = ?
                    where d.key_ = 'InvoiceCollection' group by i.business_key_""", step))
                    .as("each invoice through %s once", step).hasSize(CUSTOMERS).allSatisfy((invoice, times) ->
                            assertThat(times).as(invoice).isEqualTo(1L));
        }
    }

    private void everyReminderWasSentOnce() throws MessagingException {
        Map<String, Long> copies = new HashMap<>();
        for (MimeMessage received : smtp.getReceivedMessages()) {
            copies.merge(received.getMessageID(), 1L, Long::sum);
        }
        assertThat(copies).as("no email received twice").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        Map<String, Long> statuses = rows("""
                select status, count(*) from recouvra.outbox_message where step = 'reminder-1' group by status""");
        // SENT, or UNKNOWN when node-b died after handing one to the SMTP server and before recording the answer:
        // it is then never resent blindly (docs/messaging.md, "Uncertain sends")
        assertThat(statuses.keySet()).isSubsetOf("SENT", "UNKNOWN");
        List<String> sentIds = strings("select provider_id from recouvra.outbox_message where step = 'reminder-1' and status = 'SENT'");
        assertThat(sentIds).hasSize(statuses.getOrDefault("SENT", 0L).intValue())
                .allSatisfy(id -> assertThat(copies).as("sent %s reached the server once", id).containsEntry(id, 1L));
        assertThat(copies.size()).as("nothing but the wave's reminders was received, each once")
                .isBetween(sentIds.size(), CUSTOMERS);
    }

    private void everyCustomerHasOneCallTask() {
        assertThat(count("""
                select count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
                where d.key_ = 'CollectorCall'""")).as("no call task twice").isEqualTo(CUSTOMERS);
        assertThat(count("""
                select count(distinct v.text_) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_
                join act_ru_variable v on v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'customerId'
                where d.key_ = 'CollectorCall'""")).as("one call task per customer").isEqualTo(CUSTOMERS);
    }

    /**
     * The nightly re-scoring fires every 5 seconds on both nodes here; its lock keeps it from running again within
     * 10 minutes of a run, whichever node fires.
     */
    private void theNightlyJobRanOnOneNode(ClusterNode a, ClusterNode b) throws Exception {
        List<Instant> runs = new ArrayList<>();
        long skipped = 0;
        for (ClusterNode node : List.of(a, b)) {
            for (String line : node.logLines()) {
                if (line.contains("Nightly re-scoring:")) {
                    runs.add(OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
                }
                if (line.contains("Scheduled job nightly-rescoring skipped")) {
                    skipped++;
                }
            }
        }
        assertThat(runs).as("the nightly job ran").isNotEmpty();
        assertThat(skipped).as("the other firings, on either node, skipped it").isPositive();
        List<Instant> inOrder = runs.stream().sorted().toList();
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(Duration.between(inOrder.get(i - 1), inOrder.get(i))).as("never twice within its lock")
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        }
    }

    private static List<String> settings(int postgresPort, int smtpPort) {
        return List.of(
                "spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "spring.datasource.username=postgres", "spring.datasource.password=",
                "spring.datasource.hikari.maximum-pool-size=8",
                "camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.max-pool-size=3",
                "camunda.bpm.job-execution.lock-time-in-millis=20000",
                "camunda.bpm.job-execution.wait-time-in-millis=500", "camunda.bpm.job-execution.max-wait=2000",
                "recouvra.messaging.email.adapter=smtp", "spring.mail.host=127.0.0.1", "spring.mail.port=" + smtpPort,
                "recouvra.messaging.dispatch.interval=PT1S", "recouvra.messaging.dispatch.lease=PT30S",
                "recouvra.messaging.dispatch.reconcile-after=PT5S",
                "recouvra.messaging.contact-policy.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                "recouvra.messaging.contact-policy.from=00:00", "recouvra.messaging.contact-policy.until=23:59:59",
                "recouvra.messaging.contact-policy.grouping-window=PT5S",
                "recouvra.scoring.nightly.cron=*/5 * * * * *");
    }

    /** A key account in Belgium (no French public holiday stops its messages): one reminder by email, then a call. */
    private static String customer(int i) {
        return """
                {"legalName": "Client %1$d", "registrationNumber": "BE0%2$09d", "country": "BE", "language": "fr",
                 "timeZone": "Europe/Brussels", "addressLine": "1 rue Neuve", "postalCode": "1000", "city": "Bruxelles",
                 "customerType": "KEY_ACCOUNT",
                 "contacts": [{"name": "Compta", "email": "compta-%1$d@client.example", "phone": "+3247000%2$04d",
                               "emailConsent": true, "smsConsent": false, "callConsent": true}]}""".formatted(i, i);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant giveUp = Instant.now().plus(WAVE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("waited " + WAVE + " for " + what);
            }
            Thread.sleep(200);
        }
    }

    private long count(String sql) {
        return query(sql, List.of(), rs -> rs.getLong(1)).get(0);
    }

    private List<String> strings(String sql) {
        return query(sql, List.of(), rs -> rs.getString(1));
    }

    private Map<String, Long> rows(String sql, Object... parameters) {
        Map<String, Long> rows = new HashMap<>();
        query(sql, List.of(parameters), rs -> rows.put(rs.getString(1), rs.getLong(2)));
        return rows;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
