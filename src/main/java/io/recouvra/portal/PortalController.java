package io.recouvra.portal;

import io.recouvra.collection.PromisesMadeOnline;
import io.recouvra.guarantee.Guarantee;
import io.recouvra.guarantee.GuaranteeKind;
import io.recouvra.guarantee.Guarantees;
import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.SentLetters.SentLetter;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debtor's pages, opened by the token of a link ({@code /portal/<token>}): no password, the token is the key.
 * Everything shown is read through the token's customer, so no id in a URL can reach another customer's data.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PortalController {

    /** An open invoice as the debtor reads it: amounts and dates already written for their language. */
    record InvoiceRow(String number, String issued, String due, String amount, String stillDue, long daysOverdue, String status,
                      String promisedOn) {
    }

    record LetterRow(UUID messageId, String invoiceNumber, String kind, String sentOn) {
    }

    /** A guarantee the debtor gave itself, as a sentence: its message key, with the amount, the day and the invoice written. */
    record GuaranteeRow(String key, String amount, String since, String invoiceNumber) {
    }

    private final PortalPages pages;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final SentLetters letters;
    private final InteractionLog trail;
    private final PromisesMadeOnline promises;
    private final Guarantees guarantees;

    PortalController(PortalPages pages, CustomerService customers, InvoiceService invoices, SentLetters letters,
                     InteractionLog trail, PromisesMadeOnline promises, Guarantees guarantees) {
        this.promises = promises;
        this.guarantees = guarantees;
        this.pages = pages;
        this.customers = customers;
        this.invoices = invoices;
        this.letters = letters;
        this.trail = trail;
    }

    /**
     * "Ce que vous devez": the open invoices, the letters sent and how to pay. Invoices born before the opening
     * judgment of the customer's insolvency proceedings are shown apart: they are declared in the proceedings and paid,
     * if at all, through the court-appointed representative, never here (art. L622-7 C. com.), so they are neither
     * among the invoices to pay nor in the reference to quote.
     */
    @GetMapping("/portal/{token}")
    String owed(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        Locale locale = PortalPages.locale(model);
        LocalDate today = pages.today();
        List<Invoice> open = invoices.openOf(link.customerId());
        List<Invoice> toPay = open.stream().filter(invoice -> !invoice.isFrozenByInsolvency()).toList();
        List<Invoice> frozen = open.stream().filter(Invoice::isFrozenByInsolvency).toList();
        Customer customer = customers.get(link.customerId());
        model.addAttribute("customerName", customer.getLegalName());
        Map<String, LocalDate> promised = promises.promisedInvoices(link.customerId());
        model.addAttribute("invoices", toPay.stream().map(invoice -> row(invoice, today, locale, promised.get(invoice.getNumber())))
                .toList());
        model.addAttribute("frozen", frozen.stream().map(invoice -> row(invoice, today, locale, null)).toList());
        model.addAttribute("judgmentDate", frozen.isEmpty() ? null : PortalPages.date(customer.getInsolvencyReportedOn(), locale));
        model.addAttribute("letters", open.stream()
                .flatMap(invoice -> letters.aboutInvoice(invoice.getId()).stream()
                        .map(letter -> new LetterRow(letter.messageId(), invoice.getNumber(), letter.kind().name(),
                                pages.date(letter.sentAt(), locale))))
                .toList());
        model.addAttribute("reference", String.join(", ", toPay.stream().map(Invoice::getNumber).toList()));
        model.addAttribute("guarantees", ownGuarantees(link.customerId(), open, today, locale));
        PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor viewed what it owes (link " + link.id() + ")", null));
        return "portal/owed";
    }

    /** A letter sent to this customer, as it was sent; any other message id is not found. */
    @GetMapping("/portal/{token}/letters/{messageId}")
    Object letter(@PathVariable String token, @PathVariable UUID messageId, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        PortalLink link = pages.open(token, null, request, response, model);
        if (link == null) {
            return model.getAttribute("refusal");
        }
        for (Invoice invoice : invoices.openOf(link.customerId())) {
            for (SentLetter letter : letters.aboutInvoice(invoice.getId())) {
                if (letter.messageId().equals(messageId) && letter.pdf() != null) {
                    PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), invoice.getId(), Medium.PORTAL,
                            Direction.INBOUND, Type.NOTE, "Portal: the debtor downloaded the letter " + messageId
                                    + " (link " + link.id() + ")", null));
                    return ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_PDF)
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(invoice.getNumber() + "-" + letter.kind().name().toLowerCase(Locale.ROOT) + ".pdf")
                                    .build().toString())
                            .body(letter.pdf());
                }
            }
        }
        return ResponseEntity.notFound().build();
    }

    /**
     * The guarantees the debtor gave itself and that hold today: its deposits, and the retention-of-title clauses on
     * invoices it still owes (paid, the goods are its own). Never a personal or first-demand guarantee: those are a
     * third party's commitment, and who gave it is not the debtor's to see (docs/guarantees.md).
     */
    private List<GuaranteeRow> ownGuarantees(UUID customerId, List<Invoice> open, LocalDate today, Locale locale) {
        List<String> owed = open.stream().map(Invoice::getNumber).toList();
        return guarantees.ofCustomer(customerId).stream()
                .filter(g -> g.validOn(today))
                .filter(g -> g.kind() == GuaranteeKind.DEPOSIT
                        || (g.kind() == GuaranteeKind.RETENTION_OF_TITLE && owed.contains(g.invoiceNumber())))
                .sorted(Comparator.comparing((Guarantee g) -> g.kind() != GuaranteeKind.DEPOSIT))
                .map(g -> new GuaranteeRow(key(g), PortalPages.money(g.amount(), g.currency(), locale),
                        PortalPages.date(g.startsOn(), locale), g.invoiceNumber()))
                .toList();
    }

    private static String key(Guarantee guarantee) {
        if (guarantee.kind() == GuaranteeKind.RETENTION_OF_TITLE) {
            return "guarantee.retention-of-title";
        }
        return guarantee.invoiceNumber() == null ? "guarantee.deposit" : "guarantee.deposit-invoice";
    }

    private InvoiceRow row(Invoice invoice, LocalDate today, Locale locale, LocalDate promisedOn) {
        long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today));
        return new InvoiceRow(invoice.getNumber(), PortalPages.date(invoice.getIssueDate(), locale), PortalPages.date(invoice.getDueDate(), locale),
                PortalPages.money(invoice.getAmount(), invoice.getCurrency(), locale),
                PortalPages.money(invoice.getOutstanding(), invoice.getCurrency(), locale),
                daysOverdue, status(invoice, daysOverdue, promisedOn),
                promisedOn == null ? null : PortalPages.date(promisedOn, locale));
    }

    /** The message key of where the invoice stands, in the debtor's words (a promised one names its date). */
    private static String status(Invoice invoice, long daysOverdue, LocalDate promisedOn) {
        if (promisedOn != null) {
            return "status.promised";
        }
        return switch (invoice.getStatus()) {
            case DISPUTED -> "status.disputed";
            case ON_HOLD -> "status.on-hold";
            case IN_PLAN -> "status.in-plan";
            default -> daysOverdue > 0 ? "status.dunning" : "status.not-yet-due";
        };
    }

}
