package io.recouvra.guarantee;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The letters a natural-person guarantor is owed (art. 2302 and 2303 C. civ.), written, queued once and posted through
 * the outbox and the sandbox letter channel, on the real application.
 */
@RecouvraTest
class GuarantorInformationTest {

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Guarantees guarantees;
    @Autowired
    GuarantorInformation information;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    InteractionLog interactions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void ratesForTheSecondHalfOf2026(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "GuarantorInformationTest", "2026-07-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "GuarantorInformationTest");
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * Worked example, information sent on Monday 4 January 2027 for 31 December 2026, statutory rate of the second half
     * of 2026: ECB 2.15 % + 10 points = 12.15 %.
     * <ul>
     * <li>A: 10,000.00 due 1 October 2026, 4,000.00 paid with value date 15 November. Principal on 31 December: 6,000.00.
     * Interest from 2 October: 45 days (2 October to 15 November) on 10,000.00 = 10,000 x 12.15 x 45 / 36,500 =
     * 149.7945205...; 46 days (16 November to 31 December) on 6,000.00 = 6,000 x 12.15 x 46 / 36,500 = 91.8739726...;
     * together 241.6684931..., 241.67. Late: indemnity 40.00.</li>
     * <li>B: 3,000.00 due 31 December 2026: owed, not late that day: 3,000.00, no interest, no indemnity.</li>
     * <li>C: 500.00 due 31 October, paid in full on 15 December: nothing owed on 31 December, not listed.</li>
     * <li>D: issued 2 January 2027: not a debt of 2026, not listed.</li>
     * </ul>
     * Principal 6,000.00 + 3,000.00 = 9,000.00; interest 241.67; indemnity 40.00; total 9,281.67. The guarantee has no end:
     * the letter recalls the right to end it at any time (art. 2315 C. civ.).
     */
    @Test
    void theAnnualInformationStatesWhatWasOwedOn31DecemberAndTheTermOnceAYear() throws IOException {
        moveTo(LocalDate.of(2027, 1, 4));
        UUID customer = customer();
        String a = invoice(customer, "10000.00", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
        pay(customer, a, "4000.00", LocalDate.of(2026, 11, 15));
        String b = invoice(customer, "3000.00", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        String c = invoice(customer, "500.00", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        pay(customer, c, "500.00", LocalDate.of(2026, 12, 15));
        String d = invoice(customer, "700.00", LocalDate.of(2027, 1, 2), LocalDate.of(2027, 2, 1));
        Map<String, Object> personal = GuaranteesTest.personal("Jean Dupont", "20000.00", "2026-01-01", null);
        personal.put("annualInformationOn", "2026-03-15");
        UUID guarantee = register(customer, personal);
        Map<String, Object> company = GuaranteesTest.personal("Holding Dupont SAS", "20000.00", "2026-01-01", null);
        company.put("naturalPerson", false);
        company.remove("handwrittenMention");
        UUID companyGuarantee = register(customer, company);

        GuarantorInformation.OwedAtYearEnd owed = information.owedAt(guarantees.get(guarantee), LocalDate.of(2026, 12, 31));
        assertThat(owed.invoices()).extracting(line -> line.number()).containsExactly(a, b);
        assertThat(owed.principal()).isEqualByComparingTo("9000.00");
        assertThat(owed.interest()).isEqualByComparingTo("241.67");
        assertThat(owed.indemnityEur()).isEqualByComparingTo("40.00");
        assertThat(owed.total()).isEqualByComparingTo("9281.67");

        List<UUID> informed = information.sendAnnualInformation();

        assertThat(informed).contains(guarantee).doesNotContain(companyGuarantee);
        assertThat(guarantees.get(guarantee).annualInformationOn()).isEqualTo(LocalDate.of(2027, 1, 4));
        // kept in the history beside the one sent before Recouvra (registered: 15 March 2026), for the calls' forfeiture
        assertThat(guarantees.annualInformation(guarantee)).containsExactly(LocalDate.of(2026, 3, 15), LocalDate.of(2027, 1, 4));
        assertThat(jdbc.queryForObject("select for_year from recouvra.guarantee_annual_information where guarantee_id = ? "
                + "and informed_on = ?", Integer.class, guarantee, LocalDate.of(2027, 1, 4))).isEqualTo(2026);
        assertThat(information.sendAnnualInformation()).as("once a year").doesNotContain(guarantee);
        String letterCase = "guarantee-" + guarantee;
        assertThat(jdbc.queryForObject("select count(*) from recouvra.outbox_message where case_ref = ?", Integer.class, letterCase))
                .isOne();
        String text = posted(letterCase, "guarantor-annual-information");
        assertThat(text).contains("Lettre recommandée avec demande d'avis de réception", "Jean Dupont", "5 rue de la Paix",
                "information annuelle de la caution au 31/12/2026 (article 2302 du Code civil)", "Garage",
                a + " 01/10/2026 6 000,00 € 241,67 € 40,00 €", b + " 31/12/2026 3 000,00 € 0,00 € 0,00 €",
                "Totaux 9 000,00 € 241,67 € 40,00 €", "Total restant dû au 31/12/2026 : 9 281,67 €",
                "durée indéterminée", "article 2315 du Code civil")
                .doesNotContain(c).doesNotContain(d).doesNotContain("null");
        assertThat(trail(customer)).anySatisfy(entry -> assertThat(entry.getSummary())
                .isEqualTo("Guarantor's annual information (art. 2302 C. civ.) for 2026 queued to Jean Dupont: 9 281,67 € owed on 2026-12-31"));
    }

    /**
     * An invoice due Friday 23 October 2026 and still unpaid: not regularised within the month it fell due once 23
     * November is over. On 23 November no letter yet; on 24 November the guarantor is told, once.
     */
    @Test
    void theGuarantorIsToldOnceOfAFirstDefaultNotPutRightWithinTheMonth() throws IOException {
        moveTo(LocalDate.of(2026, 11, 23));
        UUID customer = customer();
        String late = invoice(customer, "2400.00", LocalDate.of(2026, 9, 23), LocalDate.of(2026, 10, 23));
        pay(customer, late, "400.00", LocalDate.of(2026, 11, 2));
        UUID guarantee = register(customer, GuaranteesTest.personal("Marie <i>Martin</i>", "5000.00", "2026-01-01", "2028-12-31"));

        assertThat(information.sendFirstDefaultNotices()).as("the month is not over").doesNotContain(guarantee);
        moveTo(LocalDate.of(2026, 11, 24));
        assertThat(information.sendFirstDefaultNotices()).contains(guarantee);
        assertThat(information.sendFirstDefaultNotices()).as("the first default only").doesNotContain(guarantee);

        String text = posted("guarantee-" + guarantee, "guarantor-first-default");
        assertThat(text).contains("Marie <i>Martin</i>", "défaillance du débiteur principal (article 2303 du Code civil)",
                "exigible le 23/10/2026", "au plus tard le 23/11/2026",
                late + " 23/09/2026 23/10/2026 2 400,00 € 2 000,00 €", "prend fin le 31/12/2028").doesNotContain("null");
        assertThat(trail(customer)).anySatisfy(entry -> assertThat(entry.getSummary()).isEqualTo(
                "Guarantor told of the first payment default (art. 2303 C. civ.): letter queued to Marie <i>Martin</i> (" + late
                        + ", 2 000,00 € due since 2026-10-23)"));
    }

    /** The case's one letter, posted by the outbox to the sandbox: its text; its first page in target/screenshots/{name}.png. */
    private String posted(String letterCase, String name) throws IOException {
        while (dispatcher.dispatchDue() > 0) {
            // every due message, this test's letter among them
        }
        Map<String, Object> sent = jdbc.queryForMap("select id, status from recouvra.outbox_message where case_ref = ?", letterCase);
        assertThat(sent.get("status")).isEqualTo("SENT");
        // what the letter channel was handed, kept as evidence
        byte[] pdf = jdbc.queryForObject("select content from recouvra.letter_document where outbox_message_id = ?", byte[].class,
                sent.get("id"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path png = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90), "png", png.toFile());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
        }
    }

    private List<Interaction> trail(UUID customer) {
        return interactions.ofCustomer(customer, 0, 50).getContent();
    }

    private UUID register(UUID customer, Map<String, ?> body) {
        ResponseEntity<JsonNode> created = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("guarantee").get("id").asText());
    }

    private UUID customer() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID customer, String amount, LocalDate issued, LocalDate due) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(UUID customer, String invoice, String amount, LocalDate valueDate) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", valueDate, "VIR-" + invoice + "-" + amount,
                List.of(new NewPayment.Allocation(invoice, new BigDecimal(amount)))));
    }
}
