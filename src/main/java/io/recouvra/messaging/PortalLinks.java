package io.recouvra.messaging;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place that builds links to the debtor portal. Until the portal exists the link is a plain
 * placeholder; the portal issue replaces it with signed, expiring, single-invoice tokens.
 */
@Component
public class PortalLinks {

    private final String publicUrl;

    PortalLinks(@Value("${recouvra.public-url}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Everything the customer owes, for a message about several invoices. */
    public String customer(UUID customerId) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/portal/customers/{id}")
                .buildAndExpand(customerId).toUriString();
    }

    public String invoice(String invoiceNumber) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/portal/invoices/{number}")
                .buildAndExpand(invoiceNumber).toUriString();
    }
}
