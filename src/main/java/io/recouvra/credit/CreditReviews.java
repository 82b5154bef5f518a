package io.recouvra.credit;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.web.ConflictException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts CreditReview instances: one running review per customer at a time. The contract with the
 * model is the process key and the variables below, never element ids.
 */
@Service
public class CreditReviews {

    static final String PROCESS_KEY = "CreditReview";

    public enum Reason { NEW_CUSTOMER, LIMIT_REQUEST, EARLY_WARNING }

    private final RuntimeService runtime;
    private final CustomerService customers;
    private final Clock clock;

    CreditReviews(RuntimeService runtime, CustomerService customers, Clock clock) {
        this.runtime = runtime;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public ProcessInstance start(UUID customerId, BigDecimal requestedAmount, Reason reason) {
        return start(customerId, requestedAmount, reason, reason == Reason.LIMIT_REQUEST
                ? "Limit of " + requestedAmount.toPlainString() + " EUR requested" : "New customer");
    }

    /** @param why what the credit manager reads first on the approval form */
    @Transactional
    public ProcessInstance start(UUID customerId, BigDecimal requestedAmount, Reason reason, String why) {
        Customer customer = customers.get(customerId);
        if (isRunningFor(customerId)) {
            throw new ConflictException("customerId", "a credit review of " + customer.getLegalName() + " is already running");
        }
        String businessKey = "CR-" + customer.getRegistrationNumber() + "-" + clock.instant().getEpochSecond();
        return runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, Map.of(
                "customerId", customerId.toString(),
                "customerName", customer.getLegalName(),
                "requestedAmount", requestedAmount.doubleValue(),
                "reason", reason.name(),
                "reviewReason", why));
    }

    @Transactional(readOnly = true)
    public boolean isRunningFor(UUID customerId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals("customerId", customerId.toString()).count() > 0;
    }
}
