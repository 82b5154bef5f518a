package io.recouvra.portal;

import io.recouvra.collection.DebtorPlans;
import io.recouvra.collection.DebtorRequestRefused;
import io.recouvra.collection.DebtorPlans.PlanOffer;
import io.recouvra.collection.DebtorPlans.Stage;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Plan de paiement": the plan offered to the debtor (opened from the PAYMENT_PLAN_AGREEMENT message's link, purpose
 * PLAN_OFFER, or from the debtor's page) with its button to accept it, and the form where the debtor asks for a plan.
 * The plan is always looked up with the link's customer, so another customer's plan id is not found.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PlanPages {

    record InstalmentRow(int seq, String due, String amount) {
    }

    record CoveredRow(String number, String due, String stillDue) {
    }

    record OpenInvoiceRow(String number, String due, String stillDue, boolean chosen) {
    }

    private final PortalPages pages;
    private final DebtorPlans plans;
    private final InvoiceService invoices;
    private final InteractionLog trail;

    PlanPages(PortalPages pages, DebtorPlans plans, InvoiceService invoices, InteractionLog trail) {
        this.pages = pages;
        this.plans = plans;
        this.invoices = invoices;
        this.trail = trail;
    }

    /** The plan: its instalments, charges, invoices, and whether it can still be accepted. */
    @GetMapping("/portal/{token}/plans/{planId}")
    String plan(@PathVariable String token, @PathVariable UUID planId, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model, Purpose.PLAN_OFFER, Purpose.VIEW);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        PlanOffer offer = plans.of(link.customerId(), planId).orElse(null);
        if (offer == null) {
            // another customer's plan, or none: the same answer, so that ids cannot be probed
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/unknown";
        }
        PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor viewed payment plan " + planId + " (" + offer.stage() + ", link " + link.id() + ")", planId.toString()));
        return showPlan(offer, link, model);
    }

    /** "J'accepte ce plan": what POST /api/v1/payment-plans/{id}/accept does, then back to the plan, now accepted. */
    @PostMapping("/portal/{token}/plans/{planId}/accept")
    String accept(@PathVariable String token, @PathVariable UUID planId, @RequestParam(required = false) String lang, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model, Purpose.PLAN_OFFER, Purpose.VIEW);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        if (plans.of(link.customerId(), planId).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/unknown";
        }
        try {
            PortalPages.asTheDebtor(link, () -> {
                plans.accept(link.customerId(), planId);
                trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                        "Portal: the debtor accepted payment plan " + planId + " (link " + link.id() + ")", planId.toString());
            });
        } catch (ConflictException tooLate) {
            // expired or already accepted meanwhile: the page says where the plan stands
            response.setStatus(HttpStatus.CONFLICT.value());
            return showPlan(plans.of(link.customerId(), planId).orElseThrow(), link, model);
        }
        return "redirect:" + planPath(token, planId, lang);
    }

    /** The form to ask for a plan: which invoices, how many monthly instalments, from when. */
    @GetMapping("/portal/{token}/plans/new")
    String askForm(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        return showAskForm(link, model, List.of(), "", "", Map.of());
    }

    /**
     * Asks for the plan, as {@code POST /api/v1/customers/{id}/payment-plans} does; PaymentPlanPolicy is applied at
     * once, and the debtor lands on the plan: offered, or being reviewed by a credit manager. A refused request
     * re-shows the form with a sentence next to each field at fault (422), and nothing is stored.
     */
    @PostMapping("/portal/{token}/plans")
    String ask(@PathVariable String token, @RequestParam(required = false) String lang,
               @RequestParam(name = "invoice", required = false) List<String> chosen,
               @RequestParam(required = false) String instalments, @RequestParam(required = false) String firstDate,
               Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        List<String> numbers = chosen == null ? List.of() : chosen;
        Map<String, String> errors = new LinkedHashMap<>();
        Integer count = parseCount(instalments);
        LocalDate first = parseDate(firstDate);
        if (count == null) {
            errors.put("instalments", "plan.error.instalments");
        }
        if (first == null) {
            errors.put("firstDate", "plan.error.first-date");
        }
        UUID planId = null;
        if (errors.isEmpty()) {
            try {
                planId = PortalPages.asTheDebtor(link, () -> plans.ask(link.customerId(), numbers, count, first,
                        "the debtor on the portal (link " + link.id() + ")"));
            } catch (DebtorRequestRefused frozen) {
                errors.put("invoice", "plan.error." + DebtorRequestRefused.FROZEN_BY_INSOLVENCY);
                model.addAttribute("invoiceInError", String.join(", ",
                        frozen.refusals().stream().map(DebtorRequestRefused.Refusal::invoiceNumber).toList()));
            } catch (InvalidInputException refused) {
                refused.problems().forEach(problem -> errors.putIfAbsent(formField(problem), "plan.error." + formField(problem)));
            } catch (ConflictException notInDunning) {
                errors.put("invoice", "plan.error.not-in-dunning");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showAskForm(link, model, numbers, instalments, firstDate, errors);
        }
        plans.assessNow(planId);
        UUID asked = planId;
        PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                "Portal: the debtor asked for a payment plan of " + count + " monthly instalment(s) from " + first + " for "
                        + String.join(", ", numbers) + " (link " + link.id() + ")", asked.toString()));
        return "redirect:" + planPath(token, planId, lang);
    }

    private String showPlan(PlanOffer offer, PortalLink link, Model model) {
        Locale locale = PortalPages.locale(model);
        model.addAttribute("plan", offer);
        model.addAttribute("stage", offer.stage().name());
        model.addAttribute("canAccept", offer.stage() == Stage.OFFERED);
        model.addAttribute("backToOwed", link.purpose() == Purpose.VIEW);
        model.addAttribute("total", PortalPages.money(offer.total(), offer.currency(), locale));
        model.addAttribute("charges", offer.charges().signum() > 0 ? PortalPages.money(offer.charges(), offer.currency(), locale) : null);
        model.addAttribute("chargesAsOf", offer.chargesAsOf() == null ? null : PortalPages.date(offer.chargesAsOf(), locale));
        model.addAttribute("acceptBy", offer.acceptBy() == null ? null : PortalPages.date(offer.acceptBy(), locale));
        model.addAttribute("instalments", offer.instalments().stream().map(i -> new InstalmentRow(i.seq(),
                PortalPages.date(i.dueDate(), locale), PortalPages.money(i.amount(), offer.currency(), locale))).toList());
        model.addAttribute("covered", offer.invoices().stream().map(i -> new CoveredRow(i.number(),
                PortalPages.date(i.dueDate(), locale), PortalPages.money(i.outstanding(), offer.currency(), locale))).toList());
        return "portal/plan";
    }

    private String showAskForm(PortalLink link, Model model, List<String> chosen, String instalments, String firstDate,
                               Map<String, String> errors) {
        Locale locale = PortalPages.locale(model);
        List<Invoice> open = invoices.openOf(link.customerId()).stream().filter(i -> !i.isFrozenByInsolvency()).toList();
        model.addAttribute("openInvoices", open.stream().map(i -> new OpenInvoiceRow(i.getNumber(),
                PortalPages.date(i.getDueDate(), locale), PortalPages.money(i.getOutstanding(), i.getCurrency(), locale),
                chosen.contains(i.getNumber()))).toList());
        model.addAttribute("instalments", instalments);
        model.addAttribute("firstDate", firstDate);
        model.addAttribute("maxInstalments", plans.maxInstalments());
        model.addAttribute("today", pages.today().toString());
        model.addAttribute("errors", errors);
        return "portal/plan-ask";
    }

    /** The portal form's field a service problem is about. */
    private static String formField(FieldProblem problem) {
        return switch (problem.field()) {
            case "planInstalments", "instalments" -> "instalments";
            case "planFirstDate" -> "firstDate";
            default -> "invoice";
        };
    }

    private static Integer parseCount(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String planPath(String token, UUID planId, String lang) {
        var path = UriComponentsBuilder.fromPath("/portal/{token}/plans/{planId}");
        if (lang != null) {
            path.queryParam("lang", lang);
        }
        return path.buildAndExpand(token, planId).encode().toUriString();
    }
}
