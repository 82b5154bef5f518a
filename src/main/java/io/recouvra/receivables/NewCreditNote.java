package io.recouvra.receivables;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

public record NewCreditNote(
        @NotBlank @Size(max = 64) String number,
        @NotBlank @Size(max = 64) String invoiceNumber,
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull LocalDate issueDate,
        @Size(max = 500) String reason) {
}
