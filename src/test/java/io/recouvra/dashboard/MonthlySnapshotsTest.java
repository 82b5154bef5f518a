package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recouvra.dashboard.MonthlyFigures.Month;
import io.recouvra.dashboard.MonthlySnapshots.Line;
import io.recouvra.database.SingleNodeJobs;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly snapshot on a known ledger in CAD (a currency no other test uses) over January to March 2024 (months no
 * other test takes). Invoices (customer type, issued, due, amount; all still owed unless said):
 * <pre>
 * S1 STANDARD       10/01  09/02  1 000.00
 * S2 STANDARD       15/02  16/03    600.00
 * K1 KEY_ACCOUNT    20/01  25/01    400.00
 * K2 KEY_ACCOUNT    05/03  04/04    900.00
 * P1 PUBLIC_SECTOR  01/02  02/03    500.00  paid in full since: a sale of February, never owed in a snapshot
 *
 * 31/01: S1 not due 1 000; K1 6 days 1-30 400.             Sales January: STANDARD 1 000, KEY_ACCOUNT 400 = 1 400
 * 29/02: S1 20 days 1-30 1 000; S2 not due 600; K1 35 days 31-60 400.  Sales February: STANDARD 600, PUBLIC_SECTOR 500 = 1 100
 * 31/03: S1 51 days 31-60 1 000; S2 15 days 1-30 600; K1 66 days 61-90 400; K2 not due 900.  Sales March: KEY_ACCOUNT 900
 *
 * All customer types, March: receivables 2 900, current 900.
 *   DSO countback: 2 900 − 900 (March) = 2 000 → 31 days; 2 000 − 1 100 (February) = 900 → 29 days; 900 ÷ 1 400 × 31
 *   (January) = 19.928571 days: 79.928571 → 79.9. Best possible: 900 = March's sales → 31.0. ADD 48.928571 → 48.9.
 *   Simple (the three months, 91 days, 3 400 of sales): 2 900 × 91 ÷ 3 400 = 77.617647 → 77.6; best 900 × 91 ÷ 3 400
 *   = 24.088235 → 24.1; ADD 53.529412 → 53.5.
 *   CEI: (2 000 opening + 900 sales − 2 900 closing) ÷ (2 000 + 900 − 900 current) × 100 = 0 ÷ 2 000 = 0.0 %.
 * February: receivables 2 000, current 600. Countback 2 000 − 1 100 = 900 → 29; 900 ÷ 1 400 × 31 = 19.928571: 48.9.
 *   Best 600 ÷ 1 100 × 29 = 15.818182 → 15.8. ADD 33.110390 → 33.1.
 *   CEI (1 400 + 1 100 − 2 000) ÷ (1 400 + 1 100 − 600) × 100 = 500 ÷ 1 900 × 100 = 26.315789 → 26.3 %.
 * January: countback 1 400 = January's sales → 31.0; best 1 000 ÷ 1 400 × 31 = 22.142857 → 22.1; ADD 8.857143 → 8.9;
 *   no CEI (no December taken).
 * KEY_ACCOUNT, March: receivables 1 300, current 900; sales January 400, February 0, March 900. Countback 1 300 − 900
 *   → 31; 400 − 0 (February, no sales: a whole month) → 29; 400 − 400 (January) → 31: 91.0. Best 900 = March → 31.0.
 * </pre>
 */
@RecouvraTest
class MonthlySnapshotsTest {

    private static final YearMonth JANUARY = YearMonth.of(2024, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
    private static final YearMonth MARCH = YearMonth.of(2024, 3);

    @Autowired
    MonthlySnapshots snapshots;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    SingleNodeJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void eachMonthIsTakenOnceWithItsAgedBalanceAndSalesByCustomerType() {
        UUID standard = customer("STANDARD");
        UUID key = customer("KEY_ACCOUNT");
        UUID publicSector = customer("PUBLIC_SECTOR");
        invoice(standard, "2024-01-10", "2024-02-09", "1000.00");
        invoice(standard, "2024-02-15", "2024-03-16", "600.00");
        invoice(key, "2024-01-20", "2024-01-25", "400.00");
        invoice(key, "2024-03-05", "2024-04-04", "900.00");
        invoice(publicSector, "2024-02-01", "2024-03-02", "500.00");
        payments.register(new NewPayment(publicSector, new BigDecimal("500.00"), "CAD", LocalDate.now(clock), "VIR-" + UUID.randomUUID(), null));

        assertThat(snapshots.take(JANUARY, "test")).isTrue();
        assertThat(snapshots.take(FEBRUARY, "test")).isTrue();
        assertThat(snapshots.take(MARCH, "test")).isTrue();

        List<Line> lines = cad(snapshots.lines(JANUARY, MARCH));
        assertLine(lines, FEBRUARY, "STANDARD", "600.00", "1000.00", "0", "0", "0", "0", "600.00");
        assertLine(lines, FEBRUARY, "KEY_ACCOUNT", "0", "0", "400.00", "0", "0", "0", "0");
        assertLine(lines, FEBRUARY, "PUBLIC_SECTOR", "0", "0", "0", "0", "0", "0", "500.00");
        assertLine(lines, MARCH, "KEY_ACCOUNT", "900.00", "0", "0", "400.00", "0", "0", "900.00");
        assertLine(lines, JANUARY, "STANDARD", "1000.00", "0", "0", "0", "0", "0", "1000.00");

        List<YearMonth> taken = snapshots.taken(JANUARY, MARCH);
        List<Month> all = MonthlyFigures.of(taken, lines, line -> true);
        Month march = all.get(2);
        assertThat(march.receivables()).isEqualByComparingTo("2900.00");
        assertThat(march.current()).isEqualByComparingTo("900.00");
        assertThat(march.countback().dso()).contains(new BigDecimal("79.9"));
        assertThat(march.countback().bestPossible()).contains(new BigDecimal("31.0"));
        assertThat(march.countback().averageDaysDelinquent()).contains(new BigDecimal("48.9"));
        assertThat(march.simple().dso()).contains(new BigDecimal("77.6"));
        assertThat(march.simple().bestPossible()).contains(new BigDecimal("24.1"));
        assertThat(march.simple().averageDaysDelinquent()).contains(new BigDecimal("53.5"));
        assertThat(march.collectionEffectiveness()).contains(new BigDecimal("0.0"));
        Month february = all.get(1);
        assertThat(february.countback().dso()).contains(new BigDecimal("48.9"));
        assertThat(february.countback().bestPossible()).contains(new BigDecimal("15.8"));
        assertThat(february.countback().averageDaysDelinquent()).contains(new BigDecimal("33.1"));
        assertThat(february.collectionEffectiveness()).contains(new BigDecimal("26.3"));
        Month january = all.get(0);
        assertThat(january.countback().dso()).contains(new BigDecimal("31.0"));
        assertThat(january.countback().bestPossible()).contains(new BigDecimal("22.1"));
        assertThat(january.countback().averageDaysDelinquent()).contains(new BigDecimal("8.9"));
        assertThat(january.collectionEffectiveness()).isEmpty();
        Month keyAccounts = MonthlyFigures.of(taken, lines, line -> line.segment().customerType().equals("KEY_ACCOUNT")).get(2);
        assertThat(keyAccounts.receivables()).isEqualByComparingTo("1300.00");
        assertThat(keyAccounts.countback().dso()).contains(new BigDecimal("91.0"));
        assertThat(keyAccounts.countback().bestPossible()).contains(new BigDecimal("31.0"));

        // taken once: an invoice of January registered since changes nothing in the month kept
        invoice(standard, "2024-01-15", "2024-02-14", "7000.00");
        assertThat(snapshots.take(JANUARY, "test")).isFalse();
        assertLine(cad(snapshots.lines(JANUARY, JANUARY)), JANUARY, "STANDARD", "1000.00", "0", "0", "0", "0", "0", "1000.00");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.receivables_month where month = '2024-01'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theNightlyJobTakesTheMonthJustEndedOnceAndAMonthNotEndedCannotBeTaken() {
        Clock mayTheFirst = Clock.fixed(LocalDate.of(2024, 5, 1).atTime(0, 30).atZone(ZoneId.of("Europe/Paris")).toInstant(),
                ZoneId.of("Europe/Paris"));
        var job = new ScheduledMonthlySnapshot(snapshots, jobs, mayTheFirst);

        assertThat(job.takeLastMonthUnlessAnotherNodeIs()).isTrue();
        assertThat(snapshots.isTaken(YearMonth.of(2024, 4))).isTrue();
        String takenAt = jdbc.queryForObject("select taken_at::text from recouvra.receivables_month where month = '2024-04'", String.class);

        // the next night finds it taken: nothing changes
        job.takeLastMonthUnlessAnotherNodeIs();
        assertThat(jdbc.queryForObject("select taken_at::text from recouvra.receivables_month where month = '2024-04'", String.class))
                .isEqualTo(takenAt);
        assertThat(jdbc.queryForObject("select taken_by from recouvra.receivables_month where month = '2024-04'", String.class))
                .isEqualTo(ScheduledMonthlySnapshot.TAKEN_BY);

        YearMonth thisMonth = YearMonth.now(clock);
        assertThatThrownBy(() -> snapshots.take(thisMonth, "test")).isInstanceOf(IllegalArgumentException.class);
        assertThat(snapshots.isTaken(thisMonth)).isFalse();
    }

    private static List<Line> cad(List<Line> lines) {
        return lines.stream().filter(line -> line.currency().equals("CAD")).toList();
    }

    private static void assertLine(List<Line> lines, YearMonth month, String type, String notDue, String d1to30, String d31to60,
                                   String d61to90, String d91to180, String over180, String sales) {
        Line line = lines.stream().filter(l -> l.month().equals(month) && l.segment().customerType().equals(type)).findFirst().orElseThrow();
        String[] expected = {notDue, d1to30, d31to60, d61to90, d91to180, over180};
        for (AgeingBucket bucket : AgeingBucket.values()) {
            assertThat(line.byBucket().get(bucket)).as(month + " " + type + " " + bucket.label()).isEqualByComparingTo(expected[bucket.ordinal()]);
        }
        assertThat(line.sales()).as(month + " " + type + " sales").isEqualByComparingTo(sales);
    }

    private UUID customer(String type) {
        return customers.register(new NewCustomer("Snapshot " + type + " SA", TestData.siren(), null, null, null, null, null, null,
                List.of(), type)).getId();
    }

    private void invoice(UUID customer, String issued, String due, String amount) {
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, LocalDate.parse(issued), LocalDate.parse(due),
                new BigDecimal(amount), "CAD"));
    }
}
