package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Chromium;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager pages through a drill-down in Chromium: "Suivantes" reads on from the cursor of the page shown, the page
 * says which page it is, "Précédentes" goes back. 60 overdue invoices in lari (no other test uses them): two pages,
 * 50 and 10.
 */
@RecouvraTest
class DrillDownBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Clock clock;

    ChromeDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerClicksSuivantesThenPrecedentes() {
        LocalDate t = LocalDate.now(clock);
        UUID customer = customers.register(new NewCustomer("Pagination GEL SARL", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        // due on 60 days before today, one each: the oldest due first, so the second page holds the 10 due last
        List<String> numbers = new ArrayList<>();
        for (int day = 60; day >= 1; day--) {
            String number = TestData.invoiceNumber();
            invoices.register(new NewInvoice(number, customer, null, t.minusDays(day + 30), t.minusDays(day),
                    new BigDecimal("10.00"), "GEL"));
            numbers.add(number);
        }
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);

        browser = Chromium.open(1600, Map.of("intl.accept_languages", "fr-FR,fr"), "--lang=fr-FR");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/portfolio/invoices?currency=GEL&bucket=overdue");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices")));

        assertThat(browser.findElement(By.cssSelector("[data-count]")).getText()).isEqualTo("60 factures");
        assertThat(browser.findElement(By.cssSelector("nav.pager [data-page]")).getText()).isEqualTo("page 1 sur 2");
        assertThat(shown()).containsExactlyElementsOf(numbers.subList(0, 50));
        assertThat(browser.findElements(By.linkText("Précédentes"))).isEmpty();

        browser.findElement(By.linkText("Suivantes")).click();
        wait.until(ExpectedConditions.urlContains("after="));
        assertThat(browser.findElement(By.cssSelector("nav.pager [data-page]")).getText()).isEqualTo("page 2 sur 2");
        assertThat(shown()).containsExactlyElementsOf(numbers.subList(50, 60));
        assertThat(browser.findElements(By.linkText("Suivantes"))).as("the last page").isEmpty();

        browser.findElement(By.linkText("Précédentes")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("after=")));
        assertThat(browser.findElement(By.cssSelector("nav.pager [data-page]")).getText()).isEqualTo("page 1 sur 2");
        assertThat(shown()).containsExactlyElementsOf(numbers.subList(0, 50));
    }

    private List<String> shown() {
        return browser.findElements(By.cssSelector("#invoices tr[data-invoice]")).stream()
                .map(row -> row.getAttribute("data-invoice")).toList();
    }
}
