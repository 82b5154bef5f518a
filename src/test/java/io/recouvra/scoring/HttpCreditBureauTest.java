package io.recouvra.scoring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The real HTTP client against a local server answering as a bureau would, in every way it can fail. */
class HttpCreditBureauTest {

    private static final String COMPANY = "/v1/companies/732829320";

    @RegisterExtension
    static final WireMockExtension bureau = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aKnownCompanyComesBackWithItsRatingAndAccounts() {
        bureau.stubFor(get(urlPathEqualTo(COMPANY)).willReturn(json(200, """
                {"registrationNumber": "732829320", "companyName": "Boulangeries Martin SAS", "score": 72,
                 "rating": "B+", "ratingDate": "2026-10-01", "insolvencyProceedings": false,
                 "financials": {"closingDate": "2025-12-31", "equity": 850000, "netDebt": 420000,
                   "totalAssets": 2100000, "totalDebts": 1250000, "revenue": 4800000, "ebitda": 510000,
                   "currentAssets": 900000, "currentLiabilities": 600000}}""")));

        BureauAnswer answer = client(Duration.ofSeconds(30)).lookUp("732829320");

        assertThat(answer).isInstanceOf(BureauAnswer.Found.class);
        BureauReport report = ((BureauAnswer.Found) answer).report();
        assertThat(report.score()).isEqualTo(72);
        assertThat(report.financials().equity()).isEqualByComparingTo("850000");
        bureau.verify(1, getRequestedFor(urlPathEqualTo(COMPANY)).withHeader("X-Api-Key", equalTo("bureau-key")));
    }

    @Test
    void anUnknownCompanyIsSaidSoAndNotAskedTwice() {
        bureau.stubFor(get(urlPathEqualTo(COMPANY)).willReturn(json(404, "{\"error\": \"not found\"}")));

        assertThat(client(Duration.ofSeconds(30)).lookUp("732829320"))
                .isEqualTo(new BureauAnswer.UnknownCompany("732829320"));
        bureau.verify(1, getRequestedFor(urlPathEqualTo(COMPANY)));
    }

    @Test
    void aRateLimitOrServerErrorIsTriedAgainThenReportedUnavailable() {
        for (int status : new int[] {429, 500, 503}) {
            bureau.resetAll();
            bureau.stubFor(get(urlPathEqualTo(COMPANY)).willReturn(json(status, "{}")));

            BureauAnswer answer = client(Duration.ofSeconds(30)).lookUp("732829320");

            assertThat(answer).as("status " + status).isInstanceOf(BureauAnswer.Unavailable.class);
            assertThat(((BureauAnswer.Unavailable) answer).reason()).contains(String.valueOf(status));
            bureau.verify(3, getRequestedFor(urlPathEqualTo(COMPANY)));
        }
    }

    @Test
    void aPassingServerErrorIsRecoveredByTheNextAttempt() {
        bureau.stubFor(get(urlPathEqualTo(COMPANY)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(503, "{}")).willSetStateTo("up"));
        bureau.stubFor(get(urlPathEqualTo(COMPANY)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json(200, "{\"registrationNumber\": \"732829320\", \"score\": 55}")));

        assertThat(client(Duration.ofSeconds(30)).lookUp("732829320")).isInstanceOf(BureauAnswer.Found.class);
        bureau.verify(2, getRequestedFor(urlPathEqualTo(COMPANY)));
    }

    @Test
    void aTimeoutIsReportedUnavailable() throws IOException {
        BureauAnswer answer;
        // a server that takes the connection and never answers: the short timeout runs out whatever the machine's speed
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            answer = client("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300)).lookUp("732829320");
        }

        assertThat(answer).isInstanceOf(BureauAnswer.Unavailable.class);
        assertThat(((BureauAnswer.Unavailable) answer).reason()).contains("no answer");
    }

    @Test
    void aMalformedReplyIsReportedUnavailableWithoutPayingForItAgain() {
        bureau.stubFor(get(urlPathEqualTo(COMPANY)).willReturn(json(200, "{\"score\": \"seventy\", ")));

        BureauAnswer answer = client(Duration.ofSeconds(30)).lookUp("732829320");

        assertThat(answer).isInstanceOf(BureauAnswer.Unavailable.class);
        assertThat(((BureauAnswer.Unavailable) answer).reason()).contains("malformed");
        bureau.verify(1, getRequestedFor(urlPathEqualTo(COMPANY)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static HttpCreditBureau client(Duration timeout) {
        return client(bureau.baseUrl(), timeout);
    }

    private static HttpCreditBureau client(String baseUrl, Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return new HttpCreditBureau(RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeader("X-Api-Key", "bureau-key").build(), 3, Duration.ofMillis(10));
    }
}
