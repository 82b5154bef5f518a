package io.recouvra.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A wave of overdue timers reaches one customer's invoices one at a time, over minutes, while the dispatcher keeps
 * ticking. Sent as they came, the first reminder would go alone and the other 29 would wait a day behind the
 * per-day cap. With the grouping window (here the production default, 10 minutes; the other feature tests turn it
 * off) they wait until the wave has moved past the customer and reach the debtor as one message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "recouvra.messaging.contact-policy.grouping-window=PT10M", "camunda.bpm.process-engine-name=grouping"})
@ActiveProfiles("test")
@Import(Api.class)
class GroupedRemindersInAWaveTest {

    /** A Monday, 10:00 in Paris: within contact hours. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    /** The job executor works through one invoice of the wave every 20 seconds here: 30 of them take 9 min 40 s. */
    private static final Duration PER_INVOICE = Duration.ofSeconds(20);

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thirtyInvoicesFallingOverdueInOneWaveReachTheDebtorAsOneMessage() {
        EngineClock.moveTo(MONDAY);
        Instant waveStarts = ClockUtil.getCurrentTime().toInstant();
        UUID customer = debtor();
        UUID bystander = debtor();
        // Due a week ago, 1,010.00 to 1,300.00 EUR in steps of 10.00 (Rule_Default of DunningStrategy: reminder 1 by
        // email, courteous, at once). Total by hand: 30 terms of an arithmetic series, 30 x (1,010 + 1,300) / 2
        // = 30 x 1,155 = 34,650.00 EUR.
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            numbers.add(invoice(customer, new BigDecimal(1000 + 10 * i).setScale(2)));
        }
        String alone = invoice(bystander, new BigDecimal("750.00"));

        // The wave: the bystander's invoice first, then the customer's one by one, the dispatcher ticking in between.
        run(alone);
        for (int i = 0; i < numbers.size(); i++) {
            at(waveStarts.plus(PER_INVOICE.multipliedBy(i)));
            run(numbers.get(i));
            drain();
            assertThat(statuses(customer)).as("nothing goes out while the wave still reaches the customer (invoice %d)", i + 1)
                    .containsOnly("PENDING").hasSize(i + 1);
        }

        // 10:10: ten minutes of quiet for the bystander, only 20 seconds since the customer's last reminder was asked for
        at(waveStarts.plus(Duration.ofMinutes(10)));
        drain();
        assertThat(statuses(bystander)).containsExactly("SENT");
        assertThat(statuses(customer)).as("still gathering").containsOnly("PENDING");

        // 10:19:40: ten minutes after the last one (asked for at 10:09:40)
        at(waveStarts.plus(PER_INVOICE.multipliedBy(29)).plus(Duration.ofMinutes(10)));
        drain();

        assertThat(statuses(customer)).as("every reminder sent, none waiting behind the cap").hasSize(30).containsOnly("SENT");
        assertThat(jdbc.queryForList("select distinct provider_id from recouvra.outbox_message where customer_id = ?",
                String.class, customer)).as("one message").hasSize(1);
        assertThat(jdbc.queryForObject("select max(attempts) from recouvra.outbox_message where customer_id = ?",
                Integer.class, customer)).as("no row was tried twice").isOne();
        List<String> sent = jdbc.queryForList("""
                select content from recouvra.interaction where customer_id = ? and type = 'MESSAGE_SENT'""",
                String.class, customer).stream().map(GroupedRemindersInAWaveTest::plainSpaces).toList();
        assertThat(sent).as("each invoice's trail keeps the one message").hasSize(30);
        String message = sent.get(0);
        assertThat(message).contains("les factures suivantes restent impayées, pour un total de 34 650,00 €");
        for (int i = 1; i <= 30; i++) {
            // "- T-123, échue le 16 novembre 2026 : 1 010,00 €"
            String amount = String.format("%d %03d,00 €", (1000 + 10 * i) / 1000, (1000 + 10 * i) % 1000);
            assertThat(message).contains("- " + numbers.get(i - 1) + ", échue le 16 novembre 2026 : " + amount);
        }
    }

    private UUID debtor() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID customer, BigDecimal amount) {
        String number = TestData.invoiceNumber();
        LocalDate due = MONDAY.minusDays(7);
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, amount, "EUR"));
        return number;
    }

    /** What the job executor does for one invoice of the wave: every job of its instance due now. */
    private void run(String number) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult();
        jobs.runDue(instance);
    }

    private static void at(Instant moment) {
        ClockUtil.setCurrentTime(Date.from(moment));
    }

    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
    }

    private List<String> statuses(UUID customer) {
        return jdbc.queryForList("select status from recouvra.outbox_message where customer_id = ? and step = 'reminder-1'",
                String.class, customer);
    }

    /** French amounts are grouped with a (narrow) no-break space: compared here as a plain space. */
    private static String plainSpaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
