package io.recouvra.legal;

import io.recouvra.messaging.CreditorIdentity;
import io.recouvra.receivables.RegistrationNumbers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The court route (EscalationRoute may send any unpaid formal notice to court; there is no switch to
 * turn it off) needs the creditor's identity on every injunction request and formal notice: Recouvra
 * does not start without it, naming the missing setting, rather than print a request a clerk would
 * refuse. The shipped application.yaml carries a demo identity, marked DÉMO, so that the zero-setup run
 * and the demo start; a real creditor sets its own (RECOUVRA_CREDITOR_*), and a start on the demo
 * identity without recouvra.demo says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class CreditorIdentityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CreditorIdentityCheck.class);
    static final String DEMO_MARK = "DÉMO";

    /** The identity, checked: the bean exists only when every key is set and the SIREN is valid. */
    @Bean
    CheckedCreditorIdentity checkedCreditorIdentity(CreditorIdentity identity,
                                                    @org.springframework.beans.factory.annotation.Value("${recouvra.demo:false}") boolean demo) {
        List<String> missing = identity.missingKeys();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The court route needs the creditor's identity on injunction requests and formal "
                    + "notices: set " + String.join(", ", missing) + " (environment RECOUVRA_CREDITOR_*, see docs/legal.md)");
        }
        String siren = identity.siren().replace(" ", "");
        if (!siren.matches("\\d{9}") || !RegistrationNumbers.sirenFrom(siren.substring(0, 8)).equals(siren)) {
            throw new IllegalStateException("recouvra.creditor.siren is not a valid SIREN (9 digits, Luhn check digit): "
                    + identity.siren());
        }
        if (!demo && (identity.legalForm().contains(DEMO_MARK) || identity.registeredOffice().contains(DEMO_MARK)
                || identity.legalRepresentative().contains(DEMO_MARK) || identity.signatory().name().contains(DEMO_MARK))) {
            LOG.warn("recouvra.creditor.* still holds the demo identity (marked {}): set the creditor's own SIREN, legal form, "
                    + "registered office, legal representative and signatory before any formal notice or injunction request "
                    + "goes out", DEMO_MARK);
        }
        return new CheckedCreditorIdentity(identity);
    }

    record CheckedCreditorIdentity(CreditorIdentity identity) {
    }
}
