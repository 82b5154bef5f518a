package io.recouvra.onlinepayment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers call this with their signed events. The body is taken raw, as a string: the signature
 * is over its exact bytes. A forged or unsigned call is refused with 403 and stores nothing.
 */
@RestController
class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final OnlinePayments payments;

    PaymentWebhooks(OnlinePayments payments) {
        this.payments = payments;
    }

    @PostMapping("/webhooks/payments/{provider}")
    ResponseEntity<Void> received(@PathVariable String provider, @RequestBody String body, @RequestHeader HttpHeaders headers) {
        try {
            payments.received(provider, body, headers.getFirst(payments.signatureHeader(provider)));
        } catch (ForgedWebhookException forged) {
            log.warn("Payment webhook from {} refused: {}", provider, forged.getMessage());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.noContent().build();
    }
}
