package io.recouvra.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.LedgerEvents.CustomerRegistered;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecouvraTest
@RecordApplicationEvents
class NewCustomerReviewsTest {

    @Autowired
    CustomerService customers;
    @Autowired
    CreditReviews reviews;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationEvents events;

    @Test
    void aNewCustomerGetsACreditReviewOfTheOpeningLimit() {
        UUID customer = register("Nouveau Client SAS");
        assertThat(events.stream(CustomerRegistered.class)).containsExactly(new CustomerRegistered(customer));

        new NewCustomerReviews(reviews, new NewCustomerReviews.Settings(true, new BigDecimal("7500")))
                .review(new CustomerRegistered(customer));

        assertThat(runningReviews(customer)).singleElement().satisfies(review -> {
            assertThat(runtime.getVariable(review.getId(), "reason")).isEqualTo("NEW_CUSTOMER");
            assertThat(runtime.getVariable(review.getId(), "requestedAmount")).isEqualTo(7500.0);
            assertThat(runtime.getVariable(review.getId(), "reviewReason"))
                    .isEqualTo("New customer: opening limit of 7500 EUR");
        });
    }

    @Test
    void turnedOffNewCustomersWaitForALimitRequest() {
        UUID customer = register("Ancien Client SA");

        new NewCustomerReviews(reviews, new NewCustomerReviews.Settings(false, new BigDecimal("7500")))
                .review(new CustomerRegistered(customer));

        assertThat(runningReviews(customer)).as("the test profile turns the reviews off too").isEmpty();
    }

    private UUID register(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), null, null, null, null, null, null,
                List.of())).getId();
    }

    private List<ProcessInstance> runningReviews(UUID customer) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CreditReviewContract.PROCESS_KEY)
                .variableValueEquals("customerId", customer.toString()).list();
    }
}
