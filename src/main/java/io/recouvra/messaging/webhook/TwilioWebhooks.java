package io.recouvra.messaging.webhook;

import com.twilio.security.RequestValidator;
import io.recouvra.messaging.channel.TwilioSettings;
import io.recouvra.messaging.channel.TwilioSmsChannel;
import io.recouvra.messaging.outbox.DeliveryReports;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio calls these: delivery reports of the SMS we sent, and the SMS debtors send back. Every call
 * must carry Twilio's signature over the public URL and the parameters, made with our auth token;
 * anything else is refused with 403 and changes nothing. Twilio retries calls it thinks failed, so
 * both endpoints are idempotent.
 */
@RestController
@RequestMapping("/webhooks/twilio")
class TwilioWebhooks {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    static final String SIGNATURE = "X-Twilio-Signature";
    static final String STATUS_PATH = TwilioSmsChannel.STATUS_CALLBACK_PATH;
    static final String INBOUND_PATH = "/webhooks/twilio/inbound";

    private final String authToken;
    private final String publicUrl;
    private final DeliveryReports deliveryReports;
    private final SmsReplies replies;

    TwilioWebhooks(TwilioSettings twilio, @Value("${recouvra.public-url}") String publicUrl,
                   DeliveryReports deliveryReports, SmsReplies replies) {
        this.authToken = twilio.authToken();
        this.publicUrl = publicUrl;
        this.deliveryReports = deliveryReports;
        this.replies = replies;
    }

    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(HttpServletRequest request, @RequestHeader(name = SIGNATURE, required = false) String signature) {
        Map<String, String> params = params(request);
        if (!isSignedByTwilio(STATUS_PATH, params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        deliveryReports.smsReported(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request, @RequestHeader(name = SIGNATURE, required = false) String signature) {
        Map<String, String> params = params(request);
        if (!isSignedByTwilio(INBOUND_PATH, params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        replies.received(params.get("MessageSid"), params.get("From"), params.get("Body"), params.get("OptOutType"));
        // An empty TwiML answer: no automatic reply (Twilio's Messaging Service answers STOP itself).
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body("<Response/>");
    }

    private boolean isSignedByTwilio(String path, Map<String, String> params, String signature) {
        if (!StringUtils.hasText(authToken) || !StringUtils.hasText(signature)) {
            log.warn("Twilio webhook {} refused: {}", path, StringUtils.hasText(authToken) ? "no signature" : "no auth token configured");
            return false;
        }
        boolean valid = new RequestValidator(authToken).validate(publicUrl + path, params, signature);
        if (!valid) {
            log.warn("Twilio webhook {} refused: bad signature", path);
        }
        return valid;
    }

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }
}
