package io.recouvra.legal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.CreditorIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Recouvra does not start without the creditor identity a court and a formal notice need, and says which setting. */
class CreditorIdentityCheckTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CreditorIdentity.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, CreditorIdentityCheck.class)
            .withPropertyValues("recouvra.creditor.siren=552 100 554", "recouvra.creditor.legal-form=SAS au capital de 50 000 €",
                    "recouvra.creditor.registered-office=10 rue de Rivoli, 75004 Paris",
                    "recouvra.creditor.legal-representative=Jeanne Martin, présidente",
                    "recouvra.creditor.signatory.name=Paul Leroy", "recouvra.creditor.signatory.title=Credit manager");

    @Test
    void aCompleteIdentityStarts() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            CreditorIdentity identity = started.getBean(CreditorIdentityCheck.CheckedCreditorIdentity.class).identity();
            assertThat(identity.sirenDisplay()).isEqualTo("552 100 554");
        });
    }

    @Test
    void aMissingKeyStopsTheStartNamingIt() {
        context.withPropertyValues("recouvra.creditor.siren=", "recouvra.creditor.signatory.title=").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining(
                    "set recouvra.creditor.siren, recouvra.creditor.signatory.title (environment RECOUVRA_CREDITOR_*");
        });
    }

    @Test
    void aSirenWithAWrongCheckDigitStopsTheStart() {
        context.withPropertyValues("recouvra.creditor.siren=552100555").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause()
                    .hasMessageContaining("recouvra.creditor.siren is not a valid SIREN").hasMessageContaining("552100555");
        });
    }
}
