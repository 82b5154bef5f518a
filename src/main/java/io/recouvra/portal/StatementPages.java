package io.recouvra.portal;

import io.recouvra.messaging.LetterRenderer;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerLedger;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * "Relevé de compte": a PDF of the customer's account at today's date, rendered as the letters are
 * ({@link LetterRenderer}): the open invoices with what each still owes, the payments and credit notes of the last
 * twelve months, the total due, and how to pay.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class StatementPages {

    /** How far back the statement lists payments and credit notes. */
    static final int MONTHS_OF_MOVEMENTS = 12;

    record OpenRow(String number, String issued, String due, String amount, String stillDue, long daysOverdue) {
    }

    record PaymentRow(String on, String reference, String amount) {
    }

    record CreditNoteRow(String on, String number, String invoiceNumber, String amount) {
    }

    private final PortalPages pages;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CustomerLedger ledger;
    private final LetterRenderer renderer;
    private final ITemplateEngine templates;
    private final InteractionLog trail;

    StatementPages(PortalPages pages, CustomerService customers, InvoiceService invoices, CustomerLedger ledger,
                   LetterRenderer renderer, ITemplateEngine templates, InteractionLog trail) {
        this.pages = pages;
        this.customers = customers;
        this.invoices = invoices;
        this.ledger = ledger;
        this.renderer = renderer;
        this.templates = templates;
        this.trail = trail;
    }

    @GetMapping("/portal/{token}/statement")
    Object statement(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                     HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return model.getAttribute("refusal");
        }
        Locale locale = PortalPages.locale(model);
        LocalDate today = pages.today();
        byte[] pdf = renderer.pdf(templates.process("portal/statement-pdf", new Context(locale, figures(link, today, locale, model))));
        PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor downloaded its statement at " + today + " (link " + link.id() + ")", null));
        String name = ("en".equals(model.getAttribute("lang")) ? "statement-" : "releve-de-compte-") + today + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf);
    }

    /** Everything the statement prints, amounts and dates written for the page's language. */
    Map<String, Object> figures(PortalLink link, LocalDate today, Locale locale, Model model) {
        Customer customer = customers.get(link.customerId());
        List<Invoice> open = invoices.openOf(link.customerId());
        LocalDate since = today.minusMonths(MONTHS_OF_MOVEMENTS);
        // one total per currency: euros and dollars do not add up
        Map<String, BigDecimal> due = open.stream().collect(Collectors.groupingBy(Invoice::getCurrency, TreeMap::new,
                Collectors.reducing(BigDecimal.ZERO, Invoice::getOutstanding, BigDecimal::add)));
        Map<String, Object> figures = new HashMap<>();
        figures.put("lang", model.getAttribute("lang"));
        figures.put("creditor", model.getAttribute("creditor"));
        figures.put("customer", customer);
        figures.put("today", PortalPages.date(today, locale));
        figures.put("since", PortalPages.date(since, locale));
        figures.put("invoices", open.stream().map(i -> new OpenRow(i.getNumber(), PortalPages.date(i.getIssueDate(), locale),
                PortalPages.date(i.getDueDate(), locale), PortalPages.money(i.getAmount(), i.getCurrency(), locale),
                PortalPages.money(i.getOutstanding(), i.getCurrency(), locale),
                Math.max(0, ChronoUnit.DAYS.between(i.getDueDate(), today)))).toList());
        figures.put("payments", ledger.paymentsSince(link.customerId(), since).stream().map(p -> new PaymentRow(
                PortalPages.date(p.valueDate(), locale), p.bankReference(), PortalPages.money(p.amount(), p.currency(), locale))).toList());
        figures.put("creditNotes", ledger.creditNotesSince(link.customerId(), since).stream().map(c -> new CreditNoteRow(
                PortalPages.date(c.issueDate(), locale), c.number(), c.invoiceNumber(),
                PortalPages.money(c.amount(), c.currency(), locale))).toList());
        figures.put("totalDue", due.isEmpty() ? PortalPages.money(BigDecimal.ZERO, "EUR", locale)
                : due.entrySet().stream().map(total -> PortalPages.money(total.getValue(), total.getKey(), locale))
                .collect(Collectors.joining(" + ")));
        figures.put("reference", String.join(", ", open.stream().map(Invoice::getNumber).toList()));
        return figures;
    }
}
