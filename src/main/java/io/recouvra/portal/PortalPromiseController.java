package io.recouvra.portal;

import io.recouvra.collection.DebtorRequestRefused;
import io.recouvra.collection.PromisesMadeOnline;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Promettre de payer": the debtor promises an amount by a date, for the whole account or chosen invoices, with the
 * effect of a promise recorded on a collector call ({@link PromisesMadeOnline}). A refused promise is the form again
 * (422) with a sentence next to each field, nothing stored.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PortalPromiseController {

    /** Invoices dunning may wait on: the others are disputed, on hold, in a plan or escalated. */
    private static final Set<InvoiceStatus> PROMISABLE = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);

    record Choice(String number, String due, String stillDue, boolean chosen) {
    }

    private final PortalPages pages;
    private final InvoiceService invoices;
    private final PromisesMadeOnline promises;
    private final PortalForms forms;

    PortalPromiseController(PortalPages pages, InvoiceService invoices, PromisesMadeOnline promises, PortalForms forms) {
        this.pages = pages;
        this.forms = forms;
        this.invoices = invoices;
        this.promises = promises;
    }

    @GetMapping("/portal/{token}/promise")
    String form(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        show(link, model, "ALL", null, "", "", Map.of());
        return "portal/promise";
    }

    @PostMapping("/portal/{token}/promise")
    String promise(@PathVariable String token, @RequestParam(required = false) String lang,
                   @RequestParam(defaultValue = "ALL") String scope, @RequestParam(required = false) List<String> invoices,
                   @RequestParam(required = false) String promisedDate, @RequestParam(required = false) String promisedAmount,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        Locale locale = PortalPages.locale(model);
        List<String> chosen = "CHOSEN".equals(scope) ? (invoices == null ? List.of() : invoices)
                : promisable(link.customerId()).stream().map(Invoice::getNumber).toList();
        LocalDate date = day(promisedDate);
        BigDecimal amount = PortalForms.amount(promisedAmount);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (date == null) {
            errors.put("promisedDate", forms.say("promise.error.date-missing", locale));
        }
        if (amount == null) {
            errors.put("promisedAmount", forms.say("promise.error.amount-missing", locale));
        }
        if (errors.isEmpty()) {
            try {
                PortalPages.asTheDebtor(link, () -> promises.promise(link.customerId(), chosen, date, amount));
                return "redirect:/portal/" + token + "?lang=" + model.getAttribute("lang") + "#invoices";
            } catch (DebtorRequestRefused refused) {
                errors.putAll(forms.sentences(refused, "promise.error.", locale));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        show(link, model, scope, "CHOSEN".equals(scope) ? chosen : null, nullToEmpty(promisedDate), nullToEmpty(promisedAmount),
                errors);
        return "portal/promise";
    }

    private void show(PortalLink link, Model model, String scope, List<String> chosen, String date, String amount,
                      Map<String, String> errors) {
        Locale locale = PortalPages.locale(model);
        UUID customerId = link.customerId();
        model.addAttribute("choices", promisable(customerId).stream().map(invoice -> new Choice(invoice.getNumber(),
                PortalPages.date(invoice.getDueDate(), locale),
                PortalPages.money(invoice.getOutstanding(), invoice.getCurrency(), locale),
                chosen == null || chosen.contains(invoice.getNumber()))).toList());
        Map<String, LocalDate> promised = promises.promisedInvoices(customerId);
        model.addAttribute("openPromise", promised.isEmpty() ? null
                : PortalPages.date(promised.values().iterator().next(), locale));
        LocalDate today = pages.today();
        LocalDate latest = promises.latestDate(customerId);
        model.addAttribute("today", today.toString());
        model.addAttribute("latest", latest.toString());
        model.addAttribute("latestDisplay", PortalPages.date(latest, locale));
        model.addAttribute("scope", "CHOSEN".equals(scope) ? "CHOSEN" : "ALL");
        model.addAttribute("promisedDate", date);
        model.addAttribute("promisedAmount", amount);
        model.addAttribute("errors", errors);
    }

    private List<Invoice> promisable(UUID customerId) {
        return invoices.openOf(customerId).stream()
                .filter(invoice -> PROMISABLE.contains(invoice.getStatus()) && !invoice.isFrozenByInsolvency()).toList();
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
