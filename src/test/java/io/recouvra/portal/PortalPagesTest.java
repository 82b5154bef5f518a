package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PortalLinks;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The debtor's pages over HTTP, on the real application: what a link opens, and what it never shows. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class PortalPagesTest {

    private static final Map<String, String> CLAIM = Map.of("principal", "1 234,56 €", "interest", "18,42 €",
            "indemnity", "40,00 €", "totalClaim", "1 292,98 €", "paymentDeadline", "3 décembre 2026");

    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    PortalLinks links;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    SentLetters letters;
    @Autowired
    InteractionLog trail;
    @Autowired
    Clock clock;

    @BeforeEach
    void today() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theLinkShowsTheCustomersOpenInvoicesAndHowToPayAndIsOnTheTrail() {
        UUID customerId = debtor("Boulangeries Martin SAS");
        String overdue = invoice(customerId, LocalDate.of(2026, 10, 10), "1234.56");
        String upcoming = invoice(customerId, LocalDate.of(2026, 12, 20), "99.00");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> page = get("/portal/" + token);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Ce que vous devez", "Boulangeries Martin SAS", overdue, upcoming,
                "46 jour(s) de retard", "En relance", "Pas encore échue", "FR76 3000 6000 0112 3456 7890 189");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(trail.latestOfCustomer(customerId, 1)).singleElement().satisfies(entry -> {
            assertThat(entry.getChannel()).isEqualTo(Interaction.Medium.PORTAL);
            assertThat(entry.getActor()).startsWith("debtor via portal link ");
            assertThat(entry.getSummary()).doesNotContain(token);
        });
    }

    @Test
    void theDebtorSwitchesToEnglish() {
        UUID customerId = debtor("Garage Dupont");
        invoice(customerId, LocalDate.of(2026, 10, 10), "100.00");

        String page = get("/portal/" + tokens.issue(customerId, Purpose.VIEW) + "?lang=en").getBody();

        assertThat(page).contains("What you owe", "46 day(s) overdue", "Under dunning", "lang=\"en\"");
    }

    @Test
    void htmlInACustomersNameIsShownAsText() {
        UUID customerId = debtor("<script>alert('owned')</script> SARL");

        String page = get("/portal/" + tokens.issue(customerId, Purpose.VIEW)).getBody();

        assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; SARL");
    }

    @Test
    void aLetterIsDownloadedThroughTheLinkOfItsCustomerOnly() {
        UUID customerId = debtor("Menuiserie Leroy");
        String number = invoice(customerId, LocalDate.of(2026, 10, 10), "1234.56");
        UUID letterId = sendFormalNotice(customerId, number);
        String token = tokens.issue(customerId, Purpose.VIEW);
        String otherToken = tokens.issue(debtor("Autre Client"), Purpose.VIEW);

        assertThat(get("/portal/" + token).getBody()).contains("/portal/" + token + "/letters/" + letterId);
        ResponseEntity<byte[]> pdf = api.anonymous().getForEntity("/portal/" + token + "/letters/" + letterId, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");

        ResponseEntity<String> foreign = get("/portal/" + otherToken + "/letters/" + letterId);
        assertThat(foreign.getStatusCode()).as("another customer's letter").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/portal/" + otherToken).getBody()).doesNotContain(number).doesNotContain(letterId.toString());
    }

    @Test
    void anExpiredLinkSaysSoAndHowToGetANewOne() {
        String token = tokens.issue(debtor("Garage Expiré"), Purpose.VIEW);
        EngineClock.moveTo(LocalDate.of(2027, 3, 1));

        ResponseEntity<String> page = get("/portal/" + token);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(page.getBody()).contains("Ce lien n&#39;est plus valable", "nouveau lien", "recouvrement@recouvra.example");
    }

    @Test
    void aTamperedLinkIsNotFoundAndShowsNothing() {
        UUID customerId = debtor("Garage Falsifié");
        String number = invoice(customerId, LocalDate.of(2026, 10, 10), "100.00");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> page = get("/portal/" + token.substring(0, token.length() - 2) + "AA");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("Lien non reconnu").doesNotContain(number).doesNotContain("Garage Falsifié");
    }

    @Test
    void theTokenIsNotWrittenToTheLog(CapturedOutput output) {
        UUID customerId = debtor("Garage Discret");
        String token = tokens.issue(customerId, Purpose.VIEW);

        get("/portal/" + token);
        get("/portal/" + token + "x");

        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void messagesLinkToTheDebtorsPage() {
        UUID customerId = debtor("Garage Lié");

        String link = links.customer(customerId).orElseThrow();

        assertThat(link).startsWith("http").contains("/portal/");
        String path = link.substring(link.indexOf("/portal/"));
        assertThat(get(path).getBody()).contains("Garage Lié");
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private String invoice(UUID customerId, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private UUID sendFormalNotice(UUID customerId, String number) {
        UUID invoiceId = invoices.idOf(number).orElseThrow();
        messages.enqueue(number, "formal-notice", Channel.LETTER, MessageKind.FORMAL_NOTICE, Tone.FORMAL, customerId, invoiceId,
                clock.instant(), CLAIM);
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        return letters.aboutInvoice(invoiceId).get(0).messageId();
    }

    private ResponseEntity<String> get(String path) {
        return api.anonymous().getForEntity(path, String.class);
    }
}
