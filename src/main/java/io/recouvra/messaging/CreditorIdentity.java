package io.recouvra.messaging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The creditor as a court and a formal notice must name a company: its SIREN, legal form, registered
 * office and legal representative (articles 54 and 57 of the Code de procédure civile for the request;
 * the same identity closes the formal notice), and the person who signs, with their title. Bound from
 * the same settings as {@link Creditor} (recouvra.creditor.*).
 */
@ConfigurationProperties("recouvra.creditor")
public record CreditorIdentity(String siren, String legalForm, String registeredOffice, String legalRepresentative,
                               Signatory signatory) {

    /** The person who signs the requests and formal notices, e.g. "Claire Dubois", "Responsable du recouvrement". */
    public record Signatory(String name, String title) {
    }

    /** The setting keys that are not set, in the order an operator fills them. */
    public List<String> missingKeys() {
        List<String> missing = new ArrayList<>();
        blank(siren, "recouvra.creditor.siren", missing);
        blank(legalForm, "recouvra.creditor.legal-form", missing);
        blank(registeredOffice, "recouvra.creditor.registered-office", missing);
        blank(legalRepresentative, "recouvra.creditor.legal-representative", missing);
        blank(signatory == null ? null : signatory.name(), "recouvra.creditor.signatory.name", missing);
        blank(signatory == null ? null : signatory.title(), "recouvra.creditor.signatory.title", missing);
        return missing;
    }

    /** "123 456 782", as French documents print a SIREN. */
    public String sirenDisplay() {
        String digits = siren == null ? "" : siren.replace(" ", "");
        return digits.length() == 9 ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6) : siren;
    }

    private static void blank(String value, String key, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(key);
        }
    }
}
