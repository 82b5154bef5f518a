package io.recouvra.portal;

import io.recouvra.onlinepayment.OnlinePayments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the "what you owe" page whether to offer "Payer en ligne": only when a payment provider is configured. */
@ControllerAdvice(assignableTypes = PortalController.class)
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PayOnlineOffer {

    private final OnlinePayments onlinePayments;

    PayOnlineOffer(OnlinePayments onlinePayments) {
        this.onlinePayments = onlinePayments;
    }

    @ModelAttribute("payOnline")
    boolean payOnline() {
        return onlinePayments.offer().isPresent();
    }
}
