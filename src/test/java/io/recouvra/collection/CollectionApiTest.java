package io.recouvra.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Holds and disputes through the REST API, as an ERP or a credit manager's script would use them. */
@RecouvraTest
class CollectionApiTest {

    @Autowired
    Api api;
    @Autowired
    InvoiceService invoices;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void aHoldIsPlacedListedAndReleased() {
        String number = invoice("1500.00", LocalDate.now().plusDays(20));

        ResponseEntity<JsonNode> placed = post("/api/v1/invoices/" + number + "/hold",
                Map.of("reason", "negotiating a discount", "until", LocalDate.now().plusDays(40).toString()));
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(placed.getBody().get("placedBy").asText()).isEqualTo("admin");
        assertThat(api.asAdmin().getForEntity("/api/v1/invoices/" + number + "/hold", JsonNode.class).getBody()).hasSize(1);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.ON_HOLD);

        ResponseEntity<String> released = api.asAdmin().exchange("/api/v1/invoices/" + number + "/hold", HttpMethod.DELETE,
                null, String.class);
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);

        ResponseEntity<JsonNode> again = api.asAdmin().exchange("/api/v1/invoices/" + number + "/hold", HttpMethod.DELETE,
                null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aHoldWithoutAReasonOrWithAPastEndIsRefusedWithTheField() {
        String number = invoice("1500.00", LocalDate.now().plusDays(20));

        ResponseEntity<JsonNode> noReason = post("/api/v1/invoices/" + number + "/hold", Map.of("reason", ""));
        ResponseEntity<JsonNode> pastEnd = post("/api/v1/invoices/" + number + "/hold",
                Map.of("reason", "x", "until", LocalDate.now().minusDays(1).toString()));

        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(noReason.getBody().toString()).contains("reason");
        assertThat(pastEnd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pastEnd.getBody().toString()).contains("until");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void anInvoiceStillBeingAssessedCannotBeHeldYet() {
        ResponseEntity<JsonNode> customer = post("/api/v1/customers", Map.of("legalName", "Scierie Test",
                "registrationNumber", TestData.siren(), "city", "Épinal"));
        String number = TestData.invoiceNumber();
        post("/api/v1/invoices", Map.of("number", number, "customerId", customer.getBody().get("id").asText(),
                "issueDate", "2026-11-01", "dueDate", "2026-12-31", "amount", "100.00", "currency", "EUR"));

        ResponseEntity<JsonNode> refused = post("/api/v1/invoices/" + number + "/hold", Map.of("reason", "wait"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().toString()).contains("not in dunning now");
        assertThat(invoices.get(number).getStatus()).as("nothing kept").isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aDisputeIsRecordedAndASecondOneOrOneOnAPaidInvoiceIsRefused() {
        String number = invoice("900.00", LocalDate.now().plusDays(20));

        ResponseEntity<JsonNode> raised = post("/api/v1/invoices/" + number + "/disputes",
                Map.of("reason", "DELIVERY", "description", "never delivered"));
        ResponseEntity<JsonNode> twice = post("/api/v1/invoices/" + number + "/disputes", Map.of("reason", "PRICE"));
        ResponseEntity<JsonNode> badReason = post("/api/v1/invoices/" + invoice("10.00", LocalDate.now().plusDays(5))
                + "/disputes", Map.of("reason", "MOOD"));

        assertThat(raised.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(raised.getBody().get("disputeId").asText()).isNotBlank();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.DISPUTED);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(badReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReason.getBody().toString()).contains("reason", "DELIVERY");
    }

    @Test
    void documentsAreAddedToADisputeWithinTheLimits() {
        String number = invoice("900.00", LocalDate.now().plusDays(20));
        String disputeId = post("/api/v1/invoices/" + number + "/disputes", Map.of("reason", "QUALITY")).getBody()
                .get("disputeId").asText();
        byte[] pdf = "%PDF-1.4 delivery note".getBytes(StandardCharsets.US_ASCII);
        byte[] tooLarge = new byte[DisputeAttachments.MAX_BYTES + 1];
        tooLarge[0] = '%'; tooLarge[1] = 'P'; tooLarge[2] = 'D'; tooLarge[3] = 'F';

        ResponseEntity<JsonNode> added = upload(disputeId, "bon de livraison.pdf", pdf);
        ResponseEntity<JsonNode> large = upload(disputeId, "scan.pdf", tooLarge);
        ResponseEntity<JsonNode> program = upload(disputeId, "photo.png", "MZ\u0090 not an image".getBytes(StandardCharsets.ISO_8859_1));
        ResponseEntity<JsonNode> noDispute = upload(java.util.UUID.randomUUID().toString(), "a.pdf", pdf);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(large.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(large.getBody().toString()).contains("file", "5 MB");
        assertThat(program.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(program.getBody().toString()).contains("PDF, JPEG or PNG");
        assertThat(noDispute.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode listed = api.asAdmin().getForEntity("/api/v1/disputes/" + disputeId + "/attachments", JsonNode.class).getBody();
        assertThat(listed).as("only the good one kept").hasSize(1);
        ResponseEntity<byte[]> downloaded = api.asAdmin().getForEntity("/api/v1/disputes/" + disputeId + "/attachments/"
                + added.getBody().get("id").asText(), byte[].class);
        assertThat(downloaded.getBody()).isEqualTo(pdf);
        assertThat(downloaded.getHeaders().getContentDisposition().getFilename()).isEqualTo("bon de livraison.pdf");
    }

    @Test
    void aPlanRequestThroughTheApiIsCheckedField() {
        String number = invoice("900.00", LocalDate.now().plusDays(20));
        String customerId = invoices.get(number).getCustomer().getId().toString();

        ResponseEntity<JsonNode> noInstalments = post("/api/v1/customers/" + customerId + "/payment-plans",
                Map.of("invoiceNumbers", List.of(number), "instalments", List.of()));
        ResponseEntity<JsonNode> notAddingUp = post("/api/v1/customers/" + customerId + "/payment-plans",
                Map.of("invoiceNumbers", List.of(number), "instalments", List.of(
                        Map.of("dueDate", LocalDate.now().plusDays(10).toString(), "amount", "400.00"))));

        assertThat(noInstalments.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noInstalments.getBody().toString()).contains("instalments");
        assertThat(notAddingUp.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAddingUp.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notAddingUp.getBody().toString()).contains("instalments", "add up to 400.00 but the invoices owe 900.00");
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void acceptingAnUnknownPlanIs404() {
        assertThat(post("/api/v1/payment-plans/" + java.util.UUID.randomUUID() + "/accept", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void contestingAnUnknownDisputeIs404() {
        ResponseEntity<JsonNode> unknown = post("/api/v1/disputes/" + java.util.UUID.randomUUID() + "/contest",
                Map.of("reason", "no"));
        ResponseEntity<JsonNode> noReason = post("/api/v1/disputes/" + java.util.UUID.randomUUID() + "/contest", Map.of());

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason");
    }

    private ResponseEntity<JsonNode> upload(String disputeId, String filename, byte[] bytes) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return api.asAdmin().postForEntity("/api/v1/disputes/" + disputeId + "/attachments", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private String invoice(String amount, LocalDate dueDate) {
        ResponseEntity<JsonNode> customer = post("/api/v1/customers", Map.of("legalName", "Scierie Test",
                "registrationNumber", TestData.siren(), "city", "Épinal",
                "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "emailConsent", true))));
        String number = TestData.invoiceNumber();
        assertThat(post("/api/v1/invoices", Map.of("number", number, "customerId", customer.getBody().get("id").asText(),
                "issueDate", dueDate.minusDays(30).toString(), "dueDate", dueDate.toString(), "amount", amount,
                "currency", "EUR")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the job executor would assess the customer within seconds; here it is done by hand
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        return number;
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return api.asAdmin().postForEntity(path, body, JsonNode.class);
    }
}
