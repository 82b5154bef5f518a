package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A debtor in receivership opens its link in a real browser (headless chromium): the invoice born before the judgment
 * of 13 November 2026 is apart, with why it cannot be paid here; the one born after is among those to pay, and the
 * promise form offers only that one.
 */
@PortalTest
class FrozenInvoicesBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @LocalServerPort
    int port;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InsolvencyProceedingsService proceedings;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openTheBrowser() {
        EngineClock.moveTo(TODAY);
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
    void theFrozenInvoiceIsApartWithItsSentenceAndOnlyTheOtherCanBePromised() throws IOException {
        UUID customer = customers.register(new NewCustomer("Menuiserie Durand SARL", TestData.siren(), "FR", "fr", null,
                "4 quai Perrache", "69002", "Lyon",
                List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false)))).getId();
        String before = invoice(customer, LocalDate.of(2026, 10, 6), LocalDate.of(2026, 11, 5), "780.00");
        proceedings.report(customer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, LocalDate.of(2026, 11, 13),
                "Tribunal des activités économiques de Lyon", "Maître Anne Rivière", "10 rue de Bonnel, 69003 Lyon", null, null,
                ReportedBy.PERSON, false));
        String after = invoice(customer, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), "300.00");

        browser.get("http://localhost:" + port + "/portal/" + tokens.issue(customer, Purpose.VIEW));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("frozen")));
        assertThat(browser.findElement(By.id("frozen-title")).getText()).isEqualTo("Factures déclarées dans la procédure collective");
        assertThat(browser.findElement(By.id("frozen-intro")).getText())
                .startsWith("Ces factures sont antérieures au jugement du 13 nov. 2026")
                .endsWith("Elles ne peuvent pas être payées ici, ni faire l'objet d'une promesse, d'un échéancier ou d'une contestation sur ce site.");
        assertThat(browser.findElement(By.id("frozen-" + before)).getText()).contains("780,00", "Déclarée dans la procédure");
        assertThat(browser.findElement(By.id("invoices")).getText()).contains(after).doesNotContain(before);
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(after);
        Chromium.screenshot(browser, "owed-frozen-fr");

        browser.findElement(By.id("action-promise")).click();
        wait.until(ExpectedConditions.titleIs("Promettre de payer"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(after).doesNotContain(before);
    }

    private String invoice(UUID customer, LocalDate issued, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, due, new BigDecimal(amount), "EUR"));
        return number;
    }
}
