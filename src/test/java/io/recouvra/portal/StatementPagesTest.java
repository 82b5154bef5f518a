package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CreditNoteService;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCreditNote;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** "Relevé de compte": the PDF's figures against a statement worked out by hand. */
@PortalTest
class StatementPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    io.recouvra.receivables.PaymentService payments;
    @Autowired
    CreditNoteService creditNotes;
    @Autowired
    InteractionLog trail;

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /**
     * The account on 25 November 2026:
     * <pre>
     * A  1 200,00 issued 01/09/2026 due 01/10/2026; paid 450,00 on 15/10/2026   -> still due   750,00, 55 days late
     *                                                                               (30 days of October + 25 of November)
     * B    600,00 issued 20/10/2026 due 20/11/2026; credit note 100,00 10/11/2026 -> still due  500,00, 5 days late
     * C    300,00 issued 01/06/2025 due 01/07/2025; paid in full on 01/08/2025  -> closed: not listed, and its payment is
     *                                                                               older than 12 months (before 25/11/2025)
     * D     80,00 issued 01/10/2025 due 01/11/2025; paid in full on 01/12/2025  -> closed: not listed, its payment is
     *                                                                               within the 12 months: listed
     * Total due: 750,00 + 500,00 = 1 250,00 €. Payments listed: 450,00 (15/10/2026) and 80,00 (01/12/2025).
     * </pre>
     */
    @Test
    void theStatementListsWhatIsOwedAndWhatWasReceivedInTheLastTwelveMonths() throws IOException {
        UUID customerId = customers.register(new NewCustomer("Menuiserie Relevé", TestData.siren(), "FR", "fr", null,
                "3 quai Saint-Antoine", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        String a = invoice(customerId, "2026-09-01", "2026-10-01", "1200.00");
        String b = invoice(customerId, "2026-10-20", "2026-11-20", "600.00");
        String c = invoice(customerId, "2025-06-01", "2025-07-01", "300.00");
        String d = invoice(customerId, "2025-10-01", "2025-11-01", "80.00");
        pay(customerId, c, "300.00", "2025-08-01", "VIR-OLD-" + c);
        pay(customerId, d, "80.00", "2025-12-01", "VIR-D-" + d);
        pay(customerId, a, "450.00", "2026-10-15", "VIR-A-" + a);
        String note = "AV-" + b;
        creditNotes.register(new NewCreditNote(note, b, new BigDecimal("100.00"), LocalDate.parse("2026-11-10"), "remise"));
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<byte[]> pdf = api.anonymous().getForEntity("/portal/" + token + "/statement", byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("releve-de-compte-2026-11-25.pdf");
        String text = textOf(pdf.getBody());
        picture(pdf.getBody(), "statement-fr");
        assertThat(text).contains("Relevé de compte au 25 nov. 2026", "Menuiserie Relevé", "3 quai Saint-Antoine", "69002 Lyon",
                a + " 1 sept. 2026 1 oct. 2026 1 200,00 € 750,00 € 55 j",
                b + " 20 oct. 2026 20 nov. 2026 600,00 € 500,00 € 5 j",
                "Total dû 1 250,00 €",
                "Paiements reçus depuis le 25 nov. 2025",
                "1 déc. 2025 VIR-D-" + d + " 80,00 €",
                "15 oct. 2026 VIR-A-" + a + " 450,00 €",
                "10 nov. 2026 " + note + " " + b + " 100,00 €",
                "FR76 3000 6000 0112 3456 7890 189", a + ", " + b);
        assertThat(text).doesNotContain(c + " ", "VIR-OLD-", d + " 1 oct. 2025");
        assertThat(trail.latestOfCustomer(customerId, 3)).anyMatch(entry ->
                entry.getSummary().startsWith("Portal: the debtor downloaded its statement at 2026-11-25"));
    }

    @Test
    void theStatementSpeaksEnglishWhenAskedTo() throws IOException {
        UUID customerId = customers.register(new NewCustomer("Joinery Statement Ltd", TestData.siren(), "FR", "fr", null,
                "1 rue A", "75001", "Paris", List.of())).getId();
        invoice(customerId, "2026-10-01", "2026-11-01", "99.90");

        ResponseEntity<byte[]> pdf = api.anonymous().getForEntity("/portal/" + tokens.issue(customerId, Purpose.VIEW)
                + "/statement?lang=en", byte[].class);

        assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("statement-2026-11-25.pdf");
        assertThat(textOf(pdf.getBody())).contains("Statement of account at 25 Nov 2026", "Total due €99.90", "24 d");
    }

    private String invoice(UUID customerId, String issued, String due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, LocalDate.parse(issued), LocalDate.parse(due),
                new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(UUID customerId, String invoice, String amount, String valueDate, String reference) {
        payments.register(new NewPayment(customerId, new BigDecimal(amount), "EUR", LocalDate.parse(valueDate), reference,
                List.of(new NewPayment.Allocation(invoice, new BigDecimal(amount)))));
    }

    /** The statement's first page as the debtor sees it, for docs/portal.md. */
    private static void picture(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png", screenshots.resolve(name + ".png").toFile());
        }
    }

    /** The PDF's text, one space for any run of spaces, no-break spaces and line ends. */
    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0\\u202F]+", " ");
        }
    }
}
