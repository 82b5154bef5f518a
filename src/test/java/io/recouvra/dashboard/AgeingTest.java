package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.recouvra.dashboard.Ageing.AgedBalance;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The aged balance and its gauges on a known ledger, registered through the ledger's services. Worked by hand,
 * {@code d} being today (the invoices' due dates, days past due on {@code d}, what each still owes):
 * <pre>
 * customer A (EUR)  d+10   -10  1 000.00  not due
 *                   d        0    200.00  not due (falls due today: not overdue yet)
 *                   d-1      1    300.00  1-30
 *                   d-31    31    500.00  31-60
 *                   d-75    75    600.00  61-90
 *                   d-120  120    700.00  91-180
 *                   d-180  180     50.00  91-180
 *                   d-181  181    800.00  >180
 * customer A (USD)  d-45    45    900.00  31-60
 * customer B (EUR)  d-30    30    400.00 − 150.00 paid = 250.00  1-30
 * customer C (EUR)  d-20    20    100.00 − 100.00 paid = settled, not counted
 * customer A (EUR)  d        0     75.00  a debit note of late charges (booked due today at the latest):
 *                                         not a sale, not counted
 *
 * EUR: not due 1 200.00, 1-30 550.00, 31-60 500.00, 61-90 600.00, 91-180 750.00, >180 800.00
 *      outstanding 4 400.00, overdue 4 400.00 − 1 200.00 = 3 200.00
 * USD: 31-60 900.00; outstanding 900.00, overdue 900.00
 * </pre>
 */
@RecouvraTest
class AgeingTest {

    @Autowired
    Ageing ageing;
    @Autowired
    ReceivablesGauges gauges;
    @Autowired
    HeadlineFigures headline;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void theKnownLedgerIsAgedByBucketPerCurrencyEurFirst() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> ledger = knownLedger(today, "EUR", "USD");

        List<AgedBalance> balances = ageing.on(today, ledger);

        assertThat(balances).extracting(AgedBalance::currency).containsExactly("EUR", "USD");
        AgedBalance eur = balances.get(0);
        assertThat(eur.outstanding()).isEqualByComparingTo("4400.00");
        assertThat(eur.overdue()).isEqualByComparingTo("3200.00");
        assertBuckets(eur, "1200.00", "550.00", "500.00", "600.00", "750.00", "800.00");
        AgedBalance usd = balances.get(1);
        assertThat(usd.outstanding()).isEqualByComparingTo("900.00");
        assertThat(usd.overdue()).isEqualByComparingTo("900.00");
        assertBuckets(usd, "0", "0", "900.00", "0", "0", "0");
    }

    @Test
    void aDayEarlierEverythingIsADayYounger() {
        LocalDate today = LocalDate.now(clock);
        List<UUID> ledger = knownLedger(today, "EUR", "USD");

        // on d-1: the invoice due d-1 falls due that day (not due), d-31 is 30 days past due (1-30), d-181 is 180
        // (91-180); every invoice was issued by d-20, so all count, with what they owe today (customer B's payment
        // received on d already counts). EUR: not due 1 000 + 200 + 300 = 1 500, 1-30 250 + 500 = 750, 31-60 0,
        // 61-90 600, 91-180 700 + 50 + 800 = 1 550, >180 0; outstanding 4 400 as on d
        AgedBalance eur = ageing.on(today.minusDays(1), ledger).get(0);
        assertBuckets(eur, "1500.00", "750.00", "0", "600.00", "1550.00", "0");
        assertThat(eur.outstanding()).isEqualByComparingTo("4400.00");
        assertThat(eur.overdue()).isEqualByComparingTo("2900.00");
    }

    @Test
    void theGaugesShowTheLedgerAfterARefresh() {
        LocalDate today = LocalDate.now(clock);
        // currencies no other test uses, so that the whole book's figures in them are this ledger's
        knownLedger(today, "SEK", "NOK");

        gauges.refresh();

        assertThat(gauge("recouvra.receivables.outstanding", "currency", "SEK")).isEqualTo(4400.0);
        assertThat(gauge("recouvra.receivables.overdue", "currency", "SEK")).isEqualTo(3200.0);
        assertThat(gauge("recouvra.receivables.aged", "currency", "SEK", "bucket", "91_180")).isEqualTo(750.0);
        assertThat(gauge("recouvra.receivables.outstanding", "currency", "NOK")).isEqualTo(900.0);
        assertThat(gauge("recouvra.receivables.aged", "currency", "NOK", "bucket", "not_due")).isEqualTo(0.0);
    }

    @Test
    void aCurrencyNoLongerOwedLeavesTheGaugesAtTheNextRefresh() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customer("Ageing CZK SA");
        invoice(customer, today.minusDays(5), "120.00", "CZK");
        gauges.refresh();
        assertThat(gauge("recouvra.receivables.overdue", "currency", "CZK")).isEqualTo(120.0);

        pay(customer, "120.00", "CZK", today);
        gauges.refresh();

        assertThat(meters.find("recouvra.receivables.outstanding").tag("currency", "CZK").gauge()).isNull();
        assertThat(meters.find("recouvra.receivables.aged").tag("currency", "CZK").gauges()).isEmpty();
    }

    /**
     * A scrape reads the snapshot the last refresh took, never the ledger: 100.00 leva owed at the refresh, then an
     * invoice of 50.00 registered; the scrape still says 100.0 until the next refresh says 150.0.
     */
    @Test
    void aScrapeReadsTheLastSnapshotNotTheLedger() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customer("Ageing BGN SA");
        invoice(customer, today.minusDays(5), "100.00", "BGN");
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ReceivablesGauges scraped = new ReceivablesGauges(headline, prometheus);
        scraped.refresh();

        invoice(customer, today.minusDays(5), "50.00", "BGN");

        assertThat(prometheus.scrape()).contains("recouvra_receivables_outstanding{currency=\"BGN\"} 100.0");
        scraped.refresh();
        assertThat(prometheus.scrape()).contains("recouvra_receivables_outstanding{currency=\"BGN\"} 150.0");
    }

    /**
     * The same gauges in the Prometheus text format /actuator/prometheus serves (Spring Boot tests switch the
     * endpoint's export off, so a Prometheus registry of the test's own is fed by the same snapshot code).
     */
    @Test
    void thePrometheusScrapeNamesTheFiguresByCurrencyAndBucket() {
        LocalDate today = LocalDate.now(clock);
        knownLedger(today, "DKK", "ISK");
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        new ReceivablesGauges(headline, prometheus).refresh();

        assertThat(prometheus.scrape())
                .contains("recouvra_receivables_outstanding{currency=\"DKK\"} 4400.0")
                .contains("recouvra_receivables_overdue{currency=\"DKK\"} 3200.0")
                .contains("recouvra_receivables_aged{bucket=\"not_due\",currency=\"DKK\"} 1200.0")
                .contains("recouvra_receivables_aged{bucket=\"1_30\",currency=\"DKK\"} 550.0")
                .contains("recouvra_receivables_aged{bucket=\"31_60\",currency=\"DKK\"} 500.0")
                .contains("recouvra_receivables_aged{bucket=\"61_90\",currency=\"DKK\"} 600.0")
                .contains("recouvra_receivables_aged{bucket=\"91_180\",currency=\"DKK\"} 750.0")
                .contains("recouvra_receivables_aged{bucket=\"over_180\",currency=\"DKK\"} 800.0")
                .contains("recouvra_receivables_outstanding{currency=\"ISK\"} 900.0")
                .contains("recouvra_receivables_aged{bucket=\"31_60\",currency=\"ISK\"} 900.0");
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    private static void assertBuckets(AgedBalance balance, String... amounts) {
        Map<AgeingBucket, BigDecimal> buckets = balance.byBucket();
        assertThat(buckets).containsOnlyKeys(AgeingBucket.values());
        for (AgeingBucket bucket : AgeingBucket.values()) {
            assertThat(buckets.get(bucket)).as(bucket.label()).isEqualByComparingTo(amounts[bucket.ordinal()]);
        }
    }

    /** The ledger of the class comment, in a main and a second currency; returns its customers. */
    private List<UUID> knownLedger(LocalDate d, String main, String second) {
        UUID a = customer("Ageing A SA");
        invoice(a, d.plusDays(10), "1000.00", main);
        invoice(a, d, "200.00", main);
        invoice(a, d.minusDays(1), "300.00", main);
        invoice(a, d.minusDays(31), "500.00", main);
        invoice(a, d.minusDays(75), "600.00", main);
        invoice(a, d.minusDays(120), "700.00", main);
        invoice(a, d.minusDays(180), "50.00", main);
        invoice(a, d.minusDays(181), "800.00", main);
        invoice(a, d.minusDays(45), "900.00", second);
        invoices.registerLateCharges(a, TestData.invoiceNumber(), d.minusDays(40), new BigDecimal("75.00"), main);
        UUID b = customer("Ageing B SA");
        invoice(b, d.minusDays(30), "400.00", main);
        pay(b, "150.00", main, d);
        UUID c = customer("Ageing C SA");
        invoice(c, d.minusDays(20), "100.00", main);
        pay(c, "100.00", main, d);
        return List.of(a, b, c);
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private void invoice(UUID customer, LocalDate due, String amount, String currency) {
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, due.minusDays(30), due,
                new BigDecimal(amount), currency));
    }

    private void pay(UUID customer, String amount, String currency, LocalDate on) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), currency, on, "VIR-" + UUID.randomUUID(), null));
    }
}
