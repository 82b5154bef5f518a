package io.recouvra.messaging.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.LetterRenderer;
import java.time.Duration;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The production letter adapter against a local server speaking the postal API, and PDF rendering. */
class PostalLetterChannelTest {

    @RegisterExtension
    static final WireMockExtension postal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final byte[] pdf = new LetterRenderer().pdf("""
            <html><head><meta charset="UTF-8"/><style>@page { size: A4; margin: 20mm }</style></head>
            <body><h1>Mise en demeure de payer</h1><p>Principal : 1 234,56 €</p></body></html>""");
    private final OutboundMessage letter = new OutboundMessage(UUID.randomUUID(), Channel.LETTER,
            "Boulangeries Martin SAS\n12 rue de la République\n69002 Lyon\nFR", "Mise en demeure", "text", null, pdf);

    @Test
    void lettersRenderToPdfWithTheirText() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Mise en demeure de payer")
                    .contains("1 234,56 €");
        }
    }

    @Test
    void aLetterIsPostedOnceWithItsAddressPdfAndIdempotencyKey() {
        postal.stubFor(post(urlPathEqualTo("/v1/letters")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"LTR-42\", \"status\": \"ACCEPTED\"}")));

        SendOutcome outcome = channel().send(letter);

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("LTR-42"));
        postal.verify(1, postRequestedFor(urlPathEqualTo("/v1/letters"))
                .withHeader("Authorization", equalTo("Bearer secret-key"))
                .withHeader("Idempotency-Key", equalTo(letter.id().toString()))
                .withRequestBody(matchingJsonPath("$.service", equalTo("REGISTERED_WITH_ACKNOWLEDGEMENT")))
                .withRequestBody(matchingJsonPath("$.recipient.lines[2]", equalTo("69002 Lyon")))
                .withRequestBody(matchingJsonPath("$.document.content", containing("JVBERi0"))));
    }

    @Test
    void refusalsAndServerErrorsAreTold() {
        postal.stubFor(post(urlPathEqualTo("/v1/letters")).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\": \"address not deliverable\"}")));
        assertThat(channel().send(letter)).isInstanceOf(SendOutcome.PermanentFailure.class);

        postal.resetAll();
        postal.stubFor(post(urlPathEqualTo("/v1/letters")).willReturn(aResponse().withStatus(502)));
        assertThat(channel().send(letter)).isInstanceOf(SendOutcome.Unknown.class);
        postal.verify(1, postRequestedFor(urlPathEqualTo("/v1/letters")));
    }

    @Test
    void anUncertainLetterIsLookedUpByItsReference() {
        postal.stubFor(get(urlPathEqualTo("/v1/letters")).withQueryParam("reference", equalTo(letter.id().toString()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"letters\": [{\"id\": \"LTR-7\", \"status\": \"PRINTED\"}]}")));

        assertThat(channel().reconcile(letter)).isEqualTo(new SendOutcome.Sent("LTR-7"));
    }

    private RestClient.Builder client() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(2));
        return RestClient.builder().baseUrl(postal.baseUrl()).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer secret-key");
    }

    private PostalLetterChannel channel() {
        return new PostalLetterChannel(client().build());
    }
}
