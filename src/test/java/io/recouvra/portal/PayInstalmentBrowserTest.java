package io.recouvra.portal;

import io.recouvra.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.CollectionTestAccess;
import io.recouvra.collection.DebtorPlans;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.scoring.CreditBureau;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.support.TestRates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
 * A debtor pays its payment plan's instalment in a real browser (Debian's headless chromium), with the keyboard: the
 * instalment chosen, the sandbox provider's page, back on "Paiement reçu". Every wait is explicit and generous.
 *
 * <p>Worked example, 25 November 2026: an invoice of 900,00 € in a plan of 3 monthly instalments from 5 December,
 * 900,00 / 3 = 300,00 € each; another of 99,00 € outside the plan. Whole balance 900,00 + 99,00 = 999,00 €; after
 * the first instalment the invoice owes 900,00 − 300,00 = 600,00 €.
 */
@PortalTest
class PayInstalmentBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @LocalServerPort
    int port;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    DebtorPlans plans;
    @Autowired
    CollectionTestAccess collection;
    @Autowired
    PortalTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CreditBureau bureau;

    ChromeDriver browser;
    WebDriverWait wait;
    UUID customerId;

    @BeforeEach
    void aBrowser() {
        EngineClock.moveTo(TODAY);
        TestRates.add(jdbc, "PayInstalmentBrowserTest", "2026-07-01");
        browser = Chromium.open(900);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
        TestRates.remove(jdbc, "PayInstalmentBrowserTest");
    }

    @Test
    void aDebtorPaysTheNextInstalmentOfItsPlan() throws IOException {
        customerId = customers.register(new NewCustomer("Boulangeries Échelonnées", TestData.wellRatedSiren(bureau), "FR", "fr", null,
                "12 rue de la République", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        String inPlan = invoiceInDunning(TODAY.minusDays(1), "900.00");
        String other = invoiceInDunning(TODAY.minusDays(5), "99.00");
        UUID planId = plans.ask(customerId, List.of(inPlan), 3, LocalDate.of(2026, 12, 5), "test");
        plans.assessNow(planId);
        plans.accept(customerId, planId);

        browser.get(url("/portal/" + tokens.issue(customerId, Purpose.VIEW) + "/pay"));
        wait.until(ExpectedConditions.titleIs("Payer en ligne"));
        assertThat(text(By.cssSelector("label[for=scope-all]"))).isEqualTo("Tout le solde : 999,00 €");
        assertThat(text(By.cssSelector("label[for=scope-instalment-0]"))).isEqualTo("L'échéance du 5 déc. 2026 : 300,00 €");
        assertThat(browser.findElements(By.cssSelector("input[name=invoice][value='" + inPlan + "']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("input[name=invoice][value='" + other + "']"))).hasSize(1);
        // by keyboard: the arrow moves the scope from the whole balance to the instalment, Enter sends the form
        browser.findElement(By.id("scope-all")).sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.findElement(By.id("scope-instalment-0")).isSelected()).isTrue();
        screenshot("pay-instalment-fr");
        browser.findElement(By.id("pay")).sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("simulation")));
        assertThat(text(By.id("sandbox-total"))).isEqualTo("300,00 €");
        browser.findElement(By.id("succeeds")).click();

        wait.until(ExpectedConditions.textToBe(By.id("outcome"), "Paiement reçu"));
        assertThat(text(By.id("paid-" + inPlan))).contains("600,00 €");
        screenshot("pay-instalment-done-fr");
        assertThat(invoices.get(inPlan).getOutstanding()).isEqualByComparingTo("600.00");
        assertThat(invoices.get(other).getOutstanding()).isEqualByComparingTo("99.00");
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

    private String invoiceInDunning(LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        collection.runJobs(collection.instanceOf(number));
        return number;
    }
}
