package io.recouvra.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.NewPayment;
import io.recouvra.receivables.PaymentService;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RecouvraTest
class NightlyRescoringTest {

    @Autowired
    NightlyRescoring nightly;
    @Autowired
    Scoring scoring;
    @Autowired
    CustomerService customers;
    @Autowired
    InvoiceService invoices;
    @Autowired
    PaymentService payments;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void onlyCustomersWhoOweSomethingAndWhoseLedgerMovedOrWhoWereNeverScoredAreScored() {
        UUID unchanged = customerOwing("100.00");
        UUID paidSince = customerOwing("100.00");
        UUID neverScored = customerOwing("100.00");
        UUID owesNothing = customerWithout();
        scoring.score(unchanged);
        scoring.score(paidSince);
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(1))));
        payments.register(new NewPayment(paidSince, new BigDecimal("40.00"), "EUR", LocalDate.now(clock),
                "VIR-" + paidSince, null));
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(1))));

        NightlyRescoring.Run run = nightly.run();

        assertThat(scoring.history(unchanged, 10)).as("nothing changed").hasSize(1);
        assertThat(scoring.history(paidSince, 10)).as("a payment came in").hasSize(2);
        assertThat(scoring.history(neverScored, 10)).hasSize(1);
        assertThat(scoring.history(owesNothing, 10)).as("owes nothing").isEmpty();
        assertThat(run.failed()).isZero();

        nightly.run();
        for (UUID customer : List.of(unchanged, paidSince, neverScored)) {
            assertThat(scoring.history(customer, 10)).as("a second night right after finds nothing new for " + customer)
                    .hasSize(customer.equals(paidSince) ? 2 : 1);
        }

        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(8))));
        nightly.run();
        assertThat(scoring.history(unchanged, 10)).as("a week later, rescored anyway: invoices age").hasSize(2);
    }

    private UUID customerOwing(String amount) {
        UUID customer = customerWithout();
        LocalDate due = LocalDate.now(clock).minusDays(5);
        invoices.register(new NewInvoice(TestData.invoiceNumber(), customer, null, due.minusDays(30), due,
                new BigDecimal(amount), "EUR"));
        return customer;
    }

    private UUID customerWithout() {
        return customers.register(new NewCustomer("Nightly SA", TestData.siren(), null, null, null, null, null, null,
                List.of())).getId();
    }
}
