package io.recouvra.interest;

import io.recouvra.receivables.InvoiceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Late-payment interest", description = "Statutory rates per half-year and what an unpaid invoice may claim")
class LatePaymentController {

    private final LatePaymentRates rates;
    private final LatePaymentClaims claims;
    private final InvoiceService invoices;
    private final Clock clock;

    LatePaymentController(LatePaymentRates rates, LatePaymentClaims claims, InvoiceService invoices, Clock clock) {
        this.rates = rates;
        this.claims = claims;
        this.invoices = invoices;
        this.clock = clock;
    }

    record RateView(LocalDate halfYearStart, BigDecimal ecbMainRefinancingRate, BigDecimal legalInterestRate,
                    BigDecimal statutoryRate, BigDecimal floorRate, String source, Instant recordedAt, String recordedBy) {

        static RateView of(HalfYearRate rate) {
            return new RateView(rate.start(), rate.ecbRate(), rate.legalRate(), rate.statutoryRate(), rate.floorRate(),
                    rate.source(), rate.recordedAt(), rate.recordedBy());
        }
    }

    record HalfYearRates(
            @NotNull @DecimalMin("-5") @DecimalMax("50") @Digits(integer = 2, fraction = 3) BigDecimal ecbMainRefinancingRate,
            @NotNull @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 3) BigDecimal legalInterestRate,
            @NotBlank @Size(max = 500) String source) {
    }

    @GetMapping("/api/v1/late-payment-rates")
    @Operation(summary = "The half-year rates, newest first, with the statutory rate and the floor they give")
    List<RateView> rates() {
        return rates.all().stream().map(RateView::of).toList();
    }

    @PutMapping("/api/v1/late-payment-rates/{halfYearStart}")
    @Operation(summary = "Record or correct a half-year's rates (admins): the ECB main refinancing rate in force on "
            + "1 January or 1 July, and the legal interest rate for professional creditors, in percent")
    RateView record(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate halfYearStart,
                    @Valid @RequestBody HalfYearRates request, Principal admin) {
        return RateView.of(rates.record(halfYearStart, request.ecbMainRefinancingRate(), request.legalInterestRate(),
                request.source(), admin.getName()));
    }

    @GetMapping("/api/v1/invoices/{number}/late-payment-claim")
    @Operation(summary = "Principal, late-payment interest to the day (period by period) and the 40 EUR indemnity "
            + "the invoice may claim on a day (today by default)")
    LatePaymentClaims.Claim claim(@PathVariable String number,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return claims.claim(List.of(invoices.get(number)), asOf != null ? asOf : LocalDate.now(clock));
    }
}
