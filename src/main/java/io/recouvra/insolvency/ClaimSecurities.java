package io.recouvra.insolvency;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The securities a declaration names (L. 622-25: "la nature du privilège ou de la sûreté dont la créance est
 * éventuellement assortie"; R. 622-23 4°: the date and evidence of an unpublished one). The ledger holds none: the
 * register of guarantees (package {@code guarantee}) implements this port with a bean of its own; without one,
 * the declaration says the claim is unsecured and no claim for goods is raised.
 */
public interface ClaimSecurities {

    List<ClaimSecurity> of(UUID customerId, Collection<String> invoiceNumbers);

    /**
     * @param kind          what it is, as the declaration prints it ("Caution personnelle de M. X", "Clause de réserve de propriété")
     * @param invoiceNumber the invoice it secures, or null when it secures the customer's whole debt
     * @param amountCap     how much it covers at most, or null
     * @param retentionOfTitle whether it is a retention-of-title clause, which the goods can be claimed back under (L. 624-16)
     */
    record ClaimSecurity(String kind, String invoiceNumber, BigDecimal amountCap, String evidence, boolean retentionOfTitle) {
    }
}
