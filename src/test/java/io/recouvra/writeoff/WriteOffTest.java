package io.recouvra.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.InteractionLog;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A write-off leaves the receivables with its reason, and the accountant gets it with the VAT inside and what may be done with it. */
@RecouvraTest
class WriteOffTest {

    @Autowired
    WriteOffs writeOffs;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InteractionLog interactions;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Api api;

    @Test
    void theAccountantGetsEachWriteOffWithItsVatNote() {
        UUID debtor = debtor();
        String liquidated = invoice(debtor, "1200.00");
        String uneconomic = invoice(debtor, "99.90");

        WriteOff insolvency = writeOffs.writeOff(liquidated, WriteOffReason.INSOLVENCY, "liquidation judgment of 2 November", "manager1");
        writeOffs.writeOff(uneconomic, WriteOffReason.UNECONOMIC, null, "manager1");

        // 1,200.00 including 20 %: 1,200 × 20 / 120 = 200.00; 99.90 × 20 / 120 = 16.65
        assertThat(insolvency.vatIncluded()).isEqualByComparingTo("200.00");
        assertThat(insolvency.vatNote()).startsWith("200.00 EUR of VAT (20 %) recoverable once the debt is definitively irrecoverable")
                .contains("rectifying invoice", liquidated, "CGI art. 272-1");
        assertThat(invoices.get(liquidated).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(interactions.ofInvoice(invoices.get(liquidated).getId(), 0, 10).getContent())
                .anySatisfy(entry -> assertThat(entry.getSummary()).contains("Written off (insolvency): 1 200,00 €", "approved by manager1"));

        LocalDate today = insolvency.writtenOffOn();
        ResponseEntity<JsonNode> list = api.asAdmin().getForEntity("/api/v1/write-offs?from={from}&to={to}", JsonNode.class, today, today);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode small = null;
        for (JsonNode line : list.getBody()) {
            if (uneconomic.equals(line.get("writeOff").get("invoiceNumber").asText())) {
                small = line;
            }
        }
        assertThat(small).isNotNull();
        assertThat(small.get("writeOff").get("vatIncluded").decimalValue()).isEqualByComparingTo("16.65");
        assertThat(small.get("vatNote").asText()).startsWith("16.65 EUR of VAT (20 %) not recoverable");

        String csv = api.asAdmin().getForObject("/api/v1/write-offs.csv?from={from}&to={to}", String.class, today, today);
        assertThat(csv).startsWith("written_off_on;invoice_number;customer;amount;currency;vat_rate;vat_included;reason;approved_by;note;vat_note")
                .contains(today + ";" + liquidated + ";" + customers.get(debtor).getLegalName() + ";1200.00;EUR;20.00;200.00;INSOLVENCY;manager1;");
    }

    @Test
    void aPeriodIsTwoDatesInOrder() {
        ResponseEntity<JsonNode> missing = api.asAdmin().getForEntity("/api/v1/write-offs?to=2026-11-30", JsonNode.class);
        ResponseEntity<JsonNode> reversed = api.asAdmin().getForEntity("/api/v1/write-offs?from=2026-11-30&to=2026-11-01", JsonNode.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("from");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getBody().toString()).contains("\"to\"");
    }

    private UUID debtor() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID debtor, String amount) {
        String number = TestData.invoiceNumber();
        LocalDate today = LocalDate.now();
        invoices.register(new NewInvoice(number, debtor, null, today.minusDays(400), today.minusDays(370), new BigDecimal(amount), "EUR"));
        return number;
    }
}
