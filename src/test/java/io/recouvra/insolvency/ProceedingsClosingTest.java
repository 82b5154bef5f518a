package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The judgment closing insolvency proceedings, recorded through the API and heard by the running declaration of
 * claims. Every case: one invoice of 10,000.00 (VAT at 20 % inside) issued 1 January 2026, due 31 January; judgment on
 * Monday 2 March 2026, published in the BODACC on Thursday 12 March (as in {@link ClaimDeclarationProcessTest}).
 */
@RecouvraTest
class ProceedingsClosingTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);

    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aClosingIsRefusedNamingTheFieldWhenItsKindOrDayIsWrongAndOnceClosedWith409() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        UUID liquidation = open(debtor, ProceedingsKind.LIQUIDATION);
        moveTo(LocalDate.of(2027, 6, 30));

        assertRefused(close(debtor, liquidation, Map.of("kind", "BANKRUPTCY", "judgmentDate", "2027-06-29")), "kind");
        ResponseEntity<JsonNode> planOnALiquidation = close(debtor, liquidation, Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2027-06-29"));
        assertRefused(planOnALiquidation, "kind");
        assertThat(planOnALiquidation.getBody().get("errors").get(0).get("reason").asText())
                .isEqualTo("LIQUIDATION proceedings close as LIQUIDATION_INSUFFICIENT_ASSETS or LIQUIDATION_DEBTS_PAID, not PLAN_CARRIED_OUT");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2027-07-01")),
                "judgmentDate");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2026-03-01")),
                "judgmentDate");
        assertRefused(close(debtor, liquidation, Map.of("judgmentDate", "2027-06-29")), "kind");
        assertRefused(close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29",
                "note", "x".repeat(1001))), "note");
        assertThat(register.find(liquidation).getStatus()).as("nothing stored").isEqualTo(ProceedingsStatus.OPEN);

        ResponseEntity<JsonNode> closed = close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29",
                "note", "jugement n° 2027/1234"));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.getBody().get("closingKind").asText()).isEqualTo("LIQUIDATION_DEBTS_PAID");
        assertThat(closed.getBody().get("closingJudgmentDate").asText()).isEqualTo("2027-06-29");
        assertThat(closed.getBody().get("closingNote").asText()).isEqualTo("jugement n° 2027/1234");
        assertThat(trail(debtor)).contains("Insolvency proceedings (LIQUIDATION) closed by the judgment of 2027-06-29: LIQUIDATION_DEBTS_PAID");
        JsonNode judgments = api.asAdmin().getForObject("/api/v1/customers/{id}/insolvency-proceedings/{pid}/judgments", JsonNode.class,
                debtor, liquidation);
        assertThat(judgments.get(judgments.size() - 1).get("judgment").asText()).isEqualTo("CLOSING");

        ResponseEntity<JsonNode> again = close(debtor, liquidation, Map.of("kind", "LIQUIDATION_DEBTS_PAID", "judgmentDate", "2027-06-29"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");

        // a receivership is closed by its plan carried out, not as a liquidation
        UUID other = debtor();
        moveTo(PUBLISHED);
        UUID receivership = open(other, ProceedingsKind.RECEIVERSHIP);
        moveTo(LocalDate.of(2027, 6, 30));
        assertRefused(close(other, receivership, Map.of("kind", "LIQUIDATION_INSUFFICIENT_ASSETS", "judgmentDate", "2027-06-29")), "kind");
        assertThat(api.anonymous().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing",
                Map.of("kind", "PLAN_CARRIED_OUT", "judgmentDate", "2027-06-29"), String.class, other, receivership).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- helpers

    private ResponseEntity<JsonNode> close(UUID debtor, UUID proceedings, Map<String, Object> body) {
        return api.asAdmin().postForEntity("/api/v1/customers/{id}/insolvency-proceedings/{pid}/closing", body, JsonNode.class,
                debtor, proceedings);
    }

    private static void assertRefused(ResponseEntity<JsonNode> refused, String field) {
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        List<String> fields = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly(field);
    }

    private UUID open(UUID debtor, ProceedingsKind kind) {
        return register.report(debtor, new ProceedingsReport(kind, JUDGMENT, "Tribunal de commerce de Lyon",
                "SELARL MJ Synergie", "15 rue Servient, 69003 Lyon", "mj@synergie.example", PUBLISHED, ReportedBy.PERSON, false)).getId();
    }

    private UUID debtor() {
        return customers.register(new NewCustomer("Menuiserie Perrin SAS " + TestData.invoiceNumber(), TestData.siren(), "FR", "fr",
                null, "4 rue des Tanneurs", "69001", "Lyon", List.of(new NewCustomer.NewContact("Mme Perrin", "Gérante",
                "compta@perrin.example", null, true, false, false)))).getId();
    }

    private String invoice(UUID customer, String issued, String due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), "EUR"));
        return number;
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }
}
