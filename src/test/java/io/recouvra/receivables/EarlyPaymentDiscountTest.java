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
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The early-payment discount (escompte) from registration to settlement. The worked example used throughout:
 * invoice 1,200.00 including 200.00 VAT (1,000.00 + 20 %), issued 1 March 2026, due 31 March, 2.00 % discount
 * for a payment on or before 15 March. Discount = 1,200.00 × 2 / 100 = 24.00, so 1,176.00 settles it by then;
 * the credit note's VAT = 24.00 × 200.00 / 1,200.00 = 4.00 and its amount excluding VAT 24.00 − 4.00 = 20.00.
 */
@RecouvraTest
class EarlyPaymentDiscountTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 15);

    @Autowired
    Api api;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDiscountIsWorkedOutOnceHalfUpToTheCent() {
        EarlyPaymentDiscount twoPercent = new EarlyPaymentDiscount(new BigDecimal("2.00"), LAST_DAY);
        // 1,200.00 × 2 % = 24.00
        assertThat(twoPercent.on(new BigDecimal("1200.00"))).isEqualByComparingTo("24.00");
        // 999.99 × 1.5 % = 14.99985 -> 15.00 (half up)
        assertThat(new EarlyPaymentDiscount(new BigDecimal("1.50"), LAST_DAY).on(new BigDecimal("999.99"))).isEqualTo(new BigDecimal("15.00"));
        // 100.25 × 2 % = 2.005 -> 2.01 (exactly half: up)
        assertThat(twoPercent.on(new BigDecimal("100.25"))).isEqualTo(new BigDecimal("2.01"));
        // 100.20 × 2 % = 2.004 -> 2.00
        assertThat(twoPercent.on(new BigDecimal("100.20"))).isEqualTo(new BigDecimal("2.00"));
        // yen have no decimals: 1,234 × 2 % = 24.68 -> 25
        assertThat(twoPercent.on(new BigDecimal("1234"))).isEqualTo(new BigDecimal("25"));
        assertThat(twoPercent.appliesOn(LAST_DAY)).isTrue();
        assertThat(twoPercent.appliesOn(LAST_DAY.plusDays(1))).isFalse();
    }

    @Test
    void anInvoiceCarriesItsDiscountInTheApiAndSaysWhatToPayEachDay() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();

        ResponseEntity<JsonNode> created = post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode read = get("/api/v1/invoices/" + number).getBody();
        assertThat(read.get("discountRate").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(read.get("discountUntil").asText()).isEqualTo("2026-03-15");
        Invoice invoice = invoices.get(number);
        // 1,200.00 − 24.00
        assertThat(invoice.discountedAmountOn(LocalDate.of(2026, 3, 1))).contains(new BigDecimal("1176.00"));
        assertThat(invoice.discountedAmountOn(LAST_DAY)).contains(new BigDecimal("1176.00"));
        assertThat(invoice.discountedAmountOn(LAST_DAY.plusDays(1))).isEmpty();
        assertThat(invoice.discountOn(LAST_DAY)).contains(new BigDecimal("24.00"));

        String without = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(without, customerId, null, null));
        assertThat(get("/api/v1/invoices/" + without).getBody().path("discountRate").isMissingNode()).isTrue();
        assertThat(invoices.get(without).discountedAmountOn(LocalDate.of(2026, 3, 1))).isEmpty();
    }

    @Test
    void aBadDiscountIsRefusedNamingTheFieldAndNothingIsStored() {
        String customerId = createCustomer();
        assertRefused(customerId, "0", "2026-03-15", "discountRate", "must be above 0 and at most 10.00 (percent)");
        assertRefused(customerId, "-1.00", "2026-03-15", "discountRate", "must be above 0 and at most 10.00 (percent)");
        assertRefused(customerId, "10.01", "2026-03-15", "discountRate", "must be above 0 and at most 10.00 (percent)");
        assertRefused(customerId, "2.125", "2026-03-15", "discountRate", null);
        assertRefused(customerId, "2.00", null, "discountUntil", "is required with discountRate (give both, or neither)");
        assertRefused(customerId, null, "2026-03-15", "discountRate", "is required with discountUntil (give both, or neither)");
        assertRefused(customerId, "2.00", "2026-02-28", "discountUntil", "is before the issue date 2026-03-01");
        assertRefused(customerId, "2.00", "2026-04-01", "discountUntil",
                "is after the due date 2026-03-31: after it the full amount is owed anyway");
    }

    @Test
    void aPaymentOfTheDiscountedAmountOnTheLastDaySettlesAndTheDiscountIsACreditNoteWithItsVat() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        ResponseEntity<JsonNode> paid = post("/api/v1/payments", payment(customerId, "1176.00", LAST_DAY, "VIR-" + number,
                List.of(Map.of("invoiceNumber", number, "amount", "1176.00"))));

        assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PAID");
        assertThat(invoice.get("outstanding").decimalValue()).isZero();
        JsonNode note = get("/api/v1/credit-notes/ESC-" + number).getBody();
        assertThat(note.get("amount").decimalValue()).isEqualByComparingTo("24.00");
        assertThat(note.get("amountExclVat").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(note.get("vat").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(note.get("earlyPaymentDiscount").asBoolean()).isTrue();
        assertThat(note.get("invoiceNumber").asText()).isEqualTo(number);
        // dunning ends as for any settlement
        assertThat(collectionOf(number)).isZero();
    }

    @Test
    void aDayLateTheFullAmountIsOwed() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        post("/api/v1/payments", payment(customerId, "1176.00", LAST_DAY.plusDays(1), "VIR-" + number, null));

        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        // 1,200.00 − 1,176.00
        assertThat(invoice.get("outstanding").decimalValue()).isEqualByComparingTo("24.00");
        assertThat(discountNotesOf(number)).isZero();
        assertThat(collectionOf(number)).isOne();
    }

    @Test
    void aShortPaymentDoesNotSettleUntilTheRestOfTheDiscountedAmountArrivesInTime() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        post("/api/v1/payments", payment(customerId, "1175.99", LocalDate.of(2026, 3, 10), "VIR-1-" + number, null));

        // 1,200.00 − 1,175.99 = 24.01, one cent more than the discount
        JsonNode invoice = get("/api/v1/invoices/" + number).getBody();
        assertThat(invoice.get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice.get("outstanding").decimalValue()).isEqualByComparingTo("24.01");
        assertThat(discountNotesOf(number)).isZero();

        // the missing cent, still in time: 1,176.00 paid in all
        post("/api/v1/payments", payment(customerId, "0.01", LAST_DAY, "VIR-2-" + number, null));
        assertThat(get("/api/v1/invoices/" + number).getBody().get("status").asText()).isEqualTo("PAID");
        assertThat(get("/api/v1/credit-notes/ESC-" + number).getBody().get("amount").decimalValue()).isEqualByComparingTo("24.00");
    }

    @Test
    void aFullPaymentInTimeTakesOnlyTheDiscountedAmountAndLeavesTheRestAsCreditAndASecondPaymentBooksNoSecondNote() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        JsonNode paid = post("/api/v1/payments", payment(customerId, "1200.00", LocalDate.of(2026, 3, 12), "VIR-1-" + number, null)).getBody();

        // oldest first: the invoice takes 1,176.00, the 24.00 left is the customer's credit
        assertThat(paid.get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("1176.00");
        assertThat(paid.get("unallocatedAmount").decimalValue()).isEqualByComparingTo("24.00");
        assertThat(get("/api/v1/invoices/" + number).getBody().get("status").asText()).isEqualTo("PAID");

        // the same payment reported again is refused; another one finds nothing to settle
        assertThat(api.asAdmin().postForEntity("/api/v1/payments", payment(customerId, "1200.00", LocalDate.of(2026, 3, 12),
                "VIR-1-" + number, null), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        post("/api/v1/payments", payment(customerId, "1176.00", LocalDate.of(2026, 3, 13), "VIR-2-" + number, null));
        assertThat(discountNotesOf(number)).isOne();
        assertThat(jdbc.queryForObject("select credited from recouvra.invoice where number = ?", BigDecimal.class, number))
                .isEqualByComparingTo("24.00");
    }

    @Test
    void theCreditNotesVatFollowsTheInvoicesOwnRate() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        // 5.5 %: 1,000.00 + 55.00 = 1,055.00; 2 % discount = 21.10; its VAT 21.10 × 55.00 / 1,055.00 = 1.10; 20.00 without
        Map<String, Object> body = invoice(number, customerId, "2.00", "2026-03-15");
        body.putAll(Map.of("amount", "1055.00", "amountExclVat", "1000.00", "vat", "55.00"));
        post("/api/v1/invoices", body);

        post("/api/v1/payments", payment(customerId, "1033.90", LAST_DAY, "VIR-" + number, null));

        JsonNode note = get("/api/v1/credit-notes/ESC-" + number).getBody();
        assertThat(note.get("amount").decimalValue()).isEqualByComparingTo("21.10");
        assertThat(note.get("vat").decimalValue()).isEqualByComparingTo("1.10");
        assertThat(note.get("amountExclVat").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void everyCreditNoteCarriesItsVatInTheInvoicesProportion() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, null, null));

        // 100.00 off 1,200.00 incl. 200.00 VAT: VAT 100.00 × 200.00 / 1,200.00 = 16.666... -> 16.67; 83.33 without
        JsonNode note = post("/api/v1/credit-notes", Map.of("number", "AV-" + number, "invoiceNumber", number,
                "amount", "100.00", "issueDate", "2026-03-05")).getBody();

        assertThat(note.get("vat").decimalValue()).isEqualByComparingTo("16.67");
        assertThat(note.get("amountExclVat").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(note.get("earlyPaymentDiscount").asBoolean()).isFalse();
    }

    @Test
    void aPersonCannotIssueACreditNoteUnderADiscountsNumber() {
        String customerId = createCustomer();
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", invoice(number, customerId, "2.00", "2026-03-15"));

        ResponseEntity<JsonNode> refused = api.asAdmin().postForEntity("/api/v1/credit-notes", Map.of("number", "ESC-" + number,
                "invoiceNumber", number, "amount", "24.00", "issueDate", "2026-03-05"), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("number");
        // the discount is still there to be earned
        post("/api/v1/payments", payment(customerId, "1176.00", LAST_DAY, "VIR-" + number, null));
        assertThat(discountNotesOf(number)).isOne();
    }

    private void assertRefused(String customerId, String rate, String until, String field, String reason) {
        String number = TestData.invoiceNumber();
        ResponseEntity<JsonNode> refused = api.asAdmin().postForEntity("/api/v1/invoices", invoice(number, customerId, rate, until),
                JsonNode.class);
        assertThat(refused.getStatusCode()).as("rate %s until %s", rate, until).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode error = refused.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        if (reason != null) {
            assertThat(error.get("reason").asText()).isEqualTo(reason);
        }
        assertThat(invoices.find(number)).isEmpty();
    }

    private long discountNotesOf(String number) {
        return jdbc.queryForObject("select count(*) from recouvra.credit_note n join recouvra.invoice i on i.id = n.invoice_id"
                + " where i.number = ? and n.early_payment_discount", Long.class, number);
    }

    private long collectionOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").processInstanceBusinessKey(number).count();
    }

    private String createCustomer() {
        ResponseEntity<JsonNode> response = post("/api/v1/customers", Map.of(
                "legalName", "Boulangerie Escompte", "registrationNumber", TestData.siren(), "city", "Lyon",
                "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "emailConsent", true))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    /** 1,200.00 = 1,000.00 + 200.00 VAT, issued 1 March 2026, due 31 March. */
    private static Map<String, Object> invoice(String number, String customerId, String discountRate, String discountUntil) {
        Map<String, Object> invoice = new HashMap<>(Map.of("number", number, "customerId", customerId, "issueDate", "2026-03-01",
                "dueDate", "2026-03-31", "amount", "1200.00", "currency", "EUR", "amountExclVat", "1000.00", "vat", "200.00"));
        if (discountRate != null) {
            invoice.put("discountRate", discountRate);
        }
        if (discountUntil != null) {
            invoice.put("discountUntil", discountUntil);
        }
        return invoice;
    }

    private static Map<String, Object> payment(String customerId, String amount, LocalDate valueDate, String reference,
                                               List<Map<String, String>> allocations) {
        Map<String, Object> payment = new HashMap<>(Map.of("customerId", customerId, "amount", amount, "currency", "EUR",
                "valueDate", valueDate.toString(), "bankReference", reference));
        if (allocations != null) {
            payment.put("allocations", allocations);
        }
        return payment;
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        ResponseEntity<JsonNode> response = api.asAdmin().postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s: %s", path, response.getBody()).isTrue();
        return response;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return api.asAdmin().getForEntity(path, JsonNode.class);
    }
}
