package io.recouvra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.collection.EscalationContract;
import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.support.EngineJobs;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the legal tests share: a debtor and its invoice, a stand-in for Escalation that opens the case
 * through the {@code openLegalCase} delegate and waits for {@code LegalInjunctionEnded} exactly as
 * Escalation does (collection correlates it when legal announces {@link CourtCaseEnded}), the engine clock, jobs run by hand, and tasks completed as Tasklist would.
 */
@Component
class LegalCaseFixtures {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Stands in for InvoiceCollection's escalation: a service task calling openLegalCase, then the message. */
    static final String CALLER = "LegalCaseCallerTest";

    private final RuntimeService runtime;
    private final EngineJobs jobs;
    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final JdbcTemplate jdbc;
    private final LegalCases cases;
    private final InteractionLog interactions;

    LegalCaseFixtures(LegalCases cases, InteractionLog interactions, RuntimeService runtime, EngineJobs jobs, TaskService tasks, HistoryService history,
                      RepositoryService repository, CustomerService customers, InvoiceService invoices, PaymentService payments,
                      JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.jobs = jobs;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.jdbc = jdbc;
        this.cases = cases;
        this.interactions = interactions;
    }

    void deployCaller() {
        BpmnModelInstance caller = Bpmn.createExecutableProcess(CALLER).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaDelegateExpression("${openLegalCase}")
                .intermediateCatchEvent().message(EscalationContract.MESSAGE_LEGAL_INJUNCTION_ENDED)
                .endEvent().done();
        repository.createDeployment().name(CALLER).enableDuplicateFiltering(true)
                .addModelInstance(CALLER + ".bpmn", caller).deploy();
    }

    UUID debtor(String city, String postalCode) {
        return customers.register(new NewCustomer("Transports Durand SARL " + TestData.invoiceNumber(), TestData.siren(), "FR", "fr",
                null, "8 quai Perrache", postalCode, city, List.of(new NewCustomer.NewContact("M. Durand", "Gérant",
                "compta@durand.example", null, true, false, false)))).getId();
    }

    String invoice(UUID customer, LocalDate issued, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, issued, due, new BigDecimal(amount), "EUR"));
        return number;
    }

    /** What InvoiceCollection's escalation does: returns the caller, waiting for the case to end. */
    ProcessInstance escalateToCourt(String number) {
        var invoice = invoices.get(number);
        return runtime.startProcessInstanceByKey(CALLER, number, Map.of("invoiceNumber", number,
                "invoiceId", invoice.getId().toString(), "customerId", invoice.getCustomer().getId().toString(),
                "customerName", invoice.getCustomer().getLegalName(), "outstandingDisplay", "10 000,00 €"));
    }

    ProcessInstance legalCase(String number) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(LegalInjunctionContract.PROCESS_KEY)
                .processInstanceBusinessKey(number).singleResult();
        assertThat(instance).as("a LegalInjunction for %s", number).isNotNull();
        return instance;
    }

    LegalCase legalCaseRow(String number) {
        return cases.current(number);
    }

    void runJobs(ProcessInstance instance) {
        jobs.runDue(instance);
    }

    Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** Completes the case's one open task, which must be {@code key}, then runs what became due. */
    void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance);
        assertThat(task).as("a task %s", key).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        tasks.complete(task.getId(), new HashMap<>(variables));
        runJobs(instance);
    }

    void pay(String number, String amount, LocalDate on) {
        UUID customer = invoices.get(number).getCustomer().getId();
        payments.register(new NewPayment(customer, new BigDecimal(amount), "EUR", on, "VIR-" + number + "-" + amount,
                List.of(new NewPayment.Allocation(number, new BigDecimal(amount)))));
    }

    /** The outcome the caller (InvoiceCollection's stand-in) received with the message, or null if none came. */
    Object outcomeReceivedBy(ProcessInstance caller) {
        HistoricVariableInstance outcome = history.createHistoricVariableInstanceQuery().processInstanceId(caller.getId())
                .variableName(EscalationContract.OUTCOME).singleResult();
        return outcome == null ? null : outcome.getValue();
    }

    List<String> courtTrail(String number) {
        return jdbc.queryForList("""
                select summary from recouvra.interaction where invoice_id = (select id from recouvra.invoice where number = ?)
                and channel = 'COURT' order by seq""", String.class, number);
    }

    /**
     * A formal notice sent by registered letter on that day, as the dispatcher keeps it (the outbox row,
     * the PDF, the interaction), written directly: the sandbox post would remember the letter in memory
     * and acknowledge it during another test class.
     */
    void formalNoticeSent(String number, LocalDate sentOn, boolean acknowledged) throws Exception {
        var invoice = invoices.get(number);
        UUID messageId = UUID.randomUUID();
        java.sql.Timestamp sentAt = java.sql.Timestamp.from(sentOn.atTime(9, 0).atZone(PARIS).toInstant());
        jdbc.update("""
                insert into recouvra.outbox_message (id, case_ref, step, channel, kind, tone, customer_id, invoice_id, status,
                next_attempt_at, created_at, sent_at, recipient, provider_id)
                values (?, ?, 'formal-notice', 'LETTER', 'FORMAL_NOTICE', 'FORMAL', ?, ?, ?, ?, ?, ?, ?, ?)""",
                messageId, number, invoice.getCustomer().getId(), invoice.getId(), acknowledged ? "DELIVERED" : "SENT",
                sentAt, sentAt, sentAt, invoice.getCustomer().getLegalName(), "TEST-" + messageId);
        jdbc.update("insert into recouvra.letter_document (id, outbox_message_id, content, sha256, created_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), messageId, letter("Mise en demeure de payer " + number), "test", sentAt);
        interactions.record(invoice.getCustomer().getId(), invoice.getId(), Interaction.Medium.LETTER,
                Interaction.Direction.OUTBOUND, Interaction.Type.MESSAGE_SENT, "Formal notice sent by registered letter", null);
    }

    private static byte[] letter(String line) throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Every line of the invoice's trail, oldest first, whatever the channel. */
    List<String> interactionSummaries(String number) {
        return jdbc.queryForList("""
                select summary from recouvra.interaction where invoice_id = (select id from recouvra.invoice where number = ?)
                order by seq""", String.class, number);
    }

    LegalCases legalCases() {
        return cases;
    }

    List<String> interactionTypes(String number) {
        return jdbc.queryForList("""
                select type from recouvra.interaction where invoice_id = (select id from recouvra.invoice where number = ?)
                order by seq""", String.class, number);
    }

}
