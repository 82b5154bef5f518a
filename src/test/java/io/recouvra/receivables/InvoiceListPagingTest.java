package io.recouvra.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The invoice list walked with {@code after} (issue 19): every invoice of the filter seen once, in the list's order,
 * however the pages fall; a cursor the list did not give refused.
 */
@RecouvraTest
class InvoiceListPagingTest {

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFilteredListWalkedWithAfterShowsEachInvoiceOnceAndInOrder() {
        String customerId = createCustomer();
        String model = TestData.invoiceNumber();
        assertThat(post("/api/v1/invoices", Map.of("number", model, "customerId", customerId, "issueDate", "2026-11-01",
                "dueDate", "2027-02-28", "amount", "10.00", "currency", "EUR")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // 300 more of this customer, written straight to the ledger (no collection process: the list does not care),
        // on seven due dates so that most pages end among invoices due the same day; one in six paid, out of the
        // filter. In a currency no other test uses, so that no test's sums of open invoices see them.
        copyInvoice(model, 300, "case when g % 6 = 0 then 'PAID' else 'OPEN' end",
                "case when g % 6 = 0 then 0 else outstanding end", "date '2027-03-01' + (g % 7)");
        List<String> expected = jdbc.queryForList("""
                select number from recouvra.invoice where customer_id = ?::uuid and status = 'OPEN' order by due_date, number""",
                String.class, customerId);
        assertThat(expected).hasSize(251); // the model and 300 - 50 copies

        List<String> seen = new ArrayList<>();
        LocalDate lastDue = LocalDate.MIN;
        String after = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/invoices?status=OPEN&customerId=" + customerId + "&size=17"
                    + (after == null ? "" : "&after=" + after)).getBody();
            pages++;
            assertThat(page.get("totalElements").asLong()).isEqualTo(251);
            assertThat(page.get("totalExact").asBoolean()).isTrue();
            for (JsonNode invoice : page.get("content")) {
                assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
                LocalDate due = LocalDate.parse(invoice.get("dueDate").asText());
                assertThat(due).isAfterOrEqualTo(lastDue);
                lastDue = due;
                seen.add(invoice.get("number").asText());
            }
            assertThat(page.get("hasNext").asBoolean()).isEqualTo(page.has("next"));
            after = page.has("next") ? page.get("next").asText() : null;
        } while (after != null && pages < 100);

        // 251 = 14 pages of 17 and one of 13
        assertThat(pages).isEqualTo(15);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void pagingByNumberStillWorksAndHandsTheCursorOfTheNextPage() {
        String customerId = createCustomer();
        String model = TestData.invoiceNumber();
        post("/api/v1/invoices", Map.of("number", model, "customerId", customerId, "issueDate", "2026-11-01",
                "dueDate", "2027-02-28", "amount", "10.00", "currency", "EUR"));
        copyInvoice(model, 9, "status", "outstanding", "date '2027-03-01' + g");

        JsonNode second = get("/api/v1/invoices?customerId=" + customerId + "&size=4&page=1").getBody();
        JsonNode third = get("/api/v1/invoices?customerId=" + customerId + "&size=4&after=" + second.get("next").asText()).getBody();
        JsonNode thirdByNumber = get("/api/v1/invoices?customerId=" + customerId + "&size=4&page=2").getBody();

        assertThat(second.get("totalPages").asInt()).isEqualTo(3); // 10 invoices by 4
        assertThat(numbers(third)).hasSize(2).isEqualTo(numbers(thirdByNumber));
        assertThat(third.has("next")).isFalse();
        assertThat(third.get("hasNext").asBoolean()).isFalse();
        assertThat(thirdByNumber.has("next")).isFalse();
    }

    @Test
    void aCursorTheListDidNotGiveIsRefusedNamingAfter() {
        String customerId = createCustomer();
        for (String garbled : List.of("!!!", "bm9wZQ", "x".repeat(401), base64("i1|2027-13-45|F-1"), base64("i1|2027-01-01|"),
                base64("c1|" + UUID.randomUUID() + "|Name"), base64("i1|2027-01-01"), "aTF8MjAyNy0wMS0wMXxGLTE=%3D")) {
            ResponseEntity<JsonNode> refused = get("/api/v1/invoices?customerId=" + customerId + "&after=" + garbled);

            assertThat(refused.getStatusCode()).as(garbled).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("after");
        }
        // a well-formed cursor with a page number: one or the other
        ResponseEntity<JsonNode> both = get("/api/v1/invoices?customerId=" + customerId + "&page=1&after="
                + base64("i1|2027-01-01|F-1"));
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(both.getBody().get("errors").get(0).get("field").asText()).isEqualTo("page");
    }

    @Test
    void theCustomerListWalksWithAfterToo() {
        String name = "Curseur " + TestData.invoiceNumber();
        // two of the same name: the id orders them
        for (String suffix : List.of("b", "a", "c", "a", "d_e", "d%e", "e|f")) {
            post("/api/v1/customers", Map.of("legalName", name + " " + suffix, "registrationNumber", TestData.siren()));
        }
        List<String> expected = jdbc.queryForList("""
                select id::text from recouvra.customer where legal_name like ? order by legal_name, id""", String.class, name + " %");

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/customers?name=" + name.toLowerCase() + "&size=3"
                    + (after == null ? "" : "&after=" + after)).getBody();
            pages++;
            assertThat(page.get("totalElements").asLong()).isEqualTo(7);
            page.get("content").forEach(customer -> seen.add(customer.get("id").asText()));
            after = page.has("next") ? page.get("next").asText() : null;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).containsExactlyElementsOf(expected);
        // "d_e" and "d%e" taken literally: _ and % are no wildcards of the name filter
        assertThat(get("/api/v1/customers?name=" + name + " d_e").getBody().get("totalElements").asLong()).isEqualTo(1);
        // an invoice list's cursor is not one of the customer list
        ResponseEntity<JsonNode> refused = get("/api/v1/customers?after=" + base64("i1|2027-01-01|F-1"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("after");
    }

    @Test
    void theOpenApiDocumentTellsOfTheCursorAndTheCappedCount() {
        JsonNode openApi = api.anonymous().getForObject("/api/v1/openapi", JsonNode.class);
        for (String path : List.of("~1api~1v1~1invoices", "~1api~1v1~1customers")) {
            List<String> parameters = new ArrayList<>();
            openApi.at("/paths/" + path + "/get/parameters").forEach(p -> parameters.add(p.get("name").asText()));
            assertThat(parameters).as(path).contains("after", "page", "size");
        }
        assertThat(openApi.at("/paths/~1api~1v1~1invoices/get/description").asText()).contains("after");
        JsonNode pageView = openApi.at("/components/schemas/PageViewInvoiceView/properties");
        assertThat(pageView.has("totalExact") && pageView.has("next") && pageView.has("hasNext")).as(pageView.toString()).isTrue();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("content").forEach(invoice -> numbers.add(invoice.get("number").asText()));
        return numbers;
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies of the invoice, numbered after it, in Mauritian rupees; status, outstanding and due date computed from g. */
    private void copyInvoice(String model, int copies, String status, String outstanding, String dueDate) {
        Map<String, String> computed = Map.of("id", "gen_random_uuid()", "number", "number || '-' || g", "currency", "'MUR'",
                "status", status, "outstanding", outstanding, "due_date", dueDate, "issue_date", "date '2026-11-01'");
        List<String> columns = jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = 'recouvra' and table_name = 'invoice' and is_generated = 'NEVER' and identity_generation is null
                order by ordinal_position""", String.class);
        String values = columns.stream().map(column -> computed.getOrDefault(column, column)).collect(Collectors.joining(", "));
        jdbc.update("insert into recouvra.invoice (" + String.join(", ", columns) + ") select " + values
                + " from recouvra.invoice, generate_series(1, ?) g where number = ?", copies, model);
    }

    private String createCustomer() {
        ResponseEntity<JsonNode> response = post("/api/v1/customers", Map.of("legalName", "Pagination SARL",
                "registrationNumber", TestData.siren()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return api.asAdmin().postForEntity(path, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return api.asAdmin().getForEntity(path, JsonNode.class);
    }
}
