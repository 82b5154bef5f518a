package io.recouvra.onlinepayment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.onlinepayment.ProviderEvent.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.util.StringUtils;

/**
 * A provider that takes no money: its "hosted" page is a page of Recouvra ({@link SandboxCheckoutPage}) where whoever
 * tests clicks what the payment does. Each click is turned into events signed with a key made for this run, delivered
 * to the same webhook as a real provider's, so that what is booked goes the production way. Its sessions live in
 * memory: after a restart an old sandbox page is not found, as an expired checkout would be.
 */
public class SandboxPaymentProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    static final String SIGNATURE_HEADER = "Recouvra-Sandbox-Signature";
    static final String PAGE = "/portal/sandbox/checkout/";

    /** What the tester makes the payment do. */
    public enum Simulation { SUCCEEDS, FAILS, IS_CANCELLED }

    /** An event as the sandbox sends it: the JSON body and its signature header's value. */
    public record SignedEvent(String body, String signature) {
    }

    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CheckoutRequest> sessions = new ConcurrentHashMap<>();

    SandboxPaymentProvider() {
        this(randomSecret());
    }

    SandboxPaymentProvider(byte[] secret) {
        this.secret = secret.clone();
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String checkoutOrigin() {
        return null;
    }

    @Override
    public String signatureHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public HostedCheckout createCheckout(CheckoutRequest request) {
        String session = "sbx_" + UUID.randomUUID().toString().replace("-", "");
        sessions.put(session, request);
        return new HostedCheckout(PAGE + session, session);
    }

    /** The checkout behind a sandbox page, if this run opened it. */
    public Optional<CheckoutRequest> session(String session) {
        return Optional.ofNullable(sessions.get(session));
    }

    /**
     * The events a provider would send for this simulation, signed. A SEPA debit that succeeds is first reported
     * pending (the checkout completes) and then paid, as a real debit is days later.
     */
    public List<SignedEvent> events(String session, Simulation simulation) {
        CheckoutRequest request = sessions.get(session);
        if (request == null) {
            throw new IllegalArgumentException("no sandbox session " + session);
        }
        List<SignedEvent> events = new ArrayList<>();
        switch (simulation) {
            case SUCCEEDS -> {
                if (request.method() == PaymentMethod.SEPA_DEBIT) {
                    events.add(signed(event("PENDING", session, request)));
                }
                events.add(signed(event("PAID", session, request)));
            }
            case FAILS -> events.add(signed(event("FAILED", session, request)));
            case IS_CANCELLED -> events.add(signed(event("CANCELLED", session, request)));
        }
        return events;
    }

    private String event(String outcome, String session, CheckoutRequest request) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sbx_" + UUID.randomUUID().toString().replace("-", ""));
        event.put("outcome", outcome);
        event.put("session", session);
        event.put("amount", request.total().toPlainString());
        event.put("currency", request.currency());
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a body as the sandbox does: {@code v1=} and the hex HMAC-SHA256 of the body under this run's key. */
    SignedEvent signed(String body) {
        return new SignedEvent(body, "v1=" + HexFormat.of().formatHex(hmac(body)));
    }

    @Override
    public ProviderEvent verifiedEvent(String rawBody, String signatureHeader) {
        if (!StringUtils.hasText(signatureHeader) || !signatureHeader.startsWith("v1=")) {
            throw new ForgedWebhookException("no " + SIGNATURE_HEADER + " header");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(3));
        } catch (IllegalArgumentException notHex) {
            throw new ForgedWebhookException("sandbox signature is not hexadecimal");
        }
        if (!MessageDigest.isEqual(given, hmac(rawBody))) {
            throw new ForgedWebhookException("sandbox signature does not match");
        }
        try {
            JsonNode event = json.readTree(rawBody);
            String outcome = event.path("outcome").asText();
            return new ProviderEvent(event.path("id").asText(), "PENDING".equals(outcome) ? Outcome.IGNORED : Outcome.valueOf(outcome),
                    event.path("session").asText(), new BigDecimal(event.path("amount").asText()), event.path("currency").asText());
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            // signed by us yet unreadable: a bug, not an attack
            throw new IllegalStateException("unreadable sandbox event " + rawBody, unreadable);
        }
    }

    private byte[] hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
