package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Camunda webapps as Recouvra serves them: the French locale files and the configuration that offers them,
 * and the page a signed-in user gets instead of Cockpit or Admin when her groups may not open them.
 */
@RecouvraTest
class WebappsInFrenchTest {

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void users() {
        user("corinne", RecouvraGroups.COLLECTORS);
        user("maxime", RecouvraGroups.MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        identity.deleteUser("corinne");
        identity.deleteUser("maxime");
    }

    @Test
    void eachWebappOffersFrenchBesideEnglishAndServesItsFrenchLabels() throws Exception {
        HttpClient browser = browser();
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            HttpResponse<String> config = get(browser, "/camunda/app/" + app + "/scripts/config.js", "fr-FR");
            assertThat(config.statusCode()).as(app).isEqualTo(200);
            assertThat(config.body()).as(app).contains("availableLocales: ['en', 'fr']", "fallbackLocale: 'en'");
            HttpResponse<String> french = get(browser, "/camunda/app/" + app + "/locales/fr.json", "fr-FR");
            assertThat(french.statusCode()).as(app).isEqualTo(200);
        }
        assertThat(get(browser, "/camunda/app/tasklist/locales/fr.json", "fr-FR").body())
                .contains("\"CLAIM_TASK\": \"Prendre\"", "\"COMPLETE\": \"Terminer\"");
        assertThat(get(browser, "/camunda/app/tasklist/scripts/config.js", "fr-FR").body())
                .as("the webjar's keyboard shortcuts are kept").contains("claimTask", "ctrl+alt+c");
    }

    @Test
    void aCollectorOpeningCockpitOrAdminIsToldInHerLanguageWhichGroupsMayOpenThem() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "corinne");

        HttpResponse<String> cockpit = get(browser, "/camunda/app/cockpit/default/", "fr-FR,fr;q=0.9");
        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(cockpit.body()).contains("<html lang=\"fr\">", "Cockpit est réservé à certains groupes",
                        "<strong>corinne</strong>", "<li>Administrators (admins)</li>", "<li>Managers (managers)</li>",
                        "<li>Camunda administrators (camunda-admin)</li>", "Retour à Tasklist")
                .doesNotContain("Whitelabel", "<li>Collectors");

        HttpResponse<String> admin = get(browser, "/camunda/app/admin/default/", "en-GB,en;q=0.9");
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("<html lang=\"en\">", "Admin is open to some groups only", "<li>Administrators (admins)</li>",
                "<li>Camunda administrators (camunda-admin)</li>", "Back to Tasklist").doesNotContain("Managers (managers)");
    }

    @Test
    void aManagerOpensCockpitAndOtherRefusalsKeepTheirUsualAnswer() throws Exception {
        HttpClient manager = browser();
        signIn(manager, "maxime");
        assertThat(get(manager, "/camunda/app/cockpit/default/", "fr-FR").statusCode()).isEqualTo(200);

        // a refusal elsewhere is not this page: the webapps' first-user setup stays shut as before
        HttpResponse<String> setup = manager.send(HttpRequest.newBuilder(uri("/camunda/api/admin/setup/default/user/create"))
                .header("Accept", "text/html").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).doesNotContain("réservé à certains groupes");
    }

    // ---- helpers

    private void user(String id, String group) {
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What Tasklist's login page does: load the app (session and CSRF cookie), then post the credentials. */
    private void signIn(HttpClient browser, String user) throws IOException, InterruptedException {
        get(browser, "/camunda/app/tasklist/default/", "fr-FR");
        String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=secret-" + user;
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }

    private HttpResponse<String> get(HttpClient browser, String path, String languages) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", languages).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(api.anonymous().getRootUri() + path);
    }
}
