package io.recouvra.receivables;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice to register. The customer is named either by its id or by its registration number.
 *
 * @param contractualInterestRate the late-payment rate agreed in the contract, as an annual percentage
 *                                (12.5 for 12.5 %); absent, the statutory rate applies
 */
public record NewInvoice(
        @NotBlank @Size(max = 64) @Pattern(regexp = "\\S+", message = "must not contain spaces") String number,
        UUID customerId,
        @Size(max = 32) String customerRegistrationNumber,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal contractualInterestRate) {

    public NewInvoice(String number, UUID customerId, String customerRegistrationNumber, LocalDate issueDate,
                      LocalDate dueDate, BigDecimal amount, String currency) {
        this(number, customerId, customerRegistrationNumber, issueDate, dueDate, amount, currency, null);
    }
}
