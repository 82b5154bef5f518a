package io.recouvra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.trail.Interaction;
import io.recouvra.trail.InteractionLog;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RecouvraTest
class EarlyWarningsTest {


    @Autowired
    Scoring scoring;
    @Autowired
    CreditBureau bureau;
    @Autowired
    NightlyRescoring nightly;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    InteractionLog interactions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngine engine;
    @Autowired
    Clock clock;

    @Test
    void aCustomerWhoseClassDropsGetsAWarningOnRecordAndOneCreditReviewThatACreditManagerMustDecide() {
        UUID customer = wellRatedCustomer("Worsening SA");
        LocalDate today = LocalDate.now(clock);
        invoice(customer, today.plusDays(20), "500.00");
        CreditScore first = scoring.score(customer);
        assertThat(openReviews(customer)).isEmpty();

        // a large invoice two months overdue
        invoice(customer, today.minusDays(60), "50000.00");
        CreditScore second = scoring.score(customer);

        assertThat(second.getRiskClass()).isGreaterThan(first.getRiskClass());
        ProcessInstance review = openReviews(customer).get(0);
        assertThat(openReviews(customer)).hasSize(1);
        assertThat(runtime.getVariable(review.getId(), "reason")).isEqualTo("EARLY_WARNING");
        assertThat(runtime.getVariable(review.getId(), "requestedAmount"))
                .as("no limit set yet: the opening limit is reviewed, not 0").isEqualTo(5000.0);
        assertThat((String) runtime.getVariable(review.getId(), "reviewReason"))
                .contains("risk class " + first.getRiskClass() + " → " + second.getRiskClass());
        management.createJobQuery().processInstanceId(review.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        // even when the policy would not ask for it, a warning is decided by a credit manager
        BpmnAwareTests.init(engine);
        BpmnAwareTests.assertThat(review).isWaitingAt("Task_ApproveCreditLimit");
        BpmnAwareTests.assertThat(BpmnAwareTests.task(review)).hasCandidateGroup(RecouvraGroups.CREDIT_MANAGERS);
        assertThat(interactions.ofCustomer(customer, 0, 10).getContent()).extracting(Interaction::getSummary)
                .anySatisfy(summary -> assertThat(summary).startsWith("Early warning: risk class"));

        invoice(customer, today.minusDays(90), "90000.00");
        scoring.score(customer);
        assertThat(openReviews(customer)).as("one review per customer while it is open").hasSize(1);
    }

    @Test
    void theNightStartsAReviewOnlyForTheCustomerWhoseScoreGotWorse() {
        LocalDate today = LocalDate.now(clock);
        UUID worsening = wellRatedCustomer("Nuit Pire SA");
        UUID steady = wellRatedCustomer("Nuit Calme SA");
        invoice(worsening, today.plusDays(20), "500.00");
        invoice(steady, today.plusDays(20), "500.00");
        nightly.run();
        invoice(worsening, today.minusDays(60), "50000.00");

        nightly.run();

        assertThat(openReviews(worsening)).hasSize(1);
        assertThat(openReviews(steady)).isEmpty();
    }

    @Test
    void theThirdInvoicePaidLateWithinSixMonthsIsAWarning() {
        UUID customer = customers.register(new NewCustomer("Slow Payer SARL", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        LocalDate today = LocalDate.now(clock);
        pay(customer, invoice(customer, today.minusDays(300), "100.00"), today.minusDays(250)); // late, but long ago
        pay(customer, invoice(customer, today.minusDays(60), "100.00"), today.minusDays(61)); // on time
        pay(customer, invoice(customer, today.minusDays(90), "100.00"), today.minusDays(80));
        pay(customer, invoice(customer, today.minusDays(50), "100.00"), today.minusDays(45));
        assertThat(openReviews(customer)).as("two late payments are not yet a habit").isEmpty();

        String third = invoice(customer, today.minusDays(30), "100.00");
        pay(customer, third, today.minusDays(18));

        ProcessInstance review = openReviews(customer).get(0);
        assertThat(runtime.getVariable(review.getId(), "reviewReason")).isEqualTo("Early warning: 3 invoices paid late "
                + "within 6 months; this payment: " + third + " 12 days after its due date");
        assertThat(interactions.ofCustomer(customer, 0, 10).getContent()).extracting(Interaction::getSummary)
                .containsOnlyOnce("Early warning: 3 invoices paid late within 6 months; this payment: " + third
                        + " 12 days after its due date");

        String fourth = invoice(customer, today.minusDays(20), "100.00");
        String fifth = invoice(customer, today.minusDays(15), "100.00");
        payments.register(new NewPayment(customer, new BigDecimal("200.00"), "EUR", today.minusDays(10), "VIR-" + fifth,
                List.of(new NewPayment.Allocation(fourth, new BigDecimal("100.00")),
                        new NewPayment.Allocation(fifth, new BigDecimal("100.00")))));
        assertThat(interactions.ofCustomer(customer, 0, 50).getContent()).extracting(Interaction::getSummary)
                .as("one payment settling two late invoices is one warning")
                .containsOnlyOnce("Early warning: 5 invoices paid late within 6 months; this payment: " + fourth
                        + " 10 days after its due date, " + fifth + " 5 days after its due date");
    }

    @Test
    void aFirstScoreWarnsOfNothing() {
        UUID customer = customers.register(new NewCustomer("First SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        invoice(customer, LocalDate.now(clock).minusDays(60), "50000.00");

        scoring.score(customer);

        assertThat(openReviews(customer)).isEmpty();
    }

    private List<ProcessInstance> openReviews(UUID customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("CreditReview")
                .variableValueEquals("customerId", customer.toString()).list();
    }

    private UUID wellRatedCustomer(String name) {
        return customers.register(new NewCustomer(name, TestData.wellRatedSiren(bureau), null, null, null, null, null,
                null, List.of())).getId();
    }

    private String invoice(UUID customer, LocalDate due, String amount) {
        String number = TestData.invoiceNumber();
        invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal(amount), "EUR"));
        return number;
    }

    private void pay(UUID customer, String invoice, LocalDate valueDate) {
        BigDecimal amount = invoices.get(invoice).getAmount();
        payments.register(new NewPayment(customer, amount, "EUR", valueDate, "VIR-" + invoice,
                List.of(new NewPayment.Allocation(invoice, amount))));
    }
}
