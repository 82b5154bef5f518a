package io.recouvra.interest;

import io.recouvra.interest.ChargedLatePayments.Charged;
import io.recouvra.interest.LatePaymentInterest.Breakdown;
import io.recouvra.interest.LatePaymentInterest.Settlement;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoicePayment;
import io.recouvra.receivables.InvoiceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a creditor may claim for unpaid invoices on a given day, each part shown apart as a formal
 * notice or an injunction request must: the principal, the late-payment interest to the day, and the
 * fixed recovery indemnity of 40 euros per invoice (article D. 441-5 of the Code de commerce).
 */
@Service
public class LatePaymentClaims {

    /** Fixed by decree in euros, whatever the invoice's currency. */
    public static final BigDecimal INDEMNITY_PER_INVOICE_EUR = new BigDecimal("40.00");

    private final InvoiceService invoices;
    private final LatePaymentRates rates;
    private final ChargedLatePayments chargedBefore;

    LatePaymentClaims(InvoiceService invoices, LatePaymentRates rates, ChargedLatePayments chargedBefore) {
        this.invoices = invoices;
        this.rates = rates;
        this.chargedBefore = chargedBefore;
    }

    public record InvoiceClaim(String number, LocalDate dueDate, String currency, BigDecimal principal,
                               BigDecimal interest, BigDecimal indemnityEur, List<InterestPeriod> periods) {
    }

    /**
     * The claim for invoices in one currency. The indemnity is in euros: the total includes it when the
     * claim is in euros, and it is claimed apart otherwise.
     */
    public record Claim(String currency, BigDecimal principal, BigDecimal interest, BigDecimal indemnityEur,
                        BigDecimal total, List<InvoiceClaim> invoices) {

        static Claim of(String currency, List<InvoiceClaim> lines) {
            BigDecimal principal = sum(lines, InvoiceClaim::principal);
            BigDecimal interest = sum(lines, InvoiceClaim::interest);
            BigDecimal indemnity = sum(lines, InvoiceClaim::indemnityEur);
            BigDecimal total = principal.add(interest).add("EUR".equals(currency) ? indemnity : BigDecimal.ZERO);
            return new Claim(currency, principal, interest, indemnity, total, lines);
        }
    }

    /** Fails with {@link MissingLatePaymentRate} without spoiling the caller's transaction (see the rates' lookup). */
    @Transactional(readOnly = true, noRollbackFor = MissingLatePaymentRate.class)
    public Claim claim(List<Invoice> unpaid, LocalDate asOf) {
        if (unpaid.isEmpty() || unpaid.stream().map(Invoice::getCurrency).distinct().count() > 1) {
            throw new IllegalArgumentException("a claim covers one or more invoices in one currency: " + unpaid.stream()
                    .map(i -> i.getNumber() + " " + i.getCurrency()).toList());
        }
        Map<UUID, List<Settlement>> settlements = invoices.paymentsOf(unpaid.stream().map(Invoice::getId).toList())
                .stream().collect(Collectors.groupingBy(InvoicePayment::invoiceId,
                        Collectors.mapping(p -> new Settlement(p.valueDate(), p.amount()), Collectors.toList())));
        Function<LocalDate, HalfYearRate> rateTable = rates.lookup();
        Map<String, Charged> charged = chargedBefore.of(unpaid.stream().map(Invoice::getNumber).toList());
        List<InvoiceClaim> lines = unpaid.stream().map(invoice -> {
            List<Settlement> paid = settlements.getOrDefault(invoice.getId(), List.of());
            // owed on that day: what its payments had not covered by then
            BigDecimal principal = invoice.owed().subtract(paid.stream().filter(p -> !p.valueDate().isAfter(asOf))
                    .map(Settlement::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).max(BigDecimal.ZERO);
            if (invoice.isLateCharges()) {
                // interest and indemnity are owed on the price of a sale, not on charges for paying it late
                return new InvoiceClaim(invoice.getNumber(), invoice.getDueDate(), invoice.getCurrency(), principal,
                        BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), List.of());
            }
            Charged before = charged.get(invoice.getNumber());
            LocalDate interestFrom = before == null || before.interestUntil().isBefore(invoice.getDueDate())
                    ? invoice.getDueDate() : before.interestUntil();
            Breakdown interest = LatePaymentInterest.compute(interestFrom, invoice.owed(), paid,
                    invoice.getContractualInterestRate(), asOf, rateTable);
            // due for an invoice paid late, not for one paid in time; once per invoice
            boolean late = (asOf.isAfter(invoice.getDueDate()) && principal.signum() > 0) || !interest.periods().isEmpty();
            BigDecimal indemnity = late && (before == null || !before.indemnity()) ? INDEMNITY_PER_INVOICE_EUR : BigDecimal.ZERO.setScale(2);
            return new InvoiceClaim(invoice.getNumber(), invoice.getDueDate(), invoice.getCurrency(), principal,
                    interest.total(), indemnity, interest.periods());
        }).toList();
        return Claim.of(unpaid.get(0).getCurrency(), lines);
    }

    private static BigDecimal sum(List<InvoiceClaim> lines, Function<InvoiceClaim, BigDecimal> part) {
        return lines.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
