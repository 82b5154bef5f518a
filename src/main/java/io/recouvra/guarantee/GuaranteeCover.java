package io.recouvra.guarantee;

import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How much of a customer's exposure its guarantees secure on a given day, per currency. The secured part counts only
 * guarantees valid that day ({@link Guarantee#validOn}), each up to its cap left and never above what it can secure:
 * one invoice's guarantee covers that invoice's outstanding amount only, an account-wide one what the invoice
 * guarantees leave. A retention-of-title clause is shown apart, not in the secured part: it is worth something only
 * while the goods are still in kind at the debtor's (art. L624-16 C. com.), which Recouvra cannot know.
 */
@Service
public class GuaranteeCover {

    /**
     * @param exposure         what the customer owes in that currency (its open invoices' outstanding amounts)
     * @param secured          the part valid guarantees cover
     * @param unsecured        exposure less secured
     * @param retentionOfTitle the outstanding amount of invoices under a retention-of-title clause in force
     */
    public record Cover(String currency, BigDecimal exposure, BigDecimal secured, BigDecimal unsecured, BigDecimal retentionOfTitle) {
    }

    public record CustomerCover(UUID customerId, LocalDate day, List<Cover> byCurrency) {

        /** The cover in that currency (zeros when the customer owes nothing in it and holds no guarantee in it). */
        public Cover in(String currency) {
            return byCurrency.stream().filter(cover -> cover.currency().equals(currency)).findFirst()
                    .orElse(new Cover(currency, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                            BigDecimal.ZERO.setScale(2)));
        }
    }

    private final Guarantees guarantees;
    private final InvoiceService invoices;

    GuaranteeCover(Guarantees guarantees, InvoiceService invoices) {
        this.guarantees = guarantees;
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public CustomerCover of(UUID customerId, LocalDate day) {
        List<Invoice> open = invoices.openOf(customerId);
        List<Guarantee> valid = guarantees.ofCustomer(customerId).stream().filter(g -> g.validOn(day)).toList();
        TreeSet<String> currencies = new TreeSet<>();
        open.forEach(invoice -> currencies.add(invoice.getCurrency()));
        valid.forEach(guarantee -> currencies.add(guarantee.currency()));
        Map<String, Cover> covers = new TreeMap<>();
        for (String currency : currencies) {
            covers.put(currency, cover(currency, open.stream().filter(i -> i.getCurrency().equals(currency)).toList(),
                    valid.stream().filter(g -> g.currency().equals(currency)).toList()));
        }
        return new CustomerCover(customerId, day, List.copyOf(covers.values()));
    }

    private static Cover cover(String currency, List<Invoice> open, List<Guarantee> valid) {
        BigDecimal exposure = open.stream().map(Invoice::getOutstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<UUID, BigDecimal> capPerInvoice = new HashMap<>();
        BigDecimal accountWideCap = BigDecimal.ZERO;
        for (Guarantee guarantee : valid) {
            if (!guarantee.kind().secures()) {
                continue;
            }
            if (guarantee.invoiceId() == null) {
                accountWideCap = accountWideCap.add(guarantee.capLeft());
            } else {
                capPerInvoice.merge(guarantee.invoiceId(), guarantee.capLeft(), BigDecimal::add);
            }
        }
        BigDecimal securedByInvoiceGuarantees = BigDecimal.ZERO;
        BigDecimal retentionOfTitle = BigDecimal.ZERO;
        for (Invoice invoice : open) {
            securedByInvoiceGuarantees = securedByInvoiceGuarantees.add(
                    Optional.ofNullable(capPerInvoice.get(invoice.getId())).orElse(BigDecimal.ZERO).min(invoice.getOutstanding()));
            if (valid.stream().anyMatch(g -> g.kind() == GuaranteeKind.RETENTION_OF_TITLE && invoice.getId().equals(g.invoiceId()))) {
                retentionOfTitle = retentionOfTitle.add(invoice.getOutstanding());
            }
        }
        BigDecimal secured = securedByInvoiceGuarantees.add(accountWideCap.min(exposure.subtract(securedByInvoiceGuarantees)));
        return new Cover(currency, scale(exposure), scale(secured), scale(exposure.subtract(secured)), scale(retentionOfTitle));
    }

    private static BigDecimal scale(BigDecimal amount) {
        return amount.setScale(2);
    }
}
