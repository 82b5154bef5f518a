package io.recouvra.guarantee;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a call claims (art. 2295, 2302, 2303 and 2321 C. civ.), on the real application with the real interest
 * computation.
 *
 * <p>The worked example of every test: an invoice of 10,000.00 EUR issued 1 September 2026, due Thursday 1 October
 * 2026, nothing paid; the call is made on Monday 23 November 2026. Statutory late-payment rate of the second half of
 * 2026: ECB 2.15 % + 10 points = 12.15 %. Interest runs from 2 October to 23 November: 30 days of October + 23 of
 * November = 53 days, 10,000 x 12.15 x 53 / 36,500 = 6,439,500 / 36,500 = 176.4246575..., 176.42. The invoice is late:
 * the recovery indemnity is 40.00. Principal and accessories: 10,000.00 + 176.42 + 40.00 = 10,216.42.
 */
@RecouvraTest
class GuaranteeCallClaimTest {

    private static final LocalDate CALL_DAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Guarantees guarantees;
    @Autowired
    GuaranteeCalls calls;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void ratesForTheSecondHalfOf2026(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "GuaranteeCallClaimTest", "2026-07-01", "2027-01-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "GuaranteeCallClaimTest");
    }

    @BeforeEach
    void callDay() {
        moveTo(CALL_DAY);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * (1) A company's personal guarantee of 20,000.00 (no information duties towards a company): the call claims the
     * principal with its accessories, 10,216.42, within the cap.
     */
    @Test
    void aPersonalGuaranteeClaimsThePrincipalWithInterestAndTheIndemnityWithinTheCap() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        UUID guarantee = register(customer, company("20000.00"));

        GuaranteeClaim claim = calls.claimFor(guarantees.get(guarantee), invoices.get(number), CALL_DAY);

        assertThat(claim.principal()).isEqualByComparingTo("10000.00");
        assertThat(claim.interest()).isEqualByComparingTo("176.42");
        assertThat(claim.indemnityEur()).isEqualByComparingTo("40.00");
        assertThat(claim.forfeitures()).isEmpty();
        assertThat(claim.forfeitedInterest()).isEqualByComparingTo("0.00");
        assertThat(claim.owed()).isEqualByComparingTo("10216.42");
        assertThat(claim.total()).isEqualByComparingTo("10216.42");
        assertThat(claim.capped()).isFalse();

        GuaranteeCalls.Call call = calls.call(number, false).orElseThrow();
        assertThat(call.claimed()).isEqualByComparingTo("10216.42");
        String letter = text(calls.letter(call.id()), "guarantee-call-claim");
        assertThat(letter).contains("caution solidaire des sommes dues", "article 2295 du Code civil", "Principal restant dû sur la facture " + number,
                "53 jours sur 10 000,00 €", "12,15 %", "176,42 €", "40,00 €", "Somme appelée 10 216,42 €")
                .doesNotContain("dans la limite de la garantie)", "ne vous sont pas réclamés", "null");

        // the guarantor pays it all: the principal settles the invoice, the accessories (176.42 + 40.00) stay on the
        // customer's account, unallocated (they have no invoice of their own)
        calls.book(call.id(), new BigDecimal("10216.42"), LocalDate.of(2026, 11, 30), "VIR-CAUTION-" + number);
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("0.00");
        assertThat(payments.get(calls.get(call.id()).paymentId()).getUnallocatedAmount()).isEqualByComparingTo("216.42");
        assertThat(guarantees.get(guarantee).paidOut()).isEqualByComparingTo("10216.42");
        assertThat(guarantees.get(guarantee).status()).isEqualTo(Guarantee.Status.ACTIVE);
    }

    /** (2) The same with a cap of 10,100.00: 10,216.42 is owed, 10,100.00 is called. */
    @Test
    void theClaimStopsAtTheCap() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        register(customer, company("10100.00"));

        GuaranteeCalls.Call call = calls.call(number, false).orElseThrow();

        assertThat(call.claimed()).isEqualByComparingTo("10100.00");
        String letter = text(calls.letter(call.id()), "guarantee-call-capped");
        assertThat(letter).contains("Total dû 10 216,42 €", "Somme appelée (dans la limite de la garantie) 10 100,00 €");
    }

    /**
     * (3) A natural person's guarantee of 20,000.00 from 1 January 2025, last informed on 2 November 2026: the
     * information on 31 December 2025 was due by 31 March 2026 and came late, so the interest and penalties fallen due
     * from the guarantee's start to 2 November 2026 are forfeited (art. 2302; the register keeps no earlier information
     * day). The first default was told on 2 November 2026, in time (due 1 October + 1 month = 1 November, the month
     * over: the next day), so art. 2303 takes nothing more.
     * <ul>
     * <li>Forfeited: the interest days 2 October to 2 November, 32 days; kept: 3 to 23 November, 21 days,
     * 10,000 x 12.15 x 21 / 36,500 = 2,551,500 / 36,500 = 69.9041..., 69.90. Deduction: 176.42 - 69.90 = 106.52
     * (= 10,000 x 12.15 x 32 / 36,500 = 106.5205..., rounded).</li>
     * <li>The indemnity fell due on 2 October, the first late day, inside the forfeited days: 40.00 deducted.</li>
     * </ul>
     * Owed: 10,000.00 + 176.42 - 106.52 + 40.00 - 40.00 = 10,069.90.
     */
    @Test
    void aNaturalPersonNotInformedInTimeOwesNoInterestNorPenaltiesForTheUninformedDays() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        Map<String, Object> body = GuaranteesTest.personal("Jean Dupont", "20000.00", "2025-01-01", null);
        body.put("annualInformationOn", "2026-11-02");
        UUID guarantee = register(customer, body);
        guarantees.markFirstDefaultNotified(guarantee, LocalDate.of(2026, 11, 2));

        GuaranteeClaim claim = calls.claimFor(guarantees.get(guarantee), invoices.get(number), CALL_DAY);

        assertThat(claim.forfeitures()).containsExactly(new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.ANNUAL_INFORMATION,
                LocalDate.of(2024, 12, 31), LocalDate.of(2026, 11, 2)));
        assertThat(claim.daysForfeited(claim.forfeitures().get(0))).isEqualTo(32);
        assertThat(claim.interest()).isEqualByComparingTo("176.42");
        assertThat(claim.forfeitedInterest()).isEqualByComparingTo("106.52");
        assertThat(claim.forfeitedIndemnityEur()).isEqualByComparingTo("40.00");
        assertThat(claim.owed()).isEqualByComparingTo("10069.90");
        assertThat(claim.total()).isEqualByComparingTo("10069.90");

        GuaranteeCalls.Call call = calls.call(number, false).orElseThrow();
        assertThat(call.claimed()).isEqualByComparingTo("10069.90");
        String letter = text(calls.letter(call.id()), "guarantee-call-forfeiture");
        assertThat(letter).contains("- 106,52 €", "- 40,00 €", "Somme appelée 10 069,90 €", "ne vous sont pas réclamés",
                "article 2302 du Code civil", "du 01/01/2025 au 02/11/2026");
    }

    /**
     * (3b) A natural person's guarantee from 1 January 2026 (no annual information owed yet: the first is for 31
     * December 2026), the first default told only on 12 November 2026, ten days after the day it was to be told (1
     * October + 1 month, the month over: 2 November): art. 2303 forfeits the interest and penalties from the incident,
     * 1 October, to 12 November.
     * <ul>
     * <li>Kept: 13 to 23 November, 11 days, 10,000 x 12.15 x 11 / 36,500 = 1,336,500 / 36,500 = 36.6164..., 36.62.
     * Deduction 176.42 - 36.62 = 139.80 (42 days, 2 October to 12 November).</li>
     * <li>The indemnity, due 2 October, is forfeited: 40.00.</li>
     * </ul>
     * Owed: 10,000.00 + 36.62 = 10,036.62.
     */
    @Test
    void aFirstDefaultToldLateForfeitsTheInterestFromTheIncidentToTheNotice() {
        UUID customer = customer();
        String number = invoice(customer);
        UUID guarantee = register(customer, GuaranteesTest.personal("Marie Martin", "20000.00", "2026-01-01", null));
        guarantees.markFirstDefaultNotified(guarantee, LocalDate.of(2026, 11, 12));

        GuaranteeClaim claim = calls.claimFor(guarantees.get(guarantee), invoices.get(number), CALL_DAY);

        assertThat(claim.forfeitures()).containsExactly(new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.FIRST_DEFAULT,
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 12)));
        assertThat(claim.daysForfeited(claim.forfeitures().get(0))).isEqualTo(42);
        assertThat(claim.forfeitedInterest()).isEqualByComparingTo("139.80");
        assertThat(claim.forfeitedIndemnityEur()).isEqualByComparingTo("40.00");
        assertThat(claim.total()).isEqualByComparingTo("10036.62");
    }

    /**
     * (4) A bank's first-demand guarantee is its own undertaking to pay (art. 2321): the principal still owed, no
     * accessories; 10,000.00 under a cap of 20,000.00, and 7,000.00 under a cap of 7,000.00.
     */
    @Test
    void aFirstDemandGuaranteeClaimsThePrincipalWithinTheCapWithoutAccessories() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        UUID large = register(customer, firstDemand(number, "20000.00"));

        GuaranteeClaim claim = calls.claimFor(guarantees.get(large), invoices.get(number), CALL_DAY);
        assertThat(claim.principal()).isEqualByComparingTo("10000.00");
        assertThat(claim.interest()).isEqualByComparingTo("0.00");
        assertThat(claim.indemnityEur()).isEqualByComparingTo("0.00");
        assertThat(claim.total()).isEqualByComparingTo("10000.00");

        GuaranteeCalls.Call call = calls.call(number, false).orElseThrow();
        assertThat(call.claimed()).isEqualByComparingTo("10000.00");
        assertThat(text(calls.letter(call.id()), "guarantee-call-first-demand")).contains("article 2321 du Code civil",
                "Somme appelée 10 000,00 €").doesNotContain("Intérêts de retard", "Indemnité forfaitaire");

        UUID customer2 = customer();
        String other = invoice(customer2);
        UUID small = register(customer2, firstDemand(other, "7000.00"));
        GuaranteeClaim capped = calls.claimFor(guarantees.get(small), invoices.get(other), CALL_DAY);
        assertThat(capped.total()).isEqualByComparingTo("7000.00");
        assertThat(capped.capped()).isTrue();
    }

    /**
     * (5) A natural person's guarantee of 20,000.00 whose deed limits it to the principal (art. 2295 C. civ.: the
     * accessories are covered "sauf clause contraire"). The debtor paid 2,500.00 on 20 October 2026: the principal still
     * owed is 10,000.00 - 2,500.00 = 7,500.00, and that is all that is called: no interest, no indemnity, and so nothing
     * to forfeit although the first default was never told (art. 2303 takes away interest and penalties only).
     */
    @Test
    void aGuaranteeLimitedToThePrincipalClaimsThePrincipalAlone() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        payments.register(new NewPayment(customer, new BigDecimal("2500.00"), "EUR", LocalDate.of(2026, 10, 20), "VIR-ACOMPTE-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal("2500.00")))));
        Map<String, Object> body = GuaranteesTest.personal("Jean Dupont", "20000.00", "2026-01-01", null);
        body.put("principalOnly", true);
        UUID guarantee = register(customer, body);

        GuaranteeClaim claim = calls.claimFor(guarantees.get(guarantee), invoices.get(number), CALL_DAY);

        assertThat(claim.withAccessories()).isFalse();
        assertThat(claim.principal()).isEqualByComparingTo("7500.00");
        assertThat(claim.interest()).isEqualByComparingTo("0.00");
        assertThat(claim.indemnityEur()).isEqualByComparingTo("0.00");
        assertThat(claim.forfeitures()).isEmpty();
        assertThat(claim.total()).isEqualByComparingTo("7500.00");

        GuaranteeCalls.Call call = calls.call(number, false).orElseThrow();
        assertThat(call.claimed()).isEqualByComparingTo("7500.00");
        String letter = text(calls.letter(call.id()), "guarantee-call-principal-only");
        assertThat(letter).contains("limité au principal de la dette", "article 2295 du Code civil",
                "Principal restant dû sur la facture " + number + " 7 500,00 €", "Somme appelée 7 500,00 €")
                .doesNotContain("Intérêts de retard", "Indemnité forfaitaire", "ne vous sont pas réclamés", "s'étend, sauf clause contraire");
    }

    /**
     * (6) Art. 2302 year by year, from every information sent. A natural person's guarantee of 20,000.00 from 1 January
     * 2025: the information for 31 December 2025, due by 31 March 2026, was sent late, on 2 November 2026; the one for
     * 31 December 2026 in time, on 15 February 2027. The call is made on 15 June 2027; the first default was told on 2
     * November 2026, in time (art. 2303 takes nothing).
     * <ul>
     * <li>Interest from 2 October 2026 to 15 June 2027: 30 + 30 + 31 (October to December 2026) + 31 + 28 + 31 + 30 + 31
     * + 15 (January to 15 June 2027) = 257 days, both half-years at 12.15 %: 10,000 x 12.15 x 257 / 36,500 = 31,225,500 /
     * 36,500 = 855.4931..., 855.49.</li>
     * <li>2026 missed: forfeited from the previous information (none: the start) to the late one, 2 November 2026; the
     * interest days 2 October to 2 November 2026, 32. Kept: 257 - 32 = 225 days, 10,000 x 12.15 x 225 / 36,500 =
     * 27,337,500 / 36,500 = 748.9726..., 748.97. Deduction 855.49 - 748.97 = 106.52.</li>
     * <li>2027 in time: nothing more. The indemnity, due 2 October 2026, is forfeited: 40.00.</li>
     * </ul>
     * Owed: 10,000.00 + 855.49 - 106.52 + 40.00 - 40.00 = 10,748.97. (The register's last day alone, 15 February 2027,
     * would have shown nothing missed and claimed 10,895.49.)
     */
    @Test
    void theAnnualInformationForfeitureIsReckonedYearByYearFromEveryInformationSent() {
        UUID customer = customer();
        String number = invoice(customer);
        Map<String, Object> body = GuaranteesTest.personal("Jean Dupont", "20000.00", "2025-01-01", null);
        body.remove("annualInformationOn");
        UUID guarantee = register(customer, body);
        guarantees.markFirstDefaultNotified(guarantee, LocalDate.of(2026, 11, 2));
        LocalDate callDay = LocalDate.of(2027, 6, 15);
        moveTo(callDay);

        assertThat(informed(guarantee, "2026-11-02").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> second = informed(guarantee, "2027-02-15");
        assertThat(second.getBody().get("annualInformationSent")).extracting(JsonNode::asText)
                .containsExactly("2026-11-02", "2027-02-15");
        assertThat(second.getBody().get("guarantee").get("annualInformationOn").asText()).isEqualTo("2027-02-15");
        // bad input names the field; the same year twice is a conflict
        ResponseEntity<JsonNode> future = informed(guarantee, "2027-06-16");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(future.getBody().get("errors").get(0).get("field").asText()).isEqualTo("informedOn");
        assertThat(informed(guarantee, "2025-02-01").getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("an information sent in 2025 states 31 December 2024, before the guarantee started on 2025-01-01");
        assertThat(informed(guarantee, "2027-03-01").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(guarantees.annualInformation(guarantee)).containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 2, 15));

        GuaranteeClaim claim = calls.claimFor(guarantees.get(guarantee), invoices.get(number), callDay);

        assertThat(claim.forfeitures()).containsExactly(new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.ANNUAL_INFORMATION,
                LocalDate.of(2024, 12, 31), LocalDate.of(2026, 11, 2)));
        assertThat(claim.daysForfeited(claim.forfeitures().get(0))).isEqualTo(32);
        assertThat(claim.interest()).isEqualByComparingTo("855.49");
        assertThat(claim.forfeitedInterest()).isEqualByComparingTo("106.52");
        assertThat(claim.forfeitedIndemnityEur()).isEqualByComparingTo("40.00");
        assertThat(claim.owed()).isEqualByComparingTo("10748.97");
        assertThat(claim.total()).isEqualByComparingTo("10748.97");
    }

    /**
     * (6b) The runs of days, year by year, for a guarantee from 1 January 2024: informed in time for 2024 (10 February
     * 2025), late for 2025 (15 May 2026), in time for 2026 (20 February 2027), never for 2027 (due by 31 March 2028);
     * called on 30 June 2028. 2026 missed: from 10 February 2025 (exclusive) to 15 May 2026; 2027 in time; 2028 missed:
     * from 20 February 2027 (exclusive) to the call. Two runs, the days between them claimed.
     */
    @Test
    void eachMissedYearForfeitsFromThePreviousInformationToTheNext() {
        assertThat(GuaranteeClaim.annualInformationForfeitures(LocalDate.of(2024, 1, 1), List.of(LocalDate.of(2027, 2, 20),
                LocalDate.of(2025, 2, 10), LocalDate.of(2026, 5, 15)), LocalDate.of(2028, 6, 30))).containsExactly(
                new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.ANNUAL_INFORMATION, LocalDate.of(2025, 2, 10), LocalDate.of(2026, 5, 15)),
                new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.ANNUAL_INFORMATION, LocalDate.of(2027, 2, 20), LocalDate.of(2028, 6, 30)));
        // two years missed in a row make one run: from the start to the call
        assertThat(GuaranteeClaim.annualInformationForfeitures(LocalDate.of(2024, 1, 1), List.of(), LocalDate.of(2026, 4, 1)))
                .containsExactly(new GuaranteeClaim.Forfeiture(GuaranteeClaim.Rule.ANNUAL_INFORMATION, LocalDate.of(2023, 12, 31),
                        LocalDate.of(2026, 4, 1)));
        // 31 March is still in time: nothing missed on that day
        assertThat(GuaranteeClaim.annualInformationForfeitures(LocalDate.of(2025, 1, 1), List.of(), LocalDate.of(2026, 3, 31))).isEmpty();
    }

    /**
     * (7) A simple guarantee (not joint and several): its guarantor may require the debtor to be pursued first (art. 2305
     * C. civ.). As shipped ({@code simple-guarantee-call: AFTER_COURT_ACTION}) it is not callable until an injunction to
     * pay came back unpaid; then the letter says so, and claims the same 10,216.42 as a joint and several one.
     * {@code AT_ONCE} would call it straight away.
     */
    @Test
    void aSimpleGuaranteeIsCalledOnceTheDebtorWasPursuedInCourt() throws IOException {
        UUID customer = customer();
        String number = invoice(customer);
        Map<String, Object> body = company("20000.00");
        body.put("jointAndSeveral", false);
        UUID guarantee = register(customer, body);

        assertThat(calls.callableFor(number, false)).as("the debtor not pursued yet").isFalse();
        assertThat(calls.call(number, false)).isEmpty();
        assertThat(SimpleGuaranteeCall.AT_ONCE.allows(guarantees.get(guarantee), false)).isTrue();
        assertThat(calls.callableFor(number, true)).isTrue();

        GuaranteeCalls.Call call = calls.call(number, true).orElseThrow();
        assertThat(call.claimed()).isEqualByComparingTo("10216.42");
        assertThat(text(calls.letter(call.id()), "guarantee-call-simple")).contains("caution simple des sommes dues",
                "poursuivi en paiement de cette facture par voie d'injonction de payer", "article 2305 du Code civil");
    }

    private ResponseEntity<JsonNode> informed(UUID guarantee, String day) {
        return api.asAdmin().postForEntity("/api/v1/guarantees/" + guarantee + "/annual-information", Map.of("informedOn", day),
                JsonNode.class);
    }

    private static Map<String, Object> company(String amount) {
        Map<String, Object> body = GuaranteesTest.personal("Holding Dupont SAS", amount, "2026-01-01", null);
        body.put("naturalPerson", false);
        body.remove("handwrittenMention");
        body.remove("annualInformationOn");
        return body;
    }

    private static Map<String, Object> firstDemand(String invoiceNumber, String amount) {
        return new HashMap<>(Map.of("kind", "FIRST_DEMAND_GUARANTEE", "invoiceNumber", invoiceNumber, "providerName", "Banque du Port",
                "providerAddress", "1 quai de la Fosse\n44000 Nantes", "amount", amount, "currency", "EUR", "startsOn", "2026-06-01",
                "endsOn", "2027-06-01", "callConditions", "Demande écrite et signée"));
    }

    private UUID register(UUID customer, Map<String, ?> body) {
        ResponseEntity<JsonNode> created = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("guarantee").get("id").asText());
    }

    private UUID customer() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID customer) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
                new BigDecimal("10000.00"), "EUR"));
        return number;
    }

    /** The letter's text; its first page in target/screenshots/{name}.png, to look at. */
    private static String text(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path png = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90), "png", png.toFile());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
        }
    }
}
