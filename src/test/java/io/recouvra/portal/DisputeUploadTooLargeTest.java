package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents above the upload limit of the whole request (20 MB as shipped) on "Contester une facture": Spring refuses
 * the request unread; the debtor gets the dispute page again with a sentence next to the documents, and nothing is
 * stored. The CSRF token still guards it: it travels in the form's address too.
 */
@PortalTest
class DisputeUploadTooLargeTest {

    /** 21 MB: one more than the request may carry (spring.servlet.multipart.max-request-size). */
    private static final byte[] TOO_LARGE = pdfOf(21 * 1024 * 1024);
    private static final Pattern ACTION = Pattern.compile("<form id=\"dispute\"[^>]*action=\"([^\"]+)\"");
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
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @Test
    void documentsAboveTheLimitShowTheDisputePageAgainWithASentenceAndStoreNothing() throws Exception {
        UUID customer = debtor("Garage Gros Fichier");
        String number = invoice(customer);
        String token = tokens.issue(customer, Purpose.VIEW);

        HttpResponse<String> refused = postTooLarge("/portal/" + token + "/disputes", number, true);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Contester une facture", "id=\"documents-error\"",
                "Vos justificatifs dépassent 20 Mo à eux tous : votre contestation n&#39;a pas été envoyée.",
                "aria-describedby=\"documents-hint documents-error\"", "name=\"_csrf\"", number);
        assertThat(disputes(customer)).isZero();

        HttpResponse<String> english = postTooLarge("/portal/" + token + "/disputes?lang=en", number, true);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Your documents add up to more than 20 MB: your dispute was not sent.");
        assertThat(disputes(customer)).isZero();
    }

    @Test
    void withoutItsCsrfTokenSuchARequestIsStillRefused() throws Exception {
        UUID customer = debtor("Garage Gros Fichier Forgé");
        String number = invoice(customer);

        HttpResponse<String> forged = postTooLarge("/portal/" + tokens.issue(customer, Purpose.VIEW) + "/disputes", number, false);

        // the CSRF filter refuses it (403); Spring's error page, reading the same too-large body, may then say 413
        assertThat(forged.statusCode()).isIn(403, 413);
        assertThat(forged.body()).doesNotContain("Vos justificatifs").doesNotContain("Contester une facture");
        assertThat(disputes(customer)).isZero();
    }

    /** Posts the dispute form with a 21 MB document: with the page's CSRF cookie, field and address, or with none. */
    private HttpResponse<String> postTooLarge(String page, String number, boolean withCsrf) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(url(page)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = ACTION.matcher(form.body());
        Matcher field = CSRF_FIELD.matcher(form.body());
        assertThat(action.find()).as("the dispute form").isTrue();
        assertThat(field.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("RECOUVRA-PORTAL-CSRF="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        String target = withCsrf ? action.group(1).replace("&amp;", "&") : page;
        assertThat(target).as("the token in the form's address").contains(withCsrf ? "_csrf=" : "/disputes");

        String boundary = "----portal-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(part(boundary, "invoices", number));
        body.write(part(boundary, "reason", "QUALITY"));
        body.write(part(boundary, "description", "Les photos du colis abîmé"));
        if (withCsrf) {
            body.write(part(boundary, "_csrf", field.group(1)));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"photos.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(TOO_LARGE);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(url(target)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (withCsrf) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] part(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdfOf(int size) {
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) ' ');
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int disputes(UUID customer) {
        return jdbc.queryForObject("select count(*) from recouvra.dispute where customer_id = ?", Integer.class, customer);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private String invoice(UUID customer) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.now().minusDays(40), LocalDate.now().minusDays(10),
                new BigDecimal("640.00"), "EUR"));
        return number;
    }
}
