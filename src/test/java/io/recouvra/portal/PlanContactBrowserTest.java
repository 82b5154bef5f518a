package io.recouvra.portal;

import io.recouvra.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.SmsStops;
import io.recouvra.messaging.outbox.Dispatcher;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A debtor asks for a payment plan, opens the offer from the email it was sent and accepts it, then updates its
 * contact details and stops SMS, in Debian's headless chromium (set up as {@link PortalBrowserTest}). Every wait is
 * explicit and generous; the screenshots land in {@code target/screenshots/}.
 */
@PortalTest
class PlanContactBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern PLAN_LINK = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_.\\-]+/plans/[0-9a-f\\-]{36})");

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    CreditBureau bureau;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    SmsStops smsStops;
    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openTheBrowser() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
        browser = Chromium.open(1100);
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
    void aDebtorAsksForAPlanThenOpensTheOfferFromItsEmailAndAcceptsIt() throws IOException {
        UUID customerId = debtor("Boulangeries Martin SAS", "+33612000001");
        String number = invoiceInDunning(customerId, "1500.00");
        browser.get(url("/portal/" + tokens.issue(customerId, Purpose.VIEW)));

        click(By.id("action-plan"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask")));
        browser.findElement(By.cssSelector("input[name='invoice'][value='" + number + "']")).click();
        browser.findElement(By.id("instalments")).sendKeys("3");
        // a date input's keyboard format depends on the browser's locale: the value is set as the form sends it
        browser.executeScript("arguments[0].value = '2026-12-05'", browser.findElement(By.id("firstDate")));
        screenshot("plan-ask-fr");
        browser.findElement(By.cssSelector("#ask button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-stage"), "Nous vous proposons cet échéancier"));

        while (dispatcher.dispatchDue() > 0) {
            // send the offer, as the outbox does
        }
        String email = jdbc.queryForObject("""
                select rendered_text from recouvra.outbox_message where customer_id = ? and kind = 'PAYMENT_PLAN_AGREEMENT'""",
                String.class, customerId);
        Matcher link = PLAN_LINK.matcher(email);
        assertThat(link.find()).as("the offer's email carries the plan's link").isTrue();

        browser.get(url(link.group(1)));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("accept")));
        assertThat(browser.findElement(By.id("instalments")).getText()).contains("5 déc. 2026", "5 janv. 2027", "5 févr. 2027", "500,00");
        assertThat(browser.findElement(By.id("covered")).getText()).contains(number);
        assertThat(browser.findElement(By.id("plan-stage")).getText()).contains("au plus tard le 1 déc. 2026");
        screenshot("plan-offer-fr");
        browser.findElement(By.cssSelector("#accept button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-stage"), "Vous avez accepté cet échéancier"));
        assertThat(browser.findElements(By.id("accept"))).isEmpty();
        assertThat(jdbc.queryForObject("select status from recouvra.payment_plan where customer_id = ?", String.class, customerId))
                .isEqualTo("ACTIVE");
        screenshot("plan-accepted-fr");
    }

    @Test
    void aDebtorUpdatesItsContactDetailsAndStopsSms() throws IOException {
        UUID customerId = debtor("Garage Dupont", "+33612000002");
        browser.get(url("/portal/" + tokens.issue(customerId, Purpose.VIEW)));

        click(By.id("action-contact"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact")));
        retype(By.id("contactName"), "Claire Martin");
        retype(By.id("email"), "claire.garage.example");
        browser.findElement(By.cssSelector("#contact button[type='submit']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        assertThat(browser.findElement(By.id("email-error")).getText()).contains("Indiquez une adresse e-mail valide");
        assertThat(customers.get(customerId).getContacts().get(0).getEmail()).isEqualTo("compta@example.org");
        screenshot("contact-error-fr");

        retype(By.id("email"), "claire.martin@garage.example");
        browser.findElement(By.cssSelector("#contact button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(customers.get(customerId).getContacts().get(0).getEmail()).isEqualTo("claire.martin@garage.example");

        browser.findElement(By.cssSelector("#stop-sms button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sms-stopped")));
        assertThat(smsStops.stopped("+33612000002")).isTrue();
        assertThat(customers.get(customerId).getContacts().get(0).isSmsConsent()).isFalse();
        screenshot("contact-fr");
    }

    private void click(By element) {
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void retype(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private UUID debtor(String name, String phone) {
        return customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), "FR", "fr", null, "12 rue de la République",
                "69002", "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", phone, true, true, false))))
                .getId();
    }

    private String invoiceInDunning(UUID customerId, String amount) {
        String number = TestData.invoiceNumber();
        LocalDate today = LocalDate.of(2026, 11, 25);
        invoices.register(new NewInvoice(number, customerId, null, today.minusDays(31), today.minusDays(1), new BigDecimal(amount), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return number;
    }
}
