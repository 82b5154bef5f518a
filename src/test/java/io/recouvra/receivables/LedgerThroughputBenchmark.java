package io.recouvra.receivables;

import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (surefire does not pick it up; it asserts nothing and prints figures): the
 * ledger's write paths on the real application, one request after another, as an integrator's
 * nightly push would run them.
 *
 * <pre>./mvnw test -Dtest=LedgerThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class LedgerThroughputBenchmark {

    private static final int INVOICES = 2_000;

    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void registerAndSettleInvoices() {
        UUID customer = customers.register(new NewCustomer("Benchmark SA", TestData.siren(), null, null, null, null,
                null, null, List.of())).getId();
        LocalDate due = LocalDate.now().plusDays(30);
        warmUp(customer, due);

        List<String> numbers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < INVOICES; i++) {
            String number = "BENCH-" + i;
            invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal("120.00"), "EUR"));
            numbers.add(number);
        }
        report("invoice registered (ledger row + InvoiceCollection started)", start);

        start = System.nanoTime();
        for (Job job : management.createJobQuery().processDefinitionKey("InvoiceCollection").executable().list()) {
            management.executeJob(job.getId());
        }
        report("customer assessed and dunning strategy chosen (async job: score reused, DMN, waits for the pre-due day)", start);

        start = System.nanoTime();
        for (String number : numbers) {
            payments.register(new NewPayment(customer, new BigDecimal("120.00"), "EUR", due, "VIR-" + number,
                    List.of(new NewPayment.Allocation(number, new BigDecimal("120.00")))));
        }
        report("payment settling one invoice (allocation + message correlated by business key)", start);
        System.out.printf("  instances still running: %d%n",
                runtime.createProcessInstanceQuery().processDefinitionKey("InvoiceCollection").count());
    }

    private void warmUp(UUID customer, LocalDate due) {
        for (int i = 0; i < 200; i++) {
            String number = "WARM-" + i;
            invoices.register(new NewInvoice(number, customer, null, due.minusDays(30), due, new BigDecimal("10.00"), "EUR"));
            payments.register(new NewPayment(customer, new BigDecimal("10.00"), "EUR", due, "VIR-" + number, null));
        }
    }

    private static void report(String what, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nLedger throughput, %,d in a row, 1 thread: %s: %.0f/s (%.2f ms each)%n",
                INVOICES, what, INVOICES / seconds, seconds * 1000 / INVOICES);
    }
}
