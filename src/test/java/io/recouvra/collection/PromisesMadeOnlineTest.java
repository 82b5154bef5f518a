package io.recouvra.collection;

import static io.recouvra.support.EngineClock.startOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.recouvra.collection.DebtorRequestRefused.Refusal;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A promise the debtor makes itself (the portal's) on the real engine: InvoiceCollection leaves its dunning wait for
 * the promise wait, checks the promise the day after the promised date plus the CallPolicy's grace (3 days as shipped),
 * and a broken promise counts as a call's does. Customers are well rated STANDARD ones: their strategy sends a first
 * reminder on the overdue day and the next one 10 days later (dunning-strategy.dmn).
 */
@RecouvraTest
class PromisesMadeOnlineTest {

    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    PromisesMadeOnline online;
    @Autowired
    PromisesToPay promises;
    @Autowired
    Disputes disputes;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    JdbcTemplate jdbc;

    LocalDate today;

    @BeforeEach
    void atTheStart() {
        BpmnAwareTests.init(engine);
        moveTo(START);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dunningWaitsForThePromisedDateAndGraceThenABrokenPromiseCounts() {
        UUID customer = customer();
        String number = invoice(customer, today.minusDays(20), "1500.00");
        ProcessInstance instance = run(number);
        assertThat(instance).isWaitingAt("Timer_NextLevel");
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(1);

        // promised on Monday 23 November for Monday 30 November: checked the day after the date plus 3 grace days,
        // at the start of Friday 4 December (30 + 1 + 3)
        UUID promiseId = online.promise(customer, List.of(number), today.plusDays(7), new BigDecimal("1500.00"));

        assertThat(instance).isWaitingAt("Timer_OnlinePromiseDue");
        assertThat(timerOf(instance)).isEqualTo(startOf(LocalDate.of(2026, 12, 4)));
        assertThat(runtime.getVariable(instance.getId(), "promiseMadeOnline")).as("taken once").isNull();
        assertThat(jdbc.queryForList("select kind || ' ' || step from recouvra.outbox_message where case_ref = ?", String.class,
                "promise-" + promiseId)).containsExactly("PROMISE_CONFIRMATION promise-confirmation");
        assertThat(online.promisedInvoices(customer)).containsEntry(number, LocalDate.of(2026, 11, 30));

        // the level-2 reminder was due on 3 December (10 days after level 1): it waits for the promise instead
        moveTo(LocalDate.of(2026, 12, 3));
        runJobs(instance);
        assertThat(instance).isWaitingAt("Timer_OnlinePromiseDue");
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(1);

        moveTo(LocalDate.of(2026, 12, 4));
        runJobs(instance);

        assertThat(instance).hasPassed("Task_CheckOnlinePromise").isWaitingAt("Timer_NextLevel");
        assertThat(jdbc.queryForObject("select status from recouvra.promise_to_pay where id = ?", String.class, promiseId))
                .isEqualTo("BROKEN");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where customer_id = ? and kind = 'BROKEN_PROMISE'",
                Integer.class, customer)).isEqualTo(1);
        assertThat(promises.countBroken(customer, START.minusYears(1))).as("what the score and the strategy read").isEqualTo(1);
        assertThat(online.promisedInvoices(customer)).isEmpty();
        // dunning goes on from level 1: the next level 10 days after the check
        moveTo(LocalDate.of(2026, 12, 14));
        runJobs(instance);
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).isEqualTo(2);
    }

    @Test
    void aPromiseKeptByThePaymentEndsTheCaseUnchecked() {
        UUID customer = customer();
        String number = invoice(customer, today.minusDays(20), "800.00");
        ProcessInstance instance = run(number);
        online.promise(customer, List.of(number), today.plusDays(3), new BigDecimal("800.00"));

        payments.register(new NewPayment(customer, new BigDecimal("800.00"), "EUR", today, "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("800.00")))));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvoicePaid").hasNotPassed("Task_CheckOnlinePromise");
    }

    @Test
    void aPromiseOnAnInvoiceNotDueYetGoesBackToWaitingForTheOverdueDayAfterTheCheck() {
        UUID customer = customer();
        String number = invoice(customer, today.plusDays(20), "300.00");
        ProcessInstance instance = run(number);
        online.promise(customer, List.of(number), today.plusDays(5), new BigDecimal("300.00"));
        assertThat(instance).isWaitingAt("Timer_OnlinePromiseDue");

        moveTo(today.plusDays(9));
        runJobs(instance);

        // not chased yet: back to the wait for the overdue day (its due date plus the strategy's grace)
        assertThat(instance).hasPassed("Task_CheckOnlinePromise").isWaitingAt("Timer_InvoiceOverdue");
        assertThat(runtime.getVariable(instance.getId(), "dunningLevel")).as("no reminder sent: no level yet").isNull();
    }

    @Test
    void aDisputeStillInterruptsTheWaitForThePromise() {
        UUID customer = customer();
        String number = invoice(customer, today.minusDays(20), "650.00");
        ProcessInstance instance = run(number);
        online.promise(customer, List.of(number), today.plusDays(7), new BigDecimal("650.00"));

        disputes.raise(number, "QUALITY", "damaged", "API");

        assertThat(instance).isWaitingAt("CallActivity_DisputeMediation");
    }

    @Test
    void aPromiseBeyondThePolicysLimitIsRefusedAndNothingKept() {
        UUID customer = customer();
        String number = invoice(customer, today.minusDays(20), "1000.00");
        ProcessInstance instance = run(number);
        // CallPolicy: 90 days at most; 23 November + 90 days = 21 February 2027
        assertThat(online.latestDate(customer)).isEqualTo(LocalDate.of(2027, 2, 21));

        assertThatThrownBy(() -> online.promise(customer, List.of(number), LocalDate.of(2027, 2, 22), new BigDecimal("1000.00")))
                .isInstanceOfSatisfying(DebtorRequestRefused.class, refused -> assertThat(refused.refusals())
                        .containsExactly(new Refusal("promisedDate", "date-too-far", null, LocalDate.of(2027, 2, 21), null, null)));
        assertThat(online.promise(customer, List.of(number), LocalDate.of(2027, 2, 21), new BigDecimal("1000.00"))).isNotNull();
        assertThat(instance).isWaitingAt("Timer_OnlinePromiseDue");
    }

    @Test
    void refusedPromisesSayWhyAndKeepNothing() {
        UUID customer = customer();
        String promised = invoice(customer, today.minusDays(20), "400.00");
        String disputed = invoice(customer, today.minusDays(20), "200.00");
        String other = invoice(customer(), today.minusDays(20), "900.00");
        run(promised);
        run(disputed);
        run(other);
        disputes.raise(disputed, "PRICE", "wrong price", "API");

        assertThat(refusals(customer, List.of(disputed), today.plusDays(5), "100.00"))
                .containsExactly(new Refusal("invoices", "disputed", disputed, null, null, null));
        assertThat(refusals(customer, List.of(other), today.plusDays(5), "100.00")).as("another customer's invoice")
                .containsExactly(new Refusal("invoices", "not-open", other, null, null, null));
        assertThat(refusals(customer, List.of(promised), today.minusDays(1), "400.01")).containsExactly(
                new Refusal("promisedDate", "date-past", null, today, null, null),
                new Refusal("promisedAmount", "amount-too-high", null, null, new BigDecimal("400.00"), "EUR"));
        assertThat(refusals(customer, List.of(), today.plusDays(5), "0")).containsExactly(
                Refusal.of("invoices", "none-chosen"), Refusal.of("promisedAmount", "amount-not-positive"));
        assertThat(jdbc.queryForObject("select count(*) from recouvra.promise_to_pay where customer_id = ?", Integer.class, customer))
                .isZero();
        assertThat(collection.instanceOf(other)).isWaitingAt("Timer_NextLevel");

        online.promise(customer, List.of(promised), today.plusDays(5), new BigDecimal("400.00"));
        assertThat(refusals(customer, List.of(promised), today.plusDays(6), "10.00")).as("one open promise at a time")
                .containsExactly(new Refusal("invoices", "promise-open", null, today.plusDays(5), null, null));
    }

    private List<Refusal> refusals(UUID customer, List<String> numbers, LocalDate date, String amount) {
        try {
            online.promise(customer, numbers, date, new BigDecimal(amount));
        } catch (DebtorRequestRefused refused) {
            return refused.refusals();
        }
        throw new AssertionError("the promise was kept");
    }

    private UUID customer() {
        return customers.register(new NewCustomer("Garage Promesse " + TestData.invoiceNumber(),
                TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue des Lilas", "69003", "Lyon",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "STANDARD"))
                .getId();
    }

    private String invoice(UUID customer, LocalDate dueDate, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, dueDate.minusDays(30), dueDate, new BigDecimal(amount), "EUR"));
        return number;
    }

    private ProcessInstance run(String number) {
        ProcessInstance instance = collection.instanceOf(number);
        runJobs(instance);
        return instance;
    }

    private void runJobs(ProcessInstance instance) {
        collection.runJobs(instance);
    }

    private java.util.Date timerOf(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
    }

    private void moveTo(LocalDate day) {
        EngineClock.moveTo(day);
        today = day;
    }
}
