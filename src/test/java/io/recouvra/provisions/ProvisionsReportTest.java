package io.recouvra.provisions;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.insolvency.InsolvencyProceedingsService;
import io.recouvra.insolvency.ProceedingsKind;
import io.recouvra.insolvency.ProceedingsReport;
import io.recouvra.insolvency.ReportedBy;
import io.recouvra.insurance.InsurancePolicies;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provisions report on a small book whose figures are worked out by hand below (VAT 20 %: an amount
 * including VAT is 1.2 × the amount without it), the CSV, the monthly close and who may do what.
 * Every request filters on the test's own customers: the database is shared with the other tests.
 */
@RecouvraTest
class ProvisionsReportTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    Api api;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    InsurancePolicies policies;
    @Autowired
    IdentityService identity;
    @Autowired
    InsolvencyProceedingsService proceedings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void noPolicyAndTheRealClockForTheOtherTests() {
        jdbc.update("update recouvra.credit_insurance_policy set active = false");
        ClockUtil.reset();
    }

    /**
     * Proceedings recorded through the register (not the customer's insolvency day set by hand): from the judgment of
     * 20 May 2034 the customer's invoice is in the insolvency situation. It was issued 1 April 2034, 1,200.00 TTC
     * (1,000.00 HT, 200.00 VAT derived at 20 %), due 1 May. As of 30 April: not due, normal, 0 % = 0.00. As of 31 May:
     * 30 days overdue, insolvent, 1,000.00 HT × 100 % = 1,000.00.
     */
    @Test
    void aCustomerWhoseProceedingsAreRecordedIsInsolventFromTheJudgment() {
        moveTo(LocalDate.of(2034, 6, 2));
        UUID customer = customer("Menuiserie En Redressement");
        String number = invoice(customer, "2034-04-01", "2034-05-01", "1200.00", "EUR");
        proceedings.report(customer, new ProceedingsReport(ProceedingsKind.RECEIVERSHIP, LocalDate.of(2034, 5, 20),
                "Tribunal des activités économiques de Paris", "Maître Claire Vidal", "5 quai de Corse, 75004 Paris", null, null,
                ReportedBy.PERSON, false));

        JsonNode april = api.asAdmin().getForObject("/api/v1/provisions/2034-04?customerId={c}", JsonNode.class, customer);
        JsonNode may = api.asAdmin().getForObject("/api/v1/provisions/2034-05?customerId={c}", JsonNode.class, customer);

        assertLine(byInvoice(april).get(number), 0, "NORMAL", "Not due", "1200.00", "200.00", "0", "1000.00", "0", "0.00");
        assertLine(byInvoice(may).get(number), 30, "INSOLVENT", "1-90 days", "1200.00", "200.00", "0", "1000.00", "100", "1000.00");
    }

    @Test
    void aMonthsProvisionsByHand() throws Exception {
        moveTo(LocalDate.of(2031, 4, 2));
        UUID a = customer("Ateliers Provision");
        UUID b = customer("Bâtiments Insolvables");
        UUID c = customer("Coopérative Assurée");
        // the report is as of Monday 31 March 2031; days overdue are counted from the due date to that day
        String young = invoice(a, "2031-03-01", "2031-03-31", "1200.00", "EUR");       // 0 days: not due
        String old = invoice(a, "2030-10-31", "2030-11-30", "2400.00", "EUR");         // 31+31+28+31 = 121 days
        String disputed = invoice(a, "2031-01-29", "2031-02-28", "3600.00", "EUR");    // 31 days
        String inCourt = invoice(a, "2030-08-31", "2030-09-30", "6000.00", "EUR");     // 31+30+31+31+28+31 = 182 days
        String withAgency = invoice(a, "2031-01-01", "2031-01-31", "1800.00", "EUR");  // 28+31 = 59 days
        String dollars = invoice(a, "2030-10-31", "2030-11-30", "1200.00", "USD");     // 121 days
        String paid = invoice(a, "2031-01-01", "2031-01-15", "1000.00", "EUR");
        String writtenOff = invoice(a, "2030-05-31", "2030-06-30", "500.00", "EUR");
        String insolvent = invoice(b, "2031-03-15", "2031-04-15", "4800.00", "EUR");   // not due, but insolvent
        // only C's invoices are registered under a policy: a buyer with no decision of the insurer is insured
        // for 70 % of what it owes, within 50,000
        policies.set(new InsurancePolicies.Terms("Coface", "POL-PROV-1", "EUR", new BigDecimal("90"), new BigDecimal("70"),
                new BigDecimal("50000"), 90, "DUE_DATE", "P60D", "P60D", "P5M", BigDecimal.ZERO, 5));
        String insured = invoice(c, "2030-11-15", "2030-12-15", "12000.00", "EUR");    // 16+31+28+31 = 106 days
        String refused = invoice(c, "2030-11-20", "2030-12-20", "2400.00", "EUR");     // 101 days
        invoices.pause(disputed, InvoiceStatus.DISPUTED);
        invoices.escalate(inCourt, InvoiceStatus.IN_COURT);
        invoices.escalate(withAgency, InvoiceStatus.WITH_AGENCY);
        openDispute(withAgency, a);
        pay(a, paid, "1000.00");
        invoices.writeOff(writtenOff, "too small to chase");
        customers.reportInsolvency(b, LocalDate.of(2031, 3, 10));
        jdbc.update("update recouvra.insured_invoice set status = 'REFUSED', refusal_reason = 'late declaration' where invoice_number = ?",
                refused);

        JsonNode report = api.asAdmin().getForObject("/api/v1/provisions/2031-03?customerId={a}&customerId={b}&customerId={c}",
                JsonNode.class, a, b, c);

        assertThat(report.get("status").asText()).isEqualTo("PREVIEW");
        assertThat(report.get("asOf").asText()).isEqualTo("2031-03-31");
        Map<String, JsonNode> lines = byInvoice(report);
        assertThat(lines).as("paid and written off: nothing to provision").doesNotContainKeys(paid, writtenOff).hasSize(9);
        //                    number      days situation      bucket          incl. VAT  VAT      insured   base      rate  provision
        // 1,200 TTC = 1,000 HT, normal and not due: 0 %
        assertLine(lines.get(young), 0, "NORMAL", "Not due", "1200.00", "200.00", "0", "1000.00", "0", "0.00");
        // 2,000 HT × 25 % (normal, 91-180 days)
        assertLine(lines.get(old), 121, "NORMAL", "91-180 days", "2400.00", "400.00", "0", "2000.00", "25", "500.00");
        // 3,000 HT × 25 % (disputed, 1-90 days)
        assertLine(lines.get(disputed), 31, "DISPUTED", "1-90 days", "3600.00", "600.00", "0", "3000.00", "25", "750.00");
        // 5,000 HT × 100 % (in court, 181-365 days)
        assertLine(lines.get(inCourt), 182, "IN_COURT", "181-365 days", "6000.00", "1000.00", "0", "5000.00", "100", "5000.00");
        // with an agency and disputed too: the agency wins; 1,500 HT × 40 %
        assertLine(lines.get(withAgency), 59, "WITH_AGENCY", "1-90 days", "1800.00", "300.00", "0", "1500.00", "40", "600.00");
        // 1,000 USD HT × 25 %, reported in dollars
        assertLine(lines.get(dollars), 121, "NORMAL", "91-180 days", "1200.00", "200.00", "0", "1000.00", "25", "250.00");
        // insolvent since 10 March: 4,000 HT × 100 % though not due
        assertLine(lines.get(insolvent), 0, "INSOLVENT", "Not due", "4800.00", "800.00", "0", "4000.00", "100", "4000.00");
        // insured 70 % of 12,000 = 8,400 TTC = 7,000 HT; base 10,000 - 7,000 = 3,000 HT × 25 %
        assertLine(lines.get(insured), 106, "NORMAL", "91-180 days", "12000.00", "2000.00", "8400.00", "3000.00", "25", "750.00");
        // the claim was refused: not covered; 2,000 HT × 25 %
        assertLine(lines.get(refused), 101, "NORMAL", "91-180 days", "2400.00", "400.00", "0", "2000.00", "25", "500.00");
        assertThat(lines.get(dollars).get("currency").asText()).isEqualTo("USD");
        assertThat(lines.get(insolvent).get("customerName").asText()).isEqualTo(customers.get(b).getLegalName());

        Map<String, JsonNode> currencies = new HashMap<>();
        report.get("currencies").forEach(total -> currencies.put(total.get("currency").asText(), total));
        JsonNode euros = currencies.get("EUR");
        assertThat(euros.get("invoices").asInt()).isEqualTo(8);
        // 1,200 + 2,400 + 3,600 + 6,000 + 1,800 + 4,800 + 12,000 + 2,400
        assertThat(euros.get("outstanding").decimalValue()).isEqualByComparingTo("34200.00");
        assertThat(euros.get("vat").decimalValue()).isEqualByComparingTo("5700.00");
        assertThat(euros.get("insured").decimalValue()).isEqualByComparingTo("8400.00");
        // 1,000 + 2,000 + 3,000 + 5,000 + 1,500 + 4,000 + 3,000 + 2,000
        assertThat(euros.get("base").decimalValue()).isEqualByComparingTo("21500.00");
        // 0 + 500 + 750 + 5,000 + 600 + 4,000 + 750 + 500
        assertThat(euros.get("provision").decimalValue()).isEqualByComparingTo("12100.00");
        assertThat(currencies.get("USD").get("provision").decimalValue()).isEqualByComparingTo("250.00");

        // per currency × situation × bucket: the three normal EUR invoices of 91-180 days together
        JsonNode normalOld = total(report, "EUR", "NORMAL", "91-180 days");
        assertThat(normalOld.get("invoices").asInt()).isEqualTo(3);
        assertThat(normalOld.get("base").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(normalOld.get("provision").decimalValue()).isEqualByComparingTo("1750.00");
        assertThat(total(report, "EUR", "INSOLVENT", "Not due").get("provision").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(total(report, "USD", "NORMAL", "91-180 days").get("invoices").asInt()).isEqualTo(1);

        // the insured part is the one the insurance view shows for the buyer (what a claim would ask for)
        JsonNode cover = api.asAdmin().getForObject("/api/v1/customers/" + c + "/insurance", JsonNode.class);
        cover.get("insuredInvoices").forEach(i -> {
            if (i.get("invoiceNumber").asText().equals(insured)) {
                assertThat(i.get("insuredAmount").decimalValue()).isEqualByComparingTo("8400.00");
            }
        });

        ResponseEntity<byte[]> csv = api.asAdmin().getForEntity("/api/v1/provisions/2031-03.csv?customerId={a}&customerId={b}&customerId={c}",
                byte[].class, a, b, c);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("provisions-2031-03.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).as("a byte-order mark for spreadsheets").startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(9 + 2);
        CSVRecord insuredRow = rows.stream().filter(r -> r.get("Invoice").equals(insured)).findFirst().orElseThrow();
        assertThat(List.of(insuredRow.get("Type"), insuredRow.get("Days overdue"), insuredRow.get("Situation"),
                insuredRow.get("Outstanding incl. VAT"), insuredRow.get("VAT"), insuredRow.get("Insured part"),
                insuredRow.get("Base excl. VAT"), insuredRow.get("Rate %"), insuredRow.get("Provision"), insuredRow.get("Due date")))
                .containsExactly("INVOICE", "106", "NORMAL", "12000,00", "2000,00", "8400,00", "3000,00", "25,00", "750,00",
                        "2030-12-15");
        CSVRecord euroTotal = rows.stream().filter(r -> r.get("Type").equals("TOTAL") && r.get("Currency").equals("EUR"))
                .findFirst().orElseThrow();
        assertThat(List.of(euroTotal.get("Outstanding incl. VAT"), euroTotal.get("Base excl. VAT"), euroTotal.get("Provision")))
                .containsExactly("34200,00", "21500,00", "12100,00");
        assertThat(rows.stream().filter(r -> r.get("Type").equals("TOTAL")).map(r -> r.get("Currency")))
                .containsExactly("EUR", "USD");
    }

    @Test
    void eachInvoiceIsProvisionedOnItsOwnAmountExcludingVat() {
        moveTo(LocalDate.of(2033, 6, 2));
        UUID french = customer("Librairie Taux Réduit");
        UUID german = customers.register(new NewCustomer("Maschinenbau Vogel GmbH " + TestData.invoiceNumber(), "DE" + TestData.siren(),
                "DE", "en", "Europe/Berlin", "Hauptstraße 1", "10115", "Berlin", List.of())).getId();
        // report of May 2033, as of Tuesday 31 May; due 1 February: 28 (February) + 31 + 30 + 30 = 119 days overdue,
        // NORMAL, bucket 91-180 days, rate 25 %
        // an intra-EU supply (CGI art. 262 ter): 1,200.00 due, VAT 0, so the whole 1,200.00 is the base
        // (the standard rate would have said 1,000.00); 1,200.00 x 25 % = 300.00
        String intraEu = invoice(german, "1200.00", "1200.00", "0.00");
        // books at 5.5 %: 1,000.00 + 55.00 = 1,055.00; base 1,000.00 x 25 % = 250.00
        String reduced = invoice(french, "1055.00", "1000.00", "55.00");
        // 20 %: 1,000.00 + 200.00 = 1,200.00; base 1,000.00 x 25 % = 250.00
        String standard = invoice(french, "1200.00", "1000.00", "200.00");
        // 5.5 % partly paid: 1,055.00 - 211.00 = 844.00 owed; its VAT 55.00 x 844 / 1,055 = 44.00,
        // base 844.00 - 44.00 = 800.00 x 25 % = 200.00
        String reducedPartlyPaid = invoice(french, "1055.00", "1000.00", "55.00");
        pay(french, reducedPartlyPaid, "211.00");
        // no VAT given: derived at the standard rate, 1,200.00 x 20 / 120 = 200.00, base 1,000.00 x 25 % = 250.00,
        // and the line says the base rests on a derived VAT
        String derived = invoice(french, "1200.00", null, null);

        Map<String, JsonNode> lines = new HashMap<>(byInvoice(report("2033-05", french)));
        lines.putAll(byInvoice(report("2033-05", german)));

        //                                days situation bucket          incl. VAT  VAT      insured base       rate  provision
        assertLine(lines.get(intraEu), 119, "NORMAL", "91-180 days", "1200.00", "0.00", "0", "1200.00", "25", "300.00");
        assertLine(lines.get(reduced), 119, "NORMAL", "91-180 days", "1055.00", "55.00", "0", "1000.00", "25", "250.00");
        assertLine(lines.get(standard), 119, "NORMAL", "91-180 days", "1200.00", "200.00", "0", "1000.00", "25", "250.00");
        assertLine(lines.get(reducedPartlyPaid), 119, "NORMAL", "91-180 days", "844.00", "44.00", "0", "800.00", "25", "200.00");
        assertLine(lines.get(derived), 119, "NORMAL", "91-180 days", "1200.00", "200.00", "0", "1000.00", "25", "250.00");
        assertThat(lines.values()).extracting(line -> line.get("vatDerived").asBoolean()).containsOnlyOnce(true);
        assertThat(lines.get(derived).get("vatDerived").asBoolean()).isTrue();
        // the French customer's total: 250.00 + 250.00 + 200.00 + 250.00
        assertThat(euros(report("2033-05", french)).get("provision").decimalValue()).isEqualByComparingTo("950.00");
    }

    @Test
    void aClosedMonthKeepsItsFiguresAndTheNextMonthShowsTheMovement() {
        moveTo(LocalDate.of(2032, 2, 3));
        UUID d = customer("Distribution Close");
        // on 31 January 2032: 30+31+31 = 92 days and 30+31+30+31+31 = 153 days, both normal 91-180 days: 25 %
        String first = invoice(d, "2031-10-01", "2031-10-31", "2400.00", "EUR");   // 2,000 HT × 25 % = 500
        String second = invoice(d, "2031-08-01", "2031-08-31", "1200.00", "EUR");  // 1,000 HT × 25 % = 250

        ResponseEntity<JsonNode> closed = api.asAdmin().postForEntity("/api/v1/provisions/2032-01", null, JsonNode.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.getBody().get("closedBy").asText()).isEqualTo(Api.ADMIN);
        assertThat(api.asAdmin().postForEntity("/api/v1/provisions/2032-01", null, JsonNode.class).getStatusCode())
                .as("closed once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.asAdmin().postForEntity("/api/v1/provisions/2032-02", null, JsonNode.class).getStatusCode())
                .as("the running month is not over").isEqualTo(HttpStatus.CONFLICT);

        // February: half of the first invoice paid, the second paid, the customer insolvent on 15 February
        pay(d, first, "1200.00");
        pay(d, second, "1200.00");
        customers.reportInsolvency(d, LocalDate.of(2032, 2, 15));

        JsonNode january = report("2032-01", d);
        assertThat(january.get("status").asText()).isEqualTo("CLOSED");
        Map<String, JsonNode> januaryLines = byInvoice(january);
        assertLine(januaryLines.get(first), 92, "NORMAL", "91-180 days", "2400.00", "400.00", "0", "2000.00", "25", "500.00");
        assertLine(januaryLines.get(second), 153, "NORMAL", "91-180 days", "1200.00", "200.00", "0", "1000.00", "25", "250.00");
        assertThat(euros(january).get("provision").decimalValue()).isEqualByComparingTo("750.00");
        String januaryCsv = new String(api.asAdmin().getForObject("/api/v1/provisions/2032-01.csv?customerId={d}", byte[].class, d),
                StandardCharsets.UTF_8);
        assertThat(januaryCsv).contains(first + ";").contains("2400,00").contains("750,00");

        moveTo(LocalDate.of(2032, 3, 2));
        JsonNode february = report("2032-02", d);
        assertThat(february.get("status").asText()).isEqualTo("PREVIEW");
        assertThat(february.get("previousMonth").asText()).isEqualTo("2032-01");
        // 1,200 TTC left = 1,000 HT × 100 % (insolvent): 500 more than January; the second is gone: 250 reversed
        JsonNode firstInFebruary = byInvoice(february).get(first);
        assertLine(firstInFebruary, 121, "INSOLVENT", "91-180 days", "1200.00", "200.00", "0", "1000.00", "100", "1000.00");
        assertThat(firstInFebruary.get("previousProvision").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(firstInFebruary.get("movement").decimalValue()).isEqualByComparingTo("500.00");
        JsonNode euros = euros(february);
        assertThat(euros.get("previousProvision").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(euros.get("allowance").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(euros.get("reversal").decimalValue()).isEqualByComparingTo("250.00");
        // 750 + 500 - 250
        assertThat(euros.get("provision").decimalValue()).isEqualByComparingTo("1000.00");

        assertThat(api.asAdmin().postForEntity("/api/v1/provisions/2032-02", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(api.asAdmin().postForEntity("/api/v1/provisions/2031-12", null, JsonNode.class).getStatusCode())
                .as("months are closed in order").isEqualTo(HttpStatus.CONFLICT);
        assertThat(euros(report("2032-02", d)).get("provision").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void aBadOrFutureMonthIsRefusedNamingTheField() {
        moveTo(LocalDate.of(2031, 4, 2));
        for (String month : List.of("2031-13", "march", "2031-3", "2031-04-01")) {
            ResponseEntity<JsonNode> bad = api.asAdmin().getForEntity("/api/v1/provisions/" + month, JsonNode.class);
            assertThat(bad.getStatusCode()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("month");
        }
        ResponseEntity<JsonNode> future = api.asAdmin().getForEntity("/api/v1/provisions/2031-05", JsonNode.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().get("errors").get(0).get("reason").asText()).contains("has not begun");
        assertThat(api.asAdmin().getForEntity("/api/v1/provisions/2031-04?customerId=nobody", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void managersAndCreditManagersReadOnlyAdminsClose() {
        moveTo(LocalDate.of(2031, 4, 2));
        user("prov-manager", RecouvraGroups.MANAGERS);
        user("prov-credit", RecouvraGroups.CREDIT_MANAGERS);
        user("prov-collector", RecouvraGroups.COLLECTORS);
        user("prov-integrator", RecouvraGroups.INTEGRATORS);
        try {
            String running = "/api/v1/provisions/2031-04?customerId=" + UUID.randomUUID();
            assertThat(as("prov-manager").getForEntity(running, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as("prov-credit").getForEntity(running, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as("prov-collector").getForEntity(running, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as("prov-integrator").getForEntity(running, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            // refused before the month is even looked at
            assertThat(as("prov-credit").postForEntity("/api/v1/provisions/2031-03", null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as("prov-manager").postForEntity("/api/v1/provisions/2031-03", null, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            List.of("prov-manager", "prov-credit", "prov-collector", "prov-integrator").forEach(identity::deleteUser);
        }
    }

    private static void assertLine(JsonNode line, int days, String situation, String bucket, String outstanding, String vat,
                                   String insured, String base, String rate, String provision) {
        assertThat(line).isNotNull();
        assertThat(line.get("daysOverdue").asInt()).isEqualTo(days);
        assertThat(line.get("situation").asText()).isEqualTo(situation);
        assertThat(line.get("bucket").asText()).isEqualTo(bucket);
        assertThat(line.get("outstanding").decimalValue()).isEqualByComparingTo(outstanding);
        assertThat(line.get("vat").decimalValue()).isEqualByComparingTo(vat);
        assertThat(line.get("insured").decimalValue()).isEqualByComparingTo(insured);
        assertThat(line.get("base").decimalValue()).isEqualByComparingTo(base);
        assertThat(line.get("rate").decimalValue()).isEqualByComparingTo(rate);
        assertThat(line.get("provision").decimalValue()).isEqualByComparingTo(provision);
    }

    private JsonNode report(String month, UUID customer) {
        return api.asAdmin().getForObject("/api/v1/provisions/" + month + "?customerId={c}", JsonNode.class, customer);
    }

    private static Map<String, JsonNode> byInvoice(JsonNode report) {
        Map<String, JsonNode> lines = new HashMap<>();
        report.get("lines").forEach(line -> lines.put(line.get("invoiceNumber").asText(), line));
        return lines;
    }

    private static JsonNode euros(JsonNode report) {
        for (JsonNode total : report.get("currencies")) {
            if (total.get("currency").asText().equals("EUR")) {
                return total;
            }
        }
        throw new AssertionError("no EUR total in " + report);
    }

    private static JsonNode total(JsonNode report, String currency, String situation, String bucket) {
        for (JsonNode total : report.get("totals")) {
            if (total.get("currency").asText().equals(currency) && total.get("situation").asText().equals(situation)
                    && total.get("bucket").asText().equals(bucket)) {
                return total;
            }
        }
        throw new AssertionError("no total for " + currency + " " + situation + " " + bucket + " in " + report);
    }

    private UUID customer(String name) {
        return customers.register(new NewCustomer(name + " " + TestData.invoiceNumber(), TestData.siren(), "FR", "fr", null,
                "3 rue du Bilan", "75011", "Paris", List.of())).getId();
    }

    private String invoice(UUID customer, String issued, String due, String amount, String currency) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.parse(issued), LocalDate.parse(due),
                new BigDecimal(amount), currency));
        return number;
    }

    /** An invoice due 1 February 2033 with its own amount excluding VAT and VAT. */
    private String invoice(UUID customer, String amount, String amountExclVat, String vat) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.of(2033, 1, 2), LocalDate.of(2033, 2, 1),
                new BigDecimal(amount), "EUR", null, amountExclVat == null ? null : new BigDecimal(amountExclVat),
                vat == null ? null : new BigDecimal(vat)));
        return number;
    }

    private void pay(UUID customer, String invoiceNumber, String amount) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", LocalDate.ofInstant(ClockUtil.now().toInstant(), PARIS),
                "VIR-" + TestData.invoiceNumber(), List.of(new NewPayment.Allocation(invoiceNumber, new BigDecimal(amount)))));
    }

    /** A dispute still open on an invoice that an agency already has (the agency's case takes it up). */
    private void openDispute(String invoiceNumber, UUID customer) {
        jdbc.update("""
                insert into recouvra.dispute (id, invoice_id, customer_id, reason, raised_via, raised_at)
                select ?, id, ?, 'QUALITY', 'API', ? from recouvra.invoice where number = ?""",
                UUID.randomUUID(), customer, Timestamp.from(ClockUtil.now().toInstant()), invoiceNumber);
    }

    private TestRestTemplate as(String user) {
        return api.as(user, "secret-" + user);
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
