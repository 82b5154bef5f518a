package io.recouvra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Invoice and credit note numbers as companies write them ({@code F/2026/001}, {@code 2026-12/04}, {@code 50%},
 * {@code A<B>|C}, spaces in a credit note's): registered with a Location that reads them back, and read, held,
 * released and disputed by number, their {@code /} encoded as {@code %2F}.
 */
@RecouvraTest
class NumbersInPathsTest {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void invoicesNumberedWithSlashesPercentsAndMarkupAreReadHeldReleasedAndDisputedByNumber() throws Exception {
        String customerId = post("/api/v1/customers", """
                {"legalName": "Imprimerie Numéros", "registrationNumber": "%s", "city": "Lille"}""".formatted(TestData.siren()))
                .body().get("id").asText();
        String unique = TestData.invoiceNumber();
        for (String number : List.of("F/2026/001-" + unique, "2026-12/04-" + unique, "50%-" + unique, "A<B>|C-" + unique,
                "N°#1?x=2-" + unique)) {
            Answer created = post("/api/v1/invoices", """
                    {"number": %s, "customerId": "%s", "issueDate": "2026-11-01", "dueDate": "2026-12-31",
                     "amount": "120.00", "currency": "EUR"}""".formatted(json.writeValueAsString(number), customerId));

            assertThat(created.status()).as(number + " " + created.body()).isEqualTo(201);
            // the number is one encoded path segment, its "/" as %2F
            String path = created.location();
            assertThat(path).as(number).startsWith("/api/v1/invoices/")
                    .endsWith(UriUtils.encodePathSegment("-" + unique, StandardCharsets.UTF_8));
            assertThat(path.substring("/api/v1/invoices/".length())).as(number).doesNotContain("/");
            assertThat(get(created.location()).body().get("number").asText()).as(number).isEqualTo(number);
            assessCustomerOf(number);

            Answer held = post(path + "/hold", "{\"reason\": \"Litige commercial en cours\"}");
            assertThat(held.status()).as(number + " " + held.body()).isEqualTo(201);
            assertThat(get(held.location()).body().get(0).get("invoiceNumber").asText()).as(number).isEqualTo(number);

            Answer released = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/hold"))
                    .header("Authorization", ADMIN).DELETE());
            assertThat(released.status()).as(number).isEqualTo(204);

            Answer disputed = post(path + "/disputes", "{\"reason\": \"PRICE\", \"description\": \"Prix non conforme\"}");
            assertThat(disputed.status()).as(number + " " + disputed.body()).isEqualTo(201);
        }
    }

    @Test
    void aCreditNoteNumberWithSpacesHasALocationThatReadsItBack() throws Exception {
        String customerId = post("/api/v1/customers", """
                {"legalName": "Imprimerie Avoirs", "registrationNumber": "%s", "city": "Lille"}""".formatted(TestData.siren()))
                .body().get("id").asText();
        String invoice = "F/" + TestData.invoiceNumber();
        assertThat(post("/api/v1/invoices", """
                {"number": "%s", "customerId": "%s", "issueDate": "2026-11-01", "dueDate": "2026-12-31",
                 "amount": "120.00", "currency": "EUR"}""".formatted(invoice, customerId)).status()).isEqualTo(201);
        String number = "AV 2026 " + TestData.invoiceNumber();

        Answer created = post("/api/v1/credit-notes", """
                {"number": "%s", "invoiceNumber": "%s", "amount": "20.00", "issueDate": "2026-11-15"}""".formatted(number, invoice));

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/credit-notes/" + number.replace(" ", "%20"));
        assertThat(get(created.location()).body().get("number").asText()).isEqualTo(number);
    }

    @Test
    void aLoneSurrogateInANumberIsRefusedAndNothingIsStored() throws Exception {
        String number = "HALF-" + TestData.invoiceNumber();

        Answer refused = post("/api/v1/invoices", """
                {"number": "%s\\ud800", "customerRegistrationNumber": "552100554", "issueDate": "2026-11-01",
                 "dueDate": "2026-12-31", "amount": "120.00", "currency": "EUR"}""".formatted(number));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("number");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice where number like ?", Integer.class, number + "%"))
                .isZero();
    }

    /** The job executor would assess the customer within seconds; here it is done by hand, as a hold needs it done. */
    private void assessCustomerOf(String number) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    record Answer(int status, String location, JsonNode body) {
    }

    private Answer post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer get(String path) throws Exception {
        Answer answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", ADMIN).GET());
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer;
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body().isEmpty() ? null : json.readTree(response.body()));
    }
}
