package io.recouvra.receivables;

import java.util.List;

/**
 * What a registration should tell its sender although the invoice was accepted: a term the law overrides,
 * for instance. Features outside the ledger implement it (the ledger does not know their rules); the
 * invoice API and the CSV import report say every notice they give.
 */
public interface RegistrationNotices {

    /** A remark on one field of a registered invoice. */
    record Notice(String field, String notice) {
    }

    List<Notice> about(Invoice invoice);
}
