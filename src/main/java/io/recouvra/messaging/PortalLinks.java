package io.recouvra.messaging;

import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place that builds links to the debtor portal. The portal does not exist yet, and a link that
 * leads nowhere costs a debtor's trust: until it does ({@code recouvra.portal.enabled}, off by default)
 * there are no links, and the templates show the bank details and how to answer instead. The portal
 * issue turns it on, with signed, expiring, single-invoice tokens.
 */
@Component
public class PortalLinks {

    private final String publicUrl;
    private final boolean enabled;

    PortalLinks(@Value("${recouvra.public-url}") String publicUrl, @Value("${recouvra.portal.enabled:false}") boolean enabled) {
        this.publicUrl = publicUrl;
        this.enabled = enabled;
    }

    /** Everything the customer owes, for a message about several invoices. */
    public Optional<String> customer(UUID customerId) {
        return link("/portal/customers/{id}", customerId);
    }

    public Optional<String> invoice(String invoiceNumber) {
        return link("/portal/invoices/{number}", invoiceNumber);
    }

    /** Where the debtor accepts the payment plan offered to it. */
    public Optional<String> paymentPlan(UUID customerId, UUID planId) {
        return link("/portal/customers/{id}/payment-plans/{plan}", customerId, planId);
    }

    private Optional<String> link(String path, Object... values) {
        return enabled ? Optional.of(UriComponentsBuilder.fromUriString(publicUrl).path(path).buildAndExpand(values).toUriString())
                : Optional.empty();
    }
}
