package io.recouvra.portal;

import io.recouvra.support.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.EngineClock;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A debtor promises to pay and disputes an invoice with a PDF in a real browser (Debian's headless chromium, as
 * {@link PortalBrowserTest}); every wait is explicit and generous. The day is Wednesday 25 November 2026.
 */
@PortalTest
class PromiseDisputeBrowserTest {

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
    RuntimeService runtime;
    @Autowired
    EngineJobs jobs;

    Path documents;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openTheBrowser() throws IOException {
        EngineClock.moveTo(TODAY);
        documents = Files.createTempDirectory("portal-documents");
        browser = Chromium.open(1100, java.util.Map.of("intl.accept_languages", "fr-FR,fr"), "--lang=fr-FR");
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
    void theDebtorPromisesToPayThenDisputesAnInvoiceWithAPdf() throws IOException {
        UUID customerId = debtor("Boulangeries Martin SAS");
        String promised = underDunning(customerId, "1234.56");
        String disputed = underDunning(customerId, "480.00");
        browser.get(url("/portal/" + tokens.issue(customerId, Purpose.VIEW)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices")));

        browser.findElement(By.id("action-promise")).click();
        wait.until(ExpectedConditions.titleIs("Promettre de payer"));
        browser.findElement(By.id("scope-chosen")).click();
        untick(disputed);
        // a date field types in the browser's own order: the value is set as the form sends it (ISO)
        browser.executeScript("arguments[0].value = '2026-12-04'", browser.findElement(By.id("promisedDate")));
        browser.findElement(By.id("promisedAmount")).sendKeys("1 234,56");
        screenshot("promise-fr");
        browser.findElement(By.id("promise-submit")).click();

        wait.until(ExpectedConditions.titleIs("Ce que vous devez"));
        assertThat(browser.findElement(By.id("invoice-" + promised)).getText()).contains("Paiement promis pour le 4 déc. 2026");
        assertThat(browser.findElement(By.id("invoice-" + disputed)).getText()).contains("En relance");
        screenshot("owed-promised-fr");

        browser.findElement(By.id("action-dispute")).click();
        wait.until(ExpectedConditions.titleIs("Contester une facture"));
        tick(disputed);
        new Select(browser.findElement(By.id("reason"))).selectByValue("DELIVERY");
        browser.findElement(By.id("description")).sendKeys("La livraison du 2 octobre était incomplète : 3 palettes sur 5.");
        Path note = documents.resolve("bon-de-livraison.pdf");
        Files.writeString(note, "%PDF-1.4\n% bon de livraison signé\n", StandardCharsets.ISO_8859_1);
        browser.findElement(By.id("documents")).sendKeys(note.toAbsolutePath().toString());
        screenshot("dispute-fr");
        browser.findElement(By.id("dispute-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
        String row = browser.findElement(By.id("dispute-" + disputed)).getText();
        assertThat(row).contains(disputed, "Livraison", "bon-de-livraison.pdf",
                "En cours d'examen : réponse au plus tard le 2 déc. 2026", "Pas encore de réponse");
        screenshot("disputes-fr");

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.titleIs("Ce que vous devez"));
        assertThat(browser.findElement(By.id("invoice-" + disputed)).getText()).contains("Contestée");
    }

    private void untick(String number) {
        browser.findElements(By.cssSelector("input[name=invoices]")).stream()
                .filter(box -> box.getAttribute("value").equals(number) && box.isSelected()).forEach(box -> box.click());
    }

    private void tick(String number) {
        browser.findElements(By.cssSelector("input[name=invoices]")).stream()
                .filter(box -> box.getAttribute("value").equals(number) && !box.isSelected()).forEach(box -> box.click());
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

    /** An invoice 20 days overdue, its customer assessed and its first reminder sent. */
    private String underDunning(UUID customerId, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customerId, null, TODAY.minusDays(50), TODAY.minusDays(20), new BigDecimal(amount),
                "EUR"));
        jobs.runDue(runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").processInstanceBusinessKey(number)
                .singleResult());
        return number;
    }
}
