package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Chromium;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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

/**
 * A manager logs in to the dashboard in Chromium and opens the Portfolio page: each chart is drawn (ECharts holds the
 * numbers) and the table under it shows them, French style. Two known ledgers, in currencies no other test uses.
 * <p>
 * Today's aged balance, PLN, {@code t} being today: P1 due t+5 700.00 (not due), P2 due t-15 250.00 (1-30), P3 due
 * t-100 50.25 (91-180). Outstanding 1 000.25, overdue 300.25.
 * <p>
 * The trend, HUF, over the two months before this one, A and B (taken by hand as an admin would; a month's aged
 * balance is what the invoices issued by its last day owe now, aged on that day):
 * <pre>
 * H1 issued A/01, due t+30, 1 200.00   a: not due     b: not due
 * H3 issued A/02, due A/02,   600.00   a: len(A)−2 = 26..29 days, 1-30   b: len(A)−2+len(B) = 57..60 days, 31-60
 * H2 issued B/01, due t+30,   800.00   b: not due
 * H4 issued B/03, due B/03,   400.00   b: len(B)−3 = 25..28 days, 1-30
 * H5 issued B/01, due B/01,   500.00   paid since: a sale of B, never owed in a snapshot
 * Sales A 1 800.00, B 1 700.00.
 * A: not due 1 200, 1-30 600; receivables 1 800, current 1 200.
 *    DSO (countback) 1 800 = A's sales → len(A); best 1 200 ÷ 1 800 × len(A) = ⅔ len(A); ADD ⅓ len(A); no CEI.
 * B: not due 2 000, 1-30 400, 31-60 600; receivables 3 000, current 2 000.
 *    DSO 3 000 − 1 700 = 1 300 → len(B), then 1 300 ÷ 1 800 × len(A): len(B) + 13/18 len(A)
 *    best 2 000 − 1 700 = 300 → len(B) + 300 ÷ 1 800 × len(A) = len(B) + 1/6 len(A); ADD 10/18 len(A)
 *    CEI (1 800 + 1 700 − 3 000) ÷ (1 800 + 1 700 − 2 000) × 100 = 500 ÷ 1 500 × 100 = 33.3 %
 * With A = October 2026 (31 days) and B = November (30): A: DSO 31.0, best 20.7, ADD 10.3;
 *    B: DSO 30 + 22.388889 = 52.4, best 30 + 5.166667 = 35.2, ADD 17.222222 = 17.2.
 * </pre>
 */
@RecouvraTest
class PortfolioBrowserTest {

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
    PaymentService payments;
    @Autowired
    MonthlySnapshots snapshots;
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
    void aManagerSeesEachChartOfThePortfolioWithTheLedgersFigures() throws Exception {
        LocalDate t = LocalDate.now(clock);
        YearMonth b = YearMonth.from(t).minusMonths(1);
        YearMonth a = b.minusMonths(1);
        UUID polish = customer("Portfolio PLN SA");
        invoice(polish, t.minusDays(30), t.plusDays(5), "700.00", "PLN");
        invoice(polish, t.minusDays(45), t.minusDays(15), "250.00", "PLN");
        invoice(polish, t.minusDays(130), t.minusDays(100), "50.25", "PLN");
        UUID hungarian = customer("Portfolio HUF Kft");
        invoice(hungarian, a.atDay(1), t.plusDays(30), "1200.00", "HUF");
        invoice(hungarian, a.atDay(2), a.atDay(2), "600.00", "HUF");
        invoice(hungarian, b.atDay(1), t.plusDays(30), "800.00", "HUF");
        invoice(hungarian, b.atDay(3), b.atDay(3), "400.00", "HUF");
        UUID paying = customer("Portfolio HUF paid Kft");
        invoice(paying, b.atDay(1), b.atDay(1), "500.00", "HUF");
        payments.register(new NewPayment(paying, new BigDecimal("500.00"), "HUF", t, "VIR-" + UUID.randomUUID(), null));
        snapshots.take(a, "test");
        snapshots.take(b, "test");
        String manager = manager();

        // a French browser: the dashboard speaks French to it
        browser = Chromium.open(2400, Map.of("intl.accept_languages", "fr-FR,fr"), "--lang=fr-FR");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/portfolio");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ageing")));

        // today's aged balance, PLN
        WebElement pln = browser.findElement(By.cssSelector("#ageing .figure[data-currency=PLN]"));
        waitForChart(wait, pln.findElement(By.cssSelector(".chart")));
        assertThat(pln.findElement(By.cssSelector("[data-figure=outstanding]")).getText()).isEqualTo("1 000,25 PLN");
        assertThat(pln.findElement(By.cssSelector("[data-figure=overdue]")).getText()).isEqualTo("300,25 PLN");
        assertThat(cells(pln, "tr[data-bucket] td.amount")).containsExactly(
                "700,00 PLN", "250,00 PLN", "0,00 PLN", "0,00 PLN", "50,25 PLN", "0,00 PLN");
        assertThat(seriesData(pln.findElement(By.cssSelector(".chart")), 0)).isEqualTo(List.of(700.0, 250.0, 0.0, 0.0, 50.25, 0.0));

        // the trend of the closed months, HUF
        WebElement huf = browser.findElement(By.cssSelector("#trend .figure[data-currency=HUF]"));
        List<WebElement> charts = huf.findElements(By.cssSelector(".chart"));
        waitForChart(wait, charts.get(0));
        assertThat(cells(huf, "table.trend tr[data-month='" + a + "'] td.amount")).containsExactly(
                "1 200,00 HUF", "600,00 HUF", "0,00 HUF", "0,00 HUF", "0,00 HUF", "0,00 HUF", "1 800,00 HUF", "1 800,00 HUF");
        assertThat(cells(huf, "table.trend tr[data-month='" + b + "'] td.amount")).containsExactly(
                "2 000,00 HUF", "400,00 HUF", "600,00 HUF", "0,00 HUF", "0,00 HUF", "0,00 HUF", "3 000,00 HUF", "1 700,00 HUF");
        int monthA = months(huf).indexOf(a.toString());
        int monthB = months(huf).indexOf(b.toString());
        assertThat(seriesData(charts.get(0), 0)).element(monthA).isEqualTo(1200.0); // not due
        assertThat(seriesData(charts.get(0), 1)).element(monthB).isEqualTo(400.0);  // 1-30
        assertThat(seriesData(charts.get(0), 2)).element(monthB).isEqualTo(600.0);  // 31-60

        // DSO, best possible DSO and ADD by the countback method, and the CEI, HUF
        waitForChart(wait, charts.get(1));
        BigDecimal lenA = BigDecimal.valueOf(a.lengthOfMonth());
        BigDecimal lenB = BigDecimal.valueOf(b.lengthOfMonth());
        String dsoA = days(lenA);
        String bestA = days(lenA.multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP));
        String addA = days(lenA.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP));
        String dsoB = days(lenB.add(lenA.multiply(BigDecimal.valueOf(13)).divide(BigDecimal.valueOf(18), 10, RoundingMode.HALF_UP)));
        String bestB = days(lenB.add(lenA.divide(BigDecimal.valueOf(6), 10, RoundingMode.HALF_UP)));
        String addB = days(lenA.multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(18), 10, RoundingMode.HALF_UP));
        assertThat(cells(huf, "table.dso tr[data-month='" + a + "'] td.amount")).startsWith(dsoA, bestA, addA, "—");
        assertThat(cells(huf, "table.dso tr[data-month='" + b + "'] td.amount")).startsWith(dsoB, bestB, addB, "33,3");
        assertThat(seriesData(charts.get(1), 0)).element(monthB).isEqualTo(Double.parseDouble(dsoB.replace(',', '.')));
        assertThat(seriesData(charts.get(1), 2)).element(monthB).isEqualTo(Double.parseDouble(addB.replace(',', '.')));
        Chromium.screenshot(browser, "dashboard-portfolio");
    }

    private static void waitForChart(WebDriverWait wait, WebElement chart) {
        wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
    }

    /** The data of one series of the chart drawn in this element, as ECharts holds it. */
    @SuppressWarnings("unchecked")
    private List<Double> seriesData(WebElement chart, int series) {
        List<Object> data = (List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[arguments[1]].data;", chart, series);
        return data.stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
    }

    private static List<String> months(WebElement figure) {
        return figure.findElements(By.cssSelector("table.trend tr[data-month]")).stream().map(row -> row.getAttribute("data-month")).toList();
    }

    private static List<String> cells(WebElement within, String selector) {
        return within.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** Days as the page writes them: rounded half-up to one decimal, a decimal comma. */
    private static String days(BigDecimal days) {
        return days.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private String manager() {
        String id = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, RecouvraGroups.MANAGERS);
        return id;
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private void invoice(UUID customer, LocalDate issued, LocalDate due, String amount, String currency) {
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, issued, due, new BigDecimal(amount), currency));
    }
}
