package io.recouvra.portal;

import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.SentLetters;
import io.recouvra.messaging.SentLetters.SentLetter;
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
import java.util.Currency;
import java.util.List;
import java.util.Locale;
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

    private static final Locale FRENCH = Locale.FRANCE;

    /** An open invoice as the debtor reads it: amounts and dates already written for their language. */
    record InvoiceRow(String number, String issued, String due, String amount, String stillDue, long daysOverdue, String status) {
    }

    record LetterRow(UUID messageId, String invoiceNumber, String kind, String sentOn) {
    }

    private final PortalTokens tokens;
    private final FailedAttempts failedAttempts;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final SentLetters letters;
    private final InteractionLog trail;
    private final Creditor creditor;
    private final Clock clock;

    PortalController(PortalTokens tokens, FailedAttempts failedAttempts, CustomerService customers, InvoiceService invoices,
                     SentLetters letters, InteractionLog trail, Creditor creditor, Clock clock) {
        this.tokens = tokens;
        this.failedAttempts = failedAttempts;
        this.customers = customers;
        this.invoices = invoices;
        this.letters = letters;
        this.trail = trail;
        this.creditor = creditor;
        this.clock = clock;
    }

    /** "Ce que vous devez": the open invoices, the letters sent and how to pay. */
    @GetMapping("/portal/{token}")
    String owed(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = open(token, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        var customer = customers.get(link.customerId());
        Locale locale = speak(lang != null ? lang : customer.getLanguage(), request, model);
        LocalDate today = LocalDate.now(clock);
        List<Invoice> open = invoices.openOf(link.customerId());
        model.addAttribute("token", token);
        model.addAttribute("customerName", customer.getLegalName());
        model.addAttribute("invoices", open.stream().map(invoice -> row(invoice, today, locale)).toList());
        model.addAttribute("letters", open.stream()
                .flatMap(invoice -> letters.aboutInvoice(invoice.getId()).stream()
                        .map(letter -> new LetterRow(letter.messageId(), invoice.getNumber(), letter.kind().name(),
                                date(letter.sentAt(), locale))))
                .toList());
        model.addAttribute("creditor", creditor);
        model.addAttribute("reference", String.join(", ", open.stream().map(Invoice::getNumber).toList()));
        asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor viewed what it owes (link " + link.id() + ")", null));
        return "portal/owed";
    }

    /** A letter sent to this customer, as it was sent; any other message id is not found. */
    @GetMapping("/portal/{token}/letters/{messageId}")
    Object letter(@PathVariable String token, @PathVariable UUID messageId, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        PortalLink link = open(token, request, response, model);
        if (link == null) {
            return model.getAttribute("refusal");
        }
        for (Invoice invoice : invoices.openOf(link.customerId())) {
            for (SentLetter letter : letters.aboutInvoice(invoice.getId())) {
                if (letter.messageId().equals(messageId) && letter.pdf() != null) {
                    asTheDebtor(link, () -> trail.record(link.customerId(), invoice.getId(), Medium.PORTAL, Direction.INBOUND,
                            Type.NOTE, "Portal: the debtor downloaded the letter " + messageId + " (link " + link.id() + ")", null));
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
     * The link the token names, if it opens the portal; else the name of the page to show instead, in the model's
     * "refusal". Failed attempts are counted per client address and refused once too many.
     */
    private PortalLink open(String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        if (failedAttempts.exhausted(address)) {
            return refuse(HttpStatus.TOO_MANY_REQUESTS, "portal/too-many", request, response, model);
        }
        PortalTokens.Verdict verdict = tokens.open(token, Purpose.VIEW);
        if (verdict instanceof PortalTokens.Verdict.Valid valid) {
            return valid.link();
        }
        if (verdict instanceof PortalTokens.Verdict.Outdated outdated) {
            speak(customers.get(outdated.link().customerId()).getLanguage(), request, model);
            return refuse(HttpStatus.GONE, "portal/outdated", request, response, model);
        }
        failedAttempts.record(address);
        return refuse(HttpStatus.NOT_FOUND, "portal/unknown", request, response, model);
    }

    private PortalLink refuse(HttpStatus status, String page, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!model.containsAttribute("lang")) {
            speak(null, request, model);
        }
        model.addAttribute("creditor", creditor);
        model.addAttribute("refusal", page);
        response.setStatus(status.value());
        return null;
    }

    /** The page's language: the one asked for, else the customer's, French when neither is English. */
    private static Locale speak(String language, HttpServletRequest request, Model model) {
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.UK : FRENCH;
        PortalLocales.use(locale, request);
        model.addAttribute("lang", locale.getLanguage());
        return locale;
    }

    private InvoiceRow row(Invoice invoice, LocalDate today, Locale locale) {
        long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(invoice.getDueDate(), today));
        return new InvoiceRow(invoice.getNumber(), date(invoice.getIssueDate(), locale), date(invoice.getDueDate(), locale),
                money(invoice.getAmount(), invoice.getCurrency(), locale), money(invoice.getOutstanding(), invoice.getCurrency(), locale),
                daysOverdue, status(invoice, daysOverdue));
    }

    /** The message key of where the invoice stands, in the debtor's words. */
    private static String status(Invoice invoice, long daysOverdue) {
        return switch (invoice.getStatus()) {
            case DISPUTED -> "status.disputed";
            case ON_HOLD -> "status.on-hold";
            case IN_PLAN -> "status.in-plan";
            default -> daysOverdue > 0 ? "status.dunning" : "status.not-yet-due";
        };
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    private static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    private String date(Instant instant, Locale locale) {
        return date(instant.atZone(clock.getZone() != null ? clock.getZone() : ZoneId.systemDefault()).toLocalDate(), locale);
    }

    /** The trail names the debtor, by the link used, as the one who acted (never the token, which opens the portal). */
    private static void asTheDebtor(PortalLink link, Runnable action) {
        var previous = SecurityContextHolder.getContext();
        var debtor = new PreAuthenticatedAuthenticationToken("debtor via portal link " + link.id(), null, List.of());
        SecurityContextHolder.setContext(new SecurityContextImpl(debtor));
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
