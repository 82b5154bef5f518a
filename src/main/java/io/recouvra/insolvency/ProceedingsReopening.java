package io.recouvra.insolvency;

import java.time.LocalDate;

/** A judgment reopening a liquidation closed for insufficient assets (art. L643-13 C. com.): its day and the officer's note. */
public record ProceedingsReopening(LocalDate judgmentDate, String note) {
}
