package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.Api;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Lock-out is no denial of service. Each test speaks from its own client addresses (documentation addresses 203.0.113.x,
 * given as a proxy gives them, in X-Forwarded-For: the server believes it from a local proxy); the engine's clock is frozen so that its backoff does not end while a slow machine runs the
 * test. Its own context, with a throttle of 3 failures, so that the other tests' wrong passwords never count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "recouvra.security.login-throttle.failures=3")
@ActiveProfiles("test")
@Import(Api.class)
class LoginLockoutTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    AccessSetup accessSetup;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aManagerAndAFrozenClock() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        StaffFixtures.user(identity, "ines", RecouvraGroups.MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        identity.deleteUser("ines");
        identity.unlockUser(Api.ADMIN);
        ClockUtil.reset();
    }

    @Test
    void aGuesserIsStoppedAtItsAddressAndTheUserGetsInFromAnotherAfterTheBackoff() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(get("203.0.113.2", "/api/v1/invoices", "ines", "guess-" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = get("203.0.113.2", "/api/v1/invoices", "ines", "secret-ines");
        assertThat(refused.statusCode()).as("the guesser's address, even with the right password").isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElseThrow()).isPositive();
        assertThat(get("203.0.113.2", "/engine-rest/task", "ines", "secret-ines").statusCode())
                .as("the engine REST API is the same door").isEqualTo(429);

        // three failures: the engine keeps her out 3 x 2^2 = 12 s (its backoff), from everywhere
        assertThat(get("203.0.113.3", "/api/v1/invoices", "ines", "secret-ines").statusCode()).isEqualTo(401);
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(13)));
        assertThat(get("203.0.113.3", "/api/v1/invoices", "ines", "secret-ines").statusCode()).isEqualTo(200);
    }

    @Test
    void noNumberOfFailuresLocksAUserForGood() {
        // guessers from many addresses: each failure reaches the engine; its backoff never exceeds 60 s
        Instant clock = NOW;
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(identity.checkPassword("ines", "guess-" + attempt)).isFalse();
            clock = clock.plusSeconds(61);
            ClockUtil.setCurrentTime(Date.from(clock));
        }
        assertThat(identity.checkPassword("ines", "secret-ines"))
                .as("the engine's default locks for good after 10 failures; Recouvra's does not").isTrue();
    }

    @Test
    void theWebappsLoginIsThrottledToo() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(webappLogin("203.0.113.4", "ines", "guess-" + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(webappLogin("203.0.113.4", "ines", "secret-ines").statusCode()).isEqualTo(429);
    }

    @Test
    void theDashboardsLoginIsThrottledToo() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpResponse<String> failed = dashboardLogin("203.0.113.7", "ines", "guess-" + attempt);
            assertThat(failed.statusCode()).as("the form sent back with its error").isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("/dashboard/login?error");
        }
        assertThat(dashboardLogin("203.0.113.7", "ines", "secret-ines").statusCode()).isEqualTo(429);
    }

    @Test
    void aSecondAdminUnlocksAUserAtOnce() throws Exception {
        assertThat(get("203.0.113.5", "/api/v1/invoices", "ines", "guess").statusCode()).isEqualTo(401);
        assertThat(get("203.0.113.5", "/api/v1/invoices", "ines", "secret-ines").statusCode()).as("in the backoff").isEqualTo(401);

        HttpResponse<String> unlock = http.send(request("203.0.113.6", "/engine-rest/user/ines/unlock", Api.ADMIN, Api.ADMIN_PASSWORD)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unlock.statusCode()).isEqualTo(204);
        assertThat(get("203.0.113.5", "/api/v1/invoices", "ines", "secret-ines").statusCode()).isEqualTo(200);
    }

    @Test
    void restartingRecouvraLetsTheConfiguredAdminInAgain() {
        assertThat(identity.checkPassword(Api.ADMIN, "guess")).isFalse();
        assertThat(identity.checkPassword(Api.ADMIN, Api.ADMIN_PASSWORD)).as("in the backoff").isFalse();

        accessSetup.setUp();

        assertThat(identity.checkPassword(Api.ADMIN, Api.ADMIN_PASSWORD)).isTrue();
    }

    private HttpResponse<String> get(String address, String path, String user, String password) throws Exception {
        return http.send(request(address, path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the dashboard's login page does: its session and the CSRF token of its form, then the form's post. */
    private HttpResponse<String> dashboardLogin(String address, String user, String password) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/login"))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login form carries its CSRF token").isTrue();
        String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/login"))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As Tasklist's login page does: a session and its CSRF token from the page, then the login form's post. */
    private HttpResponse<String> webappLogin(String address, String user, String password) throws Exception {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.discarding());
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        String form = "username=" + user + "&password=" + password;
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("X-Forwarded-For", address)
                .header("X-XSRF-TOKEN", csrfToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String address, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address)
                .header("Authorization", "Basic " + credentials);
    }
}
