package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of malformed requests, as an integrator's bug or an attacker sends them: none may answer 500, every
 * refusal is application/problem+json, a 400 names the field at fault, and nothing is stored half-way.
 */
@RecouvraTest
class MalformedRequestsTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String customerId;

    record Answer(int status, String contentType, JsonNode body, String raw) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (body != null && body.has("errors")) {
                body.get("errors").forEach(error -> fields.add(error.get("field").asText()));
            }
            return fields;
        }
    }

    @BeforeEach
    void aCustomer() throws Exception {
        if (customerId == null) {
            Answer created = post("/api/v1/customers", """
                    {"legalName": "Quincaillerie Fuzz", "registrationNumber": "%s", "city": "Lyon"}""".formatted(TestData.siren()));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            customerId = created.body().get("id").asText();
        }
    }

    @Test
    void malformedInvoicesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        // field at fault -> the body, with a number no other case uses, so that "nothing stored" can be checked
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("amount", invoice("\"amount\": \"10.00\", \"amount\": \"20.00\"", "2026-11-01", "2026-12-31"));
        cases.put("number", invoice("\"amount\": \"10.00\"", "2026-11-01", "2026-12-31").replace("\"number\": \"",
                "\"number\": \"NUL\\u0000"));
        cases.put("number ", invoice("\"amount\": \"10.00\"", "2026-11-01", "2026-12-31").replace("\"number\": \"",
                "\"number\": \"HALF\\ud800"));
        cases.put("issueDate", invoice("\"amount\": \"10.00\"", "20261101", "2026-12-31").replace("\"20261101\"", "20261101"));
        cases.put("issueDate ", invoice("\"amount\": \"10.00\"", "2026-11-01T10:15:00", "2026-12-31"));
        cases.put("dueDate", invoice("\"amount\": \"10.00\"", "2026-11-01", "+999999999-12-31"));
        cases.put("dueDate ", invoice("\"amount\": \"10.00\"", "2026-11-01", "2026-02-30"));
        cases.put("dueDate  ", invoice("\"amount\": \"10.00\"", "2026-11-01", "2070-01-31"));
        cases.put("issueDate  ", invoice("\"amount\": \"10.00\"", "1970-01-01", "2026-12-31"));
        cases.put("amount ", invoice("\"amount\": 1e999999999", "2026-11-01", "2026-12-31"));
        cases.put("amount  ", invoice("\"amount\": \"0.001\"", "2026-11-01", "2026-12-31"));
        cases.put("amount   ", invoice("\"amount\": \"12.3456789\"", "2026-11-01", "2026-12-31"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String number = numberIn(c.getValue());
            Answer answer = post("/api/v1/invoices", c.getValue());

            assertThat(answer.status()).as(c.getValue() + " -> " + answer.raw()).isEqualTo(400);
            assertThat(answer.contentType()).as(c.getValue()).startsWith("application/problem+json");
            assertThat(answer.fields()).as(c.getValue() + " -> " + answer.raw()).contains(c.getKey().strip());
            assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where number like ?", Integer.class,
                    "%" + number)).as(c.getValue()).isZero();
        }
    }

    @Test
    void nullInsideAListIsRefusedNamingItsPlace() throws Exception {
        Answer answer = post("/api/v1/payments", """
                {"customerId": "%s", "amount": "10.00", "currency": "EUR", "valueDate": "2026-11-20",
                 "bankReference": "VIR-%s", "allocations": [null]}""".formatted(customerId, TestData.invoiceNumber()));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        assertThat(answer.fields()).as(answer.raw()).containsExactly("allocations[0]");
    }

    @Test
    void aHoldUntilAFarAwayYearIsRefusedAndNoHoldIsStored() throws Exception {
        String number = "FZ-" + TestData.invoiceNumber();
        assertThat(post("/api/v1/invoices", """
                {"number": "%s", "customerId": "%s", "issueDate": "2026-11-01", "dueDate": "2026-12-31", "amount": "10.00",
                 "currency": "EUR"}""".formatted(number, customerId)).status()).isEqualTo(201);

        for (String until : List.of("9999-12-31", "2099-01-01")) {
            Answer answer = post("/api/v1/invoices/" + number + "/hold", """
                    {"reason": "Accord commercial", "until": "%s"}""".formatted(until));

            assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
            assertThat(answer.fields()).as(answer.raw()).containsExactly("until");
        }
        assertThat(get("/api/v1/invoices/" + number + "/hold", ADMIN).body()).isEmpty();
    }

    @Test
    void adminAndLegalEndpointsRefuseValuesTheirColumnsCannotHoldNamingTheField() throws Exception {
        // 1e999999999 was stored as 0.00 by the policy; a note of 501 characters failed in the database
        Answer policy = send(HttpRequest.newBuilder(uri("/api/v1/insurance/policy")).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"insurer\": \"Assureur\", \"coveredShare\": 1e999999999}")));
        Answer share = send(HttpRequest.newBuilder(uri("/api/v1/insurance/policy")).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"insurer\": \"Assureur\", \"coveredShare\": 0.001}")));
        Answer rates = send(HttpRequest.newBuilder(uri("/api/v1/late-payment-rates/2026-01-01")).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"ecbMainRefinancingRate\": 1e999999999, \"legalInterestRate\": 3.5, \"source\": \"JORF\"}")));
        Answer note = post("/api/v1/invoices/NOPE-" + TestData.invoiceNumber() + "/prescription/acknowledgements",
                "{\"signedOn\": \"2026-11-02\", \"note\": \"%s\"}".formatted("x".repeat(501)));

        for (var expected : List.of(Map.entry(policy, "coveredShare"), Map.entry(share, "coveredShare"),
                Map.entry(rates, "ecbMainRefinancingRate"), Map.entry(note, "note"))) {
            Answer answer = expected.getKey();
            assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.fields()).as(answer.raw()).contains(expected.getValue());
        }
    }

    @Test
    void pageNumbersThatWouldOverflowTheQueryAreRefused() throws Exception {
        for (String page : List.of("2147483647", "99999999999", "4000001")) {
            Answer answer = get("/api/v1/customers?page=" + page, ADMIN);

            assertThat(answer.status()).as(page + " -> " + answer.raw()).isEqualTo(400);
            assertThat(answer.fields()).as(answer.raw()).containsExactly("page");
        }
    }

    @Test
    void everyOtherRefusalIsAProblemToo() throws Exception {
        // 415: not JSON
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/invoices")).header("Authorization", ADMIN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))), 415);
        // 400: not JSON at all
        assertProblem(post("/api/v1/invoices", "{\"number\": "), 400);
        // 400: a multipart body without its parts
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/imports/invoices")).header("Authorization", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=nope")
                .POST(HttpRequest.BodyPublishers.ofString("--nope\r\nContent-Disposition: form-da"))), 400);
        // 401: no login, with the challenge a client needs
        Answer anonymous = get("/api/v1/invoices", null);
        assertProblem(anonymous, 401);
        // 404: no such path under the API, and no such invoice
        assertProblem(get("/api/v1/no-such-thing", ADMIN), 404);
        assertProblem(get("/api/v1/invoices/NOPE-" + TestData.invoiceNumber(), ADMIN), 404);
        // 405
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/invoices")).header("Authorization", ADMIN)
                .method("PATCH", HttpRequest.BodyPublishers.noBody())), 405);
    }

    @Test
    void urlsTheFirewallOrTomcatRefuseAreProblemsToo() throws Exception {
        // the firewall: an encoded semicolon, a path walking up; Tomcat: a broken escape
        for (String path : List.of("/api/v1/invoices/a%3Bb", "/api/v1/invoices/a%2F..%2F..%2Fcustomers", "/api/v1/invoices/%ZZ",
                "/api/v1/invoices/a%00b")) {
            String head = rawGet(path);

            assertThat(head).as(path).startsWith("HTTP/1.1 4");
            assertThat(head.toLowerCase()).as(path).contains("content-type: application/problem+json");
        }
    }

    private void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
    }

    private String invoice(String amount, String issueDate, String dueDate) {
        return """
                {"number": "%s", "customerId": "%s", "issueDate": "%s", "dueDate": "%s", %s, "currency": "EUR"}"""
                .formatted("FZ-" + TestData.invoiceNumber(), customerId, issueDate, dueDate, amount);
    }

    private static String numberIn(String body) {
        int start = body.indexOf("FZ-");
        return body.substring(start, body.indexOf('"', start));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = contentType.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
        return new Answer(response.statusCode(), contentType, body, response.statusCode() + " " + contentType + " " + response.body());
    }

    /** A request line no URI class would build: the status line and headers as the server answered. */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
