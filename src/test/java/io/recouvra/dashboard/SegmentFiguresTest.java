package io.recouvra.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.dashboard.MonthlyFigures.Month;
import io.recouvra.dashboard.MonthlySnapshots.Line;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceSegments;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * DSO, best possible DSO, ADD and CEI by risk class and by strategy, on a known ledger in MXN (a currency no other test
 * uses) over October and November 2022 (months no other test takes). Each invoice has its own STANDARD customer (so a
 * payment settles that invoice); its risk class and strategy are those collection's assessment keeps on it.
 * <pre>
 * I1 A "Bons payeurs"        issued 05/10 due 04/11  1 000.00
 * I2 A "Promesse non tenue"  issued 10/10 due 20/10    600.00  paid in full before October is taken: never owed
 * I3 D "Promesse non tenue"  issued 15/10 due 14/11    800.00  paid in full after October is taken
 * I6 A "Promesse non tenue"  issued 25/10 due 24/11    500.00  200.00 paid after October is taken: owes 300.00
 * I4 D "Promesse non tenue"  issued 12/11 due 12/12    400.00
 * I5 A "Bons payeurs"        issued 20/11 due 25/11    300.00
 *
 * 31/10 (taken first): I1 not due 1 000 (A, BP); I3 not due 800 (D, P); I6 not due 500 (A, P).
 *   Sales October: A/BP 1 000; A/P 600 + 500 = 1 100; D/P 800.
 * 30/11 (taken after the payments): I1 26 days 1-30 1 000 (A, BP); I5 5 days 1-30 300 (A, BP); I6 6 days 1-30 300 (A, P);
 *   I4 not due 400 (D, P). Sales November: A/BP 300; D/P 400.
 *
 * November (October 31 days, November 30), countback over the two months, CEI with October as the opening:
 * all:  receivables 2 000, current 400, sales 2 900 and 700, opening 2 300.
 *       DSO 2 000 − 700 = 1 300 → 30; 1 300 ÷ 2 900 × 31 = 13.896552: 43.896552 → 43.9.
 *       best 400 ÷ 700 × 30 = 17.142857 → 17.1. ADD 26.753695 → 26.8.
 *       CEI (2 300 + 700 − 2 000) ÷ (2 300 + 700 − 400) = 1 000 ÷ 2 600 = 38.461538 → 38.5 %.
 * risk class A: receivables 1 000 + 300 + 300 = 1 600, current 0, sales 2 100 and 300, opening 1 000 + 500 = 1 500.
 *       DSO 1 600 − 300 = 1 300 → 30; 1 300 ÷ 2 100 × 31 = 19.190476: 49.190476 → 49.2. best 0.0. ADD 49.2.
 *       CEI (1 500 + 300 − 1 600) ÷ (1 500 + 300 − 0) = 200 ÷ 1 800 = 11.111111 → 11.1 %.
 * risk class D: receivables 400, current 400, sales 800 and 400, opening 800.
 *       DSO 400 − 400 = 0 → 30: 30.0. best 400 = November's sales → 30.0. ADD 0.0.
 *       CEI (800 + 400 − 400) ÷ (800 + 400 − 400) = 100.0 %.
 * strategy "Bons payeurs": receivables 1 300, current 0, sales 1 000 and 300, opening 1 000.
 *       DSO 1 300 − 300 = 1 000 → 30; 1 000 = October's sales → 31: 61.0. best 0.0. ADD 61.0.
 *       CEI (1 000 + 300 − 1 300) ÷ (1 000 + 300 − 0) = 0.0 %.
 * strategy "Promesse non tenue": receivables 300 + 400 = 700, current 400, sales 1 900 and 400, opening 500 + 800 = 1 300.
 *       DSO 700 − 400 = 300 → 30; 300 ÷ 1 900 × 31 = 4.894737: 34.894737 → 34.9. best 400 = November's sales → 30.0.
 *       ADD 4.894737 → 4.9. CEI (1 300 + 400 − 700) ÷ (1 300 + 400 − 400) = 1 000 ÷ 1 300 = 76.923077 → 76.9 %.
 *
 * October (31 days), for the charts per month and segment: every balance is not due, so best possible DSO = DSO, ADD 0.0;
 * no CEI (no September taken before it).
 * risk class A: receivables 1 000 + 500 = 1 500 ≤ sales 2 100: DSO 1 500 ÷ 2 100 × 31 = 22.142857 → 22.1.
 * risk class D: receivables 800 = sales 800: DSO 31.0.
 * strategy "Bons payeurs": receivables 1 000 = sales 1 000: DSO 31.0.
 * strategy "Promesse non tenue": receivables 800 + 500 = 1 300 ≤ sales 1 900: DSO 1 300 ÷ 1 900 × 31 = 21.210526 → 21.2.
 * Today (10/12/2022) the book owes, class A: I1, I5, I6; class D: I4; "Promesse non tenue": I4, I6.
 * </pre>
 */
@RecouvraTest
class SegmentFiguresTest {

    private static final YearMonth OCTOBER = YearMonth.of(2022, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2022, 11);
    private static final String GOOD_PAYERS = "Bons payeurs";
    private static final String BROKEN_PROMISE = "Promesse non tenue";

    @LocalServerPort
    int port;
    @Autowired
    MonthlySnapshots snapshots;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceSegments segments;
    @Autowired
    PaymentService payments;
    @Autowired
    IdentityService identity;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachRiskClassAndStrategyHasItsOwnDsoAndCeiAndThePortfolioPageShowsThem() {
        UUID i2 = invoice("A", BROKEN_PROMISE, "2022-10-10", "2022-10-20", "600.00");
        pay(i2, "600.00");
        invoice("A", GOOD_PAYERS, "2022-10-05", "2022-11-04", "1000.00");
        UUID i3 = invoice("D", BROKEN_PROMISE, "2022-10-15", "2022-11-14", "800.00");
        UUID i6 = invoice("A", BROKEN_PROMISE, "2022-10-25", "2022-11-24", "500.00");
        assertThat(snapshots.take(OCTOBER, "test")).isTrue();
        pay(i3, "800.00");
        pay(i6, "200.00");
        invoice("D", BROKEN_PROMISE, "2022-11-12", "2022-12-12", "400.00");
        invoice("A", GOOD_PAYERS, "2022-11-20", "2022-11-25", "300.00");
        assertThat(snapshots.take(NOVEMBER, "test")).isTrue();

        List<YearMonth> taken = snapshots.taken(OCTOBER, NOVEMBER);
        List<Line> lines = snapshots.lines(OCTOBER, NOVEMBER).stream().filter(line -> line.currency().equals("MXN")).toList();
        assertNovember(taken, lines, line -> true, "2000.00", "43.9", "17.1", "26.8", "38.5");
        assertNovember(taken, lines, line -> line.segment().riskClass().equals("A"), "1600.00", "49.2", "0.0", "49.2", "11.1");
        assertNovember(taken, lines, line -> line.segment().riskClass().equals("D"), "400.00", "30.0", "30.0", "0.0", "100.0");
        assertNovember(taken, lines, line -> line.segment().strategy().equals(GOOD_PAYERS), "1300.00", "61.0", "0.0", "61.0", "0.0");
        assertNovember(taken, lines, line -> line.segment().strategy().equals(BROKEN_PROMISE), "700.00", "34.9", "30.0", "4.9", "76.9");

        // the page as on 10 December 2022: November is the last closed month
        EngineClock.moveTo(LocalDate.of(2022, 12, 10));
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);

        String byRisk = mxn(browser.get("/dashboard/portfolio?segment=risk_class").body());
        assertThat(byRisk).contains("Par classe de risque, 11/2022", "Classe de risque");
        assertRow(byRisk, "A", "classe A", "1 600,00", "49,2", "0,0", "49,2", "11,1");
        assertRow(byRisk, "D", "classe D", "400,00", "30,0", "30,0", "0,0", "100,0");

        // the charts per month and segment, from the page's JSON blocks, October then November, each point linked
        String riskPage = browser.get("/dashboard/portfolio?segment=risk_class").body();
        assertSeries(riskPage, "dso", "classe A", "22.1", "49.2");
        assertSeries(riskPage, "dso", "classe D", "31.0", "30.0");
        assertSeries(riskPage, "cei", "classe A", null, "11.1");
        assertSeries(riskPage, "cei", "classe D", null, "100.0");
        assertSeries(riskPage, "add", "classe A", "0.0", "49.2");
        assertSeries(riskPage, "add", "classe D", "0.0", "0.0");
        String strategyPage = browser.get("/dashboard/portfolio?segment=strategy").body();
        assertSeries(strategyPage, "dso", GOOD_PAYERS, "31.0", "61.0");
        assertSeries(strategyPage, "dso", BROKEN_PROMISE, "21.2", "34.9");
        assertSeries(strategyPage, "cei", GOOD_PAYERS, null, "0.0");
        assertSeries(strategyPage, "cei", BROKEN_PROMISE, null, "76.9");
        assertSeries(strategyPage, "add", GOOD_PAYERS, "0.0", "61.0");
        assertSeries(strategyPage, "add", BROKEN_PROMISE, "0.0", "4.9");

        // a point's link: the invoices of its segment owed today, here and in its CSV
        String classA = browser.get(series(riskPage, "dso", "classe A").get("links").get(0).asText()).body();
        assertThat(classA).contains("Classe de risque : classe A", "3 factures");
        String classD = browser.get(series(riskPage, "cei", "classe D").get("links").get(1).asText()).body();
        assertThat(classD).contains("Classe de risque : classe D", "1 facture", "400,00");
        String brokenLink = series(strategyPage, "add", BROKEN_PROMISE).get("links").get(1).asText();
        assertThat(browser.get(brokenLink).body()).contains("Stratégie : " + BROKEN_PROMISE, "2 factures");
        HttpResponse<String> brokenCsv = browser.get(brokenLink.replace("/invoices?", "/invoices.csv?"));
        assertThat(brokenCsv.statusCode()).isEqualTo(200);
        assertThat(brokenCsv.body().lines().count()).isEqualTo(3);
        assertThat(browser.get("/dashboard/portfolio/invoices?currency=MXN&bucket=overdue&segment=risk_class&value=A").statusCode())
                .isEqualTo(400);
        assertThat(browser.get("/dashboard/portfolio/invoices?currency=MXN&bucket=all&segment=region&value=A").statusCode())
                .isEqualTo(400);
        assertThat(browser.get("/dashboard/portfolio/invoices?currency=MXN&bucket=all&segment=risk_class").body()).contains("value");

        String byStrategy = mxn(browser.get("/dashboard/portfolio?segment=strategy").body());
        assertThat(byStrategy).contains("Par stratégie de relance, 11/2022");
        assertRow(byStrategy, GOOD_PAYERS, GOOD_PAYERS, "1 300,00", "61,0", "0,0", "61,0", "0,0");
        assertRow(byStrategy, BROKEN_PROMISE, BROKEN_PROMISE, "700,00", "34,9", "30,0", "4,9", "76,9");

        String byType = mxn(browser.get("/dashboard/portfolio").body());
        assertThat(byType).contains("Par type de client, 11/2022");
        assertRow(byType, "STANDARD", "standard", "2 000,00", "43,9", "17,1", "26,8", "38,5");

        HttpResponse<String> csv = browser.get("/dashboard/portfolio/months.csv?segment=strategy");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("mois;devise;strategie;non echu")
                .contains("2022-11;MXN;Promesse non tenue;400,00;300,00;0,00;0,00;0,00;0,00;700,00;400,00;34,9;30,0;4,9;")
                .contains("2022-11;MXN;Bons payeurs;0,00;1300,00;0,00;0,00;0,00;0,00;1300,00;300,00;61,0;0,0;61,0;");

        HttpResponse<String> unknown = browser.get("/dashboard/portfolio?segment=region");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("segment");
        assertThat(browser.get("/dashboard/portfolio/months.csv?segment=region").statusCode()).isEqualTo(400);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One segment's line of one figure's MXN chart, as the page's JSON block holds it. */
    private static JsonNode series(String page, String figure, String name) {
        Matcher block = Pattern.compile("id=\"segment-" + figure + "-data\"[^>]*>(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(block.find()).as("the %s chart's data", figure).isTrue();
        try {
            for (JsonNode chart : JSON.readTree(block.group(1))) {
                if (chart.get("currency").asText().equals("MXN")) {
                    for (JsonNode series : chart.get("series")) {
                        if (series.get("name").asText().equals(name)) {
                            return ((ObjectNode) series.deepCopy()).set("months", chart.get("months"));
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no MXN line " + name + " in the " + figure + " chart");
    }

    /** October's and November's points of one segment's line (null: none), at those months' places on the axis. */
    private static void assertSeries(String page, String figure, String name, String october, String november) {
        JsonNode series = series(page, figure, name);
        List<String> months = new ArrayList<>();
        series.get("months").forEach(month -> months.add(month.asText()));
        for (String[] point : new String[][] {{"10/2022", october}, {"11/2022", november}}) {
            int at = months.indexOf(point[0]);
            assertThat(at).as("%s on the axis", point[0]).isNotNegative();
            JsonNode value = series.get("values").get(at);
            if (point[1] == null) {
                assertThat(value.isNull()).as("%s %s %s: no figure", figure, name, point[0]).isTrue();
            } else {
                assertThat(value.decimalValue()).as("%s %s %s", figure, name, point[0]).isEqualByComparingTo(point[1]);
            }
            assertThat(series.get("links").get(at).asText()).startsWith("/dashboard/portfolio/invoices?currency=MXN&bucket=all&segment=");
        }
    }

    private static void assertNovember(List<YearMonth> taken, List<Line> lines, Predicate<Line> segment, String receivables,
                                       String dso, String best, String add, String cei) {
        Month november = MonthlyFigures.of(taken, lines, segment).get(1);
        assertThat(november.month()).isEqualTo(NOVEMBER);
        assertThat(november.receivables()).isEqualByComparingTo(receivables);
        assertThat(november.countback().dso()).contains(new BigDecimal(dso));
        assertThat(november.countback().bestPossible()).contains(new BigDecimal(best));
        assertThat(november.countback().averageDaysDelinquent()).contains(new BigDecimal(add));
        assertThat(november.collectionEffectiveness()).contains(new BigDecimal(cei));
    }

    /** The MXN figure of the page (up to the next currency's, if any). */
    private static String mxn(String page) {
        int start = page.indexOf("data-currency=\"MXN\"", page.indexOf("id=\"trend\""));
        assertThat(start).as("the MXN trend").isPositive();
        int end = page.indexOf("data-currency=", start + 1);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    private static final Pattern CELL = Pattern.compile("<td[^>]*>([^<]*)</td>");

    private static void assertRow(String html, String segment, String label, String... figures) {
        int start = html.indexOf("data-segment=\"" + segment + "\"");
        assertThat(start).as("the row of %s", segment).isPositive();
        String row = html.substring(start, html.indexOf("</tr>", start));
        Matcher cells = CELL.matcher(row);
        assertThat(cells.find()).isTrue();
        assertThat(cells.group(1)).isEqualTo(label);
        for (String figure : figures) {
            assertThat(cells.find()).as("%s: %s", segment, figure).isTrue();
            assertThat(cells.group(1).replace('\u202f', ' ').replace('\u00a0', ' ')).startsWith(figure);
        }
    }

    private UUID invoice(String riskClass, String strategy, String issued, String due, String amount) {
        UUID customer = customers.register(new NewCustomer("Segment " + riskClass + " SA", TestData.siren(), null, null, null, null,
                null, null, List.of(), "STANDARD")).getId();
        UUID invoice = invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, LocalDate.parse(issued),
                LocalDate.parse(due), new BigDecimal(amount), "MXN")).getId();
        segments.recordAssessment(invoice, riskClass, strategy);
        return invoice;
    }

    private void pay(UUID invoice, String amount) {
        payments.register(new NewPayment(invoices.get(invoice).getCustomer().getId(), new BigDecimal(amount), "MXN",
                LocalDate.now(clock), "VIR-" + UUID.randomUUID(), null));
    }
}
