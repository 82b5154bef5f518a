package io.recouvra.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The agencies' status webhook over HTTP: signed by the agency's secret or refused, applied once, read strictly. */
@RecouvraTest
class AgencyWebhookTest {

    private static final String NORD = "nord-recouvrement";
    private static final String NORD_SECRET = "test-secret-nord-recouvrement";

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    AgencyCases cases;
    @Autowired
    AgencyTestAccess agency;
    @Autowired
    JdbcTemplate jdbc;

    private String number;
    private UUID caseId;

    @BeforeAll
    static void rates(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "AgencyWebhookTest", "2026-07-01");
    }

    @AfterAll
    static void removeRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "AgencyWebhookTest");
    }

    @BeforeEach
    void aCaseWithNordRecouvrement() {
        ClockUtil.reset();
        UUID debtor = customers.register(TestData.debtor("Menuiserie", TestData.wellRatedSiren(bureau), "FR")).getId();
        number = TestData.invoiceNumber();
        LocalDate today = LocalDate.now();
        invoices.register(new NewInvoice(number, debtor, null, today.minusDays(60), today.minusDays(30), new BigDecimal("5000.00"), "EUR"));
        caseId = cases.open(number, NORD);
        cases.transfer(caseId);
    }

    @Test
    void aForgedOrMissingSignatureOrAnUnknownAgencyIsRefusedAndChangesNothing() {
        String body = update("evt-forged", "PARTIAL_PAYMENT", "1000.00");

        assertThat(post(NORD, body, sign("not-the-secret", body)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(NORD, body, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(NORD, body, "sha256=zz").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("no-such-agency", body, sign(NORD_SECRET, body)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String tampered = body.replace("1000.00", "9000.00");
        assertThat(post(NORD, tampered, sign(NORD_SECRET, body)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(jdbc.queryForObject("select count(*) from recouvra.agency_update where case_id = ?", Integer.class, caseId)).isZero();
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("5000.00");
    }

    @Test
    void aReplayedUpdateIsIgnored() {
        String body = update("evt-1", "PARTIAL_PAYMENT", "1000.00");

        ResponseEntity<JsonNode> first = post(NORD, body, sign(NORD_SECRET, body));
        ResponseEntity<JsonNode> replay = post(NORD, body, sign(NORD_SECRET, body));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("status").asText()).isEqualTo("applied");
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replay.getBody().get("status").asText()).isEqualTo("duplicate");
        assertThat(invoices.get(number).getOutstanding()).as("booked once").isEqualByComparingTo("4000.00");
        assertThat(cases.ofInvoice(number).get(0).commission()).as("12 % of 1,000, once").isEqualByComparingTo("120.00");
    }

    @Test
    void anUnreadableUpdateNamesTheField() {
        String body = update("evt-2", "PAID_MAYBE", "-5");

        ResponseEntity<JsonNode> answer = post(NORD, body, sign(NORD_SECRET, body));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().toString()).contains("\"type\"", "\"amount\"");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.agency_update where case_id = ?", Integer.class, caseId)).isZero();
    }

    @Test
    void anotherAgencysCaseIsNotTheirsToUpdate() {
        String body = update("evt-3", "CONTACTED", null);

        ResponseEntity<JsonNode> answer = post("grands-comptes-contentieux", body, sign("test-secret-grands-comptes", body));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("caseId");
    }

    private String update(String eventId, String type, String amount) {
        return "{\"eventId\":\"" + eventId + "-" + caseId + "\",\"caseId\":\"" + caseId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"2026-11-23T09:30:00Z\"" + (amount == null ? "" : ",\"amount\":\"" + amount + "\"") + "}";
    }

    private static String sign(String secret, String body) {
        return AgencySignatures.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<JsonNode> post(String agencyId, String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Recouvra-Signature", signature);
        }
        return api.anonymous().postForEntity("/webhooks/agencies/" + agencyId, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }
}
