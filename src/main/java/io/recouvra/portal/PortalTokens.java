package io.recouvra.portal;

import io.recouvra.messaging.PortalLinks;
import io.recouvra.messaging.PortalLinks.Purpose;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks the portal's links. A token is {@code <payload>.<signature>}, both base64url: the payload names
 * the link's id (128 random bits), the customer, the purpose and the expiry; the signature is their HMAC-SHA256
 * under the portal's secret. Only the link's fields are stored (table {@code portal_link}), never the token, so
 * that a link can be revoked and named on the trail without the token ever being written down.
 */
class PortalTokens implements PortalLinks.Tokens {

    /** What a token opens, or why it opens nothing. */
    sealed interface Verdict {
        record Valid(PortalLink link) implements Verdict {
        }

        /** Signed by us, but past its date or revoked: the debtor is told how to get a new one. */
        record Outdated(PortalLink link) implements Verdict {
        }

        /** Not one of ours, damaged, or for something else: counts as a failed attempt. */
        record Refused() implements Verdict {
        }
    }

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final PortalSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortalTokens(byte[] secret, PortalSettings settings, JdbcTemplate jdbc, Clock clock) {
        this.key = new SecretKeySpec(secret, HMAC);
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In its own transaction: a message is composed in a read-only one, and its link must exist before it is sent. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String issue(UUID customerId, Purpose purpose) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Instant now = clock.instant();
        var link = new PortalLink(ENCODER.encodeToString(id), customerId, purpose, now.plus(settings.linkValidity()));
        jdbc.update("insert into recouvra.portal_link (id, customer_id, purpose, issued_at, expires_at) values (?, ?, ?, ?, ?)",
                link.id(), customerId, purpose.name(), Timestamp.from(now), Timestamp.from(link.expiresAt()));
        String payload = ENCODER.encodeToString(String.join(":", link.id(), customerId.toString(), purpose.name(),
                Long.toString(link.expiresAt().getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Checks the token for one of these purposes: its signature first, then its date and whether it was revoked. */
    @Transactional(readOnly = true)
    public Verdict open(String token, Purpose... purposes) {
        PortalLink link = signedLink(token);
        if (link == null || !Arrays.asList(purposes).contains(link.purpose())) {
            return new Verdict.Refused();
        }
        Boolean revoked = jdbc.query("select revoked_at is not null from recouvra.portal_link where id = ? and customer_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, link.id(), link.customerId());
        if (revoked == null) {
            return new Verdict.Refused();
        }
        return revoked || !clock.instant().isBefore(link.expiresAt()) ? new Verdict.Outdated(link) : new Verdict.Valid(link);
    }

    /** The link stops opening anything; true if it was open. */
    @Transactional
    public boolean revoke(String linkId) {
        return jdbc.update("update recouvra.portal_link set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), linkId) == 1;
    }

    /** Every link of the customer that still opens the portal stops opening it; how many did. */
    @Transactional
    public int revokeAll(UUID customerId) {
        Instant now = clock.instant();
        return jdbc.update("update recouvra.portal_link set revoked_at = ? where customer_id = ? and revoked_at is null "
                + "and expires_at > ?", Timestamp.from(now), customerId, Timestamp.from(now));
    }

    /** The customer whose link this is, if it is one of ours. */
    @Transactional(readOnly = true)
    public Optional<UUID> customerOf(String linkId) {
        return jdbc.query("select customer_id from recouvra.portal_link where id = ?",
                rs -> rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty(), linkId);
    }

    /** A link as staff see it: never its token, which Recouvra does not keep. */
    record IssuedLink(String id, Purpose purpose, Instant issuedAt, Instant expiresAt, Instant revokedAt) {
    }

    /** The customer's links, newest first. */
    @Transactional(readOnly = true)
    public List<IssuedLink> linksOf(UUID customerId) {
        return jdbc.query("""
                select id, purpose, issued_at, expires_at, revoked_at from recouvra.portal_link
                where customer_id = ? order by issued_at desc, id""", (rs, n) -> new IssuedLink(rs.getString("id"),
                Purpose.valueOf(rs.getString("purpose")), rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()), customerId);
    }

    private PortalLink signedLink(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 512) {
            return null;
        }
        String payload = token.substring(0, dot);
        try {
            // constant time, so that the comparison does not tell how much of a forged signature was right
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(token.substring(dot + 1)))) {
                return null;
            }
            String[] fields = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split(":");
            if (fields.length != 4) {
                return null;
            }
            return new PortalLink(fields[0], UUID.fromString(fields[1]), Purpose.valueOf(fields[2]),
                    Instant.ofEpochSecond(Long.parseLong(fields[3])));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
