package io.recouvra.portal;

import io.recouvra.collection.DebtorRequestRefused;
import io.recouvra.collection.Disputes;
import io.recouvra.collection.Disputes.DisputeFollowUp;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.InvoiceStatus;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Contester une facture": the debtor disputes one or more open invoices with a reason, an explanation and documents,
 * which starts the same DisputeMediation as the API's dispute with its attachments ({@link Disputes#raiseFromPortal});
 * then follows its disputes on the same page: where each stands, when it will be answered, and what it was answered.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PortalDisputeController {

    /** Invoices a dispute can stop the dunning of; a disputed one is followed below, an escalated one is not here. */
    private static final Set<InvoiceStatus> DISPUTABLE = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID,
            InvoiceStatus.ON_HOLD, InvoiceStatus.IN_PLAN);

    record Choice(String number, String due, String stillDue, boolean chosen) {
    }

    /** A dispute as the page shows it, every text already in the page's language. */
    record Row(String invoiceNumber, String reason, String description, String raisedOn, String state, String answer,
               String answerExplanation, List<String> documents) {
    }

    private final PortalPages pages;
    private final PortalForms forms;
    private final InvoiceService invoices;
    private final Disputes disputes;
    private final InteractionLog trail;

    PortalDisputeController(PortalPages pages, PortalForms forms, InvoiceService invoices, Disputes disputes, InteractionLog trail) {
        this.pages = pages;
        this.forms = forms;
        this.invoices = invoices;
        this.disputes = disputes;
        this.trail = trail;
    }

    @GetMapping("/portal/{token}/disputes")
    String page(@PathVariable String token, @RequestParam(required = false) String lang,
                @RequestParam(required = false) String sent, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        show(link, model, List.of(), "", "", Map.of());
        model.addAttribute("sent", sent != null);
        PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor viewed its disputes (link " + link.id() + ")", null));
        return "portal/disputes";
    }

    @PostMapping("/portal/{token}/disputes")
    String dispute(@PathVariable String token, @RequestParam(required = false) String lang,
                   @RequestParam(required = false) List<String> invoices, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String description,
                   @RequestParam(required = false) List<MultipartFile> documents, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        Locale locale = PortalPages.locale(model);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            List<Disputes.Document> sent = documents(documents);
            PortalPages.asTheDebtor(link, () -> disputes.raiseFromPortal(link.customerId(), invoices, reason, description, sent,
                    SecurityContextHolder.getContext().getAuthentication().getName()));
            return "redirect:/portal/" + token + "/disputes?lang=" + model.getAttribute("lang") + "&sent#disputes";
        } catch (DebtorRequestRefused refused) {
            errors.putAll(forms.sentences(refused, "dispute.error.", locale));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        show(link, model, invoices == null ? List.of() : invoices, reason == null ? "" : reason,
                description == null ? "" : description, errors);
        model.addAttribute("sent", false);
        return "portal/disputes";
    }

    /**
     * A dispute whose request was above the upload limit ({@code spring.servlet.multipart.max-request-size}): Spring
     * refused it before this controller, so nothing the debtor typed could be read and nothing was stored. The page
     * again, its form empty, with a sentence next to the documents (called by {@link UploadTooLarge}).
     */
    String tooLarge(String token, String lang, DataSize limit, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        show(link, model, List.of(), "", "", Map.of("documents",
                forms.say("dispute.error.request-too-large", PortalPages.locale(model), limit.toMegabytes())));
        model.addAttribute("sent", false);
        return "portal/disputes";
    }

    /** The files chosen; an empty file input sends one nameless empty part, which is no document. */
    private static List<Disputes.Document> documents(List<MultipartFile> files) {
        List<Disputes.Document> documents = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            if ((name == null || name.isBlank()) && file.isEmpty()) {
                continue;
            }
            try {
                documents.add(new Disputes.Document(name == null || name.isBlank() ? "document" : name, file.getBytes()));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return documents;
    }

    private void show(PortalLink link, Model model, List<String> chosen, String reason, String description,
                      Map<String, String> errors) {
        Locale locale = PortalPages.locale(model);
        UUID customerId = link.customerId();
        List<Invoice> open = invoices.openOf(customerId).stream()
                .filter(i -> DISPUTABLE.contains(i.getStatus()) && !i.isFrozenByInsolvency()).toList();
        model.addAttribute("choices", open.stream().map(invoice -> new Choice(invoice.getNumber(),
                PortalPages.date(invoice.getDueDate(), locale), PortalPages.money(invoice.getOutstanding(), invoice.getCurrency(), locale),
                chosen.contains(invoice.getNumber()))).toList());
        model.addAttribute("reasons", Disputes.REASONS_LISTED);
        model.addAttribute("reason", reason);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        model.addAttribute("disputes", disputes.ofCustomer(customerId).stream().map(d -> row(d, locale)).toList());
    }

    private Row row(DisputeFollowUp dispute, Locale locale) {
        String state;
        if (!dispute.open()) {
            state = forms.say("disputes.outcome." + dispute.outcome(), locale);
        } else if (dispute.contestedAt() != null) {
            state = forms.say("disputes.state.contested", locale);
        } else if ("REJECTED".equals(dispute.answer())) {
            state = forms.say("disputes.state.rejected", locale);
        } else {
            state = forms.say("disputes.state.reviewing", locale, PortalPages.date(dispute.answerBy(), locale));
        }
        String answer = dispute.answer() == null ? forms.say("disputes.answer.none", locale)
                : forms.say("disputes.answer." + dispute.answer(), locale, pages.date(dispute.answeredAt(), locale),
                dispute.credited() == null ? "" : PortalPages.money(dispute.credited(), dispute.currency(), locale));
        return new Row(dispute.invoiceNumber(), forms.say("dispute.reason." + dispute.reason(), locale),
                dispute.description() == null ? "" : dispute.description(), pages.date(dispute.raisedAt(), locale), state, answer,
                dispute.answerExplanation(), dispute.documents());
    }
}
