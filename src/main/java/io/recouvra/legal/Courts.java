package io.recouvra.legal;

import io.recouvra.receivables.Customer;
import java.util.Comparator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The court an injunction request goes to: the president of the commercial court of the debtor's
 * registered seat (article 1406 of the Code de procédure civile), named after the seat's city unless
 * the settings say otherwise for its postal code.
 */
@Component
class Courts {

    private final Map<String, String> overrides;

    Courts(LegalSettings settings) {
        this.overrides = settings.courts();
    }

    String of(Customer debtor) {
        String postalCode = debtor.getPostalCode() == null ? "" : debtor.getPostalCode().replace(" ", "");
        return overrides.entrySet().stream()
                .filter(court -> postalCode.startsWith(court.getKey()))
                .max(Comparator.comparingInt(court -> court.getKey().length()))
                .map(Map.Entry::getValue)
                .orElseGet(() -> "Tribunal de commerce de " + debtor.getCity());
    }
}
