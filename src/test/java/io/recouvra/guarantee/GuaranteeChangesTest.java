package io.recouvra.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Amending a guarantee and giving it back (mainlevée), through the API, on the real application. */
@RecouvraTest
class GuaranteeChangesTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Guarantees guarantees;
    @Autowired
    GuaranteeCover cover;
    @Autowired
    GuaranteeCalls calls;
    @Autowired
    GuaranteeExpiryWarnings warnings;
    @Autowired
    InteractionLog interactions;
    @Autowired
    TaskService tasks;

    /** A call reckons the guarantor's late-payment interest to the call day. */
    @BeforeAll
    static void ratesForTheSecondHalfOf2026(@Autowired JdbcTemplate jdbc) {
        TestRates.add(jdbc, "GuaranteeChangesTest", "2026-07-01");
    }

    @AfterAll
    static void removeTestRates(@Autowired JdbcTemplate jdbc) {
        TestRates.remove(jdbc, "GuaranteeChangesTest");
    }

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void badChangesAreRefusedNamingEachFieldAndChangeNothing() {
        UUID customer = customer();
        UUID guarantee = register(customer, GuaranteesTest.personal("Jean Dupont", "5000.00", "2026-01-01", "2028-12-31"));

        ResponseEntity<JsonNode> refused = amend(guarantee, Map.of("amount", "-1", "endsOn", "2025-12-31",
                "documentsRequired", "x".repeat(2001)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("amount", "endsOn", "documentsRequired");
        assertThat(amend(guarantee, Map.of()).getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("nothing to change: give amount, endsOn, documentsRequired, jointAndSeveral or principalOnly");
        assertThat(amend(guarantee, Map.of("amount", "12.345")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> badRelease = release(guarantee, Map.of("releasedOn", TODAY.plusDays(1).toString()));
        assertThat(badRelease.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("releasedOn", "reason");
        assertThat(amend(UUID.randomUUID(), Map.of("amount", "1.00")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        Guarantee unchanged = guarantees.get(guarantee);
        assertThat(unchanged.amount()).isEqualByComparingTo("5000.00");
        assertThat(unchanged.endsOn()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(unchanged.status()).isEqualTo(Guarantee.Status.ACTIVE);

        // the deed's terms recorded later (a guarantee registered before the register asked): on the trail
        ResponseEntity<JsonNode> terms = amend(guarantee, Map.of("jointAndSeveral", false, "principalOnly", true));
        assertThat(terms.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(guarantees.get(guarantee).jointAndSeveral()).isFalse();
        assertThat(guarantees.get(guarantee).principalOnly()).isTrue();
        assertThat(interactions.latestOfCustomer(customer, 5)).extracting(Interaction::getSummary)
                .contains("Guarantee amended: joint and several -> simple, limited to the principal");
    }

    /**
     * Invoice of 6,000.00; a personal guarantee of 4,000.00 secures 4,000.00. Raised to 7,000.00 by a rider it secures
     * the whole 6,000.00. Its new end, within the warning period, is warned of although the old one was.
     */
    @Test
    void anAmendmentChangesTheCapAndTheEndAndIsOnTheTrail() {
        UUID customer = customer();
        invoice(customer, "6000.00");
        UUID guarantee = register(customer, GuaranteesTest.personal("Jean Dupont", "4000.00", "2026-01-01", TODAY.plusDays(30).toString()));
        assertThat(cover.of(customer, TODAY).in("EUR").secured()).isEqualByComparingTo("4000.00");
        assertThat(warnings.raise()).extracting(Guarantee::id).contains(guarantee);
        tasks.deleteTask(GuaranteeExpiryWarnings.TASK_PREFIX + guarantee, true);

        ResponseEntity<JsonNode> amended = amend(guarantee, Map.of("amount", "7000.00", "endsOn", TODAY.plusDays(40).toString(),
                "documentsRequired", "Copie de l'acte\nDécompte"));

        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(amended.getBody().get("capLeft").decimalValue()).isEqualByComparingTo("7000.00");
        Guarantee after = guarantees.get(guarantee);
        assertThat(after.endsOn()).isEqualTo(TODAY.plusDays(40));
        assertThat(after.documentsRequired()).isEqualTo("Copie de l'acte\nDécompte");
        assertThat(after.expiryWarnedAt()).as("a new end is warned of again").isNull();
        assertThat(cover.of(customer, TODAY).in("EUR").secured()).isEqualByComparingTo("6000.00");
        assertThat(trail(customer)).anySatisfy(entry -> assertThat(entry.getSummary())
                .startsWith("Guarantee amended: amount 4 000,00 € -> 7 000,00 €, end " + TODAY.plusDays(30) + " -> " + TODAY.plusDays(40))
                .contains("documents required Copie de l'acte; Décompte"));
        assertThat(warnings.raise()).extracting(Guarantee::id).contains(guarantee);
        tasks.deleteTask(GuaranteeExpiryWarnings.TASK_PREFIX + guarantee, true);
    }

    /**
     * Invoice of 3,000.00 called under a 5,000.00 guarantee: 3,000.00 claimed (the natural-person guarantor was never
     * told of the default, so art. 2303 C. civ. takes the interest and the indemnity off). Lowered to 3,000.00 the cap still covers
     * the call; to 2,999.99 it would not (409), and nothing changes. Released while the call waits: 409.
     */
    @Test
    void aGuaranteeUnderAnOpenCallCannotBeReducedBelowTheCalledAmountNorReleased() {
        UUID customer = customer();
        String invoice = invoice(customer, "3000.00");
        UUID guarantee = register(customer, GuaranteesTest.personal("Jean Dupont", "5000.00", "2026-01-01", "2028-12-31"));
        assertThat(calls.call(invoice, false)).get().extracting(GuaranteeCalls.Call::claimed).isEqualTo(new BigDecimal("3000.00"));

        ResponseEntity<JsonNode> tooLow = amend(guarantee, Map.of("amount", "2999.99"));

        assertThat(tooLow.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooLow.getBody().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertThat(tooLow.getBody().get("errors").get(0).get("reason").asText()).contains("3 000,00 €");
        assertThat(guarantees.get(guarantee).amount()).isEqualByComparingTo("5000.00");
        assertThat(amend(guarantee, Map.of("amount", "3000.00")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(release(guarantee, Map.of("releasedOn", TODAY.toString(), "reason", "Dette réglée")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(guarantees.get(guarantee).status()).isEqualTo(Guarantee.Status.CALLED);
    }

    /**
     * Invoice of 3,000.00 under a 5,000.00 guarantee ending within the warning period: 3,000.00 secured and a warning task.
     * Released, it secures nothing (3,000.00 unsecured), its task is withdrawn, it is never warned of nor called again, and
     * it stays in the register with the day and the reason.
     */
    @Test
    void aReleasedGuaranteeStaysInTheRegisterButSecuresNothingAndIsNeitherWarnedOfNorCalled() {
        UUID customer = customer();
        String invoice = invoice(customer, "3000.00");
        UUID guarantee = register(customer, GuaranteesTest.personal("Jean <b>Dupont</b>", "5000.00", "2026-01-01",
                TODAY.plusDays(20).toString()));
        assertThat(cover.of(customer, TODAY).in("EUR").secured()).isEqualByComparingTo("3000.00");
        assertThat(warnings.raise()).extracting(Guarantee::id).contains(guarantee);

        ResponseEntity<JsonNode> released = release(guarantee, Map.of("releasedOn", TODAY.minusDays(2).toString(),
                "reason", "Remplacée par une garantie bancaire"));

        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(released.getBody().get("validToday").asBoolean()).isFalse();
        assertThat(released.getBody().get("guarantee").get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.getBody().get("guarantee").get("releasedOn").asText()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(released.getBody().get("guarantee").get("releaseReason").asText()).isEqualTo("Remplacée par une garantie bancaire");
        GuaranteeCover.Cover eur = cover.of(customer, TODAY).in("EUR");
        assertThat(eur.secured()).isEqualByComparingTo("0.00");
        assertThat(eur.unsecured()).isEqualByComparingTo("3000.00");
        assertThat(tasks.createTaskQuery().taskId(GuaranteeExpiryWarnings.TASK_PREFIX + guarantee).count()).isZero();
        assertThat(calls.callableFor(invoice, false)).isFalse();
        assertThat(api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/guarantees", JsonNode.class).getBody())
                .hasSize(1);
        assertThat(trail(customer)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).startsWith("Guarantee released on " + TODAY.minusDays(2) + ": personal guarantee by Jean <b>Dupont</b>");
            assertThat(entry.getContent()).isEqualTo("Remplacée par une garantie bancaire");
        });
        assertThat(release(guarantee, Map.of("releasedOn", TODAY.toString(), "reason", "encore")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(amend(guarantee, Map.of("amount", "6000.00")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private java.util.List<Interaction> trail(UUID customer) {
        return interactions.ofCustomer(customer, 0, 50).getContent();
    }

    private ResponseEntity<JsonNode> amend(UUID guarantee, Map<String, ?> body) {
        return api.asAdmin().postForEntity("/api/v1/guarantees/" + guarantee + "/amendment", body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> release(UUID guarantee, Map<String, ?> body) {
        return api.asAdmin().postForEntity("/api/v1/guarantees/" + guarantee + "/release", new HashMap<>(body), JsonNode.class);
    }

    private UUID register(UUID customer, Map<String, ?> body) {
        ResponseEntity<JsonNode> created = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/guarantees", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("guarantee").get("id").asText());
    }

    private UUID customer() {
        return customers.register(TestData.debtor("Garage", TestData.wellRatedSiren(bureau), "FR")).getId();
    }

    private String invoice(UUID customer, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), new BigDecimal(amount), "EUR"));
        return number;
    }
}
