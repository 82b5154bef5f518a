package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.security.RecouvraGroups;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Staff list the links sent to a customer and stop them; a stopped link tells the debtor it is no longer valid. */
@PortalTest
class PortalLinkRevocationTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LINKS = new ParameterizedTypeReference<>() {
    };

    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    InteractionLog trail;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void today() {
        EngineClock.moveTo(LocalDate.of(2026, 11, 25));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCollectorRevokesOneLinkAndTheDebtorIsToldItIsNoLongerValid() {
        UUID customerId = debtor("Garage Transféré");
        String forwarded = tokens.issue(customerId, Purpose.VIEW);
        String kept = tokens.issue(customerId, Purpose.VIEW);
        String forwardedId = ((PortalTokens.Verdict.Valid) tokens.open(forwarded, Purpose.VIEW)).link().id();
        user("revoking-collector", RecouvraGroups.COLLECTORS);

        ResponseEntity<Map> revoked = api.as("revoking-collector", "secret-revoking-collector")
                .postForEntity("/api/v1/portal-links/" + forwardedId + "/revocation", null, Map.class);

        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revoked.getBody()).containsEntry("revoked", 1);
        assertThat(api.anonymous().getForEntity("/portal/" + forwarded, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(api.anonymous().getForEntity("/portal/" + kept, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(trail.latestOfCustomer(customerId, 5)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).isEqualTo("Portal link " + forwardedId + " revoked");
            assertThat(entry.getActor()).isEqualTo("revoking-collector");
        });
        assertThat(api.asAdmin().postForEntity("/api/v1/portal-links/" + forwardedId + "/revocation", null, Map.class)
                .getBody()).as("a second revocation changes nothing").containsEntry("revoked", 0);
    }

    @Test
    void everyOpenLinkOfACustomerIsRevokedAtOnceAndListedWithItsState() {
        UUID customerId = debtor("Garage Repris");
        String first = tokens.issue(customerId, Purpose.VIEW);
        String second = tokens.issue(customerId, Purpose.PLAN_OFFER);
        String otherCustomers = tokens.issue(debtor("Garage Voisin"), Purpose.VIEW);

        ResponseEntity<Map> revoked = api.asAdmin()
                .postForEntity("/api/v1/customers/" + customerId + "/portal-links/revocation", null, Map.class);

        assertThat(revoked.getBody()).containsEntry("revoked", 2);
        assertThat(tokens.open(first, Purpose.VIEW)).isInstanceOf(PortalTokens.Verdict.Outdated.class);
        assertThat(tokens.open(second, Purpose.PLAN_OFFER)).isInstanceOf(PortalTokens.Verdict.Outdated.class);
        assertThat(tokens.open(otherCustomers, Purpose.VIEW)).isInstanceOf(PortalTokens.Verdict.Valid.class);
        List<Map<String, Object>> links = api.asAdmin().exchange("/api/v1/customers/" + customerId + "/portal-links",
                HttpMethod.GET, null, LINKS).getBody();
        assertThat(links).hasSize(2).allSatisfy(link -> {
            assertThat(link).containsEntry("state", "REVOKED").containsKeys("id", "purpose", "issuedAt", "expiresAt");
            assertThat(link.toString()).doesNotContain(first).doesNotContain(second);
        });
    }

    @Test
    void anUnknownLinkIsAProblemAndNobodyOutsideTheStaffRevokes() {
        ResponseEntity<String> unknown = api.asAdmin().postForEntity("/api/v1/portal-links/nope/revocation", null, String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        String token = tokens.issue(debtor("Garage Protégé"), Purpose.VIEW);
        String linkId = ((PortalTokens.Verdict.Valid) tokens.open(token, Purpose.VIEW)).link().id();
        user("revoking-sales", RecouvraGroups.SALES_OPERATIONS);
        assertThat(api.as("revoking-sales", "secret-revoking-sales")
                .postForEntity("/api/v1/portal-links/" + linkId + "/revocation", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().postForEntity("/api/v1/portal-links/" + linkId + "/revocation", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(tokens.open(token, Purpose.VIEW)).isInstanceOf(PortalTokens.Verdict.Valid.class);
    }

    private UUID debtor(String name) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", null, true, false, false))))
                .getId();
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setPassword("secret-" + id);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
