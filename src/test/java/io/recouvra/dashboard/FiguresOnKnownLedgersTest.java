package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.recouvra.dashboard.CashForecast.Forecast;
import io.recouvra.dashboard.CashForecast.Week;
import io.recouvra.dashboard.DisputeFigures.Credited;
import io.recouvra.dashboard.DisputeFigures.Report;
import io.recouvra.dashboard.RiskFigures.CustomerRisk;
import io.recouvra.dashboard.RiskFigures.EarlyWarning;
import io.recouvra.receivables.CashFigures;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.EarlyWarningRaised;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Promises and plans, disputes, the cash forecast and risk on known ledgers: the grouped queries of
 * {@code collection.CollectionFigures}, {@code receivables.CashFigures} and {@code receivables.Exposures}, the trail's
 * early warnings, and the figures built on them. The ledger
 * goes through its services; the promises', plans' and disputes' states are written as the collection processes
 * write them (those processes are tested in collection), so that each state sits on a day worked out by hand.
 */
@RecouvraTest
class FiguresOnKnownLedgersTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    PromisesAndPlans promisesAndPlans;
    @Autowired
    DisputeFigures disputes;
    @Autowired
    CashForecast forecast;
    @Autowired
    CashFigures cash;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    RiskFigures risk;
    @Autowired
    InteractionLog trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /**
     * November 2026; promises by promised date, plans by the day they ended (in Paris):
     * <pre>
     * promise 31 Oct  KEPT    999.00  before the period: not counted
     * promise  2 Nov  KEPT    100.00
     * promise 15 Nov  KEPT     50.00
     * promise 20 Nov  BROKEN   30.00
     * promise 30 Nov  OPEN     20.00  pending
     *   → kept 2 (150.00), broken 1 (30.00), pending 1 (20.00); rate 2 ÷ 3 × 100 = 66.7
     * plan ended 10 Nov 12:00  COMPLETED 600.00
     * plan ended 20 Nov 12:00  BROKEN    300.00
     * plan ended  1 Dec 00:30  BROKEN    800.00  (30 Nov 23:30 UTC: in December in Paris, not counted)
     * plan running             ACTIVE    400.00  pending
     *   → kept 1 (600.00), broken 1 (300.00), pending 1 (400.00); rate 1 ÷ 2 × 100 = 50.0
     * </pre>
     */
    @Test
    void promisesAndPlansKeptOrBrokenInNovember() {
        UUID p = customer("Figures promises SA");
        promise(p, LocalDate.of(2026, 10, 31), "KEPT", "999.00");
        promise(p, LocalDate.of(2026, 11, 2), "KEPT", "100.00");
        promise(p, LocalDate.of(2026, 11, 15), "KEPT", "50.00");
        promise(p, LocalDate.of(2026, 11, 20), "BROKEN", "30.00");
        promise(p, LocalDate.of(2026, 11, 30), "OPEN", "20.00");
        plan(p, "COMPLETED", "600.00", LocalDateTime.of(2026, 11, 10, 12, 0));
        plan(p, "BROKEN", "300.00", LocalDateTime.of(2026, 11, 20, 12, 0));
        plan(p, "BROKEN", "800.00", LocalDateTime.of(2026, 12, 1, 0, 30));
        plan(p, "ACTIVE", "400.00", null);
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);

        List<Keeping> promises = promisesAndPlans.promises(from, to, List.of(p));
        List<Keeping> plans = promisesAndPlans.plans(from, to, List.of(p));

        assertThat(promises).containsExactly(new Keeping("EUR", 2, new BigDecimal("150.00"), 1, new BigDecimal("30.00"),
                1, new BigDecimal("20.00")));
        assertThat(promises.get(0).keptRate()).contains(new BigDecimal("66.7"));
        assertThat(plans).containsExactly(new Keeping("EUR", 1, new BigDecimal("600.00"), 1, new BigDecimal("300.00"),
                1, new BigDecimal("400.00")));
        assertThat(plans.get(0).keptRate()).contains(new BigDecimal("50.0"));
    }

    /**
     * December 2026, today Thursday 31 December (Friday 25 December a public holiday), times in Paris:
     * <pre>
     * invoice  reason   raised           resolved         root cause      credited  business days  deadline
     * EUR 1    PRICE    Tue  1 Dec 10:00 Mon  7 Dec 16:00 PRICING_ERROR   120.00    2,3,4,7 = 4    Tue 8: in time
     * USD 2    QUALITY  Fri 18 Dec 00:30 Tue 29 Dec 09:00 QUALITY_DEFECT   40.00    21,22,23,24,28,29 = 6
     *                                                                                              Mon 28: late
     *          (00:30 in Paris is 17 Dec 23:30 UTC: counted from the 17th it would be 7 days)
     * EUR 3    PRICE    Mon 14 Dec 11:00 open                                                      Mon 21: past it
     * EUR 4    OTHER    Mon  2 Nov       Tue  1 Dec 00:30 (30 Nov UTC)    500.00  resolved in December in Paris
     *                                                                               → counted: 20 business days
     *          after 2 Nov: 3,4,5,6 (4), 9,10,(11 Nov),12,13 (8), 16–20 (13), 23–27 (18), 30 Nov (19), 1 Dec (20);
     *          deadline Mon 9 Nov: late
     * open 1 (PRICE), past the deadline 1; resolved 3: OTHER 1, PRICING_ERROR 1, QUALITY_DEFECT 1; in time 1 of 3 = 33.3 %
     * mean (4 + 6 + 20) ÷ 3 = 10.0; credited EUR 620.00 on 2 invoices, USD 40.00 on 1
     * </pre>
     */
    @Test
    void disputesOfDecemberAgainstTheirDeadline() {
        UUID d = customer("Figures disputes SA");
        dispute(d, invoice(d, LocalDate.of(2026, 11, 30), "1000.00", "EUR"), "PRICE", at(2026, 12, 1, 10, 0),
                at(2026, 12, 7, 16, 0), "PRICING_ERROR", "120.00");
        dispute(d, invoice(d, LocalDate.of(2026, 11, 30), "500.00", "USD"), "QUALITY", at(2026, 12, 18, 0, 30),
                at(2026, 12, 29, 9, 0), "QUALITY_DEFECT", "40.00");
        dispute(d, invoice(d, LocalDate.of(2026, 11, 30), "300.00", "EUR"), "PRICE", at(2026, 12, 14, 11, 0), null, null, null);
        dispute(d, invoice(d, LocalDate.of(2026, 10, 30), "900.00", "EUR"), "OTHER", at(2026, 11, 2, 9, 0),
                at(2026, 12, 1, 0, 30), "OTHER", "500.00");

        Report report = disputes.report(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31), List.of(d));

        assertThat(report.open()).isEqualTo(1);
        assertThat(report.openByReason()).containsExactly(Map.entry("PRICE", 1L));
        assertThat(report.openPastDeadline()).isEqualTo(1);
        assertThat(report.resolved()).isEqualTo(3);
        assertThat(report.resolvedByRootCause()).containsExactly(Map.entry("OTHER", 1L), Map.entry("PRICING_ERROR", 1L),
                Map.entry("QUALITY_DEFECT", 1L));
        assertThat(report.resolvedWithinSla()).isEqualTo(1);
        assertThat(report.withinSlaRate()).contains(new BigDecimal("33.3"));
        assertThat(report.averageBusinessDays()).contains(new BigDecimal("10.0"));
        assertThat(report.credited()).containsExactly(new Credited("EUR", 2, new BigDecimal("620.00")),
                new Credited("USD", 1, new BigDecimal("40.00")));
    }

    /**
     * Today {@code d}. Customer A paid 1 000.00 on d−30 for A1 (due d−40: 10 days late) and 500.00 on d−16 for A2
     * (due d−20: 4 days late), allocated oldest due first: its delay is (1 000 × 10 + 500 × 4) ÷ 1 500 = 12 000 ÷ 1 500
     * = 8.0 days. Customer B has paid nothing: no shift.
     * <pre>
     * A3  2 000.00  due d+5   → expected d+13
     * A4    300.00  due d−3   under an open promise of 300.00 for d+2: expected through the promise, d+2
     * B1    700.00  due d+20  → d+20
     * B2    400.00  due d−10  in a running plan: instalments 200.00 on d+7 and 200.00 on d+35
     * B3    900.00  due d−60  → d−60, before the current week: "expected before"
     * in the 13 weeks: 2 000 + 300 + 700 + 200 + 200 = 3 400.00, each in the week of its day; later 0
     * received: 1 000.00 (d−30) + 500.00 (d−16) = 1 500.00, in the weeks before the current one
     * </pre>
     */
    @Test
    void theForecastShiftsDueDatesByThePaymentDelayAndTakesPromisesAndInstalments() {
        LocalDate d = LocalDate.now(clock);
        UUID a = customer("Figures forecast A SA");
        invoice(a, d.minusDays(40), "1000.00", "EUR");
        invoice(a, d.minusDays(20), "500.00", "EUR");
        invoice(a, d.plusDays(5), "2000.00", "EUR");
        String a4 = invoice(a, d.minusDays(3), "300.00", "EUR");
        pay(a, "1000.00", d.minusDays(30));
        pay(a, "500.00", d.minusDays(16));
        UUID promise = promise(a, d.plusDays(2), "OPEN", "300.00");
        jdbc.update("insert into recouvra.promise_to_pay_invoice (promise_id, invoice_number) values (?, ?)", promise, a4);
        UUID b = customer("Figures forecast B SA");
        invoice(b, d.plusDays(20), "700.00", "EUR");
        String b2 = invoice(b, d.minusDays(10), "400.00", "EUR");
        invoice(b, d.minusDays(60), "900.00", "EUR");
        UUID plan = plan(b, "ACTIVE", "400.00", null);
        jdbc.update("insert into recouvra.payment_plan_invoice (plan_id, invoice_number) values (?, ?)", plan, b2);
        instalment(plan, 1, d.plusDays(7), "200.00");
        instalment(plan, 2, d.plusDays(35), "200.00");

        assertThat(cash.paymentDelays(d, List.of(a, b))).containsOnlyKeys(a);
        assertThat(cash.paymentDelays(d, List.of(a, b)).get(a)).isEqualByComparingTo("8.0");
        List<Forecast> forecasts = forecast.on(d, List.of(a, b));

        assertThat(forecasts).extracting(Forecast::currency).containsExactly("EUR");
        Forecast eur = forecasts.get(0);
        assertThat(eur.expectedBefore()).isEqualByComparingTo("900.00");
        assertThat(eur.expectedLater()).isEqualByComparingTo("0");
        Map<LocalDate, String> expected = Map.of(d.plusDays(13), "2000.00", d.plusDays(2), "300.00", d.plusDays(20), "700.00",
                d.plusDays(7), "200.00", d.plusDays(35), "200.00");
        for (Week week : eur.weeks()) {
            BigDecimal inWeek = expected.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(week.monday()) && e.getKey().isBefore(week.monday().plusDays(7)))
                    .map(e -> new BigDecimal(e.getValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(week.expected()).as("expected in the week of %s", week.monday()).isEqualByComparingTo(inWeek);
        }
        assertThat(eur.weeks().stream().map(Week::received).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1500.00");
        assertThat(eur.weeks().subList(CashForecast.WEEKS, 2 * CashForecast.WEEKS))
                .allSatisfy(week -> assertThat(week.received()).isEqualByComparingTo("0"));
    }

    /**
     * Today {@code d}. Customer R (credit limit 10 000.00): EUR 6 000.00 due d−10 and 5 000.00 due d+20, USD 700.00 due
     * d+5; customer S (no limit): EUR 2 000.00 due d−1, 500.00 paid.
     * <pre>
     * largest first   exposure   overdue   headroom
     * R EUR           11 000.00  6 000.00  10 000 − 11 000 = −1 000.00: over the limit
     * S EUR            1 500.00  1 500.00  none (no limit)
     * R USD              700.00      0     none (the limit is in EUR)
     * no cover: insured 0, uninsured = exposure
     * early warnings: R today "risk class B → D", S 29 days ago "cover reduced", R 31 days ago (too old): 2, newest first
     * </pre>
     */
    @Test
    void exposuresLargestFirstAgainstTheLimitAndTheEarlyWarningsOfThirtyDays() {
        LocalDate d = LocalDate.now(clock);
        UUID r = customer("Figures risk R SA");
        invoice(r, d.minusDays(10), "6000.00", "EUR");
        invoice(r, d.plusDays(20), "5000.00", "EUR");
        invoice(r, d.plusDays(5), "700.00", "USD");
        // set after the invoices, as a later credit review would: registering them over a limit raises warnings of its own
        jdbc.update("update recouvra.customer set credit_limit = 10000.00 where id = ?", r);
        UUID s = customer("Figures risk S SA");
        invoice(s, d.minusDays(1), "2000.00", "EUR");
        pay(s, "500.00", d);
        trail.record(r, null, Interaction.Medium.SYSTEM, Interaction.Direction.INTERNAL, Interaction.Type.NOTE,
                EarlyWarningRaised.NOTE_PREFIX + "risk class B → D", null);
        note(s, Instant.now(clock).minus(29, ChronoUnit.DAYS), EarlyWarningRaised.NOTE_PREFIX + "cover reduced");
        note(r, Instant.now(clock).minus(31, ChronoUnit.DAYS), EarlyWarningRaised.NOTE_PREFIX + "too old");

        List<CustomerRisk> first = risk.exposures(d, List.of(r, s), 0, 2);
        List<CustomerRisk> second = risk.exposures(d, List.of(r, s), 1, 2);
        List<EarlyWarning> warnings = risk.earlyWarnings(d, List.of(r, s), 0, 10);

        assertThat(first).extracting(CustomerRisk::customerName, CustomerRisk::currency)
                .containsExactly(tuple("Figures risk R SA", "EUR"), tuple("Figures risk S SA", "EUR"));
        assertThat(first.get(0).exposure()).isEqualByComparingTo("11000.00");
        assertThat(first.get(0).overdue()).isEqualByComparingTo("6000.00");
        assertThat(first.get(0).headroom()).hasValueSatisfying(h -> assertThat(h).isEqualByComparingTo("-1000.00"));
        assertThat(first.get(0).overLimit()).isTrue();
        assertThat(first.get(0).uninsured()).isEqualByComparingTo("11000.00");
        assertThat(first.get(1).exposure()).isEqualByComparingTo("1500.00");
        assertThat(first.get(1).overdue()).isEqualByComparingTo("1500.00");
        assertThat(first.get(1).headroom()).isEmpty();
        assertThat(second).singleElement().satisfies(usd -> {
            assertThat(usd.currency()).isEqualTo("USD");
            assertThat(usd.exposure()).isEqualByComparingTo("700.00");
            assertThat(usd.headroom()).isEmpty();
        });
        assertThat(warnings).extracting(EarlyWarning::customerId, EarlyWarning::signs)
                .containsExactly(tuple(r, "risk class B → D"), tuple(s, "cover reduced"));
    }

    private void note(UUID customer, Instant at, String summary) {
        jdbc.update("insert into recouvra.interaction (id, customer_id, occurred_at, channel, direction, type, summary)"
                + " values (?, ?, ?, 'SYSTEM', 'INTERNAL', 'NOTE', ?)", UUID.randomUUID(), customer, Timestamp.from(at), summary);
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount, String currency) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), currency));
        return number;
    }

    private void pay(UUID customer, String amount, LocalDate on) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", on, "VIR-" + UUID.randomUUID(), null));
    }

    private UUID promise(UUID customer, LocalDate promisedDate, String status, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, promised_date, amount, currency, status, made_at)
                values (?, ?, ?, ?, 'EUR', ?, now())""", id, customer, promisedDate, new BigDecimal(amount), status);
        return id;
    }

    private UUID plan(UUID customer, String status, String total, LocalDateTime endedInParis) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.payment_plan (id, customer_id, status, total, currency, frequency, requested_via,
                    created_at, accepted_at, ended_at)
                values (?, ?, ?, ?, 'EUR', 'MONTHLY', 'API', now(), now(), ?)""", id, customer, status, new BigDecimal(total),
                endedInParis == null ? null : Timestamp.from(endedInParis.atZone(PARIS).toInstant()));
        return id;
    }

    private void instalment(UUID plan, int seq, LocalDate due, String amount) {
        jdbc.update("insert into recouvra.payment_plan_instalment (plan_id, seq, due_date, amount) values (?, ?, ?, ?)",
                plan, seq, due, new BigDecimal(amount));
    }

    private void dispute(UUID customer, String invoiceNumber, String reason, Timestamp raisedAt, Timestamp resolvedAt,
                         String rootCause, String credited) {
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, raised_via, raised_at, resolved_at, outcome,
                    root_cause, credited)
                values (?, ?, ?, ?, 'API', ?, ?, ?, ?, ?)""", UUID.randomUUID(), invoices.idOf(invoiceNumber).orElseThrow(),
                customer, reason, raisedAt, resolvedAt, resolvedAt == null ? null : "RESOLVED", rootCause,
                credited == null ? null : new BigDecimal(credited));
    }

    private static Timestamp at(int year, int month, int day, int hour, int minute) {
        return Timestamp.from(LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant());
    }
}
