package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceSegments;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Chromium;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager opens the Portfolio page by risk class in Chromium: the DSO, CEI and ADD charts per month and segment are
 * drawn, one line per risk class, and clicking a point opens the invoices of that class. A known ledger in THB (a
 * currency no other test uses) over May and June 2020 (months no other test takes), the page as on 10 July 2020:
 * <pre>
 * R1 class A  issued 05/05/2020 due 04/06/2020  1 000.00
 * R2 class B  issued 10/06/2020 due 10/07/2020    500.00
 * May (31 days), class A: receivables 1 000 = May's sales 1 000: DSO 31.0.
 * June (30 days), class A: receivables 1 000, June's sales 0: 30 days, then 1 000 = May's sales: 31; DSO 61.0.
 *                 class B: receivables 500 = June's sales 500: DSO 30.0.
 * </pre>
 */
@RecouvraTest
class SegmentChartsBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final YearMonth MAY = YearMonth.of(2020, 5);
    private static final YearMonth JUNE = YearMonth.of(2020, 6);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceSegments segments;
    @Autowired
    MonthlySnapshots snapshots;

    ChromeDriver browser;

    @AfterEach
    void closeTheBrowserAndResetTheClock() {
        if (browser != null) {
            browser.quit();
        }
        ClockUtil.reset();
    }

    @Test
    void eachPointOfTheChartsBySegmentOpensTheInvoicesOfItsSegment() {
        String r1 = invoice("A", "2020-05-05", "2020-06-04", "1000.00");
        invoice("B", "2020-06-10", "2020-07-10", "500.00");
        assertThat(snapshots.take(MAY, "test")).isTrue();
        assertThat(snapshots.take(JUNE, "test")).isTrue();
        EngineClock.moveTo(LocalDate.of(2020, 7, 10));
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);

        browser = Chromium.open(2400, Map.of("intl.accept_languages", "fr-FR,fr"), "--lang=fr-FR");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        browser.get("http://localhost:" + port + "/dashboard/portfolio?segment=risk_class");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
        browser.findElement(By.id("password")).sendKeys("secret-" + manager);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trend")));

        WebElement thb = browser.findElement(By.cssSelector("#trend .figure[data-currency=THB] .by-segment"));
        assertThat(thb.findElement(By.tagName("h3")).getText()).isEqualTo("Par mois et par classe de risque (THB)");
        for (String figure : List.of("dso", "cei", "add")) {
            WebElement chart = thb.findElement(By.cssSelector(".chart[data-segment-figure=" + figure + "]"));
            wait.until(ExpectedConditions.attributeToBe(chart, "data-rendered", "true"));
            assertThat(chart.findElements(By.tagName("canvas"))).as("%s drawn", figure).isNotEmpty();
            assertThat(seriesNames(chart)).as("%s lines", figure).containsExactly("classe A", "classe B");
        }
        WebElement dso = thb.findElement(By.cssSelector(".chart[data-segment-figure=dso]"));
        List<String> months = months(dso);
        int may = months.indexOf("05/2020");
        int june = months.indexOf("06/2020");
        assertThat(point(dso, 0, may)).isEqualTo(31.0);
        assertThat(point(dso, 0, june)).isEqualTo(61.0);
        assertThat(point(dso, 1, june)).isEqualTo(30.0);
        assertThat(thb.findElement(By.cssSelector("tr[data-month='2020-06'][data-segment=A] [data-figure=dso]")).getText())
                .isEqualTo("61,0");

        // class A's June point, clicked where ECharts drew it
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", dso);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).convertToPixel({seriesIndex: 0}, [arguments[1], 61.0]);", dso, june);
        int x = (int) Math.round(at.get(0).doubleValue() - dso.getSize().getWidth() / 2.0);
        int y = (int) Math.round(at.get(1).doubleValue() - dso.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(dso, x, y).click().perform();

        wait.until(ExpectedConditions.urlContains("/dashboard/portfolio/invoices"));
        assertThat(browser.getCurrentUrl()).contains("currency=THB", "segment=risk_class", "value=A");
        assertThat(browser.findElement(By.cssSelector("[data-segment]")).getText()).isEqualTo("Classe de risque : classe A");
        assertThat(browser.findElements(By.cssSelector("#invoices tr[data-invoice]")).stream().map(row -> row.getAttribute("data-invoice")))
                .containsExactly(r1);
    }

    @SuppressWarnings("unchecked")
    private List<String> seriesNames(WebElement chart) {
        return (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series.map(function (s) { return s.name; });", chart);
    }

    @SuppressWarnings("unchecked")
    private List<String> months(WebElement chart) {
        return (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().xAxis[0].data;", chart);
    }

    private Double point(WebElement chart, int series, int month) {
        Object value = browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[arguments[1]].data[arguments[2]];", chart, series, month);
        return value == null ? null : ((Number) value).doubleValue();
    }

    private String invoice(String riskClass, String issued, String due, String amount) {
        var customer = customers.register(new NewCustomer("Segment chart " + riskClass + " Co", TestData.siren(), null, null, null, null,
                null, null, List.of(), "STANDARD")).getId();
        String number = TestData.invoiceNumber();
        var invoice = invoices.register(new NewInvoice(number, customer, null, LocalDate.parse(issued), LocalDate.parse(due),
                new BigDecimal(amount), "THB")).getId();
        segments.recordAssessment(invoice, riskClass, "Bons payeurs");
        return number;
    }
}
