package io.recouvra.receivables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment received. Without allocations it goes to the customer's open invoices in the payment's
 * currency, oldest due first; whatever is left becomes the customer's credit.
 */
public record NewPayment(
        @NotNull UUID customerId,
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        @NotNull LocalDate valueDate,
        @NotBlank @Size(max = 100) String bankReference,
        List<@Valid Allocation> allocations) {

    public record Allocation(
            @NotBlank @Size(max = 64) String invoiceNumber,
            @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount) {
    }
}
