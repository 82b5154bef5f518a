package io.recouvra.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.receivables.RegistrationNumbers;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@RecouvraTest
class ScoringTest {

    @Autowired
    Api api;
    @Autowired
    Scoring scoring;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aLatePayerIsScoredFromItsLedgerAndTheBureauAndEveryFactorIsExplained() {
        UUID customer = customer(TestData.siren());
        LocalDate today = LocalDate.now(clock);
        // two invoices paid 20 and 40 days late, one open and overdue
        paidLate(customer, today.minusDays(120), "1000.00", 20);
        paidLate(customer, today.minusDays(90), "1000.00", 40);
        invoice(customer, today.minusDays(10), "500.00");

        var created = api.asAdmin().postForEntity("/api/v1/customers/" + customer + "/scores", null, JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode score = created.getBody();
        JsonNode factors = score.get("factors");
        assertThat(factor(factors, "DAYS_LATE").get("value").asDouble()).isEqualTo(30.0);
        assertThat(factor(factors, "SHARE_LATE").get("value").asDouble()).isEqualTo(1.0);
        assertThat(factor(factors, "OVERDUE_SHARE").get("value").asDouble()).isEqualTo(1.0);
        assertThat(factor(factors, "BROKEN_PROMISES").get("note").asText()).contains("no promise to pay");
        assertThat(factor(factors, "BUREAU_SCORE").get("value").isNumber()).isTrue();
        int sum = StreamSupport.stream(factors.spliterator(), false).mapToInt(f -> f.get("points").asInt()).sum();
        assertThat(sum).as("the breakdown adds up to the score").isEqualTo(score.get("score").asInt());
        assertThat(score.get("bureau").asText()).startsWith("rating ");

        JsonNode[] history = api.asAdmin().getForEntity("/api/v1/customers/" + customer + "/scores", JsonNode[].class).getBody();
        assertThat(history).hasSize(1);
        assertThat(history[0].get("riskClass").asText()).isEqualTo(score.get("riskClass").asText());
    }

    @Test
    void theBureauIsAskedOnceWithinTheReportsLifetime() {
        String siren = TestData.siren();
        UUID customer = customer(siren);

        scoring.score(customer);
        scoring.score(customer);

        assertThat(jdbc.queryForObject("select count(*) from recouvra.bureau_report where registration_number = ?",
                Integer.class, siren)).isEqualTo(1);
        assertThat(scoring.history(customer, 10)).hasSize(2);
    }

    @Test
    void aCompanyUnknownToTheBureauIsScoredOnWhatIsKnownAndSaysSo() {
        UUID customer = customer(RegistrationNumbers.sirenFrom("99912345"));

        CreditScore score = scoring.score(customer);

        assertThat(score.getBureau()).isEqualTo("unknown to the bureau");
        assertThat(score.getScore()).as("nothing known: neutral").isEqualTo(50);
        assertThat(score.getRiskClass()).isEqualTo(RiskClass.C);
        assertThat(score.getFactors()).filteredOn(f -> f.factor() == Factor.GEARING).singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo("unknown to the bureau"));
    }

    @Test
    void negativeEquityCountsAsTheWorstGearing() {
        Map<Factor, Double> inputs = new EnumMap<>(Factor.class);
        Map<Factor, String> unknown = new EnumMap<>(Factor.class);
        Scoring.financialRatios(new BureauReport.Financials(null, new BigDecimal("-50000"), new BigDecimal("200000"),
                new BigDecimal("400000"), new BigDecimal("450000"), new BigDecimal("900000"), new BigDecimal("10000"),
                new BigDecimal("100000"), new BigDecimal("150000")), inputs, unknown);

        assertThat(inputs.get(Factor.GEARING)).isEqualTo(Scoring.NO_EQUITY_GEARING);
        assertThat(unknown.get(Factor.GEARING)).isEqualTo("negative equity");
        assertThat(inputs.get(Factor.SOLVENCY)).isCloseTo(0.889, offset(0.001));
    }

    private UUID customer(String siren) {
        return customers.register(new NewCustomer("Scored SA " + siren, siren, null, null, null, null, null, null,
                List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private void paidLate(UUID customer, LocalDate due, String amount, int daysLate) {
        String number = invoice(customer, due, amount);
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", due.plusDays(daysLate), "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }

    private static JsonNode factor(JsonNode factors, String name) {
        return StreamSupport.stream(factors.spliterator(), false)
                .filter(f -> name.equals(f.path("factor").asText())).findFirst().orElseThrow();
    }
}
