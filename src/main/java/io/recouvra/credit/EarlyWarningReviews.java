package io.recouvra.credit;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.scoring.EarlyWarningRaised;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An early warning opens a credit review that a credit manager must decide, about the customer's
 * current limit (or nothing, when none was ever set). While a review runs, further warnings only go
 * on the record.
 */
@Component
class EarlyWarningReviews {

    private final CreditReviews reviews;
    private final CustomerService customers;

    EarlyWarningReviews(CreditReviews reviews, CustomerService customers) {
        this.reviews = reviews;
        this.customers = customers;
    }

    @EventListener
    void review(EarlyWarningRaised warning) {
        if (reviews.isRunningFor(warning.customerId())) {
            return;
        }
        Customer customer = customers.get(warning.customerId());
        BigDecimal currentLimit = customer.getCreditLimit() == null ? BigDecimal.ZERO : customer.getCreditLimit();
        reviews.start(warning.customerId(), currentLimit, CreditReviews.Reason.EARLY_WARNING, "Early warning: " + warning.signs());
    }
}
