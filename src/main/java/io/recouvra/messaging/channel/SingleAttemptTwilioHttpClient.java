package io.recouvra.messaging.channel;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's HTTP client, made to try exactly once. The SDK repeats a request that gets a 5xx
 * ({@code reliableRequest}) and Apache HttpClient repeats one whose connection broke: either way one
 * reminder could reach a phone several times. Here a request goes out once and the outbox decides.
 *
 * <p>Requests can be rebased from {@code https://api.twilio.com} to another base URL (a Twilio-speaking
 * test server, a recording proxy); the SDK itself has no setting for that.
 */
class SingleAttemptTwilioHttpClient extends NetworkHttpClient {

    static final String TWILIO_API = "https://api.twilio.com";

    private final URI baseUrl;

    /**
     * @param timeout how long to wait for Twilio's answer. The SDK sets connect timeouts on every request
     *                but no response timeout, so the connection's socket timeout is what bounds a call.
     */
    SingleAttemptTwilioHttpClient(URI baseUrl, Duration timeout) {
        super(HttpClientBuilder.create()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout))
                                .setSocketTimeout(Timeout.of(timeout))
                                .build())
                        .build()));
        this.baseUrl = baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delay) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(URI.create(TWILIO_API).equals(baseUrl) ? request : rebased(request));
    }

    private Request rebased(Request request) {
        URL url = request.constructURL();
        String path = url.getPath();
        Request copy = new Request(request.getMethod(), baseUrl.resolve(path).toString());
        copy.setAuth(request.getUsername(), request.getPassword());
        copyInto(request.getQueryParams(), copy::addQueryParam);
        copyInto(request.getPostParams(), copy::addPostParam);
        copyInto(request.getHeaderParams(), copy::addHeaderParam);
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        return copy;
    }

    private static void copyInto(Map<String, List<String>> params, BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
