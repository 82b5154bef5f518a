package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CashFigures.OnDay;
import io.recouvra.receivables.Exposures.Exposure;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models the cash forecast and the risk page read (V43): each customer's payment delay, the day each open
 * invoice is expected, the sums by currency and expected day and the exposures per customer, kept as the ledger moves
 * through its services, and the same figures as worked out from the invoices themselves.
 */
@RecouvraTest
class ForecastReadModelsTest {

    /** No other test writes in Romanian lei: the whole book's sums in RON are this test's invoices. */
    private static final String RON = "RON";

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditNoteService creditNotes;
    @Autowired
    CashFigures cash;
    @Autowired
    Exposures exposures;
    @Autowired
    OpenInvoices openInvoices;
    @Autowired
    OwedSalesByDay owed;
    @Autowired
    PaymentDelays delays;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /**
     * Today {@code d}, customer K in lei; invoices issued 30 days before their due date.
     * <pre>
     * registered   K1 1 000.00 due d−40, K2 500.00 due d−20, K3 2 000.00 due d+5: no payment yet, expected on their
     *              due dates; exposure 3 500.00
     * paid 1 000.00, value date d−30: settles K1 (oldest first), 10 days late: delay 10.0, shift 10
     *              → K2 500.00 on d−10, K3 2 000.00 on d+15; exposure 2 500.00
     * paid   300.00, value date d−16: to K2, 4 days late: delay (1 000 × 10 + 300 × 4) ÷ 1 300 = 11 200 ÷ 1 300 = 8.615…,
     *              shift 9 → K2 200.00 on d−11, K3 2 000.00 on d+14
     * credit note 500.00 on K3 → K3 1 500.00 on d+14; exposure 200 + 1 500 = 1 700.00, overdue (due before d) 200.00
     * K2 under a promise (expected otherwise): the book's lei are 1 500.00 on d+14 only
 * aged by due date, as issued by d: K2 200.00 due d−20, K3 1 500.00 due d+5
     * a year later (window (d, d + 12 months]) neither payment counts: no shift, K2 back on d−20, K3 on d+5
     * </pre>
     */
    @Test
    void theSumsByExpectedDayAndTheExposuresFollowTheLedger() {
        LocalDate d = LocalDate.now(clock);
        UUID k = customers.register(new NewCustomer("Read models K SA", TestData.siren(), null, null, null, null, null, null,
                List.of())).getId();
        invoice(k, d.minusDays(40), "1000.00");
        String k2 = invoice(k, d.minusDays(20), "500.00");
        String k3 = invoice(k, d.plusDays(5), "2000.00");
        assertThat(lei(List.of())).containsExactly(ron(d.minusDays(40), "1000.00"), ron(d.minusDays(20), "500.00"),
                ron(d.plusDays(5), "2000.00"));
        assertThat(exposure(k, d).exposure()).isEqualByComparingTo("3500.00");

        pay(k, "1000.00", d.minusDays(30));
        assertThat(shiftOf(k)).isEqualTo(10);
        assertThat(lei(List.of())).containsExactly(ron(d.minusDays(10), "500.00"), ron(d.plusDays(15), "2000.00"));

        pay(k, "300.00", d.minusDays(16));
        creditNotes.register(new NewCreditNote("AV-" + k3, k3, new BigDecimal("500.00"), d, "read models"));
        assertThat(shiftOf(k)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select days from recouvra.customer_payment_delay where customer_id = ?", BigDecimal.class, k)
                .setScale(6, RoundingMode.HALF_UP)).isEqualByComparingTo("8.615385");
        assertThat(lei(List.of())).containsExactly(ron(d.minusDays(11), "200.00"), ron(d.plusDays(14), "1500.00"));
        assertThat(lei(List.of(k2))).containsExactly(ron(d.plusDays(14), "1500.00"));
        assertThat(cash.owedByExpectedDay(List.of(), Set.of(k))).containsExactly(ron(d.minusDays(11), "200.00"),
                ron(d.plusDays(14), "1500.00"));
        assertThat(openInvoices.owedByDueDate(d, InvoiceKind.INVOICE, Set.of()).stream().filter(o -> o.currency().equals(RON))
                .map(o -> o.dueDate() + " " + o.outstanding().setScale(2)).toList())
                .containsExactly(d.minusDays(20) + " 200.00", d.plusDays(5) + " 1500.00");
        Exposure exposure = exposure(k, d);
        assertThat(exposure.exposure()).isEqualByComparingTo("1700.00");
        assertThat(exposure.overdue()).isEqualByComparingTo("200.00");

        owed.fold();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.owed_sales_change", Long.class)).isZero();
        assertThat(lei(List.of())).containsExactly(ron(d.minusDays(11), "200.00"), ron(d.plusDays(14), "1500.00"));
        theReadModelsAreWhatTheInvoicesOwe();

        try {
            assertThat(delays.refreshChanged(d.plusMonths(12))).isPositive();
            assertThat(jdbc.queryForList("select customer_id from recouvra.customer_payment_delay where customer_id = ?", UUID.class, k))
                    .isEmpty();
            assertThat(lei(List.of())).containsExactly(ron(d.minusDays(20), "200.00"), ron(d.plusDays(5), "1500.00"));
            theReadModelsAreWhatTheInvoicesOwe();
        } finally {
            delays.refreshChanged(d);
        }
        assertThat(shiftOf(k)).isEqualTo(9);
        assertThat(lei(List.of())).containsExactly(ron(d.minusDays(11), "200.00"), ron(d.plusDays(14), "1500.00"));
    }

    /** Over the whole book (every test's invoices): the kept sums are the invoices' own, day by day and customer by customer. */
    private void theReadModelsAreWhatTheInvoicesOwe() {
        Map<String, BigDecimal> byDay = cash.owedByExpectedDay(List.of(), Set.of()).stream()
                .collect(Collectors.toMap(o -> o.currency() + " " + o.day(), OnDay::amount));
        Map<String, BigDecimal> invoicesByDay = sums("""
                select currency || ' ' || expected_on, sum(outstanding) from recouvra.invoice
                where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') group by 1""");
        assertThat(byDay).isEqualTo(invoicesByDay);
        assertThat(sums("select currency || ' ' || due_date || ' ' || issue_date, sum(owed) from (" + OwedSalesByDay.BY_DUE_DAY
                + ") owed group by 1 having sum(owed) <> 0")).isEqualTo(sums("""
                select currency || ' ' || due_date || ' ' || issue_date, sum(outstanding) from recouvra.invoice
                where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') group by 1"""));
        assertThat(sums("select customer_id || ' ' || currency, owed from recouvra.customer_exposure where owed <> 0"))
                .isEqualTo(sums("""
                        select customer_id || ' ' || currency, sum(outstanding) from recouvra.invoice
                        where outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF') group by 1"""));
        assertThat(jdbc.queryForObject("""
                select count(*) from recouvra.invoice i where i.expected_on <> i.due_date + coalesce((select d.shift_days
                from recouvra.customer_payment_delay d where d.customer_id = i.customer_id), 0)
                and i.kind = 'INVOICE' and i.outstanding > 0 and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')""", Long.class))
                .isZero();
    }

    private Map<String, BigDecimal> sums(String sql) {
        return jdbc.query(sql, (rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().setScale(2)));
    }

    private List<OnDay> lei(List<String> expectedOtherwise) {
        return cash.owedByExpectedDay(expectedOtherwise, Set.of()).stream().filter(o -> o.currency().equals(RON))
                .map(o -> new OnDay(o.currency(), o.day(), o.amount().setScale(2))).toList();
    }

    private Exposure exposure(UUID customer, LocalDate day) {
        return exposures.largestOn(day, List.of(customer), 0, 10).stream().filter(e -> e.currency().equals(RON)).findFirst().orElseThrow();
    }

    private Integer shiftOf(UUID customer) {
        return jdbc.queryForObject("select shift_days from recouvra.customer_payment_delay where customer_id = ?", Integer.class, customer);
    }

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), RON));
        return number;
    }

    private void pay(UUID customer, String amount, LocalDate valueDate) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), RON, valueDate, "VIR-" + UUID.randomUUID(), null));
    }

    private static OnDay ron(LocalDate day, String amount) {
        return new OnDay(RON, day, new BigDecimal(amount));
    }
}
