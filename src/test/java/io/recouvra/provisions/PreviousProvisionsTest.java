package io.recouvra.provisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.RowCopies;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A closed month's provisions as a later report finds them again by invoice ({@link PreviousProvisions}): held as
 * arrays in PostgreSQL's uuid order and searched in it, so the invoices here sit on both sides of each sign bit,
 * where a signed comparison would lose them. The month is written and read in a transaction rolled back: no other
 * test sees a closed month.
 */
@RecouvraTest
class PreviousProvisionsTest {

    private static final List<String> INVOICES = List.of("00000000-0000-0000-0000-000000000001",
            "7fffffff-ffff-ffff-7fff-ffffffffffff", "7fffffff-ffff-ffff-8000-000000000000", "80000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff");

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    ProvisionRuns runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void eachInvoiceIsFoundWithItsProvisionAndTheCurrenciesAddUp() {
        UUID customer = customers.register(new NewCustomer("Previous Provisions SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        String model = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, LocalDate.now().minusDays(60),
                LocalDate.now().minusDays(30), new BigDecimal("120.00"), "EUR")).getNumber();
        transaction.executeWithoutResult(status -> {
            String ids = "(array['" + String.join("', '", INVOICES) + "'])[g]::uuid";
            RowCopies.copy(jdbc, "recouvra", "invoice", "number = ?", model, INVOICES.size(), Map.of("id", ids,
                    "number", "'PREV-' || g || '-' || md5(random()::text)"));
            jdbc.update("insert into recouvra.provision_run (month, as_of, rates_version, closed_at, closed_by)"
                    + " values ('1999-01', '1999-01-31', 1, now(), 'test')");
            // provisions 10.01 × g; odd g in EUR, even in USD
            jdbc.update("""
                    insert into recouvra.provision_line (month, invoice_id, invoice_number, customer_id, customer_name, due_date,
                        days_overdue, situation, bucket, currency, outstanding, vat, insured, base, rate, provision, vat_derived)
                    select '1999-01', %s, 'PREV-' || g, ?, 'Previous Provisions SA', '1998-12-31', 31, 'NORMAL', '31-90 days',
                        case when g %% 2 = 1 then 'EUR' else 'USD' end, 100, 0, 0, 100, 25, 10.01 * g, false
                    from generate_series(1, ?) g""".formatted(ids), customer, INVOICES.size());

            PreviousProvisions previous = runs.provisions(YearMonth.of(1999, 1), Set.of());

            for (int g = 1; g <= INVOICES.size(); g++) {
                ProvisionReport.Previous found = previous.get(UUID.fromString(INVOICES.get(g - 1)));
                assertThat(found).as(INVOICES.get(g - 1)).isNotNull();
                assertThat(found.provision()).isEqualTo(new BigDecimal("10.01").multiply(BigDecimal.valueOf(g)));
                assertThat(found.currency()).isEqualTo(g % 2 == 1 ? "EUR" : "USD");
            }
            assertThat(previous.get(UUID.fromString("80000000-0000-0000-0000-000000000001"))).isNull();
            assertThat(previous.currencies()).containsExactlyInAnyOrder("EUR", "USD");
            // EUR: g = 1, 3, 5: 10.01 + 30.03 + 50.05 = 90.09; USD: g = 2, 4: 20.02 + 40.04 = 60.06
            assertThat(previous.total("EUR")).isEqualTo(new BigDecimal("90.09"));
            assertThat(previous.count("EUR")).isEqualTo(3);
            assertThat(previous.total("USD")).isEqualTo(new BigDecimal("60.06"));
            assertThat(previous.count("USD")).isEqualTo(2);
            assertThat(previous.total("GBP")).isEqualTo(BigDecimal.ZERO);
            status.setRollbackOnly();
        });
    }
}
