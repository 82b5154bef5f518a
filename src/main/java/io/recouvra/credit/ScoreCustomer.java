package io.recouvra.credit;

import io.recouvra.guarantee.GuaranteeCover;
import io.recouvra.insurance.BuyerCovers;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.scoring.CreditScore;
import io.recouvra.scoring.Scoring;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${scoreCustomer}}: scores the customer now and gives the credit policy and the approver what they read. */
@Component("scoreCustomer")
class ScoreCustomer implements JavaDelegate {

    private final Scoring scoring;
    private final CustomerService customers;
    private final Clock clock;
    private final BuyerCovers covers;
    private final GuaranteeCover guarantees;

    ScoreCustomer(Scoring scoring, CustomerService customers, Clock clock, BuyerCovers covers,
                  GuaranteeCover guarantees) {
        this.guarantees = guarantees;
        this.scoring = scoring;
        this.customers = customers;
        this.clock = clock;
        this.covers = covers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID customerId = UUID.fromString((String) execution.getVariable("customerId"));
        CreditScore score = scoring.score(customerId);
        Customer customer = customers.get(customerId);
        execution.setVariable("score", score.getScore());
        execution.setVariable("riskClass", score.getRiskClass().name());
        execution.setVariable("scoreFactors", score.explain());
        execution.setVariable("customerAgeMonths", (int) ChronoUnit.DAYS.between(customer.getCreatedAt(), clock.instant()) / 30);
        execution.setVariable("sector", customer.getSector() == null ? "UNKNOWN" : customer.getSector());
        execution.setVariable("insurerCover", covers.of(customerId).map(cover -> cover.status().name()).orElse("NONE"));
        // a limit is in euros and no exchange rates are kept: the euro exposure only, as the over-limit check counts it
        GuaranteeCover.Cover euros = guarantees.of(customerId, LocalDate.now(clock)).in("EUR");
        execution.setVariable("exposure", euros.exposure().toPlainString());
        // the policy decides on the unsecured part (docs/scoring.md#credit-policy); the approver sees both parts
        execution.setVariable("securedExposure", euros.secured().doubleValue());
        execution.setVariable("unsecuredExposure", euros.unsecured().doubleValue());
    }
}
