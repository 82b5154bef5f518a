package io.recouvra.dashboard;

import static io.recouvra.support.EngineClock.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The headline gauges give the dashboard pages' own figures: each gauge is checked against a figure worked by hand
 * below and against the same figure read on its page, over HTTP as a manager. Currencies no other test uses, so that
 * the whole book's figures in them are these ledgers'.
 *
 * <p>Today's figures, in KZT, {@code d} being today and Monday the Monday of d's week (d-6 to d, so a day up to d-7 is
 * before the current week and one from d to d+84 within its 13 weeks, d+100 after them); receivership opened for
 * customer I by the judgment of d-20. No customer has paid anything, so no due date is shifted by a payment delay:
 * <pre>
 * I   issued d-60 due d-30  1 500.00  born before the judgment: frozen by insolvency; expected before the week
 * I   issued d-15 due d-8     700.00  born after it: not frozen; expected before the week
 * D   issued d-40 due d-10  2 000.00  a dispute open (raised d-5); expected before the week
 * D   issued d-40 due d-10    300.00  a dispute resolved d-3: not in dispute any more
 * F   issued d-20 due d+10  1 000.00  expected in the 13 weeks
 * F   issued d-5  due d+60    400.00  expected in the 13 weeks
 * F   issued d    due d+100   900.00  expected later
 * promises of F: KEPT d-1 100.00, KEPT d-10 200.00, KEPT d-29 50.00, BROKEN d-15 80.00, BROKEN d-30 999.00 (before
 *   the 30 days d-29 to d), OPEN d 250.00 (expected on d, in the current week)
 *
 * in insolvency proceedings               1 500.00
 * in open disputes                        2 000.00 (the resolved dispute's 300.00 is not)
 * promises kept rate, 30 days             3 kept ÷ (3 kept + 1 broken) × 100 = 75.0
 * expected over the 13 weeks              1 000.00 + 400.00 + 250.00 = 1 650.00
 * outstanding                             1 500 + 700 + 2 000 + 300 + 1 000 + 400 + 900 = 6 800.00
 * </pre>
 *
 * <p>The last closed month's figures, in PEN, over September and October 2021 (months no other test takes), as on
 * Wednesday 10 November 2021; one customer per invoice, so that a payment settles its invoice:
 * <pre>
 * J1 issued 10/09 due 10/10  900.00
 * J2 issued 20/09 due 30/09  300.00  paid in full after September is taken, before October is
 * J3 issued 05/10 due 04/11  600.00
 *
 * 30/09 (taken first): J1 not due 900, J2 falls due that day: not due 300. Receivables 1 200, current 1 200; sales 1 200.
 * 31/10 (taken after the payment): J1 21 days past due 900, J3 not due 600. Receivables 1 500, current 600; sales 600.
 * October (31 days; September 30), countback:
 *   DSO       1 500 − 600 (October's sales) = 900 → 31 days; 900 ÷ 1 200 (September's) × 30 = 22.5: 53.5
 *   best      600 = October's sales → 31 days, nothing left: 31.0
 *   ADD       53.5 − 31.0 = 22.5
 *   CEI       (1 200 + 600 − 1 500) ÷ (1 200 + 600 − 600) × 100 = 300 ÷ 1 200 × 100 = 25.0 %
 * </pre>
 */
@RecouvraTest
class HeadlineGaugesTest {

    private static final YearMonth SEPTEMBER = YearMonth.of(2021, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2021, 10);

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    ReceivablesGauges gauges;
    @Autowired
    HeadlineFigures headline;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MonthlySnapshots snapshots;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void todaysGaugesAreThePagesFigures() {
        LocalDate d = LocalDate.now(clock);
        UUID insolvent = customer("Headline insolvent TOO");
        invoice(insolvent, d.minusDays(60), d.minusDays(30), "1500.00", "KZT");
        proceedings.report(insolvent, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, d.minusDays(20), "Tribunal de commerce de Paris",
                "Maître Paul Lenoir", "3 rue de Rivoli, 75004 Paris", null, null, ReportedBy.PERSON, false));
        invoice(insolvent, d.minusDays(15), d.minusDays(8), "700.00", "KZT");
        UUID disputing = customer("Headline disputing TOO");
        UUID open = invoice(disputing, d.minusDays(40), d.minusDays(10), "2000.00", "KZT");
        UUID resolved = invoice(disputing, d.minusDays(40), d.minusDays(10), "300.00", "KZT");
        dispute(open, disputing, d.minusDays(5), null);
        dispute(resolved, disputing, d.minusDays(5), d.minusDays(3));
        UUID forecast = customer("Headline forecast TOO");
        invoice(forecast, d.minusDays(20), d.plusDays(10), "1000.00", "KZT");
        invoice(forecast, d.minusDays(5), d.plusDays(60), "400.00", "KZT");
        invoice(forecast, d, d.plusDays(100), "900.00", "KZT");
        promise(forecast, d.minusDays(1), "KEPT", "100.00");
        promise(forecast, d.minusDays(10), "KEPT", "200.00");
        promise(forecast, d.minusDays(29), "KEPT", "50.00");
        promise(forecast, d.minusDays(15), "BROKEN", "80.00");
        promise(forecast, d.minusDays(30), "BROKEN", "999.00");
        promise(forecast, d, "OPEN", "250.00");

        gauges.refresh();

        assertThat(gauge("recouvra.receivables.insolvency.proceedings", "KZT")).isEqualTo(1500.0);
        assertThat(gauge("recouvra.disputes.open.amount", "KZT")).isEqualTo(2000.0);
        assertThat(gauge("recouvra.promises.kept.rate.percent", "KZT", "days", "30")).isEqualTo(75.0);
        assertThat(gauge("recouvra.cash.forecast.expected", "KZT", "weeks", "13")).isEqualTo(1650.0);
        assertThat(gauge("recouvra.receivables.outstanding", "KZT")).isEqualTo(6800.0);
        // no closed month holds KZT: no DSO rather than a DSO of 0
        assertThat(meters.find("recouvra.receivables.dso.days").tag("currency", "KZT").gauge()).isNull();

        DashboardSession browser = managerOnTheDashboard();
        String portfolio = browser.get("/dashboard/portfolio").body();
        assertThat(figure(of(portfolio, "ageing", "KZT"), "insolvency")).isEqualByComparingTo("1500.00");
        assertThat(figure(of(portfolio, "ageing", "KZT"), "outstanding")).isEqualByComparingTo("6800.00");
        String disputes = browser.get("/dashboard/disputes").body();
        assertThat(figure(disputes.substring(disputes.indexOf("<tr data-figure=\"open-amount\" data-currency=\"KZT\"")), "open-amount"))
                .isEqualByComparingTo("2000.00");
        assertThat(plain(disputes)).contains("Reste dû des factures en litige (1 facture)");
        String promises = browser.get("/dashboard/promises").body();
        assertThat(figure(of(promises, "promises", "KZT"), "kept-rate")).isEqualByComparingTo("75.0");
        String forecastPage = browser.get("/dashboard/forecast").body();
        assertThat(figure(of(forecastPage, null, "KZT"), "expected-total")).isEqualByComparingTo("1650.00");
    }

    @Test
    void theLastClosedMonthsDsoBestDsoAddAndCeiAreThePortfoliosCountbackFigures() {
        UUID j1 = invoice(customer("Headline J1 SAC"), LocalDate.of(2021, 9, 10), LocalDate.of(2021, 10, 10), "900.00", "PEN");
        UUID j2 = invoice(customer("Headline J2 SAC"), LocalDate.of(2021, 9, 20), LocalDate.of(2021, 9, 30), "300.00", "PEN");
        assertThat(snapshots.take(SEPTEMBER, "test")).isTrue();
        payments.register(new NewPayment(invoices.get(j2).getCustomer().getId(), new BigDecimal("300.00"), "PEN",
                LocalDate.now(clock), "VIR-" + UUID.randomUUID(), null));
        invoice(customer("Headline J3 SAC"), LocalDate.of(2021, 10, 5), LocalDate.of(2021, 11, 4), "600.00", "PEN");
        assertThat(snapshots.take(OCTOBER, "test")).isTrue();
        assertThat(j1).isNotNull();

        EngineClock.moveTo(LocalDate.of(2021, 11, 10));
        gauges.refresh();

        assertThat(gauge("recouvra.receivables.dso.days", "PEN", "method", "countback")).isEqualTo(53.5);
        assertThat(gauge("recouvra.receivables.best.possible.dso.days", "PEN", "method", "countback")).isEqualTo(31.0);
        assertThat(gauge("recouvra.receivables.average.days.delinquent", "PEN", "method", "countback")).isEqualTo(22.5);
        assertThat(gauge("recouvra.receivables.cei.percent", "PEN")).isEqualTo(25.0);

        // the Portfolio page's DSO table, its last row (October)
        String trend = of(managerOnTheDashboard().get("/dashboard/portfolio").body(), "trend", "PEN");
        String dsoTable = trend.substring(trend.indexOf("class=\"figures dso\""));
        String october = dsoTable.substring(dsoTable.indexOf("data-month=\"2021-10\""));
        assertThat(figure(october, "dso")).isEqualByComparingTo("53.5");
        assertThat(figure(october, "best-dso")).isEqualByComparingTo("31.0");
        assertThat(figure(october, "add")).isEqualByComparingTo("22.5");
        assertThat(figure(october, "cei")).isEqualByComparingTo("25.0");

        // the Prometheus text format /actuator/prometheus serves (Spring Boot tests switch its export off, so a
        // registry of the test's own is fed by the same snapshot code): names, tags, values
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ReceivablesGauges(headline, prometheus).refresh();
        assertThat(prometheus.scrape())
                .contains("recouvra_receivables_dso_days{currency=\"PEN\",method=\"countback\"} 53.5")
                .contains("recouvra_receivables_best_possible_dso_days{currency=\"PEN\",method=\"countback\"} 31.0")
                .contains("recouvra_receivables_average_days_delinquent{currency=\"PEN\",method=\"countback\"} 22.5")
                .contains("recouvra_receivables_cei_percent{currency=\"PEN\"} 25.0");
    }

    /**
     * The gauges are read through the actuator as configured: a manager reads them (HTTP Basic), a collector is refused,
     * nobody anonymous gets in; /actuator/prometheus is behind the same rule.
     */
    @Test
    void theActuatorServesTheGaugesToManagersOnly() {
        LocalDate d = LocalDate.now(clock);
        invoice(customer("Headline actuator TOO"), d.minusDays(40), d.minusDays(10), "123.45", "UAH");
        gauges.refresh();
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);
        String collector = DashboardSession.newUser(identity, "collector", RecouvraGroups.COLLECTORS);

        ResponseEntity<JsonNode> metric = api.as(manager, "secret-" + manager)
                .getForEntity("/actuator/metrics/recouvra.receivables.overdue?tag=currency:UAH", JsonNode.class);

        assertThat(metric.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metric.getBody().at("/measurements/0/value").asDouble()).isEqualTo(123.45);
        assertThat(api.as(collector, "secret-" + collector).getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private double gauge(String name, String currency, String... tags) {
        List<String> all = new ArrayList<>(List.of("currency", currency));
        all.addAll(List.of(tags));
        return meters.get(name).tags(all.toArray(String[]::new)).gauge().value();
    }

    private DashboardSession managerOnTheDashboard() {
        String manager = DashboardSession.newUser(identity, "manager", RecouvraGroups.MANAGERS);
        DashboardSession browser = new DashboardSession(port);
        browser.logIn(manager, "secret-" + manager);
        return browser;
    }

    /** A currency's part of a page (of the section {@code id}, when given), up to the next currency's. */
    private static String of(String page, String section, String currency) {
        int from = section == null ? 0 : page.indexOf("id=\"" + section + "\"");
        int start = page.indexOf("data-currency=\"" + currency + "\"", from);
        assertThat(start).as("%s in %s", currency, section).isPositive();
        int end = page.indexOf("data-currency=", start + 1);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    private static final Pattern TEXT = Pattern.compile(">([^<]*)<");

    /**
     * The number an element marked {@code data-figure} shows, as the page writes it in French ({@code 1 500,00 KZT}):
     * a table row's second cell (its first names it), otherwise the element's own text. {@code html} starts before the
     * element's tag.
     */
    private static BigDecimal figure(String html, String figure) {
        int start = html.indexOf("data-figure=\"" + figure + "\"");
        assertThat(start).as("figure %s", figure).isNotNegative();
        int tag = html.lastIndexOf('<', start);
        boolean row = tag >= 0 && html.startsWith("<tr", tag);
        // up to the element's end, its closing tag's "<" included
        String element = html.substring(start, html.indexOf(row ? "</tr>" : "</", start) + 1);
        Matcher texts = TEXT.matcher(element);
        List<String> shown = new ArrayList<>();
        while (texts.find()) {
            if (!texts.group(1).isBlank()) {
                shown.add(texts.group(1));
            }
        }
        String number = shown.get(row ? 1 : 0).replaceAll("[^0-9,\\-]", "").replace(',', '.');
        return new BigDecimal(number);
    }

    private static String plain(String html) {
        return html.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null, List.of())).getId();
    }

    private UUID invoice(UUID customer, LocalDate issued, LocalDate due, String amount, String currency) {
        return invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, issued, due, new BigDecimal(amount),
                currency)).getId();
    }

    private void dispute(UUID invoice, UUID customer, LocalDate raised, LocalDate resolved) {
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, raised_via, raised_at, resolved_at, outcome)
                values (?, ?, ?, 'PRICE', 'API', ?, ?, ?)""", UUID.randomUUID(), invoice, customer, at(raised),
                resolved == null ? null : at(resolved), resolved == null ? null : "RESOLVED");
    }

    private void promise(UUID customer, LocalDate promisedDate, String status, String amount) {
        jdbc.update("""
                insert into recouvra.promise_to_pay (id, customer_id, promised_date, amount, currency, status, made_at)
                values (?, ?, ?, ?, 'KZT', ?, now())""", UUID.randomUUID(), customer, promisedDate, new BigDecimal(amount), status);
    }

    private static Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(10, 0).atZone(PARIS).toInstant());
    }
}
