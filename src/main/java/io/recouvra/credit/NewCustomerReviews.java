package io.recouvra.credit;

import io.recouvra.receivables.LedgerEvents.CustomerRegistered;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * A new customer gets a credit review before its first invoice falls due: scored, given terms by the
 * credit policy for the opening limit, approved by a credit manager where the policy asks for it.
 * Started inside the registration's transaction; the scoring itself runs later, on the job executor.
 */
@Component
@EnableConfigurationProperties(NewCustomerReviews.Settings.class)
class NewCustomerReviews {

    /**
     * @param review       off for a first load of an existing customer book, which would otherwise
     *                     start one review (and one bureau call) per customer
     * @param openingLimit the limit reviewed for a customer who asked for none (EUR)
     */
    @ConfigurationProperties("recouvra.credit.new-customers")
    @Validated
    record Settings(boolean review, @NotNull @PositiveOrZero BigDecimal openingLimit) {
    }

    private final CreditReviews reviews;
    private final Settings settings;

    NewCustomerReviews(CreditReviews reviews, Settings settings) {
        this.reviews = reviews;
        this.settings = settings;
    }

    @EventListener
    void review(CustomerRegistered customer) {
        if (settings.review()) {
            reviews.start(customer.customerId(), settings.openingLimit(), CreditReviews.Reason.NEW_CUSTOMER,
                    "New customer: opening limit of " + settings.openingLimit().toPlainString() + " EUR");
        }
    }
}
