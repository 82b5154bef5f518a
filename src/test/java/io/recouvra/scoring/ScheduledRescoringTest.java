package io.recouvra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.database.SingleNodeJobs;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two nodes, one night: the node that finds the lock taken in the database leaves the night alone. */
@RecouvraTest
class ScheduledRescoringTest {

    @Autowired
    NightlyRescoring rescoring;
    @Autowired
    LockProvider locks;
    @Autowired
    Scoring scoring;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Clock clock;

    @Test
    void whileAnotherNodeHoldsTheNightThisOneSkipsIt() {
        UUID owing = customers.register(new NewCustomer("Nuit SARL", TestData.siren(), null, null, null, null, null,
                null, List.of())).getId();
        invoices.register(new NewInvoice(TestData.invoiceNumber(), owing, null, LocalDate.now(clock).minusDays(40),
                LocalDate.now(clock).minusDays(10), new BigDecimal("900.00"), "EUR"));
        ScheduledRescoring thisNode = new ScheduledRescoring(rescoring, new SingleNodeJobs(locks));

        SimpleLock otherNode = locks.lock(new LockConfiguration(Instant.now(), ScheduledRescoring.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        assertThat(thisNode.runUnlessAnotherNodeIs()).isFalse();
        assertThat(scoring.history(owing, 10)).as("not scored by the node that skipped").isEmpty();

        otherNode.unlock();
        assertThat(thisNode.runUnlessAnotherNodeIs()).isTrue();
        assertThat(scoring.history(owing, 10)).hasSize(1);
        assertThat(thisNode.runUnlessAnotherNodeIs()).as("the night is held for a while after it ran").isFalse();
    }
}
