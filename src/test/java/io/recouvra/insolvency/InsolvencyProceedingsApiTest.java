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
import org.camunda.bpm.engine.RuntimeService;
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
    @Autowired
    RuntimeService runtime;

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

    /**
     * Safeguard opened on 5 October 2026, converted into receivership on 2 November, then into liquidation on
     * 16 November with a liquidator: the same proceedings, the opening judgment still the one that splits the claims,
     * each judgment in the history, and the running declaration of claims told the new kind and representative.
     */
    @Test
    void aConversionIsANewJudgmentOnTheSameProceedingsWithItsHistory() {
        UUID customer = customers.register(TestData.debtor("Charcuterie", TestData.siren(), "FR")).getId();
        UUID id = UUID.fromString(api.asAdmin().postForObject("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "SAFEGUARD", "judgmentDate", "2026-10-05", "court", "Tribunal des activités économiques de Lyon",
                        "representativeName", "Maître Anne Rivière", "representativeAddress", "10 rue de Bonnel, 69003 Lyon"),
                JsonNode.class, customer).get("id").asText());

        ResponseEntity<JsonNode> receivership = convert(customer, id, Map.of("kind", "RECEIVERSHIP", "judgmentDate", "2026-11-02"));
        ResponseEntity<JsonNode> liquidation = convert(customer, id, Map.of("kind", "LIQUIDATION", "judgmentDate", "2026-11-16",
                "representativeName", "SELARL Liquidateurs du Rhône", "representativeAddress", "2 place Bellecour, 69002 Lyon"));

        assertThat(receivership.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(liquidation.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode now = liquidation.getBody();
        assertThat(now.get("id").asText()).isEqualTo(id.toString());
        assertThat(now.get("kind").asText()).isEqualTo("LIQUIDATION");
        assertThat(now.get("openedAs").asText()).isEqualTo("SAFEGUARD");
        assertThat(now.get("judgmentDate").asText()).as("the opening judgment still splits the claims").isEqualTo("2026-10-05");
        assertThat(now.get("representativeName").asText()).isEqualTo("SELARL Liquidateurs du Rhône");
        assertThat(now.get("court").asText()).as("unchanged when not given").isEqualTo("Tribunal des activités économiques de Lyon");
        assertThat(customers.get(customer).getInsolvencyReportedOn()).isEqualTo(LocalDate.of(2026, 10, 5));

        JsonNode judgments = api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings/{pid}/judgments",
                JsonNode.class, customer, id);
        assertThat(judgments).hasSize(3);
        assertThat(judgment(judgments.get(0))).as("nothing it was converted from").isEqualTo("OPENING SAFEGUARD 2026-10-05 -");
        assertThat(judgment(judgments.get(1))).isEqualTo("CONVERSION RECEIVERSHIP 2026-11-02 SAFEGUARD");
        assertThat(judgment(judgments.get(2))).isEqualTo("CONVERSION LIQUIDATION 2026-11-16 RECEIVERSHIP");
        assertThat(interactions.ofCustomer(customer, 0, 20).getContent()).anySatisfy(entry -> assertThat(entry.getSummary())
                .isEqualTo("Insolvency proceedings converted from RECEIVERSHIP into LIQUIDATION by the judgment of 2026-11-16"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(id.toString()).count()).as("one declaration, not declared again").isOne();
        String declaration = runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(id.toString()).singleResult().getId();
        assertThat(runtime.getVariable(declaration, DeclarationOfClaimsContract.PROCEEDINGS_KIND_LABEL)).isEqualTo("liquidation judiciaire");
        assertThat(runtime.getVariable(declaration, DeclarationOfClaimsContract.REPRESENTATIVE_NAME))
                .isEqualTo("SELARL Liquidateurs du Rhône");

        ResponseEntity<JsonNode> beyond = convert(customer, id, Map.of("kind", "RECEIVERSHIP", "judgmentDate", "2026-11-20"));
        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beyond.getBody().get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(beyond.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("LIQUIDATION proceedings convert into nothing: liquidation is the last kind, not RECEIVERSHIP");
    }

    @Test
    void aConversionBackwardsOrBeforeTheLastJudgmentIsRefusedNamingTheFieldAndNothingChanges() {
        UUID customer = customers.register(TestData.debtor("Poissonnerie", TestData.siren(), "FR")).getId();
        UUID id = UUID.fromString(api.asAdmin().postForObject("/api/v1/customers/{id}/insolvency-proceedings",
                Map.of("kind", "RECEIVERSHIP", "judgmentDate", "2026-10-05", "court", "TAE Nantes", "representativeName", "Me Dupont",
                        "representativeAddress", "1 quai de la Fosse, 44000 Nantes"), JsonNode.class, customer).get("id").asText());

        ResponseEntity<JsonNode> refused = convert(customer, id, Map.of("kind", "SAFEGUARD", "judgmentDate", "2026-10-01",
                "representativeName", "Me Martin"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("kind", "judgmentDate", "representativeAddress");
        assertThat(proceedings.find(id).getKind()).isEqualTo(ProceedingsKind.RECEIVERSHIP);
        assertThat(proceedings.conversions(id)).isEmpty();
        assertThat(convert(customer, id, Map.of()).getBody().get("errors")).hasSize(2);

        ResponseEntity<JsonNode> tooLong = convert(customer, id, Map.of("kind", "LIQUIDATION", "judgmentDate", "2026-10-20",
                "court", "T".repeat(201)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().get("errors").get(0).get("field").asText()).as("the column holds 200").isEqualTo("court");
        assertThat(proceedings.conversions(id)).isEmpty();
    }

    private ResponseEntity<JsonNode> convert(UUID customer, UUID id, Map<String, String> body) {
        return api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/conversions", body, JsonNode.class,
                customer, id);
    }

    private static String judgment(JsonNode judgment) {
        return judgment.get("judgment").asText() + " " + judgment.get("kind").asText() + " " + judgment.get("judgmentDate").asText()
                + " " + (judgment.hasNonNull("convertedFrom") ? judgment.get("convertedFrom").asText() : "-");
    }
}
