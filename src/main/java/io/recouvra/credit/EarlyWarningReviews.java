package io.recouvra.credit;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.scoring.EarlyWarningRaised;
import java.math.BigDecimal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An early warning opens a credit review that a credit manager must decide, about the customer's
 * current limit, or the opening limit when none was ever set (reviewing 0 would propose a limit of 0,
 * and every later invoice would be over it). While a review runs, further warnings only go on the record.
 */
@Component
class EarlyWarningReviews {

    private final CreditReviews reviews;
    private final CustomerService customers;
    private final BigDecimal openingLimit;

    EarlyWarningReviews(CreditReviews reviews, CustomerService customers, NewCustomerReviews.Settings newCustomers) {
        this.reviews = reviews;
        this.customers = customers;
        this.openingLimit = newCustomers.openingLimit();
    }

    @EventListener
    void review(EarlyWarningRaised warning) {
        Customer customer = customers.get(warning.customerId());
        BigDecimal reviewed = customer.getCreditLimit() == null ? openingLimit : customer.getCreditLimit();
        reviews.startUnlessRunning(customer, reviewed, CreditReviews.Reason.EARLY_WARNING,
                "Early warning: " + warning.signs());
    }
}
