package io.recouvra.writeoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
    PaymentService payments;
    @Autowired
    InteractionLog interactions;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Api api;

    @Test
    void theAccountantGetsEachWriteOffWithItsVatNote() {
        UUID debtor = debtor();
        String liquidated = invoice(debtor, "1200.00", "1000.00", "200.00");
        String uneconomic = invoice(debtor, "99.90", "83.25", "16.65");

        WriteOff insolvency = writeOffs.writeOff(liquidated, WriteOffReason.INSOLVENCY, "liquidation judgment of 2 November", "manager1");
        writeOffs.writeOff(uneconomic, WriteOffReason.UNECONOMIC, null, "manager1");

        // nothing paid: the whole VAT of each invoice, 200.00 and 16.65 (20 %)
        assertThat(insolvency.vatIncluded()).isEqualByComparingTo("200.00");
        assertThat(insolvency.vatNote()).startsWith("200.00 EUR of VAT (20 %, the unpaid share of the invoice's VAT) recoverable once"
                        + " the debt is definitively irrecoverable")
                .contains("rectifying invoice", liquidated, "CGI art. 272-1", "from the judgment that pronounces the liquidation");
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
        assertThat(small.get("vatNote").asText()).startsWith("16.65 EUR of VAT (20 %, the unpaid share of the invoice's VAT) not recoverable");

        String csv = api.asAdmin().getForObject("/api/v1/write-offs.csv?from={from}&to={to}", String.class, today, today);
        assertThat(csv).startsWith("written_off_on;invoice_number;customer;amount;currency;vat_rate;vat_included;vat_derived;reason;approved_by;"
                        + "note;vat_note")
                .contains(today + ";" + liquidated + ";" + customers.get(debtor).getLegalName() + ";1200.00;EUR;20.00;200.00;false;INSOLVENCY;manager1;");
    }

    @Test
    void theRecoverableVatIsTheInvoicesOwnInProportionToWhatIsUnpaid() {
        UUID debtor = debtor();
        // 10 %: 1,000.00 + 100.00 = 1,100.00; 440.00 paid, 660.00 unpaid.
        // The payment settled VAT and price alike: VAT unpaid = 100.00 x 660 / 1,100 = 60.00
        // (the standard 20 % would have said 660 x 20 / 120 = 110.00)
        String tenPercent = invoice(debtor, "1100.00", "1000.00", "100.00");
        payments.register(new NewPayment(debtor, new BigDecimal("440.00"), "EUR", LocalDate.now(), "VIR-" + TestData.invoiceNumber(),
                List.of(new NewPayment.Allocation(tenPercent, new BigDecimal("440.00")))));
        // an intra-EU supply (CGI art. 262 ter): no French VAT was charged, none to recover
        String intraEu = invoice(debtor, "1200.00", "1200.00", "0.00");
        // no breakdown given: derived at the standard rate, 600.00 x 20 / 120 = 100.00, and said to be derived
        String derived = invoice(debtor, "600.00", null, null);

        WriteOffs.Proposal proposal = writeOffs.propose(tenPercent);
        WriteOff partlyPaid = writeOffs.writeOff(tenPercent, WriteOffReason.ENFORCEMENT_FAILED, "bailiff: no assets", "manager1");
        WriteOff noVat = writeOffs.writeOff(intraEu, WriteOffReason.INSOLVENCY, null, "manager1");
        WriteOff guessed = writeOffs.writeOff(derived, WriteOffReason.INSOLVENCY, null, "manager1");

        assertThat(proposal.amountDisplay()).isEqualTo("660,00 €");
        assertThat(proposal.vatIncludedDisplay()).isEqualTo("60,00 €");
        assertThat(proposal.vatRate()).isEqualTo("10");
        assertThat(partlyPaid.amount()).isEqualByComparingTo("660.00");
        assertThat(partlyPaid.vatIncluded()).isEqualByComparingTo("60.00");
        assertThat(partlyPaid.vatRate()).isEqualByComparingTo("10.00");
        assertThat(partlyPaid.vatNote()).startsWith("60.00 EUR of VAT (10 %, the unpaid share of the invoice's VAT) recoverable once");
        assertThat(noVat.vatIncluded()).isEqualByComparingTo("0.00");
        assertThat(noVat.vatNote()).isEqualTo("No VAT on invoice " + intraEu + " (intra-EU supply, export, reverse charge or outside"
                + " the scope of VAT): nothing to recover.");
        assertThat(guessed.vatIncluded()).isEqualByComparingTo("100.00");
        assertThat(guessed.vatDerived()).isTrue();
        assertThat(guessed.vatNote()).startsWith("100.00 EUR of VAT (20 %, the unpaid share of the invoice's VAT; derived at the"
                + " standard rate, the invoice gave none: check it against the invoice) recoverable once");

        LocalDate today = partlyPaid.writtenOffOn();
        JsonNode list = api.asAdmin().getForObject("/api/v1/write-offs?from={from}&to={to}", JsonNode.class, today, today);
        JsonNode stored = null;
        for (JsonNode line : list) {
            if (tenPercent.equals(line.get("writeOff").get("invoiceNumber").asText())) {
                stored = line;
            }
        }
        assertThat(stored).as("kept as approved").isNotNull();
        assertThat(stored.get("writeOff").get("vatIncluded").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(stored.get("writeOff").get("vatDerived").asBoolean()).isFalse();
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

    private String invoice(UUID debtor, String amount, String amountExclVat, String vat) {
        String number = TestData.invoiceNumber();
        LocalDate today = LocalDate.now();
        invoices.register(new NewInvoice(number, debtor, null, today.minusDays(400), today.minusDays(370), new BigDecimal(amount), "EUR",
                null, amountExclVat == null ? null : new BigDecimal(amountExclVat), vat == null ? null : new BigDecimal(vat)));
        return number;
    }
}
