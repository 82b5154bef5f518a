package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session on the dashboard without the browser: its cookies, no redirect followed, the {@code _csrf} field
 * read from the last page that had a form.
 */
final class DashboardSession {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrf;

    DashboardSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Opens the login page and logs in with its form; answers the login's response (a redirect). */
    HttpResponse<String> logIn(String user, String password) {
        get("/dashboard/login");
        return post("/dashboard/login", Map.of("username", user, "password", password));
    }

    HttpResponse<String> get(String path) {
        return get(path, "fr");
    }

    HttpResponse<String> get(String path, String acceptLanguage) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage).GET());
        Matcher field = HIDDEN_CSRF.matcher(response.body());
        if (field.find()) {
            csrf = field.group(1).replace("&#45;", "-");
        }
        return response;
    }

    /** Posts a form with the CSRF field of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        assertThat(csrf).as("a page with a form was read first").isNotNull();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return postWithoutCsrf(path, withToken);
    }

    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
