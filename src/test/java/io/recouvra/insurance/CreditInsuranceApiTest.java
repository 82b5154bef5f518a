package io.recouvra.insurance;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.credit.CreditReviews;
import io.recouvra.insurance.CreditInsurer.CoverStatus;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The buyer cover kept in step with the sandbox insurer, its early warnings, and the insurance API. */
@RecouvraTest
class CreditInsuranceApiTest {

    private static final LocalDate START = LocalDate.of(2026, 11, 23);

    @Autowired
    Api api;
    @Autowired
    BuyerCovers covers;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    SandboxCreditInsurer insurer;
    @Autowired
    CreditReviews reviews;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @BeforeEach
    void aPolicy() {
        insurer.reset();
        moveTo(START);
        policies.set(new InsurancePolicies.Terms("Coface", "POL-API-1", "EUR", new BigDecimal("90"), new BigDecimal("70"),
                new BigDecimal("5000"), 90, "MAX_EXTENSION", "P30D", "P60D", "P5M", new BigDecimal("1000"), 5));
    }

    @AfterEach
    void noPolicyForTheOtherTests() {
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
        ClockUtil.reset();
    }

    @Test
    void aLimitIsDecidedTwoDaysAfterItIsAskedFor() {
        UUID buyer = buyer();

        assertThat(covers.requestLimit(buyer, new BigDecimal("50000")).status()).isEqualTo(CoverStatus.REQUESTED);
        assertThat(covers.sync(buyer).orElseThrow().status()).as("not decided yet").isEqualTo(CoverStatus.REQUESTED);
        moveTo(START.plusDays(2));
        BuyerCovers.Cover decided = covers.sync(buyer).orElseThrow();

        assertThat(decided.status()).isEqualTo(CoverStatus.APPROVED);
        assertThat(decided.approvedLimit()).isEqualByComparingTo("50000");
        assertThat(decided.validTo()).isEqualTo(START.plusDays(2).plusYears(1).minusDays(1));
        assertThat(reviews.isRunningFor(buyer)).as("no warning").isFalse();
    }

    @Test
    void aLargeLimitIsApprovedInPart() {
        UUID buyer = buyer();
        covers.requestLimit(buyer, new BigDecimal("240000"));
        moveTo(START.plusDays(2));

        BuyerCovers.Cover decided = covers.sync(buyer).orElseThrow();

        assertThat(decided.status()).isEqualTo(CoverStatus.REDUCED);
        assertThat(decided.approvedLimit()).isEqualByComparingTo("120000");
        assertThat(decided.requestedAmount()).isEqualByComparingTo("240000");
    }

    @Test
    void aWithdrawnCoverIsAnEarlyWarningThatOpensACreditReview() {
        UUID buyer = buyer();
        covers.requestLimit(buyer, new BigDecimal("50000"));
        moveTo(START.plusDays(2));
        covers.sync(buyer);
        moveTo(START.plusDays(40));
        insurer.withdrawCover(customers.get(buyer).getRegistrationNumber());

        assertThat(covers.sync(buyer).orElseThrow().status()).isEqualTo(CoverStatus.WITHDRAWN);

        assertThat(reviews.isRunningFor(buyer)).as("a task for the credit managers").isTrue();
        assertThat(jdbc.queryForList("select summary from recouvra.interaction where customer_id = ?", String.class, buyer))
                .anyMatch(line -> line.equals("Early warning: Coface withdrew its cover"));
        assertThat(covers.sync(buyer)).as("said once").hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CoverStatus.WITHDRAWN));
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey("CreditReview")
                .variableValueEquals("customerId", buyer.toString()).singleResult();
        management.createJobQuery().processInstanceId(review.getId()).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(runtime.getVariable(review.getId(), "insurerCover")).as("the credit policy reads the cover").isEqualTo("WITHDRAWN");
        assertThat(runtime.getVariable(review.getId(), "creditTerms").toString()).contains("BANK_GUARANTEE");
    }

    @Test
    void theBuyerViewShowsTheExposureBeyondTheLimitAndEachInsuredInvoice() {
        UUID buyer = buyer();
        covers.requestLimit(buyer, new BigDecimal("10000"));
        moveTo(START.plusDays(2));
        covers.sync(buyer);
        String within = invoice(buyer, "8000.00", 60);
        String straddling = invoice(buyer, "6000.00", 60);
        String longTerms = invoice(buyer, "1000.00", 120);

        JsonNode view = api.asAdmin().getForObject("/api/v1/customers/" + buyer + "/insurance", JsonNode.class);

        assertThat(view.get("cover").get("status").asText()).isEqualTo("APPROVED");
        assertThat(view.get("exposure").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(view.get("withinLimit").decimalValue()).isEqualByComparingTo("10000");
        assertThat(view.get("beyondLimit").decimalValue()).as("visible: partly uninsured").isEqualByComparingTo("5000.00");
        Map<String, JsonNode> insured = new HashMap<>();
        view.get("insuredInvoices").forEach(i -> insured.put(i.get("invoiceNumber").asText(), i));
        assertThat(insured).containsOnlyKeys(within, straddling).as("terms beyond the policy's 90 days: not covered")
                .doesNotContainKey(longTerms);
        // due 24 January 2027 + 60 days of maximum extension = 25 March, + 30 days = Saturday 24 April; less 5: Monday 19
        JsonNode first = insured.get(within);
        assertThat(first.get("declarationDeadline").asText()).isEqualTo("2027-04-24");
        assertThat(first.get("declareBy").asText()).isEqualTo("2027-04-19");
        assertThat(first.get("insuredAmount").decimalValue()).as("90 %% of 8,000").isEqualByComparingTo("7200.00");
        assertThat(first.get("status").asText()).isEqualTo("WATCHED");
        JsonNode second = insured.get(straddling);
        assertThat(second.get("withinLimit").decimalValue()).as("2,000 of the limit left for it").isEqualByComparingTo("2000.00");
        assertThat(second.get("beyondLimit").decimalValue()).as("partly uninsured").isEqualByComparingTo("4000.00");
        assertThat(second.get("insuredAmount").decimalValue()).isEqualByComparingTo("1800.00");
    }

    @Test
    void badPolicyTermsAreRefusedFieldByFieldAndOnlyAdminsSetThem() {
        Map<String, Object> terms = new HashMap<>(Map.of("insurer", "Atradius", "policyNumber", "POL-9", "currency", "EURO",
                "coveredShare", 120, "unnamedCoveredShare", 70, "discretionaryLimit", 5000, "maxCreditDays", 90,
                "declarationBasis", "WHENEVER", "declarationPeriod", "60 days", "maxExtensionPeriod", "P60D"));
        terms.put("waitingPeriod", "P5M");
        terms.put("reportingThreshold", -1);
        terms.put("safetyMarginDays", 5);

        ResponseEntity<JsonNode> bad = api.asAdmin().exchange("/api/v1/insurance/policy", HttpMethod.PUT, json(terms), JsonNode.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bad.getBody().toString()).contains("currency", "coveredShare", "declarationBasis", "declarationPeriod",
                "reportingThreshold").doesNotContain("\"insurer\"");
        assertThat(policies.active().orElseThrow().policyNumber()).as("unchanged").isEqualTo("POL-API-1");

        user("cm-insurance", RecouvraGroups.CREDIT_MANAGERS);
        terms.putAll(Map.of("currency", "EUR", "coveredShare", 85, "declarationBasis", "DUE_DATE", "declarationPeriod", "P60D",
                "reportingThreshold", 0));
        assertThat(api.as("cm-insurance", "secret-cm-insurance").exchange("/api/v1/insurance/policy", HttpMethod.PUT,
                json(terms), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> set = api.asAdmin().exchange("/api/v1/insurance/policy", HttpMethod.PUT, json(terms), JsonNode.class);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody().get("coveredShare").decimalValue()).isEqualByComparingTo("85");
        assertThat(api.as("cm-insurance", "secret-cm-insurance").getForObject("/api/v1/insurance/policy", JsonNode.class)
                .get("declarationPeriod").asText()).isEqualTo("P60D");
    }

    @Test
    void aLimitRequestThroughTheApiAndAnInsurerThatCannotBeReached() {
        UUID buyer = buyer();

        ResponseEntity<JsonNode> asked = api.asAdmin().postForEntity("/api/v1/customers/" + buyer + "/insurance/limit-requests",
                json(Map.of("amount", 25000)), JsonNode.class);
        ResponseEntity<JsonNode> none = api.asAdmin().postForEntity("/api/v1/customers/" + buyer + "/insurance/limit-requests",
                json(Map.of("amount", 0)), JsonNode.class);
        // more than once: an HTTP client may try a 503 again by itself
        insurer.beUnreachableFor(5);
        ResponseEntity<JsonNode> down = api.asAdmin().postForEntity("/api/v1/customers/" + buyer + "/insurance/limit-requests",
                json(Map.of("amount", 25000)), JsonNode.class);

        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(asked.getBody().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().toString()).contains("amount");
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    private UUID buyer() {
        return customers.register(TestData.debtor("Transports", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    /** Issued on 25 November 2026, once the cover is decided, on {@code termsDays} terms. */
    private String invoice(UUID buyer, String amount, int termsDays) {
        String number = TestData.invoiceNumber();
        LocalDate issued = START.plusDays(2);
        invoices.register(new NewInvoice(number, buyer, null, issued, issued.plusDays(termsDays), new BigDecimal(amount), "EUR"));
        return number;
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

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
