package io.recouvra.portal;

import io.recouvra.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A debtor pays online in a real browser (Debian's headless chromium): from the link in a reminder email to the
 * sandbox provider's page and back; the sandbox's signed webhook books the payment before the debtor is sent back.
 * Every wait is explicit and generous, so that a slow machine only makes the test slower.
 *
 * <p>Worked example: an overdue invoice of 1 234,56 € and one of 480,00 € not yet due; the whole balance is
 * 1 234,56 + 480,00 = 1 714,56 €.
 */
@PortalTest
class PayOnlineBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern PORTAL_LINK = Pattern.compile("https?://\\S+?(/portal/[A-Za-z0-9_.\\-]+)");

    @LocalServerPort
    int port;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Messages messages;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ChromeDriver browser;
    WebDriverWait wait;
    UUID customerId;
    String overdue;
    String upcoming;

    @BeforeEach
    void aDebtorWithAReminderAndABrowser() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        customerId = customers.register(new NewCustomer("Boulangeries Martin SAS", TestData.siren(), "FR", "fr", null,
                "12 rue de la République", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        overdue = invoice(LocalDate.of(2026, 10, 10), "1234.56");
        upcoming = invoice(LocalDate.of(2026, 12, 20), "480.00");
        browser = Chromium.open(900);
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
    void aDebtorPaysAnInvoiceFromTheRemindersLinkAndItIsNoLongerOwed() throws IOException {
        browser.get(url(linkInTheReminder()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-" + overdue)));

        browser.findElement(By.id("pay-online")).click();
        wait.until(ExpectedConditions.titleIs("Payer en ligne"));
        assertThat(text(By.cssSelector("label[for=scope-all]"))).isEqualTo("Tout le solde : 1 714,56 €");
        browser.findElement(By.id("scope-chosen")).click();
        browser.findElement(By.cssSelector("input[name=invoice][value='" + overdue + "']")).click();
        screenshot("pay-fr");
        browser.findElement(By.id("pay")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("simulation")));
        assertThat(text(By.id("simulation"))).startsWith("SIMULATION");
        assertThat(text(By.id("sandbox-total"))).isEqualTo("1 234,56 €");
        screenshot("pay-sandbox-fr");
        browser.findElement(By.id("succeeds")).click();

        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Paiement reçu"));
        assertThat(text(By.id("paid-" + overdue))).contains("Réglée");
        screenshot("pay-done-fr");
        browser.findElement(By.id("owed")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-" + upcoming)));
        assertThat(browser.findElements(By.id("invoice-" + overdue))).as("the paid invoice is no longer owed").isEmpty();
        assertThat(invoices.get(overdue).isSettled()).isTrue();
    }

    @Test
    void aCancelledPaymentLeavesTheInvoicesOwed() throws IOException {
        browser.get(url(linkInTheReminder()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-online"))).click();
        wait.until(ExpectedConditions.titleIs("Payer en ligne"));
        // by keyboard: the way to pay with the space bar, the form sent with Enter
        browser.findElement(By.id("method-SEPA_DEBIT")).sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("method-SEPA_DEBIT")).isSelected()).isTrue();
        browser.findElement(By.id("pay")).sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancelled"))).click();

        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Paiement annulé"));
        assertThat(text(By.id("outcome-text"))).contains("rien n'a été prélevé");
        screenshot("pay-cancelled-fr");
        browser.findElement(By.id("owed")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-" + overdue)));
        assertThat(text(By.id("invoice-" + overdue))).contains("1 234,56 €");
        assertThat(invoices.get(overdue).getOutstanding()).isEqualByComparingTo("1234.56");
    }

    /** Sends the first reminder of the overdue invoice by email, as dunning does, and takes the link from its text. */
    private String linkInTheReminder() {
        UUID invoiceId = invoices.idOf(overdue).orElseThrow();
        messages.enqueue(overdue, "reminder-1", Channel.EMAIL, MessageKind.REMINDER_1, Tone.COURTEOUS, customerId, invoiceId,
                clock.instant(), Map.of());
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        String email = jdbc.queryForObject("select rendered_text from recouvra.outbox_message where invoice_id = ? and kind = 'REMINDER_1'",
                String.class, invoiceId);
        Matcher link = PORTAL_LINK.matcher(email);
        assertThat(link.find()).as("a portal link in " + email).isTrue();
        return URI.create(link.group(0)).getRawPath();
    }

    private String text(By element) {
        return browser.findElement(element).getText().replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String invoice(LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }
}
