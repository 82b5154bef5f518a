package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Promising and disputing on the portal over HTTP, on the real application: what each form stores, what it refuses
 * (with a sentence, nothing stored), CSRF, and what a debtor typed shown back as text. The day is Wednesday
 * 25 November 2026; a customer's invoices are registered, assessed and under dunning before each test acts.
 */
@PortalTest
class PortalPromiseDisputeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final byte[] PDF = "%PDF-1.4\n% a delivery note\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void today() {
        EngineClock.moveTo(TODAY);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- promise to pay

    @Test
    void aPromiseFromThePortalIsKeptAndTheInvoiceShowsPaiementPromis() throws Exception {
        UUID customer = debtor("Boulangeries Martin SAS");
        String number = underDunning(customer, "1234.56");
        String token = tokens.issue(customer, Purpose.VIEW);
        Page form = get("/portal/" + token + "/promise");
        assertThat(form.status()).isEqualTo(200);
        // CallPolicy: 90 days at most from 25 November 2026, so 23 February 2027
        assertThat(form.body()).contains("Promettre de payer", number, "Au plus tard le 23 févr. 2027", "max=\"2027-02-23\"");

        HttpResponse<String> sent = post(form, "/portal/" + token + "/promise", Map.of("scope", "ALL",
                "promisedDate", "2026-12-04", "promisedAmount", "1 234,56"));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/portal/" + token + "?lang=fr#invoices");
        assertThat(jdbc.queryForObject("select amount from recouvra.promise_to_pay where customer_id = ? and made_via = 'PORTAL'",
                BigDecimal.class, customer)).isEqualByComparingTo("1234.56");
        assertThat(get("/portal/" + token).body()).contains("Paiement promis pour le 4 déc. 2026");
        assertThat(get("/portal/" + token + "?lang=en").body()).contains("Payment promised for 4 Dec 2026");
        assertThat(trail(customer)).anyMatch(entry -> entry.startsWith("PROMISE_TO_PAY PORTAL debtor via portal link "));
        assertThat(get("/portal/" + token + "/promise").body()).as("one promise at a time")
                .contains("Vous avez déjà promis de payer pour le 4 déc. 2026").doesNotContain("id=\"promise\"");
    }

    @Test
    void aPromiseBeyondThePolicysLimitIsTheFormAgainWithASentenceAndNothingStored() throws Exception {
        UUID customer = debtor("Garage Lointain");
        underDunning(customer, "500.00");
        String token = tokens.issue(customer, Purpose.VIEW);
        Page form = get("/portal/" + token + "/promise");

        HttpResponse<String> refused = post(form, "/portal/" + token + "/promise", Map.of("scope", "ALL",
                "promisedDate", "2027-02-24", "promisedAmount", "500,01"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("La date doit être au plus tard le 23 févr. 2027 ; au-delà, demandez un échéancier.",
                "Le montant dépasse ce qui reste dû sur ces factures (500,00", "value=\"500,01\"", "aria-invalid=\"true\"");
        assertThat(promises(customer)).isZero();
    }

    @Test
    void anotherCustomersInvoiceIsRefusedAndNothingStored() throws Exception {
        UUID customer = debtor("Menuiserie Leroy");
        underDunning(customer, "300.00");
        String foreign = underDunning(debtor("Autre Client"), "900.00");
        String token = tokens.issue(customer, Purpose.VIEW);

        HttpResponse<String> promise = post(get("/portal/" + token + "/promise"), "/portal/" + token + "/promise",
                Map.of("scope", "CHOSEN", "invoices", foreign, "promisedDate", "2026-12-04", "promisedAmount", "100"));
        HttpResponse<String> dispute = postMultipart(get("/portal/" + token + "/disputes"), "/portal/" + token + "/disputes",
                Map.of("invoices", foreign, "reason", "PRICE", "description", "not ours"), "note.pdf", PDF);

        assertThat(promise.statusCode()).isEqualTo(422);
        assertThat(promise.body()).contains("La facture " + foreign + " n&#39;est pas une de vos factures à régler.");
        assertThat(dispute.statusCode()).isEqualTo(422);
        assertThat(dispute.body()).contains("La facture " + foreign + " n&#39;est pas une de vos factures à régler.");
        assertThat(promises(customer)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from recouvra.dispute d join recouvra.invoice i on i.id = d.invoice_id "
                + "where i.number = ?", Integer.class, foreign)).isZero();
    }

    @Test
    void everyFormIsRefusedWithoutItsCsrfToken() throws Exception {
        UUID customer = debtor("Garage Sans Jeton");
        String number = underDunning(customer, "200.00");
        String token = tokens.issue(customer, Purpose.VIEW);

        HttpResponse<String> promise = http.send(HttpRequest.newBuilder(url("/portal/" + token + "/promise"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("scope=ALL&promisedDate=2026-12-04&promisedAmount=200")).build(),
                HttpResponse.BodyHandlers.ofString());
        Page withCookieOnly = get("/portal/" + token + "/disputes");
        HttpResponse<String> dispute = http.send(multipart(url("/portal/" + token + "/disputes"), withCookieOnly.cookie(), null,
                Map.of("invoices", number, "reason", "PRICE", "description", "too dear"), "note.pdf", PDF),
                HttpResponse.BodyHandlers.ofString());

        assertThat(promise.statusCode()).isEqualTo(403);
        assertThat(dispute.statusCode()).isEqualTo(403);
        assertThat(promises(customer)).isZero();
        assertThat(disputes(customer)).isZero();
    }

    @Test
    void theStylesheetKeepsThePagesCsrfToken() throws Exception {
        String token = tokens.issue(debtor("Garage Feuille De Style"), Purpose.VIEW);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/portal/" + token + "/promise")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RECOUVRA-PORTAL-CSRF="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("Path=/portal;").contains("HttpOnly").contains("SameSite=Strict");

        // the cookie's path leaves the style sheet out, so the browser asks for it with no cookie: it must mint no
        // token of its own, which would replace the one the page's forms hold
        HttpResponse<String> stylesheet = http.send(HttpRequest.newBuilder(url("/portal-assets/portal.css")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("RECOUVRA-PORTAL-CSRF="));
    }

    // ---- dispute

    @Test
    void aDisputeFromThePortalStartsDisputeMediationWithItsDocumentAndIsFollowed() throws Exception {
        UUID customer = debtor("Transports Girard");
        String number = underDunning(customer, "780.00");
        String token = tokens.issue(customer, Purpose.VIEW);
        Page page = get("/portal/" + token + "/disputes");
        assertThat(page.body()).contains("Contester une facture", number, "Vous n&#39;avez contesté aucune facture.");

        HttpResponse<String> sent = postMultipart(page, "/portal/" + token + "/disputes", Map.of("invoices", number,
                "reason", "DELIVERY", "description", "Livré <script>alert('x')</script> incomplet"),
                "<script>bon</script>.pdf", PDF);

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DisputeMediation").processInstanceBusinessKey(number)
                .count()).isEqualTo(1);
        Map<String, Object> dispute = jdbc.queryForMap("""
                select d.reason, d.raised_via, d.description, a.filename, a.content_type, a.uploaded_by
                from recouvra.dispute d join recouvra.dispute_attachment a on a.dispute_id = d.id where d.customer_id = ?""", customer);
        assertThat(dispute).containsEntry("reason", "DELIVERY").containsEntry("raised_via", "PORTAL")
                .containsEntry("filename", "<script>bon</script>.pdf").containsEntry("content_type", "application/pdf");
        assertThat((String) dispute.get("uploaded_by")).startsWith("debtor via portal link ");
        // DisputePolicy: 5 business days from Wednesday 25 November 2026: 26, 27, 30 November, 1 and 2 December
        assertThat(jdbc.queryForObject("""
                select parameters ->> 'responseDate' from recouvra.outbox_message
                where customer_id = ? and kind = 'DISPUTE_RECEIVED'""", String.class, customer)).isEqualTo("2 décembre 2026");

        String followed = get("/portal/" + token + "/disputes?sent").body();
        assertThat(followed).contains("Votre contestation est enregistrée.", "id=\"dispute-" + number + "\"", "Livraison",
                "En cours d&#39;examen : réponse au plus tard le 2 déc. 2026", "Pas encore de réponse",
                "Livré &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; incomplet", "&lt;script&gt;bon&lt;/script&gt;.pdf")
                .doesNotContain("<script>");
        assertThat(get("/portal/" + token).body()).contains("Contestée");
    }

    @Test
    void aFileThatIsNoDocumentIsASentenceAndNothingIsStored() throws Exception {
        UUID customer = debtor("Garage Mauvais Fichier");
        String number = underDunning(customer, "150.00");
        String token = tokens.issue(customer, Purpose.VIEW);

        HttpResponse<String> refused = postMultipart(get("/portal/" + token + "/disputes"), "/portal/" + token + "/disputes",
                Map.of("invoices", number, "reason", "QUALITY", "description", "<b>cassé</b>"), "virus<script>.exe",
                "MZ not a document".getBytes(StandardCharsets.US_ASCII));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Le document « virus&lt;script&gt;.exe » n&#39;est ni un PDF, ni une image JPEG ou PNG.",
                "&lt;b&gt;cassé&lt;/b&gt;").doesNotContain("<script>").doesNotContain("<b>cassé");
        assertThat(disputes(customer)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DisputeMediation").processInstanceBusinessKey(number)
                .count()).isZero();
    }

    // ---- helpers

    record Page(int status, String body, String cookie) {

        String csrf() {
            Matcher field = CSRF_FIELD.matcher(body);
            assertThat(field.find()).as("the form's _csrf field").isTrue();
            return field.group(1);
        }
    }

    private Page get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RECOUVRA-PORTAL-CSRF="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
        return new Page(response.statusCode(), response.body(), cookie);
    }

    private HttpResponse<String> post(Page form, String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", form.cookie()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postMultipart(Page form, String path, Map<String, String> fields, String filename, byte[] file)
            throws IOException, InterruptedException {
        return http.send(multipart(url(path), form.cookie(), form.csrf(), fields, filename, file), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest multipart(URI uri, String cookie, String csrf, Map<String, String> fields, String filename,
                                         byte[] file) throws IOException {
        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (csrf != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    /** An invoice 20 days overdue, its customer assessed and its first reminder sent: dunning waits for the next level. */
    private String underDunning(UUID customerId, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, TODAY.minusDays(50), TODAY.minusDays(20), new BigDecimal(amount),
                "EUR"));
        jobs.runDue(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").processInstanceBusinessKey(number)
                .singleResult());
        return number;
    }

    private int promises(UUID customer) {
        return jdbc.queryForObject("select count(*) from recouvra.promise_to_pay where customer_id = ?", Integer.class, customer);
    }

    private int disputes(UUID customer) {
        return jdbc.queryForObject("select count(*) from recouvra.dispute where customer_id = ?", Integer.class, customer);
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select concat_ws(' ', type, channel, actor) from recouvra.interaction where customer_id = ?",
                String.class, customer);
    }
}
