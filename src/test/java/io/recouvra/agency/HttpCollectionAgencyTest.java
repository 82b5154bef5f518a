package io.recouvra.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real HTTP client against a local server answering as an agency's case API would, and failing as it can. */
class HttpCollectionAgencyTest {

    private static final UUID CASE_ID = UUID.fromString("5f0c2a8e-7d1b-4c55-9a43-0e6f1b2c3d4e");
    private static final CaseFile.Reference REFERENCE = new CaseFile.Reference(CASE_ID, "F-2026-0042");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Generous: an answering fake is never taken for a silent one, however loaded the machine. */
    private final HttpCollectionAgency agency = new HttpCollectionAgency("nord",
            AgencyConfiguration.client(api.baseUrl(), "agency-key", Duration.ofSeconds(30)));

    @Test
    void aCaseGoesOverWithTheDebtSplitTheHistoryAndTheLetters() {
        api.stubFor(post(urlPathEqualTo("/v1/cases")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\": \"NR-2026-118\"}")));

        assertThat(agency.transfer(caseFile())).isEqualTo("NR-2026-118");

        api.verify(postRequestedFor(urlPathEqualTo("/v1/cases"))
                .withHeader("X-Api-Key", equalTo("agency-key"))
                .withHeader("Idempotency-Key", equalTo("case-" + CASE_ID))
                .withRequestBody(equalToJson("""
                        {"reference": {"caseId": "%s", "invoiceNumber": "F-2026-0042"},
                         "amounts": {"currency": "EUR", "principal": 8000.00, "interest": 141.14, "indemnityEur": 40.00, "total": 8181.14},
                         "mandateEndsOn": "2027-03-23"}""".formatted(CASE_ID), true, true))
                .withRequestBody(matchingJsonPath("$.debtor.registrationNumber", equalTo("732829320")))
                .withRequestBody(matchingJsonPath("$.invoices[0].dueDate", equalTo("2026-10-01")))
                .withRequestBody(matchingJsonPath("$.history[0].summary", equalTo("Formal notice sent by registered letter")))
                .withRequestBody(matchingJsonPath("$.documents[0].content",
                        equalTo(Base64.getEncoder().encodeToString("%PDF-1.4 notice".getBytes(StandardCharsets.UTF_8))))));
    }

    @Test
    void directPaymentsAndRecallsCarryTheirIdempotencyKeys() {
        api.stubFor(post(urlPathEqualTo("/v1/cases/NR-2026-118/direct-payments")).willReturn(aResponse().withStatus(204)));
        api.stubFor(post(urlPathEqualTo("/v1/cases/NR-2026-118/recall")).willReturn(aResponse().withStatus(204)));

        agency.reportDirectPayment("NR-2026-118", REFERENCE, new BigDecimal("1000.00"), "EUR", LocalDate.of(2026, 12, 2));
        agency.recall("NR-2026-118", REFERENCE, "mandate expired on 2027-03-23");

        api.verify(postRequestedFor(urlPathEqualTo("/v1/cases/NR-2026-118/direct-payments"))
                .withHeader("Idempotency-Key", equalTo("direct-payment-" + CASE_ID + "-2026-12-02-1000.00"))
                .withRequestBody(equalToJson("{\"amount\": 1000.00, \"currency\": \"EUR\", \"paidOn\": \"2026-12-02\"}", true, true)));
        api.verify(postRequestedFor(urlPathEqualTo("/v1/cases/NR-2026-118/recall"))
                .withHeader("Idempotency-Key", equalTo("recall-" + CASE_ID))
                .withRequestBody(equalToJson("{\"reason\": \"mandate expired on 2027-03-23\"}", true, true)));
    }

    @Test
    void refusalsOutagesTimeoutsAndAnswersWithoutAReferenceFailTheStepForItsRetries() throws IOException {
        api.stubFor(post(urlPathEqualTo("/v1/cases/R-422/recall")).willReturn(aResponse().withStatus(422).withBody("{\"message\":\"unknown case\"}")));
        api.stubFor(post(urlPathEqualTo("/v1/cases/R-503/recall")).willReturn(aResponse().withStatus(503)));
        api.stubFor(post(urlPathEqualTo("/v1/cases")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        assertThatThrownBy(() -> agency.recall("R-422", REFERENCE, "paid")).isInstanceOf(CollectionAgency.AgencyUnavailable.class)
                .hasMessageContaining("422").hasMessageContaining("unknown case");
        assertThatThrownBy(() -> agency.recall("R-503", REFERENCE, "paid")).isInstanceOf(CollectionAgency.AgencyUnavailable.class)
                .hasMessageContaining("503");
        // a server that takes the connection and never answers: the short timeout runs out whatever the machine's speed
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpCollectionAgency impatient = new HttpCollectionAgency("nord",
                    AgencyConfiguration.client("http://127.0.0.1:" + silent.getLocalPort(), "agency-key", Duration.ofMillis(300)));
            assertThatThrownBy(() -> impatient.recall("R-slow", REFERENCE, "paid")).isInstanceOf(CollectionAgency.AgencyUnavailable.class)
                    .hasMessageContaining("no usable answer");
        }
        assertThatThrownBy(() -> agency.transfer(caseFile())).isInstanceOf(CollectionAgency.AgencyUnavailable.class)
                .hasMessageContaining("without a reference");
    }

    static CaseFile caseFile() {
        return new CaseFile(REFERENCE,
                new CaseFile.Creditor("Recouvra Demo SAS", "1 place de la Bourse, 75002 Paris", "FR76 3000", "AGRIFRPPXXX",
                        "recouvrement@recouvra.example", "+33 1 23 45 67 89"),
                new CaseFile.Debtor("Boulangeries Martin SAS", "732829320", "3 rue du Port", "44000", "Nantes", "FR",
                        List.of(new CaseFile.Contact("Compta", null, "compta@example.org", "+33612345678"))),
                List.of(new CaseFile.InvoiceLine("F-2026-0042", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1),
                        new BigDecimal("8000.00"), new BigDecimal("8000.00"), "EUR")),
                new CaseFile.Amounts("EUR", new BigDecimal("8000.00"), new BigDecimal("141.14"), new BigDecimal("40.00"),
                        new BigDecimal("8181.14")),
                LocalDate.of(2027, 3, 23),
                List.of(new CaseFile.HistoryEntry(Instant.parse("2026-11-02T09:00:00Z"), "LETTER", "OUTBOUND", "MESSAGE_SENT",
                        "Formal notice sent by registered letter")),
                List.of(new CaseFile.Document("formal-notice-1.pdf", "application/pdf", "%PDF-1.4 notice".getBytes(StandardCharsets.UTF_8))));
    }
}
