package io.recouvra.messaging.channel;

import io.recouvra.messaging.Channel;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Registered letters with acknowledgement of receipt through a postal / e-registered-mail HTTP API:
 * the PDF goes up with the postal address, the provider prints, posts and tracks it. The outbox id is
 * the idempotency key and the reference, so a provider that saw the request can be asked about it.
 *
 * <pre>
 * POST {base}/v1/letters        {reference, service, recipient: {lines}, document: {contentType, content}}
 *                               -> 201 {id, status}
 * GET  {base}/v1/letters?reference=...  -> 200 {letters: [{id, status}]}
 * </pre>
 */
class PostalLetterChannel implements ChannelAdapter {

    static final String SERVICE = "REGISTERED_WITH_ACKNOWLEDGEMENT";

    private final RestClient postal;

    PostalLetterChannel(RestClient postal) {
        this.postal = postal;
    }

    record Accepted(String id, String status) {
    }

    record Found(List<Accepted> letters) {
    }

    @Override
    public Channel channel() {
        return Channel.LETTER;
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        try {
            Accepted accepted = postal.post().uri("/v1/letters")
                    .header("Idempotency-Key", message.id().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reference", message.id().toString(), "service", SERVICE,
                            "recipient", Map.of("lines", List.of(message.recipient().split("\n"))),
                            "document", Map.of("contentType", "application/pdf",
                                    "content", Base64.getEncoder().encodeToString(message.letter()))))
                    .retrieve()
                    .body(Accepted.class);
            return new SendOutcome.Sent(accepted.id());
        } catch (HttpClientErrorException e) {
            int status = e.getStatusCode().value();
            return status == 401 || status == 403 || status == 429
                    ? new SendOutcome.TemporaryFailure("postal API answered " + status)
                    : new SendOutcome.PermanentFailure("HTTP_" + status, e.getResponseBodyAsString());
        } catch (HttpServerErrorException e) {
            return new SendOutcome.Unknown("postal API answered " + e.getStatusCode().value());
        } catch (ResourceAccessException e) {
            return isConnectionRefused(e) ? new SendOutcome.TemporaryFailure("postal API unreachable: " + e.getMessage())
                    : new SendOutcome.Unknown("no answer from the postal API: " + e.getMessage());
        }
    }

    @Override
    public SendOutcome reconcile(OutboundMessage message) {
        try {
            Found found = postal.get().uri(uri -> uri.path("/v1/letters").queryParam("reference", message.id()).build())
                    .retrieve().body(Found.class);
            return found == null || found.letters() == null || found.letters().isEmpty()
                    ? new SendOutcome.TemporaryFailure("the postal API has no letter " + message.id())
                    : new SendOutcome.Sent(found.letters().get(0).id());
        } catch (RestClientException e) {
            return new SendOutcome.Unknown("cannot ask the postal API: " + e.getMessage());
        }
    }

    private static boolean isConnectionRefused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
