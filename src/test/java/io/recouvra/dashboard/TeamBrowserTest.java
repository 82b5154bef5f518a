package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Chromium;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
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
 * A manager opens the Team page for June 2025 in Chromium: the chart stacks each collector's calls by outcome, and the
 * table under it shows them with the promises obtained and kept. Calls as collection records them when a collector
 * completes her call task (TeamPageTest works real tasks), in a month no other test uses, worked by hand:
 * <pre>
 * zoe  3 June PROMISE_TO_PAY (promise later kept), 10 June PROMISE_TO_PAY (promise broken), 17 June NO_ANSWER
 *      → calls 3: promise 2, no answer 1; promises obtained 2, kept 1, broken 1, kept rate 1 ÷ 2 = 50,0
 * yan  24 June DISPUTE → calls 1: dispute 1; no promise, no rate
 * chart series (outcomes in the page's order: promise, plan asked for, says paid, dispute, wrong contact, no answer):
 *      zoe 2, 0, 0, 0, 0, 1; yan 0, 0, 0, 1, 0, 0
 * </pre>
 */
@RecouvraTest
class TeamBrowserTest {

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
    void aManagerSeesEachCollectorsCallsByOutcomeInJune() throws Exception {
        String zoe = user("zoe", RecouvraGroups.COLLECTORS);
        String yan = user("yan", RecouvraGroups.COLLECTORS);
        UUID customer = customers.register(new NewCustomer("Team June SARL", TestData.siren(), null, null, null, null, null,
                null, List.of())).getId();
        call(customer, zoe, 3, "PROMISE_TO_PAY", "KEPT");
        call(customer, zoe, 10, "PROMISE_TO_PAY", "BROKEN");
        call(customer, zoe, 17, "NO_ANSWER", null);
        call(customer, yan, 24, "DISPUTE", null);
        String manager = user("manager", RecouvraGroups.MANAGERS);

        browser = Chromium.open(2000);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/team?from=2025-06-01&to=2025-06-30&lang=fr");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calls")));

        WebElement chart = browser.findElement(By.cssSelector("#calls .chart"));
        wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(outcomesOf(chart, zoe)).containsExactly(2.0, 0.0, 0.0, 0.0, 0.0, 1.0);
        assertThat(outcomesOf(chart, yan)).containsExactly(0.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        // calls, the six outcomes, promises obtained, kept, broken, kept rate, overdue tasks
        assertThat(cells("tr[data-collector='" + zoe + "'] td.amount"))
                .containsExactly("3", "2", "0", "0", "0", "0", "1", "2", "1", "1", "50,0", "0");
        assertThat(cells("tr[data-collector='" + yan + "'] td.amount"))
                .containsExactly("1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "—", "0");
        Chromium.screenshot(browser, "dashboard-team");

        browser.findElement(By.cssSelector("tr[data-collector='" + zoe + "'] a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("team-calls")));
        assertThat(browser.findElements(By.cssSelector("#team-calls tbody tr"))).hasSize(3);
    }

    /** One collector's calls by outcome as the chart drew them: her category's value in each series. */
    @SuppressWarnings("unchecked")
    private List<Double> outcomesOf(WebElement chart, String collector) {
        return ((List<Object>) browser.executeScript("""
                var option = echarts.getInstanceByDom(arguments[0]).getOption();
                var index = option.xAxis[0].data.indexOf(arguments[1]);
                return option.series.map(function (s) { return s.data[index]; });""", chart, collector))
                .stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    private List<String> cells(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** A call as CallSteps records it, with the promise it obtained (then judged). */
    private void call(UUID customer, String collector, int juneDay, String outcome, String promiseStatus) {
        Timestamp at = Timestamp.from(LocalDateTime.of(2025, 6, juneDay, 11, 0).atZone(PARIS).toInstant());
        UUID callId = UUID.randomUUID();
        jdbc.update("""
                insert into recouvra.collector_call (id, customer_id, status, attempts, outcome, opened_at, closed_at)
                values (?, ?, 'CLOSED', 1, ?, ?, ?)""", callId, customer, outcome, at, at);
        UUID promiseId = null;
        if (promiseStatus != null) {
            promiseId = UUID.randomUUID();
            jdbc.update("""
                    insert into recouvra.promise_to_pay (id, customer_id, call_id, promised_date, amount, currency, status, made_at)
                    values (?, ?, ?, ?, 100.00, 'EUR', ?, ?)""", promiseId, customer, callId, LocalDate.of(2025, 6, juneDay + 5),
                    promiseStatus, at);
        }
        jdbc.update("""
                insert into recouvra.call_attempt (id, call_id, customer_id, collector, outcome, promise_id, made_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), callId, customer, collector, outcome, promiseId, at);
    }

    private String user(String prefix, String group) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }
}
