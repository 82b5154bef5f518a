package io.recouvra.insolvency;

import java.time.LocalDate;

/** A judgment closing open proceedings: how, on what day, and what the officer wants kept with it. */
public record ProceedingsClosing(ClosingKind kind, LocalDate judgmentDate, String note) {
}
