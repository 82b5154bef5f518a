package io.recouvra.guarantee;

import io.recouvra.insolvency.ClaimSecurities;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The register's guarantees as a declaration of claims names them (art. L622-25 and R622-23 C. com.): every guarantee
 * of the customer not refused nor given back that secures the whole account or one of the declared invoices, with
 * what is left of its cap and the evidence the register keeps. A retention-of-title clause is marked as such, so that
 * the declaration also claims the goods back (art. L624-9 and L624-16).
 */
@Component
class GuaranteeClaimSecurities implements ClaimSecurities {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Guarantees guarantees;

    GuaranteeClaimSecurities(Guarantees guarantees) {
        this.guarantees = guarantees;
    }

    @Override
    public List<ClaimSecurity> of(UUID customerId, Collection<String> invoiceNumbers) {
        return guarantees.ofCustomer(customerId).stream()
                .filter(guarantee -> guarantee.status() != Guarantee.Status.REFUSED && guarantee.status() != Guarantee.Status.RELEASED)
                .filter(guarantee -> guarantee.invoiceNumber() == null || invoiceNumbers.contains(guarantee.invoiceNumber()))
                .map(GuaranteeClaimSecurities::asDeclared)
                .toList();
    }

    private static ClaimSecurity asDeclared(Guarantee guarantee) {
        boolean retentionOfTitle = guarantee.kind() == GuaranteeKind.RETENTION_OF_TITLE;
        return new ClaimSecurity(describe(guarantee), guarantee.invoiceNumber(), retentionOfTitle ? null : guarantee.capLeft(),
                evidence(guarantee), retentionOfTitle);
    }

    private static String describe(Guarantee guarantee) {
        return switch (guarantee.kind()) {
            case PERSONAL_GUARANTEE -> "Caution personnelle de " + guarantee.providerName();
            case FIRST_DEMAND_GUARANTEE -> "Garantie à première demande de " + guarantee.providerName();
            case RETENTION_OF_TITLE -> "Clause de réserve de propriété";
            case DEPOSIT -> "Acompte versé";
        };
    }

    private static String evidence(Guarantee guarantee) {
        String reference = guarantee.reference() == null || guarantee.reference().isBlank() ? "" : guarantee.reference();
        String since = guarantee.startsOn() == null ? "" : "du " + DAY.format(guarantee.startsOn());
        return (reference + " " + since).trim();
    }
}
