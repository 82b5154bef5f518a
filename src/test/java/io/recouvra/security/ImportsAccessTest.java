package io.recouvra.security;

import static io.recouvra.security.StaffFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Who may import invoices and read an import's report: integrators, credit managers, admins; no other staff. */
@RecouvraTest
class ImportsAccessTest {

    private static final String FILE = "invoice_number;customer_registration_number;customer_name;issue_date;due_date;amount;currency\n";

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void staff() {
        user(identity, "imp-colette", RecouvraGroups.COLLECTORS);
        user(identity, "imp-manon", RecouvraGroups.MANAGERS);
        user(identity, "imp-ines", RecouvraGroups.INTEGRATORS);
        user(identity, "imp-cyril", RecouvraGroups.CREDIT_MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        List.of("imp-colette", "imp-manon", "imp-ines", "imp-cyril").forEach(identity::deleteUser);
    }

    @Test
    void integratorsCreditManagersAndAdminsImportAndReadImportsOtherStaffNeither() {
        ResponseEntity<JsonNode> byIntegrator = submit(as("imp-ines"));
        assertThat(byIntegrator.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(byIntegrator.getBody().get("submittedBy").asText()).isEqualTo("imp-ines");
        URI location = byIntegrator.getHeaders().getLocation();
        assertThat(submit(as("imp-cyril")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(submit(api.asAdmin()).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        for (String reader : List.of("imp-ines", "imp-cyril")) {
            assertThat(as(reader).getForEntity(location.getPath(), JsonNode.class).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(as(reader).getForEntity(location.getPath() + "/errors", JsonNode.class).getStatusCode()).as(reader)
                    .isEqualTo(HttpStatus.OK);
            assertThat(as(reader).getForEntity(location.getPath() + "/report.csv", String.class).getStatusCode()).as(reader)
                    .isEqualTo(HttpStatus.OK);
        }
        for (String other : List.of("imp-colette", "imp-manon")) {
            assertThat(submit(as(other)).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(other).getForEntity(location.getPath(), JsonNode.class).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(other).getForEntity(location.getPath() + "/errors", JsonNode.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(other).getForEntity(location.getPath() + "/report.csv", String.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(api.anonymous().getForEntity(location.getPath(), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate as(String user) {
        return api.as(user, "secret-" + user);
    }

    private static ResponseEntity<JsonNode> submit(TestRestTemplate client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String line = TestData.invoiceNumber() + ";" + TestData.siren() + ";Acme;2026-10-01;2026-10-31;10.00;EUR\n";
        return client.postForEntity("/api/v1/imports/invoices", new HttpEntity<>(FILE + line, headers), JsonNode.class);
    }
}
