package io.recouvra.receivables;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNoteRepository extends JpaRepository<CreditNote, UUID> {

    boolean existsByNumber(String number);
}
