package io.recouvra.insolvency;

import static io.recouvra.support.EngineClock.moveTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.guarantee.NewGuarantee;
import io.recouvra.support.Api;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The declaration of claims, from the opening judgment to the dividend or the write-off, with the engine clock moved
 * across its deadlines. Every case: judgment on Monday 2 March 2026, published in the BODACC on Thursday 12 March,
 * so the declaration is due by Tuesday 12 May (R. 622-24: two months), the reminder fires on 27 April (15 days
 * before), relief may be asked until Monday 14 September (six months: 12 September is a Saturday, CPC 642).
 */
@RecouvraTest
class ClaimDeclarationProcessTest {

    static final LocalDate JUDGMENT = LocalDate.of(2026, 3, 2);
    static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 12);

    @Autowired
    InsolvencyProceedingsService register;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    EngineJobs jobs;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Guarantees guarantees;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void assertionsOnThisEngine() {
        // another test class's English engine may live in the same JVM: the process assertions must read this one
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theFiguresOfADeclarationAreTheHandComputation() throws Exception {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        String overdue = invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        String partlyPaid = invoice(debtor, "2026-01-16", "2026-02-15", "1200.00");
        moveTo(LocalDate.of(2026, 2, 20));
        pay(debtor, partlyPaid, "200.00", LocalDate.of(2026, 2, 20));
        String notYetDue = invoice(debtor, "2026-02-20", "2026-03-22", "2400.00");
        moveTo(JUDGMENT);
        String bornOnTheJudgmentDay = invoice(debtor, "2026-03-02", "2026-04-01", "500.00");
        moveTo(PUBLISHED);
        UUID proceedings = open(debtor, PUBLISHED);

        JsonNode declaration = api.asAdmin().getForObject("/api/v1/insolvency-proceedings/{id}/declaration", JsonNode.class, proceedings);

        // H1 2026 statutory rate: ECB 2.15 + 10 = 12.15 %, exact days over 365, interest to the judgment's day inclusive.
        // overdue: 10,000.00 from 1 Feb to 2 Mar = 28 + 2 = 30 days: 10000 x 12.15 x 30 / 36500 = 99.863 -> 99.86; indemnity 40
        // partly paid: 1,200.00 from 16 to 20 Feb (5 days; the payment valued 20 Feb counts from the 21st) = 1.99726,
        //   then 1,000.00 from 21 Feb to 2 Mar (8 + 2 = 10 days) = 3.32877; 5.32603 -> 5.33; indemnity 40
        // not yet due (22 Mar, after the judgment): 2,400.00, no interest, no indemnity
        // the invoice of the judgment's day is a claim born after it: not declared
        assertThat(numbers(declaration)).containsExactly(overdue, partlyPaid, notYetDue).doesNotContain(bornOnTheJudgmentDay);
        assertLine(declaration.get("lines").get(0), "10000.00", "99.86", "40.00", false);
        assertLine(declaration.get("lines").get(1), "1000.00", "5.33", "40.00", false);
        assertLine(declaration.get("lines").get(2), "2400.00", "0.00", "0.00", true);
        JsonNode totals = declaration.get("totals").get(0);
        assertThat(totals.get("currency").asText()).isEqualTo("EUR");
        assertThat(totals.get("principalDue").decimalValue()).isEqualByComparingTo("11000.00");
        assertThat(totals.get("interest").decimalValue()).as("99.86 + 5.33").isEqualByComparingTo("105.19");
        assertThat(totals.get("indemnityEur").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(totals.get("due").decimalValue()).as("11,000.00 + 105.19 + 80.00").isEqualByComparingTo("11185.19");
        assertThat(totals.get("notYetDue").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(totals.get("total").decimalValue()).isEqualByComparingTo("13585.19");
        assertThat(declaration.get("totalDisplay").asText()).isEqualTo(display("13 585,19 €"));
        assertThat(declaration.get("deadlines").get("declaration").asText()).isEqualTo("2026-05-12");
        assertThat(declaration.get("deadlines").get("relief").asText()).as("12 Sept. is a Saturday").isEqualTo("2026-09-14");
        assertThat(declaration.get("deadlines").get("retention").asText()).isEqualTo("2026-06-12");
        assertThat(declaration.get("securities")).isEmpty();

        // prepared by the process: the PDF and the bundle are served
        jobs.runDue(instance(proceedings));
        ResponseEntity<byte[]> pdf = api.asAdmin().getForEntity("/api/v1/insolvency-proceedings/{id}/declaration.pdf", byte[].class,
                proceedings);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
        ResponseEntity<byte[]> bundle = api.asAdmin().getForEntity("/api/v1/insolvency-proceedings/{id}/bundle.zip", byte[].class,
                proceedings);
        assertThat(entries(bundle.getBody())).containsExactly("01-declaration-de-creances.pdf", "02-releve-des-factures.csv");
    }

    @Test
    void declaredInTimeAfterTheReminderAdmittedAndPaidByTwoDividends() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        String number = invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(LocalDate.of(2026, 3, 5));
        UUID proceedings = open(debtor, null);
        ProcessInstance declaration = instance(proceedings);
        assertThat(declaration).as("the deadlines run from the publication").isWaitingAt("Event_BodaccPublished");

        moveTo(PUBLISHED);
        register.recordBodaccPublication(proceedings, PUBLISHED);
        jobs.runDue(declaration);
        Task send = task(declaration);
        assertThat(send.getTaskDefinitionKey()).isEqualTo("Task_SendDeclaration");
        assertThat(send.getName()).contains(customerName(debtor)).contains(display("10 139,86 €"));
        assertThat(send.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 5, 12).atTime(12, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant()));
        assertThat(send.getPriority()).isEqualTo(50);

        moveTo(LocalDate.of(2026, 4, 26));
        jobs.runDue(declaration);
        assertThat(task(declaration).getPriority()).as("no reminder yet").isEqualTo(50);
        moveTo(LocalDate.of(2026, 4, 27));
        jobs.runDue(declaration);
        assertThat(task(declaration).getPriority()).as("reminded 15 days before").isEqualTo(75);
        assertThat(trail(debtor)).contains("Reminder: the declaration of claims is to be sent to the representative by 2026-05-12");

        moveTo(LocalDate.of(2026, 4, 28));
        assertThatThrownBy(() -> tasks.complete(task(declaration).getId(), Map.of("declarationSentOn", "2026-04-28")))
                .hasMessageContaining("declarationChannel");
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-28", "declarationChannel", "REGISTERED_LETTER",
                "declarationReference", "1A 123 456 7890 1"));
        assertThat(trail(debtor)).contains("Declaration of claims sent to the representative on 2026-04-28 (REGISTERED_LETTER 1A 123 456 7890 1)");
        assertThat(jdbc.queryForObject("select sent_on from recouvra.claim_declaration where proceedings_id = ?", LocalDate.class,
                proceedings)).isEqualTo(LocalDate.of(2026, 4, 28));

        moveTo(LocalDate.of(2026, 7, 1));
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "ADMITTED", "admittedAmount", 10139.86));
        moveTo(LocalDate.of(2027, 3, 1));
        assertThatThrownBy(() -> tasks.complete(task(declaration).getId(), Map.of("proceedingsOutcome", "DIVIDEND_PAID",
                "dividendAmount", 10000.01, "outcomeDate", "2027-03-01"))).as("more than the ledger still owes")
                .hasMessageContaining("dividendAmount");
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "DIVIDEND_PAID", "dividendAmount", 4000,
                "outcomeDate", "2027-03-01", "bankReference", "DIV-1"));
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("6000.00");
        assertThat(task(declaration).getTaskDefinitionKey()).as("still owed: the next dividend").isEqualTo("Task_RecordOutcome");

        moveTo(LocalDate.of(2028, 3, 1));
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "DIVIDEND_PAID", "dividendAmount", "6000.00",
                "outcomeDate", "2028-03-01", "bankReference", "DIV-2"));
        assertThat(invoices.get(number).getOutstanding()).isEqualByComparingTo("0.00");
        assertThat(declaration).hasPassed("EndEvent_PaidInFull", "EndEvent_NoGoodsToClaim").isEnded();
    }

    @Test
    void declaredLateThenReliefGrantedAndTheCaseGoesOn() {
        ProcessInstance declaration = publishedCase();
        UUID debtor = customerOf(declaration);

        moveTo(LocalDate.of(2026, 5, 12));
        jobs.runDue(declaration);
        assertThat(task(declaration).getTaskDefinitionKey()).as("the last day is still in time").isEqualTo("Task_SendDeclaration");
        moveTo(LocalDate.of(2026, 5, 13));
        jobs.runDue(declaration);
        Task relief = task(declaration);
        assertThat(relief.getTaskDefinitionKey()).isEqualTo("Task_AskRelief");
        assertThat(relief.getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 9, 14).atTime(12, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant()));

        moveTo(LocalDate.of(2026, 6, 15));
        assertThatThrownBy(() -> tasks.complete(relief.getId(), Map.of("reliefOutcome", "GRANTED", "reliefRequestedOn", "2026-05-20")))
                .as("the declaration sent after the relief").hasMessageContaining("declarationSentOn");
        complete(declaration, "Task_AskRelief", Map.of("reliefOutcome", "GRANTED", "reliefRequestedOn", "2026-05-20",
                "declarationSentOn", "2026-06-15"));

        assertThat(task(declaration).getTaskDefinitionKey()).isEqualTo("Task_RecordAnswer");
        assertThat(trail(debtor)).contains("Relief from foreclosure granted (L. 622-26), request filed on 2026-05-20",
                "Declaration of claims sent to the representative on 2026-06-15, after the deadline of 2026-05-12");
    }

    @Test
    void neitherDeclaredNorReliefAskedInSixMonthsTheClaimIsForeclosed() {
        ProcessInstance declaration = publishedCase();
        UUID debtor = customerOf(declaration);
        moveTo(LocalDate.of(2026, 4, 27));
        jobs.runDue(declaration); // the reminder, on its own day (run together, the lapse would cancel it under the test's feet)
        moveTo(LocalDate.of(2026, 5, 13));
        jobs.runDue(declaration);
        moveTo(LocalDate.of(2026, 9, 14));
        jobs.runDue(declaration);
        assertThat(task(declaration).getTaskDefinitionKey()).as("the last day of the six months").isEqualTo("Task_AskRelief");
        moveTo(LocalDate.of(2026, 9, 15));
        jobs.runDue(declaration);

        assertThat(declaration).hasPassed("EndEvent_Foreclosed").isEnded();
        assertThat(trail(debtor)).contains(
                "Claim foreclosed: not declared by 2026-05-12 and no relief asked by 2026-09-14 (L. 622-26)");
    }

    @Test
    void contestedUnansweredInThirtyDaysThenAdmittedByTheJudge() {
        ProcessInstance declaration = publishedCase();
        UUID debtor = customerOf(declaration);
        moveTo(LocalDate.of(2026, 4, 2));
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-02", "declarationChannel", "REPRESENTATIVE_PORTAL"));
        moveTo(LocalDate.of(2026, 6, 3));
        assertThatThrownBy(() -> tasks.complete(task(declaration).getId(), Map.of("claimAnswer", "CONTESTED")))
                .hasMessageContaining("contestReceivedOn");
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "CONTESTED", "contestReceivedOn", "2026-06-01"));

        // 1 June + 30 days = Wednesday 1 July (L. 622-27, R. 624-1)
        Task contest = task(declaration);
        assertThat(contest.getTaskDefinitionKey()).isEqualTo("Task_AnswerContest");
        assertThat(runtime.getVariable(declaration.getId(), "contestDeadline")).isEqualTo("2026-07-01");
        moveTo(LocalDate.of(2026, 7, 1));
        jobs.runDue(declaration);
        assertThat(task(declaration).getTaskDefinitionKey()).isEqualTo("Task_AnswerContest");
        moveTo(LocalDate.of(2026, 7, 2));
        jobs.runDue(declaration);
        assertThat(trail(debtor)).contains("No answer to the representative's contest within 30 days: the creditor can no longer "
                + "contest the proposal (L. 622-27)");

        complete(declaration, "Task_RecordDecision", Map.of("claimAnswer", "ADMITTED", "admittedAmount", "9000", "decisionDate", "2026-09-10"));
        assertThat(task(declaration).getTaskDefinitionKey()).isEqualTo("Task_RecordOutcome");
        assertThat(runtime.getVariable(declaration.getId(), "admittedAmountDisplay")).isEqualTo(display("9 000,00 €"));
        assertThat(trail(debtor)).contains("Claim admitted for " + display("9 000,00 €"));
    }

    @Test
    void liquidationClosedForInsufficientAssetsTheRestIsWrittenOffWithItsVatNote() {
        ProcessInstance declaration = publishedCase(ProceedingsKind.LIQUIDATION);
        UUID debtor = customerOf(declaration);
        String number = jdbc.queryForObject("select invoice_numbers from recouvra.claim_declaration where customer_id = ?", String.class, debtor);
        moveTo(LocalDate.of(2026, 4, 2));
        complete(declaration, "Task_SendDeclaration", Map.of("declarationSentOn", "2026-04-02", "declarationChannel", "REGISTERED_LETTER"));
        complete(declaration, "Task_RecordAnswer", Map.of("claimAnswer", "ADMITTED", "admittedAmount", "10139.86"));
        moveTo(LocalDate.of(2027, 6, 30));
        complete(declaration, "Task_RecordOutcome", Map.of("proceedingsOutcome", "CLOSED_INSUFFICIENT_ASSETS", "outcomeDate", "2027-06-29"));

        assertThat(declaration).hasPassed("Task_WriteOff", "EndEvent_WrittenOff").isEnded();
        assertThat(invoices.get(number).getStatus()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        Map<String, Object> writeOff = jdbc.queryForMap("select reason, amount, vat_included, note from recouvra.write_off where invoice_number = ?",
                number);
        assertThat(writeOff.get("reason")).isEqualTo("INSOLVENCY");
        // 10,000.00 including VAT derived at 20 %: 10000 / 1.2 = 8,333.33 excl. VAT, 1,666.67 VAT
        assertThat((BigDecimal) writeOff.get("amount")).isEqualByComparingTo("10000.00");
        assertThat((BigDecimal) writeOff.get("vat_included")).isEqualByComparingTo("1666.67");
        assertThat((String) writeOff.get("note")).isEqualTo("liquidation closed for insufficient assets on 2027-06-29 (C. com. L. 643-9); "
                + "VAT recoverable (CGI art. 272-1) from the judgment that pronounced the liquidation, against a rectifying invoice to the debtor");
        assertThat(trail(debtor)).contains("Liquidation closed for insufficient assets on 2027-06-29 (L. 643-9)");
    }

    @Test
    void goodsUnderRetentionOfTitleAreClaimedBackWithinThreeMonthsAlongsideTheDeclaration() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        String number = invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        // the clause as the register of guarantees keeps it (package guarantee), which the declaration reads
        guarantees.register(debtor, new NewGuarantee(GuaranteeKind.RETENTION_OF_TITLE, number, null, null, false,
                new BigDecimal("10000.00"), "EUR", LocalDate.of(2026, 1, 1), null, "conditions générales de vente, article 9",
                null, null, null, null, null, null, null));
        moveTo(PUBLISHED);
        ProcessInstance declaration = instance(open(debtor, PUBLISHED));
        jobs.runDue(declaration);

        List<Task> open = tasks.createTaskQuery().processInstanceId(declaration.getId()).list().stream()
                .sorted(java.util.Comparator.comparing(Task::getTaskDefinitionKey)).toList();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("Task_ClaimGoods", "Task_SendDeclaration");
        // 12 March + 3 months = Friday 12 June (L. 624-9)
        assertThat(open.get(0).getDueDate()).isEqualTo(java.util.Date.from(LocalDate.of(2026, 6, 12).atTime(12, 0)
                .atZone(ZoneId.of("Europe/Paris")).toInstant()));
        JsonNode figures = api.asAdmin().getForObject("/api/v1/insolvency-proceedings/{id}/declaration", JsonNode.class,
                declaration.getBusinessKey());
        assertThat(figures.get("securities").get(0).get("kind").asText()).isEqualTo("Clause de réserve de propriété");
        assertThat(figures.get("securities").get(0).get("evidence").asText())
                .isEqualTo("conditions générales de vente, article 9 du 01/01/2026");

        moveTo(LocalDate.of(2026, 4, 10));
        tasks.complete(open.get(0).getId(), new HashMap<>(Map.of("goodsClaimedOn", "2026-04-10")));
        assertThat(declaration).hasPassed("EndEvent_GoodsClaimed");
        assertThat(trail(debtor)).contains("Claim for the return of goods under retention of title sent on 2026-04-10 (L. 624-9)");
        assertThat(task(declaration).getTaskDefinitionKey()).as("the declaration goes on").isEqualTo("Task_SendDeclaration");
    }

    @Test
    void theDeclarationIsRefusedBeforeThePublicationAndUnknownProceedingsAreNotFound() {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        invoice(debtor, "2026-01-01", "2026-01-31", "1000.00");
        moveTo(LocalDate.of(2026, 3, 5));
        UUID proceedings = open(debtor, null);

        ResponseEntity<JsonNode> early = api.asAdmin().getForEntity("/api/v1/insolvency-proceedings/{id}/declaration", JsonNode.class,
                proceedings);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("errors").get(0).get("field").asText()).isEqualTo("bodaccPublishedOn");
        assertThat(api.asAdmin().getForEntity("/api/v1/insolvency-proceedings/{id}/declaration.pdf", byte[].class, proceedings)
                .getStatusCode()).as("not prepared yet").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.asAdmin().getForEntity("/api/v1/insolvency-proceedings/{id}/declaration", JsonNode.class, UUID.randomUUID())
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.anonymous().getForEntity("/api/v1/insolvency-proceedings/{id}/declaration", String.class, proceedings)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---- the case every path starts from: one invoice of 10,000.00 due 31 January, published on 12 March, prepared

    private ProcessInstance publishedCase() {
        return publishedCase(ProceedingsKind.RECEIVERSHIP);
    }

    private ProcessInstance publishedCase(ProceedingsKind kind) {
        moveTo(LocalDate.of(2026, 1, 2));
        UUID debtor = debtor();
        invoice(debtor, "2026-01-01", "2026-01-31", "10000.00");
        moveTo(PUBLISHED);
        ProcessInstance declaration = instance(open(debtor, PUBLISHED, kind));
        jobs.runDue(declaration);
        assertThat(task(declaration).getTaskDefinitionKey()).isEqualTo("Task_SendDeclaration");
        return declaration;
    }

    private UUID open(UUID debtor, LocalDate publishedOn) {
        return open(debtor, publishedOn, ProceedingsKind.RECEIVERSHIP);
    }

    private UUID open(UUID debtor, LocalDate publishedOn, ProceedingsKind kind) {
        return register.report(debtor, new ProceedingsReport(kind, JUDGMENT, "Tribunal de commerce de Lyon",
                "SELARL MJ Synergie", "15 rue Servient, 69003 Lyon", "mj@synergie.example", publishedOn, ReportedBy.PERSON, false)).getId();
    }

    private UUID debtor() {
        return customers.register(new NewCustomer("Menuiserie Perrin SAS " + TestData.invoiceNumber(), TestData.siren(), "FR", "fr",
                null, "4 rue des Tanneurs", "69001", "Lyon", List.of(new NewCustomer.NewContact("Mme Perrin", "Gérante",
                "compta@perrin.example", null, true, false, false)))).getId();
    }

    private String invoice(UUID customer, String issued, String due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(UUID customer, String number, String amount, LocalDate on) {
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", on, "VIR-" + number,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }

    private ProcessInstance instance(UUID proceedings) {
        ProcessInstance found = runtime.createProcessInstanceQuery().processDefinitionKey(DeclarationOfClaimsContract.PROCESS_KEY)
                .processInstanceBusinessKey(proceedings.toString()).singleResult();
        assertThat(found).as("a declaration of claims for %s", proceedings).isNotNull();
        return found;
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance);
        assertThat(task).as("a task %s", key).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasks.complete(task.getId(), new HashMap<>(variables));
        jobs.runDue(instance);
    }

    private UUID customerOf(ProcessInstance instance) {
        return UUID.fromString((String) runtime.getVariable(instance.getId(), DeclarationOfClaimsContract.CUSTOMER_ID));
    }

    private String customerName(UUID customer) {
        return customers.get(customer).getLegalName();
    }

    private List<String> trail(UUID customer) {
        return jdbc.queryForList("select summary from recouvra.interaction where customer_id = ? order by seq", String.class, customer);
    }

    private static List<String> numbers(JsonNode declaration) {
        List<String> numbers = new ArrayList<>();
        declaration.get("lines").forEach(line -> numbers.add(line.get("invoiceNumber").asText()));
        return numbers;
    }

    private static void assertLine(JsonNode line, String principal, String interest, String indemnity, boolean fallsDueLater) {
        assertThat(line.get("principal").decimalValue()).isEqualByComparingTo(principal);
        assertThat(line.get("interest").decimalValue()).isEqualByComparingTo(interest);
        assertThat(line.get("indemnityEur").decimalValue()).isEqualByComparingTo(indemnity);
        assertThat(line.get("fallsDueLater").asBoolean()).isEqualTo(fallsDueLater);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** AmountDisplay's French format: a narrow no-break space between thousands, a no-break space before the euro sign. */
    private static String display(String plain) {
        return io.recouvra.receivables.AmountDisplay.of(new BigDecimal(plain.replace(" €", "").replace(" ", "").replace(',', '.')), "EUR");
    }
}
