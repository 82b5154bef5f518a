package io.recouvra.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice to register. The customer is named either by its id or by its registration number.
 *
 * @param amount                  the amount due, including VAT (what late-payment interest runs on)
 * @param amountExclVat           the amount excluding VAT; with {@code vat}, they add up to {@code amount}
 * @param vat                     the invoice's VAT: 0 for an intra-EU supply (CGI art. 262 ter), an export
 *                                (art. 262) or a reverse-charge sale. Both absent: the VAT is derived at the
 *                                standard rate and the invoice is flagged {@code vatDerived}
 * @param contractualInterestRate the late-payment rate agreed in the contract, as an annual percentage
 *                                (12.5 for 12.5 %); absent, the statutory rate applies
 * @param discountRate            the early-payment discount, in percent of the amount including VAT (2.00 for
 *                                2 %), above 0 and at most 10; with {@code discountUntil}, or neither
 * @param discountUntil           the last payment value date that earns the discount: on or after the issue
 *                                date, on or before the due date
 * @param deliveredOn             the day the goods were delivered or the service rendered, when the invoice says it: the
 *                                day the claim was born (absent, its issue date stands for it)
 */
public record NewInvoice(
        @NotBlank @Size(max = 64) @Pattern(regexp = "\\S+", message = "must not contain spaces") String number,
        UUID customerId,
        @Size(max = 32) String customerRegistrationNumber,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate,
        @Schema(description = "The amount due, including VAT; late-payment interest runs on it")
        @NotNull @Positive @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3) BigDecimal contractualInterestRate,
        @Schema(description = "The invoice's amount excluding VAT; with vat it must add up to amount. Give both, or neither:"
                + " the VAT is then derived at the standard rate and the invoice flagged vatDerived")
        @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal amountExclVat,
        @Schema(description = "The invoice's VAT: 0 for an intra-EU supply, an export or a reverse-charge sale")
        @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal vat,
        @Schema(description = "Early-payment discount (escompte), in percent of the amount including VAT: 2.00 for 2 %."
                + " Above 0, at most 10. Give it with discountUntil, or neither")
        @Digits(integer = 3, fraction = 2) BigDecimal discountRate,
        @Schema(description = "The last payment value date that earns the discount: not before issueDate, not after dueDate")
        LocalDate discountUntil,
        @Schema(description = "The day the goods were delivered or the service rendered: the day the claim was born (in"
                + " insolvency proceedings, whether it was born before the opening judgment). Absent: the issue date")
        LocalDate deliveredOn) {

    public NewInvoice(String number, UUID customerId, String customerRegistrationNumber, LocalDate issueDate,
                      LocalDate dueDate, BigDecimal amount, String currency, BigDecimal contractualInterestRate,
                      BigDecimal amountExclVat, BigDecimal vat, BigDecimal discountRate, LocalDate discountUntil) {
        this(number, customerId, customerRegistrationNumber, issueDate, dueDate, amount, currency, contractualInterestRate,
                amountExclVat, vat, discountRate, discountUntil, null);
    }

    public NewInvoice(String number, UUID customerId, String customerRegistrationNumber, LocalDate issueDate,
                      LocalDate dueDate, BigDecimal amount, String currency, BigDecimal contractualInterestRate,
                      BigDecimal amountExclVat, BigDecimal vat) {
        this(number, customerId, customerRegistrationNumber, issueDate, dueDate, amount, currency, contractualInterestRate,
                amountExclVat, vat, null, null);
    }

    public NewInvoice(String number, UUID customerId, String customerRegistrationNumber, LocalDate issueDate,
                      LocalDate dueDate, BigDecimal amount, String currency) {
        this(number, customerId, customerRegistrationNumber, issueDate, dueDate, amount, currency, null);
    }

    public NewInvoice(String number, UUID customerId, String customerRegistrationNumber, LocalDate issueDate,
                      LocalDate dueDate, BigDecimal amount, String currency, BigDecimal contractualInterestRate) {
        this(number, customerId, customerRegistrationNumber, issueDate, dueDate, amount, currency, contractualInterestRate,
                null, null);
    }
}
