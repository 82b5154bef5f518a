package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.recouvra.receivables.CustomerLedger.Allocation;
import io.recouvra.receivables.CustomerLedger.Owing;
import io.recouvra.receivables.OpenInvoices.OpenInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read models other modules use instead of the ledger's tables, on the real database. */
@RecouvraTest
class LedgerReadModelsTest {

    @Autowired
    CustomerLedger ledger;
    @Autowired
    OpenInvoices openInvoices;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    Clock clock;

    @Test
    void aPaymentIsReadAsItWasAllocatedAndWhatItLeftOpenAsOpen() {
        LocalDate today = LocalDate.now(clock);
        UUID customer = customer("Ledger Reads SA");
        Invoice older = invoice(customer, today.minusDays(40), "100.00");
        Invoice newer = invoice(customer, today.minusDays(10), "50.00");
        Payment paid = payments.register(new NewPayment(customer, new BigDecimal("120.00"), "EUR", today.minusDays(5),
                "VIR-" + customer, null));

        List<Allocation> allocations = ledger.allocationsTo(List.of(older.getNumber(), newer.getNumber()));

        assertThat(allocations).extracting(Allocation::invoiceNumber, Allocation::amount)
                .containsExactlyInAnyOrder(tuple(older.getNumber(), new BigDecimal("100.00")),
                        tuple(newer.getNumber(), new BigDecimal("20.00")));
        assertThat(allocations).allSatisfy(allocation -> {
            assertThat(allocation.paymentId()).isEqualTo(paid.getId());
            assertThat(allocation.valueDate()).isEqualTo(today.minusDays(5));
            assertThat(allocation.receivedAt()).isEqualTo(paid.getReceivedAt().truncatedTo(ChronoUnit.MICROS));
            assertThat(allocation.currency()).isEqualTo("EUR");
        });
        assertThat(ledger.paidSince(customer, "EUR", today.minusDays(5))).isEqualByComparingTo("120.00");
        assertThat(ledger.paidSince(customer, "EUR", today.minusDays(4))).isEqualByComparingTo("0");

        List<OpenInvoice> open = openInvoices.among(List.of(older.getId(), newer.getId()));
        assertThat(open).singleElement().satisfies(invoice -> {
            assertThat(invoice.number()).isEqualTo(newer.getNumber());
            assertThat(invoice.outstanding()).isEqualByComparingTo("30.00");
            assertThat(invoice.customerName()).isEqualTo("Ledger Reads SA");
        });
        List<OpenInvoice> owed = new ArrayList<>();
        openInvoices.owedOn(today, InvoiceKind.INVOICE, Set.of(customer), owed::add);
        assertThat(owed).extracting(OpenInvoice::number).containsExactly(newer.getNumber());
        List<OpenInvoice> owedBefore = new ArrayList<>();
        openInvoices.owedOn(today.minusDays(41), InvoiceKind.INVOICE, Set.of(customer), owedBefore::add);
        assertThat(owedBefore).as("issued after that day").isEmpty();
    }

    @Test
    void theCustomersWhoOweAreListedWithTheirLastLedgerMovement() {
        LocalDate today = LocalDate.now(clock);
        UUID owing = customer("Still Owing SA");
        invoice(owing, today.minusDays(20), "80.00");
        Payment part = payments.register(new NewPayment(owing, new BigDecimal("30.00"), "EUR", today, "VIR-" + owing, null));
        UUID settled = customer("All Paid SA");
        invoice(settled, today.minusDays(20), "80.00");
        payments.register(new NewPayment(settled, new BigDecimal("80.00"), "EUR", today, "VIR-" + settled, null));

        assertThat(find(owing)).hasValueSatisfying(customer ->
                assertThat(customer.ledgerMovedAt()).isEqualTo(part.getReceivedAt().truncatedTo(ChronoUnit.MICROS)));
        assertThat(find(settled)).as("owes nothing").isEmpty();
    }

    /** Walks the keyset pages as the nightly re-scoring does. */
    private Optional<Owing> find(UUID customerId) {
        UUID after = new UUID(0, 0);
        List<Owing> page;
        do {
            page = ledger.owing(after, 200);
            Optional<Owing> found = page.stream().filter(owing -> owing.customerId().equals(customerId)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).customerId();
            }
        } while (page.size() == 200);
        return Optional.empty();
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private Invoice invoice(UUID customer, LocalDate due, String amount) {
        return invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, due.minusDays(30), due,
                new BigDecimal(amount), "EUR"));
    }
}
