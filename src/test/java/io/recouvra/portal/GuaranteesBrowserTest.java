package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.guarantee.NewGuarantee;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.Chromium;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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

/**
 * A debtor opens "Ce que vous devez" in a real browser (headless chromium) on 25 November 2026: under "Garanties" it
 * reads the deposit of 1 500,00 € it paid on 2 November against invoice "joinery" and the retention of title on invoice
 * "timber", and nothing of the personal guarantee its manager gave; in English, the same two lines.
 */
@PortalTest
class GuaranteesBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Guarantees guarantees;
    @Autowired
    Creditor creditor;

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
    void theDebtorReadsItsOwnGuaranteesAndNotItsGuarantor() throws IOException {
        UUID customer = customers.register(new NewCustomer("Menuiserie Martin SARL", TestData.siren(), "FR", "fr", null,
                "4 quai Perrache", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        String joinery = invoice(customer, LocalDate.of(2026, 11, 2), "4800.00");
        String timber = invoice(customer, LocalDate.of(2026, 11, 6), "2300.00");
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.DEPOSIT, joinery, null, null, null, new BigDecimal("1500.00"),
                "EUR", LocalDate.of(2026, 11, 2), null, null, null, null, null, null, null, null, null));
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.RETENTION_OF_TITLE, timber, null, null, null,
                new BigDecimal("2300.00"), "EUR", LocalDate.of(2026, 11, 6), null, null, null, null, null, null, null, null, null));
        guarantees.register(customer, new NewGuarantee(GuaranteeKind.PERSONAL_GUARANTEE, null, "Jean Martin",
                "12 rue des Tanneurs\n69005 Lyon", true, new BigDecimal("10000.00"), "EUR", LocalDate.of(2026, 10, 1), null,
                "CAU-77", null, null, true, null, null, true, null));

        browser.get("http://localhost:" + port + "/portal/" + tokens.issue(customer, Purpose.VIEW));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("guarantees")));
        assertThat(browser.findElement(By.id("guarantees-title")).getText()).isEqualTo("Garanties");
        assertThat(lines()).containsExactly(
                "Acompte de 1 500,00 € versé le 2 nov. 2026, sur la facture " + joinery,
                "Réserve de propriété sur la facture " + timber + " : les marchandises restent la propriété de " + creditor.name()
                        + " jusqu'à leur complet paiement");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Jean Martin", "10 000,00");
        Chromium.screenshot(browser, "owed-guarantees-fr");

        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBe(By.id("guarantees-title"), "Guarantees"));
        assertThat(lines()).containsExactly(
                "Deposit of €1,500.00 paid on 2 Nov 2026, against invoice " + joinery,
                "Retention of title on invoice " + timber + ": the goods remain the property of " + creditor.name()
                        + " until paid in full");
    }

    private List<String> lines() {
        return browser.findElements(By.cssSelector("#guarantees li")).stream().map(WebElement::getText)
                .map(text -> text.replace('\u202f', ' ').replace('\u00a0', ' ')).toList();
    }

    private String invoice(UUID customer, LocalDate issued, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, issued.plusDays(30), new BigDecimal(amount), "EUR"));
        return number;
    }
}
