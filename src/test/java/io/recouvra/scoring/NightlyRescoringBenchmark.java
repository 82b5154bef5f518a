package io.recouvra.scoring;

import io.recouvra.support.RecouvraTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (surefire does not pick it up; it asserts nothing and prints figures): the
 * nightly re-scoring of 10,000 customers with open invoices and some payment history.
 *
 * <pre>./mvnw test -Dtest=NightlyRescoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@RecouvraTest
class NightlyRescoringBenchmark {

    private static final int CUSTOMERS = 10_000;

    @Autowired
    NightlyRescoring nightly;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rescoreTenThousandCustomers() {
        // The ledger is loaded by SQL: 10,000 customers, 3 invoices each, the oldest paid late.
        jdbc.update("""
                insert into recouvra.customer (id, legal_name, registration_number, country, language, time_zone, created_at)
                select gen_random_uuid(), 'Bench ' || g, 'BENCH' || lpad(g::text, 6, '0'), 'FR', 'fr', 'Europe/Paris', now()
                from generate_series(1, ?) g""", CUSTOMERS);
        jdbc.update("""
                insert into recouvra.invoice (id, number, customer_id, issue_date, due_date, amount, amount_excl_vat, vat, currency,
                                              outstanding, status, created_at)
                select gen_random_uuid(), c.registration_number || '-' || k, c.id, current_date - 90 + k * 20,
                       current_date - 60 + k * 20, 1000, 1000, 0, 'EUR', case when k = 1 then 0 else 1000 end,
                       case when k = 1 then 'PAID' else 'OPEN' end, now() - interval '1 day'
                from recouvra.customer c cross join generate_series(1, 3) k where c.legal_name like 'Bench %'""");
        jdbc.update("""
                insert into recouvra.payment (id, customer_id, amount, currency, value_date, bank_reference,
                                              unallocated_amount, received_at)
                select gen_random_uuid(), c.id, 1000, 'EUR', current_date - 25, 'VIR-' || c.registration_number, 0,
                       now() - interval '1 day'
                from recouvra.customer c where c.legal_name like 'Bench %'""");
        jdbc.update("""
                insert into recouvra.payment_allocation (id, payment_id, invoice_id, amount)
                select gen_random_uuid(), p.id, i.id, 1000
                from recouvra.payment p join recouvra.invoice i on i.customer_id = p.customer_id and i.status = 'PAID'
                where p.bank_reference like 'VIR-BENCH%'""");
        jdbc.execute("analyze");

        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        NightlyRescoring.Run run = nightly.run();

        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%nNightly re-scoring: %,d customers scored (%d failed) in %s = %.0f customers/s;"
                        + " heap used before %d MiB, peak during the run %d MiB (max heap %d MiB)%n",
                run.scored(), run.failed(), run.took(), run.scored() / (run.took().toMillis() / 1000.0),
                before >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
