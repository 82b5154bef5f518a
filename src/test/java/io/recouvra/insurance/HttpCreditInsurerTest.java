package io.recouvra.insurance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.recouvra.insurance.CreditInsurer.Buyer;
import io.recouvra.insurance.CreditInsurer.ClaimStatus;
import io.recouvra.insurance.CreditInsurer.CoverStatus;
import io.recouvra.insurance.CreditInsurer.InsolvencyNotice;
import io.recouvra.insurance.CreditInsurer.InsurerRefusal;
import io.recouvra.insurance.CreditInsurer.InsurerUnavailable;
import io.recouvra.insurance.CreditInsurer.OverdueNotice;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real HTTP client against a local server answering as an insurer's API would, and failing as it can. */
class HttpCreditInsurerTest {

    private static final String POLICY = "/v1/policies/POL-1";
    private static final Buyer BUYER = new Buyer("732829320", "Boulangeries Martin SAS", "FR");
    private static final OverdueNotice NOTICE = new OverdueNotice(BUYER, "F-2026-0042", LocalDate.of(2026, 9, 30),
            LocalDate.of(2026, 10, 30), new BigDecimal("12000.00"), new BigDecimal("9500.00"), "EUR");
    private static final InsolvencyNotice INSOLVENCY = new InsolvencyNotice("RECEIVERSHIP", LocalDate.of(2026, 11, 16),
            "Tribunal des activités économiques de Lyon", "Maître Anne Rivière");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Generous, as in production: an answering fake is never taken for a silent one, however loaded the machine. */
    private final HttpCreditInsurer insurer = new HttpCreditInsurer(
            InsuranceConfiguration.client(api.baseUrl(), "insurer-key", Duration.ofSeconds(30)));

    @Test
    void aLimitRequestAndTheDecisionReadLater() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/limit-requests"))
                .withRequestBody(equalToJson("{\"amount\": 50000, \"currency\": \"EUR\"}", true, true))
                .willReturn(json(202, "{\"status\": \"REQUESTED\", \"decisionId\": \"LR-1\", \"currency\": \"EUR\"}")));
        api.stubFor(get(urlPathEqualTo(POLICY + "/buyers/732829320/cover")).willReturn(json(200, """
                {"status": "REDUCED", "amount": 30000, "currency": "EUR", "validFrom": "2026-11-01", "validTo": "2027-10-31",
                 "decisionId": "LR-1"}""")));

        assertThat(insurer.requestLimit("POL-1", BUYER, new BigDecimal("50000"), "EUR").status()).isEqualTo(CoverStatus.REQUESTED);
        CreditInsurer.CoverDecision cover = insurer.cover("POL-1", BUYER).orElseThrow();

        assertThat(cover.status()).isEqualTo(CoverStatus.REDUCED);
        assertThat(cover.amount()).isEqualByComparingTo("30000");
        assertThat(cover.validTo()).isEqualTo(LocalDate.of(2027, 10, 31));
        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/buyers/732829320/limit-requests"))
                .withHeader("X-Api-Key", equalTo("insurer-key")));
    }

    @Test
    void aWriteOffIsToldOnceWhateverTheRetries() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/overdue-notices/OD-7/write-off")).willReturn(aResponse().withStatus(204)));

        insurer.reportWriteOff("POL-1", "OD-7", new BigDecimal("9500.00"), "EUR", "written off by the creditor");

        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/overdue-notices/OD-7/write-off"))
                .withHeader("Idempotency-Key", equalTo("write-off-OD-7"))
                .withRequestBody(equalToJson("{\"amount\": 9500.00, \"currency\": \"EUR\", \"reason\": \"written off by the creditor\"}")));
    }

    @Test
    void insolvencyProceedingsAreToldOncePerJudgmentWithTheCourtAndTheRepresentative() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/insolvency-notices")).willReturn(aResponse().withStatus(202)));

        insurer.reportInsolvency("POL-1", BUYER, INSOLVENCY);

        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/buyers/732829320/insolvency-notices"))
                .withHeader("Idempotency-Key", equalTo("insolvency-732829320-2026-11-16"))
                .withHeader("X-Api-Key", equalTo("insurer-key"))
                .withRequestBody(equalToJson("""
                        {"buyerName": "Boulangeries Martin SAS", "country": "FR", "kind": "RECEIVERSHIP", "judgmentDate": "2026-11-16",
                         "court": "Tribunal des activités économiques de Lyon", "representative": "Maître Anne Rivière"}""")));
    }

    @Test
    void anInsolvencyWhoseCourtAndRepresentativeAreNotKnownIsToldWithoutThem() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/insolvency-notices")).willReturn(aResponse().withStatus(202)));

        insurer.reportInsolvency("POL-1", BUYER, new InsolvencyNotice("LIQUIDATION", LocalDate.of(2026, 11, 16), null, null));

        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/buyers/732829320/insolvency-notices")).withRequestBody(equalToJson("""
                {"buyerName": "Boulangeries Martin SAS", "country": "FR", "kind": "LIQUIDATION", "judgmentDate": "2026-11-16"}""")));
    }

    @Test
    void noCoverIsNoDecisionNotAFailure() {
        api.stubFor(get(urlPathEqualTo(POLICY + "/buyers/732829320/cover")).willReturn(json(404, "{\"message\": \"unknown buyer\"}")));

        assertThat(insurer.cover("POL-1", BUYER)).isEmpty();
    }

    @Test
    void anOverdueNoticeCarriesTheInvoiceAndAnIdempotencyKey() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/overdue-notices")).willReturn(json(201, "{\"noticeId\": \"ON-77\"}")));

        assertThat(insurer.declareOverdue("POL-1", NOTICE)).isEqualTo("ON-77");

        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/overdue-notices"))
                .withHeader("Idempotency-Key", equalTo("overdue-F-2026-0042"))
                .withRequestBody(equalToJson("""
                        {"buyer": {"registrationNumber": "732829320"}, "invoiceNumber": "F-2026-0042", "dueDate": "2026-10-30",
                         "outstanding": 9500.00, "currency": "EUR"}""", true, true)));
    }

    @Test
    void anExtensionGrantedOrRefused() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/extensions"))
                .withRequestBody(equalToJson("{\"newDueDate\": \"2026-12-30\"}", true, true))
                .willReturn(json(200, "{\"status\": \"GRANTED\", \"until\": \"2026-12-30\"}")));
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/extensions"))
                .withRequestBody(equalToJson("{\"newDueDate\": \"2027-06-30\"}", true, true))
                .willReturn(json(200, "{\"status\": \"REFUSED\", \"reason\": \"beyond the maximum extension\"}")));

        assertThat(insurer.requestExtension("POL-1", BUYER, "F-2026-0042", NOTICE.dueDate(), LocalDate.of(2026, 12, 30)))
                .isEqualTo(new CreditInsurer.ExtensionDecision(true, LocalDate.of(2026, 12, 30), null));
        assertThat(insurer.requestExtension("POL-1", BUYER, "F-2026-0042", NOTICE.dueDate(), LocalDate.of(2027, 6, 30)))
                .isEqualTo(new CreditInsurer.ExtensionDecision(false, null, "beyond the maximum extension"));
    }

    @Test
    void aClaimFiledThenDecided() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/claims")).willReturn(json(201, "{\"claimId\": \"CL-9\"}")));
        api.stubFor(get(urlPathEqualTo(POLICY + "/claims/CL-9")).willReturn(json(200,
                "{\"status\": \"INDEMNIFIED\", \"indemnity\": 8550.00, \"paidOn\": \"2027-03-15\"}")));
        api.stubFor(post(urlPathEqualTo(POLICY + "/overdue-notices/ON-77/payments")).willReturn(aResponse().withStatus(204)));

        assertThat(insurer.fileClaim("POL-1", "ON-77", new BigDecimal("8550.00"), "EUR")).isEqualTo("CL-9");
        CreditInsurer.ClaimDecision decision = insurer.claim("POL-1", "CL-9");
        insurer.reportPayment("POL-1", "ON-77", new BigDecimal("500.00"), "EUR", LocalDate.of(2027, 1, 5));

        assertThat(decision.status()).isEqualTo(ClaimStatus.INDEMNIFIED);
        assertThat(decision.indemnity()).isEqualByComparingTo("8550.00");
        assertThat(decision.paidOn()).isEqualTo(LocalDate.of(2027, 3, 15));
        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/claims")).withHeader("Idempotency-Key", equalTo("claim-ON-77")));
        api.stubFor(post(urlPathEqualTo(POLICY + "/buyers/732829320/disputes")).willReturn(aResponse().withStatus(202)));
        insurer.reportDispute("POL-1", BUYER, "F-2026-0042", "QUALITY");
        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/buyers/732829320/disputes"))
                .withRequestBody(equalToJson("{\"invoiceNumber\": \"F-2026-0042\", \"reason\": \"QUALITY\"}")));
        api.verify(postRequestedFor(urlPathEqualTo(POLICY + "/overdue-notices/ON-77/payments"))
                .withRequestBody(equalToJson("{\"amount\": 500.00, \"valueDate\": \"2027-01-05\"}", true, true)));
    }

    @Test
    void everyCallTellsARefusalFromAnInsurerThatCannotAnswer() {
        for (Call call : calls()) {
            api.resetAll();
            api.stubFor(call.stub().willReturn(json(422, "{\"message\": \"policy suspended\"}")));
            assertThatThrownBy(() -> call.run().accept(insurer)).as(call.name() + " 422")
                    .isInstanceOf(InsurerRefusal.class).hasMessageContaining("422").hasMessageContaining("policy suspended");

            for (int status : new int[] {429, 500, 503}) {
                api.resetAll();
                api.stubFor(call.stub().willReturn(json(status, "{}")));
                assertThatThrownBy(() -> call.run().accept(insurer)).as(call.name() + " " + status)
                        .isInstanceOf(InsurerUnavailable.class).hasMessageContaining(String.valueOf(status));
            }
        }
    }

    /**
     * The timeout against a server that accepts the connection and never answers (not a delay just above
     * the timeout, which a slow machine can blur): the short timeout is bound to run out, whatever the speed.
     */
    @Test
    void everyCallGivesUpOnAnInsurerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpCreditInsurer impatient = new HttpCreditInsurer(InsuranceConfiguration.client(
                    "http://127.0.0.1:" + silent.getLocalPort(), "insurer-key", Duration.ofMillis(300)));
            for (Call call : calls()) {
                assertThatThrownBy(() -> call.run().accept(impatient)).as(call.name() + " timeout")
                        .isInstanceOf(InsurerUnavailable.class).hasMessageContaining("no answer");
            }
        }
    }

    @Test
    void anAnswerWithoutWhatWasAskedForIsNotTakenForAYes() {
        api.stubFor(post(urlPathEqualTo(POLICY + "/overdue-notices")).willReturn(json(201, "{\"status\": \"ok\"}")));

        assertThatThrownBy(() -> insurer.declareOverdue("POL-1", NOTICE)).isInstanceOf(InsurerUnavailable.class)
                .hasMessageContaining("noticeId");
    }

    private record Call(String name, MappingBuilder stub, Consumer<HttpCreditInsurer> run) {
    }

    private static List<Call> calls() {
        return List.of(
                new Call("limit request", post(urlPathEqualTo(POLICY + "/buyers/732829320/limit-requests")),
                        i -> i.requestLimit("POL-1", BUYER, BigDecimal.TEN, "EUR")),
                new Call("cover", get(urlPathEqualTo(POLICY + "/buyers/732829320/cover")), i -> i.cover("POL-1", BUYER)),
                new Call("overdue notice", post(urlPathEqualTo(POLICY + "/overdue-notices")), i -> i.declareOverdue("POL-1", NOTICE)),
                new Call("extension", post(urlPathEqualTo(POLICY + "/buyers/732829320/extensions")),
                        i -> i.requestExtension("POL-1", BUYER, "F-2026-0042", NOTICE.dueDate(), NOTICE.dueDate().plusDays(30))),
                new Call("claim", post(urlPathEqualTo(POLICY + "/claims")),
                        i -> i.fileClaim("POL-1", "ON-77", BigDecimal.TEN, "EUR")),
                new Call("claim decision", get(urlPathEqualTo(POLICY + "/claims/CL-9")), i -> i.claim("POL-1", "CL-9")),
                new Call("payment report", post(urlPathEqualTo(POLICY + "/overdue-notices/ON-77/payments")),
                        i -> i.reportPayment("POL-1", "ON-77", BigDecimal.TEN, "EUR", NOTICE.dueDate())),
                new Call("dispute", post(urlPathEqualTo(POLICY + "/buyers/732829320/disputes")),
                        i -> i.reportDispute("POL-1", BUYER, "F-2026-0042", "QUALITY")),
                new Call("insolvency", post(urlPathEqualTo(POLICY + "/buyers/732829320/insolvency-notices")),
                        i -> i.reportInsolvency("POL-1", BUYER, INSOLVENCY)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
