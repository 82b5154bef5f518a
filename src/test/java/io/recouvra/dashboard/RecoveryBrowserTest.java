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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
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
 * A manager opens the Recovery page for May 2025 in Chromium: the chart of what was recovered by stage is drawn with
 * the amounts, and the table under it shows them with their shares, French style. Settled invoices as collection
 * recorded them (their stage reached last), in a currency and a month no other test uses, worked by hand:
 * <pre>
 * ZAR  settled   stage             recovered  written off
 *      5 May     BEFORE_DUE          600.00
 *      12 May    REMINDER_1          300.00
 *      20 May    FORMAL_NOTICE       100.00
 *      27 May    WRITTEN_OFF           0.00     250.00
 * recovered 1 000.00: shares 60,0 / 30,0 / 10,0 / 0,0; recovery rate 1 000 ÷ 1 250 × 100 = 80,0
 * chart bars, in the order of the stages: before due 600, pre-due reminder 0, late before any reminder 0, reminder 1
 * 300, reminder 2 0, reminder 3 0, call 0, formal notice 100, insurer 0, agency 0, court 0, written off 0
 * </pre>
 */
@RecouvraTest
class RecoveryBrowserTest {

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
    JdbcTemplate jdbc;

    ChromeDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerSeesWhatWasRecoveredAtEachStageInMay() throws Exception {
        UUID customer = customers.register(new NewCustomer("Recovery ZAR Pty", TestData.siren(), null, null, null, null, null,
                null, List.of())).getId();
        settled(customer, 5, "BEFORE_DUE", "600.00", "0.00");
        settled(customer, 12, "REMINDER_1", "300.00", "0.00");
        settled(customer, 20, "FORMAL_NOTICE", "100.00", "0.00");
        settled(customer, 27, "WRITTEN_OFF", "0.00", "250.00");
        String manager = manager();

        browser = Chromium.open(2400);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/recovery?from=2025-05-01&to=2025-05-31&lang=fr");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stages")));

        WebElement zar = browser.findElement(By.cssSelector("#stages .figure[data-currency=ZAR]"));
        WebElement chart = zar.findElement(By.cssSelector(".chart"));
        wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(seriesData(chart)).containsExactly(600.0, 0.0, 0.0, 300.0, 0.0, 0.0, 0.0, 100.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(cells(zar, "tr[data-stage=BEFORE_DUE] td")).containsExactly("Payée à l'échéance", "1", "600,00 ZAR", "60,0",
                "", "", "");
        assertThat(cells(zar, "tr[data-stage=REMINDER_1] td")).containsExactly("Après la relance 1", "1", "300,00 ZAR", "30,0",
                "", "", "");
        assertThat(cells(zar, "tr[data-stage=FORMAL_NOTICE] td")).element(3).isEqualTo("10,0");
        assertThat(cells(zar, "tr[data-stage=WRITTEN_OFF] td")).element(6).isEqualTo("250,00 ZAR");
        assertThat(cells(zar, "tr[data-stage=RATE] td")).element(3).isEqualTo("80,0");
        Chromium.screenshot(browser, "dashboard-recovery");

        zar.findElement(By.cssSelector("tr[data-stage=REMINDER_1] a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices")));
        assertThat(browser.findElements(By.cssSelector("#invoices tbody tr"))).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private List<Double> seriesData(WebElement chart) {
        List<Object> data = (List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data;", chart);
        return data.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }

    private static List<String> cells(WebElement within, String selector) {
        return within.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** A settled invoice as collection records it when the ledger settles it (see RecoveryPageTest for that path). */
    private void settled(UUID customer, int mayDay, String stage, String recovered, String writtenOff) {
        String number = TestData.invoiceNumber();
        LocalDate due = LocalDate.of(2025, 5, 5);
        BigDecimal amount = new BigDecimal(recovered).add(new BigDecimal(writtenOff));
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, amount, "ZAR"));
        jdbc.update("""
                insert into recouvra.invoice_recovery (invoice_id, invoice_number, customer_id, currency, due_date, settled_on,
                    stage, recovered, written_off)
                values (?, ?, ?, 'ZAR', ?, ?, ?, ?, ?)""", invoices.idOf(number).orElseThrow(), number, customer, due,
                LocalDate.of(2025, 5, mayDay), stage, new BigDecimal(recovered), new BigDecimal(writtenOff));
    }

    private String manager() {
        String id = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, RecouvraGroups.MANAGERS);
        return id;
    }
}
