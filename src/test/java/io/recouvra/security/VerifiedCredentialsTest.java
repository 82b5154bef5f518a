package io.recouvra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Credentials verified a moment ago let the next requests in without the engine, and never outlive a change: a
 * password changed, a group taken away or a user deleted through the engine counts at once, within the 30 s the
 * cache would otherwise keep them.
 */
@RecouvraTest
class VerifiedCredentialsTest {

    private static final String READS = "/api/v1/provisions/2026-11";

    @Autowired
    Api api;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void aManager() {
        StaffFixtures.user(identity, "vera", RecouvraGroups.MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        identity.deleteUser("vera");
    }

    @Test
    void aChangedPasswordCountsAtOnce() {
        assertThat(status("vera", "secret-vera")).isEqualTo(HttpStatus.OK);
        assertThat(status("vera", "secret-vera")).as("verified a moment ago").isEqualTo(HttpStatus.OK);

        User vera = identity.createUserQuery().userId("vera").singleResult();
        vera.setPassword("another-secret");
        identity.saveUser(vera);

        assertThat(status("vera", "another-secret")).isEqualTo(HttpStatus.OK);
        // last: a failure holds her in the engine's backoff for a few seconds
        assertThat(status("vera", "secret-vera")).as("the old password").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aGroupTakenAwayCountsAtOnce() {
        assertThat(status("vera", "secret-vera")).isEqualTo(HttpStatus.OK);

        identity.deleteMembership("vera", RecouvraGroups.MANAGERS);

        assertThat(status("vera", "secret-vera")).as("provisions are for managers").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDeletedUserIsOutAtOnce() {
        assertThat(status("vera", "secret-vera")).isEqualTo(HttpStatus.OK);

        identity.deleteUser("vera");

        assertThat(status("vera", "secret-vera")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordIsNeverTakenForARightOne() {
        assertThat(status("vera", "secret-vera")).isEqualTo(HttpStatus.OK);

        assertThat(status("vera", "secret-vera ")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("vera", "Secret-vera")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HttpStatus status(String user, String password) {
        return HttpStatus.valueOf(api.as(user, password).getForEntity(READS, String.class).getStatusCode().value());
    }
}
