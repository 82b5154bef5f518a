package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A claim is born when the goods are delivered or the service rendered: an invoice's {@code deliveredOn}, when it gives
 * one, decides whether it was born before the opening judgment (declared and frozen) or after it; without it the
 * issue date stands for it. Judgment on Monday 2 March 2026, published on 12 March.
 */
@RecouvraTest
class ClaimBirthTest {

    private static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);

    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Api api;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDeliveryDateWhenGivenDecidesWhetherTheClaimWasBornBeforeTheJudgment() {
        moveTo(JUDGMENT);
        UUID debtor = customers.register(new NewCustomer("Menuiserie Perrin SAS " + TestData.invoiceNumber(), TestData.siren(), "FR",
                "fr", null, "4 rue des Tanneurs", "69001", "Lyon", List.of(new NewCustomer.NewContact("Mme Perrin", "Gérante",
                "compta@perrin.example", null, true, false, false)))).getId();
        // invoiced on the judgment's day for goods delivered on 25 February: born before
        String deliveredBefore = invoice(debtor, "2026-03-02", "2026-02-25");
        // invoiced in advance on 27 February for a service rendered on 4 March: born after
        String renderedAfter = invoice(debtor, "2026-02-27", "2026-03-04");
        // no delivery date: the issue date, 27 February, stands for it
        String issuedBefore = invoice(debtor, "2026-02-27", null);
        ResponseEntity<JsonNode> implausible = api.asAdmin().postForEntity("/api/v1/invoices", body(debtor, TestData.invoiceNumber(),
                "2026-02-27", "1900-01-01"), JsonNode.class);
        assertThat(implausible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(implausible.getBody().get("errors").get(0).get("field").asText()).isEqualTo("deliveredOn");

        moveTo(LocalDate.of(2026, 3, 12));
        UUID proceedings = register.report(debtor, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, JUDGMENT,
                "Tribunal de commerce de Lyon", "SELARL MJ Synergie", "15 rue Servient, 69003 Lyon", "mj@synergie.example",
                LocalDate.of(2026, 3, 12), ReportedBy.PERSON, false)).getId();

        JsonNode declaration = api.asAdmin().getForObject("/api/v1/insolvency-proceedings/{id}/declaration", JsonNode.class, proceedings);
        List<String> declared = new ArrayList<>();
        declaration.get("lines").forEach(line -> declared.add(line.get("invoiceNumber").asText()));
        assertThat(declared).containsExactlyInAnyOrder(deliveredBefore, issuedBefore);
        assertThat(invoices.get(deliveredBefore).isFrozenByInsolvency()).isTrue();
        assertThat(invoices.get(issuedBefore).isFrozenByInsolvency()).isTrue();
        assertThat(invoices.get(renderedAfter).isFrozenByInsolvency()).as("a claim born after the judgment follows its own rules").isFalse();
        JsonNode shown = api.asAdmin().getForObject("/api/v1/invoices/{number}", JsonNode.class, deliveredBefore);
        assertThat(shown.get("deliveredOn").asText()).isEqualTo("2026-02-25");
        assertThat(api.asAdmin().getForObject("/api/v1/invoices/{number}", JsonNode.class, issuedBefore).hasNonNull("deliveredOn"))
                .as("none given").isFalse();
    }

    private String invoice(UUID debtor, String issued, String delivered) {
        String number = TestData.invoiceNumber();
        ResponseEntity<JsonNode> created = api.asAdmin().postForEntity("/api/v1/invoices", body(debtor, number, issued, delivered),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return number;
    }

    private static Map<String, Object> body(UUID debtor, String number, String issued, String delivered) {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "customerId", debtor.toString(), "issueDate", issued,
                "dueDate", "2026-04-30", "amount", "1200.00", "currency", "EUR"));
        if (delivered != null) {
            body.put("deliveredOn", delivered);
        }
        return body;
    }
}
