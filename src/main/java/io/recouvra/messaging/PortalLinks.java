package io.recouvra.messaging;

import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place that builds links to the debtor portal. A link that leads nowhere costs a debtor's trust: while
 * the portal is off ({@code recouvra.portal.enabled}, off by default) there are no links, and the templates show
 * the bank details and how to answer instead. When it is on, each link carries a signed, expiring, revocable
 * token issued by the portal module ({@link Tokens}), in the path: {@code <public-url>/portal/<token>}.
 */
@Component
public class PortalLinks {

    /** What a link lets the debtor do; the portal refuses a token used for another purpose. */
    public enum Purpose { VIEW, PAY, PLAN_OFFER }

    /** Issues the token of a new link (the portal module's; messaging does not sign). */
    public interface Tokens {
        String issue(UUID customerId, Purpose purpose);
    }

    private final String publicUrl;
    private final boolean enabled;
    private final ObjectProvider<Tokens> tokens;

    PortalLinks(@Value("${recouvra.public-url}") String publicUrl, @Value("${recouvra.portal.enabled:false}") boolean enabled,
                ObjectProvider<Tokens> tokens) {
        this.publicUrl = publicUrl;
        this.enabled = enabled;
        this.tokens = tokens;
    }

    /** Everything the customer owes, for a message about several invoices. */
    public Optional<String> customer(UUID customerId) {
        return view(customerId, null);
    }

    /** The customer's page, opened at this invoice. */
    public Optional<String> invoice(UUID customerId, String invoiceNumber) {
        return view(customerId, invoiceNumber);
    }

    /**
     * Where the debtor reads and accepts the payment plan offered to it: {@code <public-url>/portal/<token>/plans/<planId>},
     * the token's purpose {@code PLAN_OFFER}. The portal opens the plan only for the token's customer. While the portal
     * is off, no link: the offer says how to accept by replying or calling.
     */
    public Optional<String> paymentPlan(UUID customerId, UUID planId) {
        if (!enabled) {
            return Optional.empty();
        }
        return Optional.of(UriComponentsBuilder.fromUriString(publicUrl).path("/portal/{token}/plans/{planId}")
                .buildAndExpand(tokens.getObject().issue(customerId, Purpose.PLAN_OFFER), planId).encode().toUriString());
    }

    private Optional<String> view(UUID customerId, String invoiceNumber) {
        if (!enabled) {
            return Optional.empty();
        }
        var link = UriComponentsBuilder.fromUriString(publicUrl).path("/portal/{token}");
        if (invoiceNumber != null) {
            link.fragment("invoice-" + invoiceNumber);
        }
        return Optional.of(link.buildAndExpand(tokens.getObject().issue(customerId, Purpose.VIEW)).encode().toUriString());
    }
}
