package io.recouvra.agency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an agency receives with a case: who collects and for whom, who owes, the debt with principal,
 * interest and indemnity apart (French law asks an agency's letters to show them apart), the history of
 * contacts so far, and the documents (invoice data, formal notices as sent).
 */
record CaseFile(Reference reference, Creditor creditor, Debtor debtor, List<InvoiceLine> invoices, Amounts amounts,
                LocalDate mandateEndsOn, List<HistoryEntry> history, List<Document> documents) {

    /** Recouvra's case id, which the agency quotes in its updates. */
    record Reference(UUID caseId, String invoiceNumber) {
    }

    record Creditor(String name, String address, String iban, String bic, String email, String phone) {
    }

    record Debtor(String name, String registrationNumber, String addressLine, String postalCode, String city,
                  String country, List<Contact> contacts) {
    }

    record Contact(String name, String role, String email, String phone) {
    }

    record InvoiceLine(String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal outstanding,
                       String currency) {
    }

    /** Interest and principal in the case currency; the fixed indemnity in euros, whatever the currency. */
    record Amounts(String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnityEur, BigDecimal total) {
    }

    record HistoryEntry(Instant occurredAt, String medium, String direction, String type, String summary) {
    }

    record Document(String name, String contentType, byte[] content) {
    }
}
