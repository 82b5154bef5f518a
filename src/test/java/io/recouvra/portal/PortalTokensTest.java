package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.portal.PortalTokens.Verdict;
import io.recouvra.receivables.CustomerService;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal's tokens: only ours, only for what they were issued for, only until they expire or are revoked. */
@PortalTest
class PortalTokensTest {

    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    PortalSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    UUID customerId;

    @BeforeEach
    void customer() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 2));
        customerId = customers.register(TestData.debtor("Garage", TestData.siren(), "FR")).getId();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTokenOpensItsCustomersLinkForItsPurpose() {
        String token = tokens.issue(customerId, Purpose.VIEW);

        assertThat(tokens.open(token, Purpose.VIEW)).isInstanceOfSatisfying(Verdict.Valid.class, valid -> {
            assertThat(valid.link().customerId()).isEqualTo(customerId);
            assertThat(valid.link().purpose()).isEqualTo(Purpose.VIEW);
            // 128 random bits, base64url, not guessable
            assertThat(Base64.getUrlDecoder().decode(valid.link().id())).hasSize(16);
        });
    }

    @Test
    void twoLinksForTheSameCustomerHaveDifferentTokens() {
        assertThat(tokens.issue(customerId, Purpose.VIEW)).isNotEqualTo(tokens.issue(customerId, Purpose.VIEW));
    }

    @Test
    void aTokenForAnotherPurposeIsRefused() {
        String token = tokens.issue(customerId, Purpose.PLAN_OFFER);

        assertThat(tokens.open(token, Purpose.VIEW)).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issue(customerId, Purpose.VIEW);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String[] fields = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split(":");
        UUID otherCustomer = customers.register(TestData.debtor("Menuiserie", TestData.siren(), "FR")).getId();
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join(":", fields[0], otherCustomer.toString(), fields[2], fields[3]).getBytes(StandardCharsets.UTF_8));
        String flippedSignature = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        assertThat(tokens.open(otherPayload + "." + signature, Purpose.VIEW)).as("another customer").isInstanceOf(Verdict.Refused.class);
        assertThat(tokens.open(payload + "." + flippedSignature, Purpose.VIEW)).as("a forged signature")
                .isInstanceOf(Verdict.Refused.class);
        assertThat(tokens.open(payload, Purpose.VIEW)).as("no signature").isInstanceOf(Verdict.Refused.class);
        assertThat(tokens.open("not a token at all", Purpose.VIEW)).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        var stranger = new PortalTokens("another-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8), settings,
                jdbc, clock);

        assertThat(tokens.open(stranger.issue(customerId, Purpose.VIEW), Purpose.VIEW)).isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void anExpiredTokenIsOutdated() {
        String token = tokens.issue(customerId, Purpose.VIEW);

        ClockUtil.setCurrentTime(java.util.Date.from(clock.instant().plus(settings.linkValidity()).plusSeconds(1)));

        assertThat(tokens.open(token, Purpose.VIEW)).isInstanceOf(Verdict.Outdated.class);
    }

    @Test
    void aRevokedTokenIsOutdated() {
        String token = tokens.issue(customerId, Purpose.VIEW);
        String linkId = ((Verdict.Valid) tokens.open(token, Purpose.VIEW)).link().id();

        assertThat(tokens.revoke(linkId)).isTrue();

        assertThat(tokens.open(token, Purpose.VIEW)).isInstanceOf(Verdict.Outdated.class);
        assertThat(tokens.revoke(linkId)).as("already revoked").isFalse();
    }

    @Test
    void theTokenIsNotStored() {
        String token = tokens.issue(customerId, Purpose.VIEW);
        String signature = token.substring(token.indexOf('.') + 1);

        assertThat(jdbc.queryForList("select * from recouvra.portal_link where customer_id = ?", customerId))
                .hasSize(1)
                .allSatisfy(row -> assertThat(row.values()).allSatisfy(value ->
                        assertThat(String.valueOf(value)).doesNotContain(signature)));
    }
}
