package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Chromium;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * A manager opens the Promises and plans page for April 2025 in Chromium: the charts are drawn with the counts and the
 * tables under them show the figures, French style. A ledger in a currency and a month no other test uses, worked by
 * hand:
 * <pre>
 * promises SGD   2 Apr KEPT 120.00, 9 Apr KEPT 80.00, 16 Apr BROKEN 60.00, 28 Apr OPEN 40.50
 *                → kept 2 (200,00 SGD), broken 1 (60,00 SGD), pending 1 (40,50 SGD); rate 2 ÷ 3 × 100 = 66,7 %
 * plans SGD      ended 15 Apr 12:00 (Paris) COMPLETED 900.00, ended 22 Apr BROKEN 300.00 and 450.00
 *                → kept 1 (900,00 SGD), broken 2 (750,00 SGD); rate 1 ÷ 3 × 100 = 33,3 %
 *                (no plan running in SGD: pending 0)
 * </pre>
 */
@RecouvraTest
class PromisesBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
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
    void aManagerSeesThePromisesAndPlansKeptAndBrokenInApril() throws Exception {
        UUID customer = customers.register(new NewCustomer("Promises SGD Pte", TestData.siren(), null, null, null, null, null,
                null, List.of())).getId();
        promise(customer, 2, "KEPT", "120.00");
        promise(customer, 9, "KEPT", "80.00");
        promise(customer, 16, "BROKEN", "60.00");
        promise(customer, 28, "OPEN", "40.50");
        plan(customer, "COMPLETED", "900.00", 15);
        plan(customer, "BROKEN", "300.00", 22);
        plan(customer, "BROKEN", "450.00", 22);
        String manager = manager();

        browser = Chromium.open(2400);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/promises?from=2025-04-01&to=2025-04-30&lang=fr");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("promises")));

        WebElement promises = browser.findElement(By.cssSelector("#promises .figure[data-currency=SGD]"));
        waitForChart(wait, promises.findElement(By.cssSelector(".chart")));
        assertThat(cells(promises, "tr[data-figure] td.amount")).containsExactly(
                "2", "200,00 $SG", "1", "60,00 $SG", "1", "40,50 $SG", "66,7");
        assertThat(seriesData(promises.findElement(By.cssSelector(".chart")))).containsExactly(2.0, 1.0, 1.0);

        WebElement plans = browser.findElement(By.cssSelector("#plans .figure[data-currency=SGD]"));
        waitForChart(wait, plans.findElement(By.cssSelector(".chart")));
        assertThat(cells(plans, "tr[data-figure] td.amount")).containsExactly(
                "1", "900,00 $SG", "2", "750,00 $SG", "0", "0,00 $SG", "33,3");
        assertThat(seriesData(plans.findElement(By.cssSelector(".chart")))).containsExactly(1.0, 2.0, 0.0);
        Chromium.screenshot(browser, "dashboard-promises");
    }

    private static void waitForChart(WebDriverWait wait, WebElement chart) {
        wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
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

    private void promise(UUID customer, int aprilDay, String status, String amount) {
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, promised_date, amount, currency, status, made_at)
                values (?, ?, ?, ?, 'SGD', ?, now())""", UUID.randomUUID(), customer, LocalDate.of(2025, 4, aprilDay),
                new BigDecimal(amount), status);
    }

    private void plan(UUID customer, String status, String total, int aprilDay) {
        jdbc.update("""
                insert into recouvra.payment_plan (id, customer_id, status, total, currency, frequency, requested_via,
                    created_at, accepted_at, ended_at)
                values (?, ?, ?, ?, 'SGD', 'MONTHLY', 'API', now(), now(), ?)""", UUID.randomUUID(), customer, status,
                new BigDecimal(total), Timestamp.from(LocalDateTime.of(2025, 4, aprilDay, 12, 0).atZone(PARIS).toInstant()));
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
