package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A formal notice's figures are taken at one moment, when the notice is decided: the principal, the interest
 * "arrêtés au" that day with its period lines, and the letter's date. A payment booked before the letter is
 * rendered changes none of them.
 */
@RecouvraTest
class FormalNoticeFiguresTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Dunning dunning;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aPaymentBookedBetweenTheDecisionAndTheLetterChangesNoFigureOfIt() throws Exception {
        at(2026, 3, 20);
        UUID customerId = customers.register(TestData.debtor("Menuiserie", TestData.siren(), "FR")).getId();
        String number = TestData.invoiceNumber();
        // a contract at 5 %, under the floor of the first half of 2026: 3 × 2.62 = 7.86 %
        UUID invoiceId = invoices.register(new NewInvoice(number, customerId, null, LocalDate.of(2026, 1, 29),
                LocalDate.of(2026, 2, 28), new BigDecimal("10000.00"), "EUR", new BigDecimal("5"))).getId();

        // decided on Friday 20 March 2026: 1–20 March = 20 days at 7.86 %:
        //   10,000 × 7.86 × 20 / 36,500 = 43.0685 -> 43.07; total 10,000.00 + 43.07 + 40.00 = 10,083.07
        dunning.formalNotice(new InvoiceCase(number, invoiceId, customerId), 1, 15);

        // Monday 23 March: 4,000 paid, then the letter is rendered and sent
        at(2026, 3, 23);
        payments.register(new NewPayment(customerId, new BigDecimal("4000.00"), "EUR", LocalDate.of(2026, 3, 23),
                "VIR-" + number, List.of(new NewPayment.Allocation(number, new BigDecimal("4000.00")))));
        for (int round = 0; round < 10 && dispatcher.dispatchDue() > 0; round++) {
            // drain the notice's email and letter
        }

        String letter = text(jdbc.queryForObject("""
                select d.content from recouvra.letter_document d join recouvra.outbox_message m on m.id = d.outbox_message_id
                where m.invoice_id = ? and m.channel = 'LETTER'""", byte[].class, invoiceId));
        assertThat(letter).contains("Le 20 mars 2026", "arrêtées au 20 mars 2026")
                .contains("10 000,00 €", "43,07 €", "10 083,07 €", "4 avril 2026")
                .doesNotContain("23 mars 2026", "6 000,00 €");
        // the one period line: from, to, days, base, rate, amount, and why the rate is not the contract's
        assertThat(letter).contains("1 mars 2026 20 mars 2026 20 10 000,00 € 7,86 % 43,07 €")
                .contains("taux contractuel 5,00 % porté au plancher légal de 3 fois le taux d'intérêt légal : 7,86 %");
    }

    private static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, PARIS).toInstant()));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replace('\u202F', ' ')
                    .replaceAll("[ \\t]*\\R[ \\t]*", " ").replaceAll(" +", " ");
        }
    }
}
