package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentTermsTest {

    @ParameterizedTest(name = "{0} {1} days, issued {2}, due {3}: beyond = {4}")
    @CsvSource({
            "DAYS_FROM_INVOICE, 60, 2026-01-10, 2026-03-11, false",
            "DAYS_FROM_INVOICE, 60, 2026-01-10, 2026-03-12, true",
            // 45 days end of month: 2026-01-10 + 45 days = 2026-02-24, end of that month 2026-02-28
            "END_OF_MONTH, 45, 2026-01-10, 2026-02-28, false",
            "END_OF_MONTH, 45, 2026-01-10, 2026-03-01, true",
            "CASH_IN_ADVANCE, 0, 2026-01-10, 2026-01-10, false",
            "CASH_IN_ADVANCE, 0, 2026-01-10, 2026-01-11, true"})
    void dueDatesAreCheckedAgainstTheCustomersTerms(String basis, int days, LocalDate issued, LocalDate due, boolean beyond) {
        Customer customer = new Customer("Terms SA", "732829320", "FR", "fr", ZoneId.of("Europe/Paris"), null, null, null,
                Instant.now());
        customer.setCreditTerms(new BigDecimal("1000"), days, basis, "NONE", Instant.now());
        Invoice invoice = new Invoice("T-1", customer, issued, due, VatBreakdown.noVat(new BigDecimal("10")), "EUR", Instant.now());

        assertThat(InvoiceService.beyondPaymentTerms(customer, invoice)).isEqualTo(beyond);
    }
}
