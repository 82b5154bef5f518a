package io.recouvra.credit;

import io.recouvra.database.CustomerLocks;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.web.ConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts CreditReview instances: one running review per customer at a time. The contract with the
 * model is {@link CreditReviewContract}, never element ids.
 */
@Service
public class CreditReviews {

    public enum Reason { NEW_CUSTOMER, LIMIT_REQUEST, EARLY_WARNING }

    private final RuntimeService runtime;
    private final CustomerService customers;
    private final CustomerLocks locks;
    private final Clock clock;

    CreditReviews(RuntimeService runtime, CustomerService customers, CustomerLocks locks, Clock clock) {
        this.runtime = runtime;
        this.customers = customers;
        this.locks = locks;
        this.clock = clock;
    }

    @Transactional
    public ProcessInstance start(UUID customerId, BigDecimal requestedAmount, Reason reason) {
        return start(customerId, requestedAmount, reason, reason == Reason.LIMIT_REQUEST
                ? "Limit of " + requestedAmount.toPlainString() + " EUR requested" : "New customer");
    }

    /**
     * @param why what the credit manager reads first on the approval form
     * @throws ConflictException when a review of the customer is already running
     */
    @Transactional
    public ProcessInstance start(UUID customerId, BigDecimal requestedAmount, Reason reason, String why) {
        Customer customer = customers.get(customerId);
        return startUnlessRunning(customer, requestedAmount, reason, why).orElseThrow(() -> new ConflictException(
                "customerId", "a credit review of " + customer.getLegalName() + " is already running"));
    }

    /** For automatic starts (early warnings), where a running review already covers the customer. */
    @Transactional
    public Optional<ProcessInstance> startUnlessRunning(Customer customer, BigDecimal requestedAmount, Reason reason,
                                                        String why) {
        // Two transactions (two invoices over the limit, a warning and a limit request) must not both
        // find no review and both start one: the second waits here until the first commits, then sees it.
        locks.lock(CustomerLocks.Space.CREDIT_REVIEW, customer.getId());
        if (isRunningFor(customer.getId())) {
            return Optional.empty();
        }
        String businessKey = "CR-" + customer.getRegistrationNumber() + "-" + clock.instant().getEpochSecond();
        return Optional.of(runtime.startProcessInstanceByKey(CreditReviewContract.PROCESS_KEY, businessKey, Map.of(
                CreditReviewContract.CUSTOMER_ID, customer.getId().toString(),
                CreditReviewContract.CUSTOMER_NAME, customer.getLegalName(),
                CreditReviewContract.REQUESTED_AMOUNT, requestedAmount.doubleValue(),
                CreditReviewContract.REASON, reason.name(),
                CreditReviewContract.REVIEW_REASON, why)));
    }

    @Transactional(readOnly = true)
    public boolean isRunningFor(UUID customerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CreditReviewContract.PROCESS_KEY)
                .variableValueEquals(CreditReviewContract.CUSTOMER_ID, customerId.toString()).count() > 0;
    }
}
