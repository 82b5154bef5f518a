package io.recouvra.insurance;

import io.recouvra.insurance.BuyerCovers.Cover;
import io.recouvra.insurance.InsuredInvoices.InsuredInvoice;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit insurance", description = "The policy, the insurer's cover per buyer, and each insured invoice's deadline and claim")
class InsuranceController {

    private final InsurancePolicies policies;
    private final BuyerCovers covers;
    private final InsuredInvoices insured;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final InsolvencyNoticeByHand byHand;

    InsuranceController(InsurancePolicies policies, BuyerCovers covers, InsuredInvoices insured, CustomerService customers,
                        InvoiceService invoices, InsolvencyNoticeByHand byHand) {
        this.byHand = byHand;
        this.policies = policies;
        this.covers = covers;
        this.insured = insured;
        this.customers = customers;
        this.invoices = invoices;
    }

    /** Named apart from credit's LimitRequest: OpenAPI names schemas by simple name, and one hid the other. */
    record CoverLimitRequest(@NotNull @Positive @Digits(integer = 15, fraction = 2) BigDecimal amount) {
    }

    /**
     * The insurer told of a buyer's insolvency proceedings outside Recouvra (its portal, a letter).
     *
     * @param toldAt when it was told
     * @param toldBy who told it (left out: whoever records it)
     */
    record InsurerToldByHand(@NotNull Instant toldAt, @Size(max = 200) String toldBy) {
    }

    /** An invoice under the policy: what the insurer would pay of it, and where its declaration stands. */
    record InsuredInvoiceView(String invoiceNumber, BigDecimal outstanding, BigDecimal withinLimit, BigDecimal beyondLimit,
                              BigDecimal coveredShare, BigDecimal insuredAmount,
                              InsuredInvoices.Status status, LocalDate declarationDeadline, LocalDate declareBy,
                              LocalDate extendedUntil, boolean declaredLate, String declarationReference,
                              String notDeclaredReason, String claimReference, BigDecimal indemnity, String refusalReason) {
    }

    /**
     * The buyer seen by the insurer: its cover, what it owes in all (exposure), how much of it falls
     * within the approved limit and how much does not, and its insured invoices.
     */
    record BuyerInsuranceView(UUID customerId, String customerName, Cover cover, String currency, BigDecimal exposure,
                              BigDecimal withinLimit, BigDecimal beyondLimit, List<InsuredInvoiceView> insuredInvoices) {
    }

    @GetMapping("/api/v1/insurance/policy")
    @Operation(summary = "The active credit-insurance policy")
    InsurancePolicy policy() {
        return policies.active().orElseThrow(() -> new NotFoundException("No credit-insurance policy is set up"));
    }

    @PutMapping("/api/v1/insurance/policy")
    @Operation(summary = "Sets the policy's terms (admins): periods in ISO 8601 (P60D, P2M), shares in percent")
    InsurancePolicy setPolicy(@Valid @RequestBody InsurancePolicies.Terms terms) {
        return policies.set(terms);
    }

    @GetMapping("/api/v1/customers/{customerId}/insurance")
    @Operation(summary = "The insurer's cover on the buyer, its exposure against the approved limit, and its insured invoices")
    BuyerInsuranceView buyer(@PathVariable UUID customerId) {
        Customer customer = customers.get(customerId);
        Cover cover = covers.of(customerId).orElse(null);
        String currency = policies.active().map(InsurancePolicy::currency).orElse("EUR");
        List<Invoice> open = invoices.openOf(customerId).stream()
                .filter(i -> currency.equals(i.getCurrency()) && !i.isLateCharges()).toList();
        BigDecimal exposure = open.stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal limit = cover == null || !cover.coversOn(insured.today()) ? BigDecimal.ZERO : cover.approvedLimit();
        Map<String, Invoice> byNumber = open.stream().collect(Collectors.toMap(Invoice::getNumber, Function.identity()));
        Map<String, BigDecimal> withinLimit = insured.withinLimit(customerId);
        List<InsuredInvoiceView> views = insured.ofCustomer(customerId).stream()
                .map(i -> view(i, byNumber.get(i.invoiceNumber()), withinLimit.getOrDefault(i.invoiceNumber(), BigDecimal.ZERO)))
                .toList();
        return new BuyerInsuranceView(customerId, customer.getLegalName(), cover, currency, exposure, exposure.min(limit),
                exposure.subtract(limit).max(BigDecimal.ZERO), views);
    }

    @PostMapping("/api/v1/customers/{customerId}/insurance/limit-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Asks the insurer for a credit limit on the buyer; its decision usually comes later (the daily sync reads it)")
    Cover requestLimit(@PathVariable UUID customerId, @Valid @RequestBody CoverLimitRequest request) {
        return covers.requestLimit(customerId, request.amount());
    }

    @PostMapping("/api/v1/customers/{customerId}/insurance/sync")
    @Operation(summary = "Reads the insurer's decision on the buyer now rather than at the daily sync")
    Cover sync(@PathVariable UUID customerId) {
        customers.get(customerId);
        return covers.sync(customerId).orElseThrow(() -> new NotFoundException("The insurer has no decision on " + customerId));
    }

    @PostMapping("/api/v1/customers/{customerId}/insurance/insolvency-notices/{judgmentDate}/told-by-hand")
    @Operation(summary = "Records that a person told the insurer of the buyer's insolvency proceedings opened by that judgment"
            + " (judgment day as 2026-11-20), when its API could not be: the insurer is not asked again, and the credit managers'"
            + " task to do it is completed if open (404 when no notice is due for that judgment, 409 when already told)")
    InsolvencyNoticeByHand.Notice toldByHand(@PathVariable UUID customerId,
                                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate judgmentDate,
                                             @Valid @RequestBody InsurerToldByHand told) {
        return byHand.record(customerId, judgmentDate, told.toldAt(), told.toldBy());
    }

    @ExceptionHandler(CreditInsurer.InsurerRefusal.class)
    ProblemDetail refused(CreditInsurer.InsurerRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refusal.getMessage());
        problem.setTitle("Refused by the insurer");
        return problem;
    }

    @ExceptionHandler(CreditInsurer.InsurerUnavailable.class)
    ProblemDetail unavailable(CreditInsurer.InsurerUnavailable unavailable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
        problem.setTitle("The insurer cannot be reached; try again later");
        return problem;
    }

    private static InsuredInvoiceView view(InsuredInvoice i, Invoice invoice, BigDecimal withinLimit) {
        BigDecimal outstanding = invoice == null ? BigDecimal.ZERO : invoice.getOutstanding();
        return new InsuredInvoiceView(i.invoiceNumber(), outstanding, withinLimit, outstanding.subtract(withinLimit),
                i.coveredShare(), InsuredInvoices.insuredPart(withinLimit, i.coveredShare()), i.status(), i.declarationDeadline(), i.declareBy(),
                i.extendedUntil(), i.declaredLate(), i.declarationReference(), i.notDeclaredReason(), i.claimReference(),
                i.indemnity(), i.refusalReason());
    }
}
