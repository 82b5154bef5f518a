package io.recouvra.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What one payment brought to one invoice, and on which value date: the history late interest runs on. */
public record InvoicePayment(UUID invoiceId, LocalDate valueDate, BigDecimal amount) {
}
