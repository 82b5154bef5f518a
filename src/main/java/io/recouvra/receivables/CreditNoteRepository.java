package io.recouvra.receivables;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNoteRepository extends JpaRepository<CreditNote, UUID> {

    boolean existsByNumber(String number);

    boolean existsByInvoiceAndEarlyPaymentDiscountTrue(Invoice invoice);

    @EntityGraph(attributePaths = "invoice")
    Optional<CreditNote> findByNumber(String number);
}
