package io.recouvra.interest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RecouvraTest
class LatePaymentApiTest {

    /** Far from any date another test computes interest over, so recording it changes nothing for them. */
    private static final String TEST_HALF_YEAR = "2041-07-01";

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from recouvra.late_payment_rate where half_year_start = cast(? as date)", TEST_HALF_YEAR);
        identity.deleteUser("carla");
    }

    @Test
    void theSeededHalfYearsAreListedWithTheRateTheyGive() {
        JsonNode rates = api.asAdmin().getForEntity("/api/v1/late-payment-rates", JsonNode.class).getBody();

        JsonNode h1of2026 = find(rates, "2026-01-01");
        assertThat(h1of2026.get("statutoryRate").decimalValue()).isEqualByComparingTo("12.15");
        assertThat(h1of2026.get("floorRate").decimalValue()).isEqualByComparingTo("7.86");
        JsonNode h1of2024 = find(rates, "2024-01-01");
        // L. 441-10: without a contractual rate the rate is ECB + 10 points even when 3 × the legal rate is higher
        assertThat(h1of2024.get("statutoryRate").decimalValue()).as("4.50 + 10, not 3 × 5.07").isEqualByComparingTo("14.50");
        assertThat(h1of2024.get("floorRate").decimalValue()).as("3 × 5.07").isEqualByComparingTo("15.21");
        assertThat(find(rates, "2024-07-01").get("statutoryRate").decimalValue()).as("4.25 + 10, not 3 × 4.92")
                .isEqualByComparingTo("14.25");
    }

    @Test
    void anAdminRecordsTheNextHalfYearAndCanCorrectIt() {
        ResponseEntity<JsonNode> recorded = put(api.asAdmin(), TEST_HALF_YEAR, Map.of(
                "ecbMainRefinancingRate", "2.40", "legalInterestRate", "3.10", "source", "ECB press release; arrêté"));
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody().get("statutoryRate").decimalValue()).isEqualByComparingTo("12.40");
        assertThat(recorded.getBody().get("recordedBy").asText()).isEqualTo("admin");

        put(api.asAdmin(), TEST_HALF_YEAR, Map.of("ecbMainRefinancingRate", "2.40", "legalInterestRate", "4.20",
                "source", "corrected"));

        JsonNode stored = find(api.asAdmin().getForEntity("/api/v1/late-payment-rates", JsonNode.class).getBody(), TEST_HALF_YEAR);
        assertThat(stored.get("legalInterestRate").decimalValue()).isEqualByComparingTo("4.20");
        assertThat(stored.get("statutoryRate").decimalValue()).as("2.40 + 10; the floor 3 × 4.20 does not apply")
                .isEqualByComparingTo("12.40");
        assertThat(stored.get("floorRate").decimalValue()).as("3 × 4.20").isEqualByComparingTo("12.60");
    }

    @Test
    void aDayThatStartsNoHalfYearOrAMissingRateIsRefusedAndNothingStored() {
        ResponseEntity<JsonNode> notAHalfYear = put(api.asAdmin(), "2041-03-01",
                Map.of("ecbMainRefinancingRate", "2.40", "legalInterestRate", "3.10", "source", "x"));
        assertThat(notAHalfYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAHalfYear.getBody().toString()).contains("halfYearStart", "1 January or 1 July");

        ResponseEntity<JsonNode> noLegalRate = put(api.asAdmin(), TEST_HALF_YEAR,
                Map.of("ecbMainRefinancingRate", "2.40", "source", "x"));
        assertThat(noLegalRate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noLegalRate.getBody().toString()).contains("legalInterestRate");

        assertThat(jdbc.queryForObject("select count(*) from recouvra.late_payment_rate where half_year_start in "
                + "(date '2041-03-01', date '2041-07-01')", Integer.class)).isZero();
    }

    @Test
    void onlyAdminsRecordRates() {
        User carla = identity.newUser("carla");
        carla.setPassword("secret-carla");
        identity.saveUser(carla);
        identity.createMembership("carla", RecouvraGroups.CREDIT_MANAGERS);

        ResponseEntity<JsonNode> refused = put(api.as("carla", "secret-carla"), TEST_HALF_YEAR,
                Map.of("ecbMainRefinancingRate", "2.40", "legalInterestRate", "3.10", "source", "x"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("carla", "secret-carla").getForEntity("/api/v1/late-payment-rates", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anInvoiceClaimShowsPrincipalInterestToTheDayAndTheIndemnityApart() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2000.00", null));
        post("/api/v1/payments", Map.of("customerId", customerId, "amount", "1000.00", "currency", "EUR",
                "valueDate", "2025-10-11", "bankReference", "VIR-" + number,
                "allocations", List.of(Map.of("invoiceNumber", number, "amount", "1000.00"))));

        JsonNode claim = get("/api/v1/invoices/" + number + "/late-payment-claim?asOf=2025-10-31").getBody();

        // 11 days on 2,000 and 20 days on 1,000 at 12.15 %: 7.3233 + 6.6575 = 13.98 (see LatePaymentInterestTest)
        assertThat(claim.get("principal").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(claim.get("interest").decimalValue()).isEqualByComparingTo("13.98");
        assertThat(claim.get("indemnityEur").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(claim.get("total").decimalValue()).isEqualByComparingTo("1053.98");
        assertThat(claim.get("invoices").get(0).get("periods")).hasSize(2);
    }

    @Test
    void anInvoicePaidInTimeOwesNoInterestAndNoIndemnity() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "800.00", null));
        post("/api/v1/payments", Map.of("customerId", customerId, "amount", "800.00", "currency", "EUR",
                "valueDate", "2025-09-29", "bankReference", "VIR-" + number,
                "allocations", List.of(Map.of("invoiceNumber", number, "amount", "800.00"))));

        JsonNode claim = get("/api/v1/invoices/" + number + "/late-payment-claim?asOf=2025-10-31").getBody();

        assertThat(claim.get("principal").decimalValue()).isEqualByComparingTo("0");
        assertThat(claim.get("interest").decimalValue()).isEqualByComparingTo("0");
        assertThat(claim.get("indemnityEur").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aClaimOnAPastDayCountsWhatWasOwedThatDay() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2000.00", null));
        post("/api/v1/payments", Map.of("customerId", customerId, "amount", "1000.00", "currency", "EUR",
                "valueDate", "2025-10-11", "bankReference", "VIR-" + number,
                "allocations", List.of(Map.of("invoiceNumber", number, "amount", "1000.00"))));

        JsonNode claim = get("/api/v1/invoices/" + number + "/late-payment-claim?asOf=2025-10-05").getBody();

        // 5 days on 2,000 at 12.15 %: 2,000 × 0.1215 × 5 / 365 = 3.33; the payment came later
        assertThat(claim.get("principal").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(claim.get("interest").decimalValue()).isEqualByComparingTo("3.33");
    }

    @Test
    void aContractualRateRegisteredWithTheInvoiceIsUsed() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        ResponseEntity<JsonNode> registered = post("/api/v1/invoices", invoice(number, customerId, "1000.00", "12"));
        assertThat(registered.getBody().get("contractualInterestRate").decimalValue()).isEqualByComparingTo("12");

        JsonNode claim = get("/api/v1/invoices/" + number + "/late-payment-claim?asOf=2025-10-31").getBody();

        // 31 days at 12 %: 1,000 × 0.12 × 31 / 365 = 10.19
        assertThat(claim.get("interest").decimalValue()).isEqualByComparingTo("10.19");
    }

    @Test
    void aContractualRateUnderTheFloorIsAcceptedAndTheAnswerSaysItIsRaisedForEachHalfYear() {
        String customerId = createCustomer();
        String low = TestData.invoiceNumber();
        // due 30 Sep 2025; floors: 2nd half of 2025 3 × 2.76 = 8.28 %, 1st half of 2026 3 × 2.62 = 7.86 %
        ResponseEntity<JsonNode> registered = post("/api/v1/invoices", invoice(low, customerId, "1000.00", "5"));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("number").asText()).isEqualTo(low);
        JsonNode notices = registered.getBody().get("notices");
        // (a third for the second half of 2026 when a test recorded its rates)
        assertThat(notices.size()).isBetween(2, 3);
        assertThat(notices.get(0).get("field").asText()).isEqualTo("contractualInterestRate");
        assertThat(notices.get(0).get("notice").asText())
                .contains("contractual rate 5 %", "half-year starting 2025-07-01", "8.28 %", "L. 441-10");
        assertThat(notices.get(1).get("notice").asText()).contains("half-year starting 2026-01-01", "7.86 %");

        // 31 days of October 2025 at the floor, 8.28 %: 1,000 × 0.0828 × 31 / 365 = 7.0323 -> 7.03
        JsonNode period = get("/api/v1/invoices/" + low + "/late-payment-claim?asOf=2025-10-31").getBody()
                .get("invoices").get(0).get("periods").get(0);
        assertThat(period.get("annualRate").decimalValue()).isEqualByComparingTo("8.28");
        assertThat(period.get("raisedFromContractualRate").decimalValue()).isEqualByComparingTo("5");
        assertThat(period.get("amount").decimalValue()).isEqualByComparingTo("7.03");

        ResponseEntity<JsonNode> aboveTheFloors = post("/api/v1/invoices",
                invoice(TestData.invoiceNumber(), customerId, "1000.00", "9"));
        assertThat(aboveTheFloors.getBody().get("notices")).isEmpty();
    }

    @Test
    void aRateOutOfRangeIsRefusedWithTheField() {
        ResponseEntity<JsonNode> refused = post("/api/v1/invoices", invoice(TestData.invoiceNumber(), createCustomer(),
                "1000.00", "150"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("contractualInterestRate");
    }

    @Test
    void aClaimOverAHalfYearWithoutRatesSaysWhichHalfYearToAdd() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "1000.00", null));

        ResponseEntity<JsonNode> refused = get("/api/v1/invoices/" + number + "/late-payment-claim?asOf=2040-01-10");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        // in English, as every problem detail of the API, whatever the team's language
        assertThat(refused.getBody().toString()).contains("halfYearStart", "half-year starting 2026-07-01 (second half of 2026)",
                "PUT /api/v1/late-payment-rates/2026-07-01").doesNotContain("semestre");
    }

    private static JsonNode find(JsonNode rates, String halfYearStart) {
        for (JsonNode rate : rates) {
            if (rate.get("halfYearStart").asText().equals(halfYearStart)) {
                return rate;
            }
        }
        throw new AssertionError("no rates for " + halfYearStart + " in " + rates);
    }

    private String createCustomer() {
        ResponseEntity<JsonNode> response = post("/api/v1/customers", Map.of(
                "legalName", "Menuiserie Test", "registrationNumber", TestData.siren(), "city", "Nantes",
                "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "emailConsent", true))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private static Map<String, Object> invoice(String number, String customerId, String amount, String contractualRate) {
        Map<String, Object> invoice = new HashMap<>(Map.of("number", number, "customerId", customerId,
                "issueDate", "2025-09-01", "dueDate", "2025-09-30", "amount", amount, "currency", "EUR"));
        if (contractualRate != null) {
            invoice.put("contractualInterestRate", contractualRate);
        }
        return invoice;
    }

    private ResponseEntity<JsonNode> put(org.springframework.boot.test.web.client.TestRestTemplate as, String halfYear,
                                         Map<String, String> body) {
        return as.exchange("/api/v1/late-payment-rates/" + halfYear, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return api.asAdmin().postForEntity(path, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return api.asAdmin().getForEntity(path, JsonNode.class);
    }
}
