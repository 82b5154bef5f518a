package io.recouvra.legal;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The injunction request as a court reads it, and the bundle filed with it. The invoice: 10,000.00 EUR
 * due on Saturday 31 January 2026, unpaid; the request is built on Wednesday 15 April 2026.
 */
@RecouvraTest
class InjunctionRequestTest {

    private static final String LEGAL_USER = "lea.legal";
    private static final String COLLECTOR = "colin.collector";

    @Autowired
    LegalCaseFixtures fixtures;
    @Autowired
    InjunctionRequests requests;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CustomerService customers;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Api api;

    String number;
    UUID debtor;

    @BeforeEach
    void anUnpaidInvoiceWithAFormalNoticeGoesToCourt() throws Exception {
        fixtures.deployCaller();
        user(LEGAL_USER, RecouvraGroups.LEGAL);
        user(COLLECTOR, RecouvraGroups.COLLECTORS);
        moveTo(LocalDate.of(2026, 3, 2));
        debtor = fixtures.debtor("Lyon", "69002");
        number = fixtures.invoice(debtor, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "10000.00");
        fixtures.formalNoticeSent(number, LocalDate.of(2026, 3, 2), true);
        moveTo(LocalDate.of(2026, 4, 15));
        fixtures.escalateToCourt(number);
        fixtures.runJobs(fixtures.legalCase(number));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theRequestShowsTheClaimWithEachPartAndItsLegalBasis() throws Exception {
        // Interest runs from the day after the due date, 1 February, to 15 April 2026 inclusive:
        // 28 (February) + 31 (March) + 15 (April) = 74 days, all in the first half of 2026, whose rate is the
        // ECB rate of 1 January 2026 (2.15 %) + 10 points = 12.15 % (above the floor of 3 x 2.62 % = 7.86 %).
        // 10,000.00 x 12.15 % x 74 / 365 = 1,215 x 74 / 365 = 89,910 / 365 = 246.328... = 246.33 EUR.
        // Total: 10,000.00 + 246.33 + 40.00 (one invoice) + 0.00 other costs = 10,286.33 EUR.
        String text = text(requests.requestPdf(number));

        assertThat(text).contains("REQUÊTE EN INJONCTION DE PAYER", "Articles 1405 et suivants du Code de procédure civile",
                "Tribunal de commerce de Lyon");
        assertThat(text).as("the parties").contains("Recouvra Demo SAS", "1 place de la Bourse, 75002 Paris",
                customers.get(debtor).getLegalName(), "SIREN " + customers.get(debtor).getRegistrationNumber(),
                "8 quai Perrache", "69002 Lyon");
        assertThat(text).as("the breakdown").contains("10 000,00 €", "246,33 €", "40,00 €", "0,00 €", "10 286,33 €")
                .contains("arrêtées au 15 avril 2026", "Art. L. 441-10 C. com.", "D. 441-5");
        assertThat(text).as("the interest period").contains("1 février 2026", "15 avril 2026", "74", "12,15 %");
        assertThat(text).as("the documents").contains("Facture n° " + number + " du 1 janvier 2026, échue le 31 janvier 2026",
                "Mise en demeure par lettre recommandée du 2 mars 2026, avec son accusé de réception signé",
                "Historique des relances et échanges");
        LegalCase legalCase = fixtures.legalCaseRow(number);
        assertThat(legalCase.principal()).isEqualByComparingTo("10000.00");
        assertThat(legalCase.interest()).isEqualByComparingTo("246.33");
        assertThat(legalCase.indemnity()).isEqualByComparingTo("40.00");
        assertThat(legalCase.totalClaimed()).isEqualByComparingTo("10286.33");
    }

    @Test
    void thePrincipalIsClaimedIncludingVatAndTheInvoicesOwnVatIsShownUnderIt() throws Exception {
        // 10,000.00 excl. VAT + 2,000.00 VAT = 12,000.00 due; 3,000.00 paid on 10 March: 9,000.00 claimed, including VAT
        // (interest runs on it too). The VAT inside the claim is the invoice's own, in proportion:
        // 2,000.00 x 9,000 / 12,000 = 1,500.00.
        moveTo(LocalDate.of(2026, 3, 2));
        String withVat = TestData.invoiceNumber();
        invoices.register(new NewInvoice(withVat, debtor, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                new BigDecimal("12000.00"), "EUR", null, new BigDecimal("10000.00"), new BigDecimal("2000.00")));
        fixtures.formalNoticeSent(withVat, LocalDate.of(2026, 3, 2), true);
        fixtures.pay(withVat, "3000.00", LocalDate.of(2026, 3, 10));
        moveTo(LocalDate.of(2026, 4, 15));
        fixtures.escalateToCourt(withVat);
        fixtures.runJobs(fixtures.legalCase(withVat));

        String text = text(requests.requestPdf(withVat)).replaceAll("\\s+", " ");

        // (the PDF's text comes out with an inline span's text moved: the number is not checked in the line)
        assertThat(text).contains("Principal TTC (reste dû sur la facture",
                "Facture : 10 000,00 € HT + TVA 2 000,00 € = 12 000,00 € TTC ; principal réclamé TTC, dont TVA 1 500,00 €",
                "d'un montant de 12 000,00 € TTC (10 000,00 € HT, TVA 2 000,00 €)");
        assertThat(fixtures.legalCaseRow(withVat).principal()).isEqualByComparingTo("9000.00");
        // interest runs on the amount including VAT, not on the 10,000.00 / 7,500.00 excluding it, at 12.15 %:
        // 1 February to 10 March, 38 days on 12,000.00: 12,000 x 12.15 % x 38 / 365 = 55,404 / 365 = 151.79...;
        // 11 March to 15 April, 36 days on 9,000.00: 9,000 x 12.15 % x 36 / 365 = 39,366 / 365 = 107.85...;
        // 151.791... + 107.852... = 259.643... = 259.64
        assertThat(fixtures.legalCaseRow(withVat).interest()).isEqualByComparingTo("259.64");
        // the invoice of the other tests gave no VAT: a breakdown derived at the standard rate is not put before a court
        assertThat(text(requests.requestPdf(number)).replaceAll("\\s+", " ")).doesNotContain(" HT");
    }

    @Test
    void theRequestNamesTheCreditorCompanyItsRepresentativeAndASignatory() throws Exception {
        // the demo identity of application.yaml (recouvra.creditor.*), which tests run with
        String text = text(requests.requestPdf(number)).replaceAll("\\s+", " ");

        // (the PDF's text comes out span by span, not always in reading order: each piece is checked)
        assertThat(text).contains("Recouvra Demo SAS", "immatriculée sous le numéro SIREN", "123 456 782",
                "SAS au capital de 10 000 € (DÉMO)", "Siège social : 1 place de la Bourse, 75002 Paris (DÉMO)",
                "Représentée par son représentant légal, Camille Durand, présidente (DÉMO)", "Claire Dubois (DÉMO)",
                "Responsable du recouvrement");
    }

    @Test
    void legalOfficersDownloadTheRequestAndTheBundleCollectorsCannot() throws Exception {
        ResponseEntity<byte[]> pdf = api.as(LEGAL_USER, "secret-" + LEGAL_USER)
                .getForEntity("/api/v1/legal-cases/{number}/request.pdf", byte[].class, number);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(text(pdf.getBody())).contains("10 286,33 €");
        assertThat(api.as(COLLECTOR, "secret-" + COLLECTOR).getForEntity("/api/v1/legal-cases/{number}/request.pdf",
                byte[].class, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<byte[]> bundle = api.as(LEGAL_USER, "secret-" + LEGAL_USER)
                .getForEntity("/api/v1/legal-cases/{number}/bundle.zip", byte[].class, number);
        assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, byte[]> entries = unzip(bundle.getBody());
        assertThat(entries.keySet()).containsExactly("01-requete-injonction-de-payer-" + number + ".pdf",
                "02-mise-en-demeure-2026-03-02-AR-signe.pdf", "03-historique-" + number + ".csv");
        assertThat(text(entries.get("02-mise-en-demeure-2026-03-02-AR-signe.pdf"))).contains("Mise en demeure de payer " + number);
        String csv = new String(entries.get("03-historique-" + number + ".csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("occurred_at;channel;direction;type;summary;content\n")
                .contains(";LETTER;OUTBOUND;MESSAGE_SENT;").contains(";COURT;INTERNAL;NOTE;\"Injunction request prepared");
    }

    @Test
    void anOppositionWithoutItsDateIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> refused = api.as(LEGAL_USER, "secret-" + LEGAL_USER)
                .postForEntity("/api/v1/legal-cases/{number}/opposition", Map.of(), JsonNode.class, number);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().toString()).contains("filedOn");
        ResponseEntity<JsonNode> tooEarly = api.as(LEGAL_USER, "secret-" + LEGAL_USER)
                .postForEntity("/api/v1/legal-cases/{number}/opposition", Map.of("filedOn", "2026-04-15"), JsonNode.class, number);
        assertThat(tooEarly.getStatusCode()).as("nothing served yet").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.as(COLLECTOR, "secret-" + COLLECTOR).postForEntity("/api/v1/legal-cases/{number}/opposition",
                Map.of("filedOn", "2026-04-15"), JsonNode.class, number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replace('\u202F', ' ');
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
