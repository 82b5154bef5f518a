package io.recouvra.portal;

import io.recouvra.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A debtor's visit in a real browser: Debian's chromium, headless, driven by its chromedriver ({@code .ci/run}
 * installs both). Every wait is explicit and generous, so that a slow machine only makes the test slower.
 */
@PortalTest
class PortalBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Map<String, String> CLAIM = Map.of("principal", "1 234,56 €", "interest", "18,42 €",
            "indemnity", "40,00 €", "totalClaim", "1 292,98 €", "paymentDeadline", "3 décembre 2026");

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    Clock clock;

    Path downloads;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openTheBrowser() throws IOException {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        downloads = Files.createTempDirectory("portal-downloads");
        browser = Chromium.open(900, Map.of("download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void aDebtorOpensTheLinkSeesTheInvoicesSwitchesToEnglishAndDownloadsALetter() throws IOException {
        UUID customerId = debtor("Boulangeries Martin SAS");
        String overdue = invoice(customerId, LocalDate.of(2026, 10, 10), "1234.56");
        String upcoming = invoice(customerId, LocalDate.of(2026, 12, 20), "480.00");
        sendFormalNotice(customerId, overdue);

        browser.get(url("/portal/" + tokens.issue(customerId, Purpose.VIEW)));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices")));
        assertThat(browser.getTitle()).isEqualTo("Ce que vous devez");
        assertThat(browser.findElement(By.id("invoice-" + overdue)).getText()).contains("234,56", "46 jour(s) de retard", "En relance");
        assertThat(browser.findElement(By.id("invoice-" + upcoming)).getText()).contains("Pas encore échue");
        assertThat(browser.findElement(By.id("reference")).getText()).contains(overdue, upcoming);
        assertThat(browser.findElement(By.id("letters")).getText()).contains("Mise en demeure");
        screenshot("owed-fr");

        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.titleIs("What you owe"));
        assertThat(browser.findElement(By.id("invoice-" + overdue)).getText()).contains("46 day(s) overdue", "Under dunning");
        screenshot("owed-en");

        browser.findElement(By.cssSelector("a.letter")).click();
        wait.until(any -> pdfs().findAny().isPresent());
        assertThat(Files.readString(pdfs().findFirst().orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-");
    }

    @Test
    void anExpiredLinkShowsItsPage() throws IOException {
        String token = tokens.issue(debtor("Garage Expiré"), Purpose.VIEW);
        EngineClock.moveTo(LocalDate.of(2027, 3, 1));

        browser.get(url("/portal/" + token));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertThat(browser.findElement(By.id("refusal")).getText()).isEqualTo("Ce lien n'est plus valable");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("nouveau lien");
        screenshot("outdated-fr");
    }

    private Stream<Path> pdfs() {
        try {
            return Files.list(downloads).filter(file -> file.toString().endsWith(".pdf")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
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

    private void sendFormalNotice(UUID customerId, String number) {
        UUID invoiceId = invoices.idOf(number).orElseThrow();
        messages.enqueue(number, "formal-notice", Channel.LETTER, MessageKind.FORMAL_NOTICE, Tone.FORMAL, customerId, invoiceId,
                clock.instant(), CLAIM);
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
    }
}
