package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@RecouvraTest
class LedgerApiTest {

    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registeringAnInvoiceStartsItsCollection() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();

        ResponseEntity<JsonNode> created = post("/api/v1/invoices", invoice(number, customerId, "1200.00"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/invoices/" + number);
        assertThat(created.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(created.getBody().get("outstanding").decimalValue()).isEqualByComparingTo("1200.00");
        ProcessInstance instance = instanceOf(number);
        assertThat(instance).isNotNull();
        // what its model and steps read of the invoice; the customer's name and what is owed stay the ledger's, read
        // when a called process needs them (docs/performance.md)
        assertThat(runtime.getVariables(instance.getId())).containsEntry("invoiceNumber", number)
                .containsEntry("invoiceId", created.getBody().get("id").asText()).containsEntry("customerId", customerId)
                .containsEntry("dueDate", "2027-01-31")
                .doesNotContainKeys("customerName", "outstandingAmount", "outstandingDisplay");
    }

    @Test
    void aPaymentThatSettlesTheInvoiceEndsItsCollection() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "1200.00"));

        ResponseEntity<JsonNode> payment = post("/api/v1/payments", payment(customerId, "1200.00", "VIR-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "1200.00"))));

        assertThat(payment.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payment.getBody().get("unallocatedAmount").decimalValue()).isZero();
        assertThat(get("/api/v1/invoices/" + number).getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(instanceOf(number)).isNull();
    }

    @Test
    void aPartialPaymentLeavesCollectionRunningWithTheNewOutstandingAmount() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "1200.00"));

        post("/api/v1/payments", payment(customerId, "450.50", "VIR-" + number, null));

        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice.get("outstanding").decimalValue()).isEqualByComparingTo("749.50");
        assertThat(instanceOf(number)).as("collection goes on").isNotNull();

        post("/api/v1/payments", payment(customerId, "749.50", "VIR-2-" + number, null));
        assertThat(instanceOf(number)).isNull();
    }

    @Test
    void aPaymentWithoutInstructionsSettlesTheOldestInvoicesAndKeepsTheRestAsCredit() {
        String customerId = createCustomer();
        String older = TestData.invoiceNumber();
        String newer = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(newer, customerId, "300.00", LocalDate.of(2026, 12, 31)));
        post("/api/v1/invoices", invoice(older, customerId, "200.00", LocalDate.of(2026, 11, 30)));

        JsonNode payment = post("/api/v1/payments", payment(customerId, "600.00", "VIR-" + older, null)).getBody();

        assertThat(payment.get("allocations")).extracting(a -> a.get("invoiceNumber").asText()).containsExactly(older, newer);
        assertThat(payment.get("unallocatedAmount").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode customer = get("/api/v1/customers/" + customerId).getBody();
        assertThat(customer.get("credit").get(0).get("amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(customer.get("credit").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(instanceOf(older)).isNull();
        assertThat(instanceOf(newer)).isNull();
    }

    /**
     * The customer's two insolvency days, read-only: absent until proceedings are recorded; the opening judgment's day
     * once they are; the closing's day too once they were closed back in bonis.
     */
    @Test
    void theCustomerShowsWhenItsInsolvencyProceedingsBeganAndEnded(@Autowired CustomerService customers) {
        String customerId = createCustomer();
        JsonNode before = get("/api/v1/customers/" + customerId).getBody();
        assertThat(before.has("insolvencyReportedOn")).isFalse();
        assertThat(before.has("insolvencyEndedOn")).isFalse();

        customers.reportInsolvency(UUID.fromString(customerId), LocalDate.of(2026, 3, 2));
        JsonNode opened = get("/api/v1/customers/" + customerId).getBody();
        assertThat(opened.get("insolvencyReportedOn").asText()).isEqualTo("2026-03-02");
        assertThat(opened.has("insolvencyEndedOn")).as("still in proceedings").isFalse();

        customers.insolvencyEnded(UUID.fromString(customerId), LocalDate.of(2026, 10, 1));
        JsonNode closed = get("/api/v1/customers/" + customerId).getBody();
        assertThat(closed.get("insolvencyReportedOn").asText()).isEqualTo("2026-03-02");
        assertThat(closed.get("insolvencyEndedOn").asText()).isEqualTo("2026-10-01");
    }

    @Test
    void aCreditNoteReducesTheInvoiceAndOneForTheRestCancelsIt() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "500.00"));

        ResponseEntity<JsonNode> first = post("/api/v1/credit-notes", Map.of("number", "AV-" + number,
                "invoiceNumber", number, "amount", "100.00", "issueDate", "2026-11-20", "reason", "damaged goods"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("invoiceOutstanding").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(instanceOf(number)).isNotNull();

        JsonNode second = post("/api/v1/credit-notes", Map.of("number", "AV2-" + number,
                "invoiceNumber", number, "amount", "400.00", "issueDate", "2026-11-21")).getBody();
        assertThat(second.get("invoiceStatus").asText()).isEqualTo("CANCELLED");
        assertThat(instanceOf(number)).isNull();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsNamingEachField() {
        ResponseEntity<JsonNode> response = post("/api/v1/invoices", Map.of(
                "number", "has space", "amount", "-5", "currency", "euro", "issueDate", "2026-11-01"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .contains("number", "amount", "currency", "dueDate");

        ResponseEntity<JsonNode> unreadable = post("/api/v1/invoices", Map.of("number", "X", "dueDate", "31/12/2026"));
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody().get("errors").get(0).get("field").asText()).isEqualTo("dueDate");
        assertThat(unreadable.getBody().get("errors").get(0).get("reason").asText()).contains("yyyy-MM-dd");
    }

    @Test
    void anInvoiceCarriesItsOwnAmountExcludingVatAndItsVat() {
        String customerId = createCustomer();
        String intraEu = TestData.invoiceNumber();
        String reduced = TestData.invoiceNumber();
        String derived = TestData.invoiceNumber();

        // an intra-EU supply: 1,200.00 due, 1,200.00 + VAT 0.00 (CGI art. 262 ter)
        ResponseEntity<JsonNode> noVat = post("/api/v1/invoices", invoice(intraEu, customerId, "1200.00", "1200.00", "0"));
        // 10 %: 1,000 + 100 = 1,100 (given without decimals, kept at the currency's two)
        String tenPercent = api.asAdmin().postForEntity("/api/v1/invoices", invoice(reduced, customerId, "1100", "1000", "100"),
                String.class).getBody();
        // none given: derived at the standard rate, 1,200.00 x 20 / 120 = 200.00 VAT, 1,000.00 without, and flagged
        ResponseEntity<JsonNode> standard = post("/api/v1/invoices", invoice(derived, customerId, "1200.00"));

        assertThat(noVat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(List.of(noVat.getBody().get("amount").decimalValue(), noVat.getBody().get("amountExclVat").decimalValue(),
                noVat.getBody().get("vat").decimalValue())).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1200.00"), new BigDecimal("1200.00"), BigDecimal.ZERO);
        assertThat(noVat.getBody().get("vatDerived").asBoolean()).isFalse();
        JsonNode read = get("/api/v1/invoices/" + reduced).getBody();
        assertThat(read.get("amountExclVat").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(read.get("vat").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(read.get("vatDerived").asBoolean()).isFalse();
        assertThat(tenPercent).contains("\"amountExclVat\":1000.00,", "\"vat\":100.00,");
        assertThat(standard.getBody().get("amountExclVat").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(standard.getBody().get("vat").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(standard.getBody().get("vatDerived").asBoolean()).isTrue();

        String openApi = api.anonymous().getForObject("/api/v1/openapi", String.class);
        assertThat(openApi).contains("\"amountExclVat\"", "\"vatDerived\"");
    }

    @Test
    void aVatBreakdownThatDoesNotAddUpOrIsNegativeOrHalfGivenIsRefusedNamingTheFieldAndNothingIsStored() {
        String customerId = createCustomer();
        String mismatch = TestData.invoiceNumber();
        String negative = TestData.invoiceNumber();
        String halfGiven = TestData.invoiceNumber();

        // 1,000.00 + 100.00 = 1,100.00, not the 1,200.00 due
        ResponseEntity<JsonNode> notAddingUp = post("/api/v1/invoices", invoice(mismatch, customerId, "1200.00", "1000.00", "100.00"));
        // adds up (1,300.00 - 100.00 = 1,200.00) but VAT is never negative
        ResponseEntity<JsonNode> negativeVat = post("/api/v1/invoices", invoice(negative, customerId, "1200.00", "1300.00", "-100.00"));
        Map<String, Object> onlyExclVat = new HashMap<>(invoice(halfGiven, customerId, "1200.00"));
        onlyExclVat.put("amountExclVat", "1000.00");
        ResponseEntity<JsonNode> withoutVat = post("/api/v1/invoices", onlyExclVat);

        for (ResponseEntity<JsonNode> refused : List.of(notAddingUp, negativeVat, withoutVat)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("vat");
        }
        assertThat(notAddingUp.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("amountExclVat 1000.00 + vat 100.00 = 1100.00, not the amount including VAT 1200.00");
        assertThat(negativeVat.getBody().get("errors").get(0).get("reason").asText()).contains("greater than or equal to 0");
        assertThat(withoutVat.getBody().get("errors").get(0).get("reason").asText()).startsWith("is required with amountExclVat");
        for (String number : List.of(mismatch, negative, halfGiven)) {
            assertThat(get("/api/v1/invoices/" + number).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(instanceOf(number)).as("no collection started for " + number).isNull();
        }
    }

    @Test
    void ledgerRulesAreCheckedToo() {
        String customerId = createCustomer();
        ResponseEntity<JsonNode> response = post("/api/v1/invoices", Map.of("number", TestData.invoiceNumber(),
                "customerId", customerId, "issueDate", "2026-11-10", "dueDate", "2026-11-01",
                "amount", "10.00", "currency", "XYZ"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .contains("dueDate", "currency");

        ResponseEntity<JsonNode> badSiren = post("/api/v1/customers", Map.of("legalName", "X", "registrationNumber", "123456789"));
        assertThat(badSiren.getBody().get("errors").get(0).get("field").asText()).isEqualTo("registrationNumber");
    }

    @Test
    void aRejectedPaymentLeavesNothingBehind() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "100.00"));

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment(customerId, "300.00", "VIR-BAD-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "50.00"),
                        Map.of("invoiceNumber", "NO-SUCH-INVOICE", "amount", "20.00"),
                        Map.of("invoiceNumber", number, "amount", "150.00"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .contains("allocations[1].invoiceNumber", "allocations[2].amount");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.payment where bank_reference = ?", Integer.class,
                "VIR-BAD-" + number)).isZero();
        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("outstanding").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void duplicatesAreConflicts() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "100.00"));

        ResponseEntity<JsonNode> again = post("/api/v1/invoices", invoice(number, customerId, "100.00"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("number");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);

        post("/api/v1/payments", payment(customerId, "10.00", "VIR-DUP-" + number, null));
        assertThat(post("/api/v1/payments", payment(customerId, "10.00", "VIR-DUP-" + number, null)).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void invoicesAreListedPagedAndFilteredByStatusAndCustomer() {
        String customerId = createCustomer();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/invoices", invoice(TestData.invoiceNumber(), customerId, "10.00"));
        }
        String paid = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(paid, customerId, "10.00"));
        post("/api/v1/payments", payment(customerId, "10.00", "VIR-" + paid,
                List.of(Map.of("invoiceNumber", paid, "amount", "10.00"))));

        JsonNode open = get("/api/v1/invoices?customerId=" + customerId + "&status=OPEN&size=2").getBody();
        assertThat(open.get("totalElements").asInt()).isEqualTo(3);
        assertThat(open.get("content")).hasSize(2);
        assertThat(open.get("totalPages").asInt()).isEqualTo(2);
        JsonNode all = get("/api/v1/invoices?customerId=" + customerId).getBody();
        assertThat(all.get("totalElements").asInt()).isEqualTo(4);

        ResponseEntity<JsonNode> badStatus = get("/api/v1/invoices?status=LOST");
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");
    }

    @Test
    void theApiNeedsCredentialsAndTheRightGroup() {
        assertThat(api.anonymous().getForEntity("/api/v1/invoices", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.anonymous().getForEntity("/api/v1/openapi", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void amountsAreKeptAtTheCurrencysScale() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();

        String created = api.asAdmin().postForEntity("/api/v1/invoices", invoice(number, customerId, "1200"), String.class)
                .getBody();

        assertThat(created).contains("\"amount\":1200.00,").contains("\"outstanding\":1200.00,");
    }

    @Test
    void anInvoiceCanNameItsCustomerByRegistrationNumber() {
        String siren = TestData.siren();
        post("/api/v1/customers", Map.of("legalName", "Par SIREN SARL", "registrationNumber", siren));
        String number = TestData.invoiceNumber();

        ResponseEntity<JsonNode> created = post("/api/v1/invoices", Map.of("number", number,
                "customerRegistrationNumber", siren.substring(0, 3) + " " + siren.substring(3), "issueDate", "2026-11-01",
                "dueDate", "2026-12-01", "amount", "10.00", "currency", "EUR"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("customerName").asText()).isEqualTo("Par SIREN SARL");
    }

    @Test
    void anOverpaymentWithInstructionsKeepsTheRestAsCredit() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "100.00"));

        JsonNode payment = post("/api/v1/payments", payment(customerId, "130.00", "VIR-OVER-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "100.00")))).getBody();

        assertThat(payment.get("unallocatedAmount").decimalValue()).isEqualByComparingTo("30.00");
        JsonNode stored = get("/api/v1/payments/" + payment.get("id").asText()).getBody();
        assertThat(stored.get("allocations").get(0).get("invoiceStatus").asText()).isEqualTo("PAID");
        assertThat(get("/api/v1/customers/" + customerId).getBody().get("credit").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("30.00");
    }

    @Test
    void oneInvoiceNamedTwiceInAPaymentCannotReceiveMoreThanItsOutstanding() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "1000.00"));

        ResponseEntity<JsonNode> response = post("/api/v1/payments", payment(customerId, "1200.00", "VIR-TWICE-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "600.00"),
                        Map.of("invoiceNumber", number, "amount", "600.00"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("allocations[1].amount");
        assertThat(get("/api/v1/invoices/" + number).getBody().get("outstanding").decimalValue()).isEqualByComparingTo("1000.00");

        post("/api/v1/payments", payment(customerId, "1000.00", "VIR-TWICE-OK-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "400.00"),
                        Map.of("invoiceNumber", number, "amount", "600.00"))));
        assertThat(get("/api/v1/invoices/" + number).getBody().get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void twoPaymentsAtOnceNeverTakeTheSameEuro() throws Exception {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "100.00"));

        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> post("/api/v1/payments", payment(customerId, "100.00", "VIR-A-" + number, null)));
            var second = pool.submit(() -> post("/api/v1/payments", payment(customerId, "100.00", "VIR-B-" + number, null)));
            assertThat(first.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(second.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
            var unallocated = first.get().getBody().get("unallocatedAmount").decimalValue()
                    .add(second.get().getBody().get("unallocatedAmount").decimalValue());
            assertThat(unallocated).as("one payment settles the invoice, the other becomes credit")
                    .isEqualByComparingTo("100.00");
        } finally {
            pool.shutdown();
        }
        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("outstanding").decimalValue()).isZero();
    }

    @Test
    void aCreditNoteThatSettlesAPartlyPaidInvoiceMakesItPaidNotCancelled() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "500.00"));
        post("/api/v1/payments", payment(customerId, "300.00", "VIR-" + number, null));

        JsonNode creditNote = post("/api/v1/credit-notes", Map.of("number", "AV-" + number, "invoiceNumber", number,
                "amount", "200.00", "issueDate", "2026-11-21", "reason", "discount")).getBody();

        assertThat(creditNote.get("invoiceStatus").asText()).isEqualTo("PAID");
        assertThat(get("/api/v1/credit-notes/AV-" + number).getBody().get("reason").asText()).isEqualTo("discount");
    }

    @Test
    void creditNotesBeyondWhatIsOwedOrOnClosedInvoicesOrRepeatedAreRefused() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "100.00"));

        ResponseEntity<JsonNode> tooMuch = post("/api/v1/credit-notes", Map.of("number", "AV-X-" + number,
                "invoiceNumber", number, "amount", "100.01", "issueDate", "2026-11-21"));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMuch.getBody().get("errors").get(0).get("field").asText()).isEqualTo("amount");

        post("/api/v1/credit-notes", Map.of("number", "AV-" + number, "invoiceNumber", number, "amount", "100.00",
                "issueDate", "2026-11-21"));
        ResponseEntity<JsonNode> onClosed = post("/api/v1/credit-notes", Map.of("number", "AV-2-" + number,
                "invoiceNumber", number, "amount", "1.00", "issueDate", "2026-11-21"));
        assertThat(onClosed.getBody().get("errors").get(0).get("reason").asText()).contains("CANCELLED");
        ResponseEntity<JsonNode> repeated = post("/api/v1/credit-notes", Map.of("number", "AV-" + number,
                "invoiceNumber", number, "amount", "1.00", "issueDate", "2026-11-21"));
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void customersAreListedByNamePaged() {
        String name = "Listing " + TestData.invoiceNumber();
        for (int i = 0; i < 3; i++) {
            post("/api/v1/customers", Map.of("legalName", name + " " + i, "registrationNumber", TestData.siren()));
        }

        JsonNode page = get("/api/v1/customers?name=" + name.toLowerCase() + "&size=2").getBody();

        assertThat(page.get("totalElements").asInt()).isEqualTo(3);
        assertThat(page.get("content")).extracting(c -> c.get("legalName").asText()).containsExactly(name + " 0", name + " 1");
    }

    @Test
    void writesFromPagesOfAnotherSiteAreRefused() {
        var headers = new HttpHeaders();
        headers.setOrigin("https://evil.example");
        var body = Map.of("legalName", "Forged SA", "registrationNumber", TestData.siren());

        var forged = api.asAdmin().postForEntity("/api/v1/customers", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var forgedDeployment = api.asAdmin().postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>("", headers), String.class);
        assertThat(forgedDeployment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        headers.setOrigin(api.anonymous().getRootUri());
        var sameSite = api.asAdmin().postForEntity("/api/v1/customers", new HttpEntity<>(body, headers),
                JsonNode.class);
        assertThat(sameSite.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private String createCustomer() {
        ResponseEntity<JsonNode> response = post("/api/v1/customers", Map.of(
                "legalName", "Boulangerie Test", "registrationNumber", TestData.siren(), "city", "Lyon",
                "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "phone", "+33612345678",
                        "emailConsent", true))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private static Map<String, Object> invoice(String number, String customerId, String amount) {
        return invoice(number, customerId, amount, LocalDate.of(2027, 1, 31));
    }

    private static Map<String, Object> invoice(String number, String customerId, String amount, LocalDate dueDate) {
        return Map.of("number", number, "customerId", customerId, "issueDate", "2026-11-01",
                "dueDate", dueDate.toString(), "amount", amount, "currency", "EUR");
    }

    private static Map<String, Object> invoice(String number, String customerId, String amount, String amountExclVat, String vat) {
        Map<String, Object> invoice = new HashMap<>(invoice(number, customerId, amount));
        invoice.put("amountExclVat", amountExclVat);
        invoice.put("vat", vat);
        return invoice;
    }

    private static Map<String, Object> payment(String customerId, String amount, String reference,
                                               List<Map<String, String>> allocations) {
        var payment = new HashMap<String, Object>(Map.of("customerId", customerId, "amount", amount,
                "currency", "EUR", "valueDate", "2026-11-20", "bankReference", reference));
        if (allocations != null) {
            payment.put("allocations", allocations);
        }
        return payment;
    }

    private ProcessInstance instanceOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection")
                .processInstanceBusinessKey(number).singleResult();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return api.asAdmin().postForEntity(path, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return api.asAdmin().getForEntity(path, JsonNode.class);
    }
}
