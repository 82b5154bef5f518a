package io.recouvra.insolvency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Proceedings reported through the API: stored, announced, the customer marked; bad reports refused naming the field. */
@RecouvraTest
@RecordApplicationEvents
class InsolvencyProceedingsApiTest {

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InteractionLog interactions;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    ApplicationEvents events;

    @Test
    void aReportedJudgmentIsStoredAnnouncedAndMarksTheCustomer() {
        UUID customer = customers.register(TestData.debtor("Boulangerie", TestData.siren(), "FR")).getId();
        ResponseEntity<JsonNode> created = api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "RECEIVERSHIP", "judgmentDate", "2026-11-02", "court", "Tribunal des activités économiques de Nantes",
                        "representativeName", "SELARL Mandataires Associés", "representativeAddress", "1 quai de la Fosse, 44000 Nantes",
                        "representativeEmail", "mj@example.org"),
                JsonNode.class, customer);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        UUID id = UUID.fromString(created.getBody().get("id").asText());
        assertThat(created.getBody().get("reportedBy").asText()).isEqualTo("PERSON");
        assertThat(created.getBody().get("status").asText()).isEqualTo("OPEN");
        assertThat(created.getBody().get("complete").asBoolean()).isTrue();
        assertThat(customers.get(customer).getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(interactions.ofCustomer(customer, 0, 10).getContent()).anySatisfy(entry -> {
            assertThat(entry.getType()).isEqualTo(Interaction.Type.INSOLVENCY);
            assertThat(entry.getSummary()).contains("RECEIVERSHIP", "2026-11-02");
        });

        ResponseEntity<JsonNode> published = api.asAdmin().postForEntity(
                "/api/v1/customers/{id}/insolvency-proceedings/{pid}/bodacc-publication", Map.of("publishedOn", "2026-11-12"),
                JsonNode.class, customer, id);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(published.getBody().get("bodaccPublishedOn").asText()).isEqualTo("2026-11-12");

        JsonNode list = api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings", JsonNode.class, customer);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("court").asText()).isEqualTo("Tribunal des activités économiques de Nantes");

        ResponseEntity<JsonNode> again = api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "LIQUIDATION", "judgmentDate", "2026-11-20", "court", "TAE Nantes", "representativeName", "X",
                        "representativeAddress", "Y"), JsonNode.class, customer);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    /** Events are recorded on the test's thread: the service is called here directly, as other modules do. */
    @Test
    void theServiceAnnouncesTheProceedingsAndTheirPublicationInItsTransaction() {
        UUID customer = customers.register(TestData.debtor("Fromagerie", TestData.siren(), "FR")).getId();

        InsolvencyProceedings opened = proceedings.report(customer, new ProceedingsReport(ProceedingsKind.LIQUIDATION,
                LocalDate.of(2026, 10, 1), "TAE Nantes", "Me Martin", "5 rue Kervégan, 44000 Nantes", null,
                LocalDate.of(2026, 10, 9), ReportedBy.CREDIT_INSURER, true));
        proceedings.recordBodaccPublication(opened.getId(), LocalDate.of(2026, 10, 9));

        assertThat(events.stream(InsolvencyOpened.class))
                .containsExactly(new InsolvencyOpened(opened.getId(), customer, ProceedingsKind.LIQUIDATION, LocalDate.of(2026, 10, 1)));
        assertThat(events.stream(BodaccPublished.class)).as("once: the same day again changes nothing")
                .containsExactly(new BodaccPublished(opened.getId(), customer, LocalDate.of(2026, 10, 9)));
        assertThat(proceedings.openFor(customer)).get().satisfies(found -> {
            assertThat(found.isOutsideMetropolitanFrance()).isTrue();
            assertThat(found.getReportedBy()).isEqualTo(ReportedBy.CREDIT_INSURER);
        });
    }

    @Test
    void anIncompleteReportByAPersonIsRefusedNamingEachFieldAndStoresNothing() {
        UUID customer = customers.register(TestData.debtor("Menuiserie", TestData.siren(), "FR")).getId();
        ResponseEntity<JsonNode> refused = api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "SAFEGUARD", "judgmentDate", "2099-01-01", "representativeEmail", "not an address",
                        "bodaccPublishedOn", "2098-12-01"),
                JsonNode.class, customer);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("judgmentDate", "court", "representativeName", "representativeAddress",
                "representativeEmail", "bodaccPublishedOn");
        assertThat(customers.get(customer).getInsolvencyReportedOn()).isNull();
        assertThat(api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings", JsonNode.class, customer)).isEmpty();

        ResponseEntity<JsonNode> unknownKind = api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "BANKRUPTCY", "judgmentDate", "2026-11-02"), JsonNode.class, customer);
        assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownKind.getBody().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }
}
