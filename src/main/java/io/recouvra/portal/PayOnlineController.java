package io.recouvra.portal;

import io.recouvra.collection.DebtorPlans;
import io.recouvra.collection.DebtorPlans.InstalmentDue;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.onlinepayment.HostedCheckout;
import io.recouvra.onlinepayment.OnlinePayments;
import io.recouvra.onlinepayment.OnlinePayments.Checkout;
import io.recouvra.onlinepayment.OnlinePayments.Choice;
import io.recouvra.onlinepayment.OnlinePayments.Offer;
import io.recouvra.onlinepayment.PaymentMethod;
import io.recouvra.onlinepayment.ProviderUnavailableException;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * "Payer en ligne": the debtor chooses the whole balance, some open invoices, or what is due on its payment plan, and a
 * way to pay, and is sent to the provider's hosted page; the provider's webhook books the payment, not the return here,
 * which only says where the payment stands. Only the token's customer's invoices can be chosen, each for
 * {@link OnlinePayments#amountToPay}. The invoices of a running plan are not offered one by one: they are paid through
 * the plan's instalment (spread over them as {@link DebtorPlans#instalmentsDue} says) or with the whole balance, always
 * for what they owe, never with an early-payment discount, which would leave the plan short of its schedule.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PayOnlineController {

    private static final Logger log = LoggerFactory.getLogger(PayOnlineController.class);
    private static final Purpose[] PURPOSES = {Purpose.VIEW, Purpose.PAY};
    static final String WHOLE_BALANCE = "all";
    static final String CHOSEN = "chosen";
    /** The scope of a plan's instalment: this, then the plan's id. */
    static final String INSTALMENT = "instalment-";

    /** An invoice the debtor may pay; with its discount's rate, last day and full amount while the discount applies. */
    record PayableRow(String number, String due, String toPay, boolean chosen, String discountRate, String discountUntil,
                      String withoutDiscount) {
    }

    /** What is due on a plan, offered as one choice: its scope value, date, amount, how many instalments, the invoices. */
    record InstalmentRow(String scope, String due, String amount, int count, String invoices) {
    }

    /** An invoice of a checkout, after it: settled, or what is still due. */
    record PaidRow(String number, boolean settled, String stillDue) {
    }

    private final PortalPages pages;
    private final OnlinePayments onlinePayments;
    private final InvoiceService invoices;
    private final DebtorPlans plans;
    private final InteractionLog trail;

    PayOnlineController(PortalPages pages, OnlinePayments onlinePayments, InvoiceService invoices, DebtorPlans plans,
                        InteractionLog trail) {
        this.pages = pages;
        this.onlinePayments = onlinePayments;
        this.invoices = invoices;
        this.plans = plans;
        this.trail = trail;
    }

    @GetMapping("/portal/{token}/pay")
    String form(@PathVariable String token, @RequestParam(required = false) String lang, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model, PURPOSES);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        return form(link, WHOLE_BALANCE, Set.of(), null, Map.of(), model, response);
    }

    @PostMapping("/portal/{token}/pay")
    Object start(@PathVariable String token, @RequestParam(required = false) String lang,
                 @RequestParam(defaultValue = WHOLE_BALANCE) String scope, @RequestParam(name = "invoice", required = false) List<String> chosen,
                 @RequestParam(required = false) String method, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model, PURPOSES);
        if (link == null) {
            return model.getAttribute("refusal");
        }
        Set<String> ticked = chosen == null ? Set.of() : Set.copyOf(chosen);
        Optional<Offer> offer = onlinePayments.offer();
        List<Invoice> payable = onlinePayments.payableInvoices(link.customerId());
        Set<String> inPlans = plans.invoicesInRunningPlans(link.customerId());
        Map<String, String> errors = new LinkedHashMap<>();
        List<Choice> choices;
        String what;
        if (scope.startsWith(INSTALMENT)) {
            InstalmentDue due = plans.instalmentsDue(link.customerId()).stream()
                    .filter(plan -> scope.equals(INSTALMENT + plan.planId())).findFirst().orElse(null);
            if (due == null) {
                // paid meanwhile, or not a running plan of this customer
                errors.put("invoices", "payonline.error.instalment");
                choices = List.of();
                what = "";
            } else {
                choices = due.shares().stream().map(share -> new Choice(share.invoiceNumber(), share.amount())).toList();
                what = "the instalment of " + due.dueDate() + " of payment plan " + due.planId() + " ("
                        + due.shares().stream().map(share -> share.amount() + " to " + share.invoiceNumber())
                        .collect(Collectors.joining(", ")) + ")";
            }
        } else {
            choices = payable.stream().filter(invoice -> WHOLE_BALANCE.equals(scope)
                            || (ticked.contains(invoice.getNumber()) && !inPlans.contains(invoice.getNumber())))
                    .map(invoice -> new Choice(invoice.getNumber(), price(invoice, inPlans))).toList();
            what = "invoices " + choices.stream().map(Choice::invoiceNumber).collect(Collectors.joining(", "));
            if (!payable.stream().map(Invoice::getNumber).filter(number -> !inPlans.contains(number)).collect(Collectors.toSet())
                    .containsAll(ticked)) {
                // not one of this customer's invoices payable one by one: refused without saying whose it is
                errors.put("invoices", "payonline.error.unknown");
            } else if (choices.isEmpty()) {
                errors.put("invoices", "payonline.error.none");
            }
        }
        PaymentMethod way = offer.flatMap(o -> o.methods().stream().filter(m -> m.name().equals(method)).findFirst()).orElse(null);
        if (way == null) {
            errors.put("method", "payonline.error.method");
        }
        if (offer.isEmpty() || !errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(link, scope, ticked, method, errors, model, response);
        }
        String language = (String) model.getAttribute("lang");
        String back = ServletUriComponentsBuilder.fromContextPath(request).path("/portal/" + token + "/pay/").toUriString()
                + OnlinePayments.CHECKOUT_ID;
        try {
            HostedCheckout checkout = PortalPages.asTheDebtor(link, () -> {
                HostedCheckout opened = onlinePayments.startCheckoutOfAmounts(link.customerId(), choices, way, language,
                        new OnlinePayments.ReturnPages(back + "/done?lang=" + language, back + "/cancelled?lang=" + language));
                trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE, "Portal: the debtor started an online "
                        + "payment (" + way + ") of " + what + " (link " + link.id() + ")", null);
                return opened;
            });
            RedirectView toProvider = new RedirectView(checkout.redirectUrl());
            toProvider.setStatusCode(HttpStatus.SEE_OTHER);
            toProvider.setExposeModelAttributes(false);
            return toProvider;
        } catch (InvalidInputException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(link, scope, ticked, method, Map.of("invoices", "payonline.error.invoices"), model, response);
        } catch (ProviderUnavailableException down) {
            log.warn("Online payment could not start: {}", down.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return form(link, scope, ticked, method, Map.of("provider", "payonline.error.provider"), model, response);
        }
    }

    /** Where the provider sends the debtor after paying: the webhook books the payment; this says where it stands. */
    @GetMapping("/portal/{token}/pay/{checkoutId}/done")
    String done(@PathVariable String token, @PathVariable UUID checkoutId, @RequestParam(required = false) String lang, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return back(token, checkoutId, lang, false, model, request, response);
    }

    /** Where the provider sends the debtor who gave up: nothing was taken, the invoices are still owed. */
    @GetMapping("/portal/{token}/pay/{checkoutId}/cancelled")
    String cancelled(@PathVariable String token, @PathVariable UUID checkoutId, @RequestParam(required = false) String lang, Model model,
                     HttpServletRequest request, HttpServletResponse response) {
        return back(token, checkoutId, lang, true, model, request, response);
    }

    private String back(String token, UUID checkoutId, String lang, boolean cancelled, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model, PURPOSES);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        Checkout checkout = onlinePayments.checkout(link.customerId(), checkoutId).orElse(null);
        if (checkout == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/unknown";
        }
        Locale locale = PortalPages.locale(model);
        model.addAttribute("checkoutId", checkoutId);
        model.addAttribute("state", checkout.state().name());
        // back from the provider's "cancel" while nothing is known yet: the debtor left, nothing was taken
        model.addAttribute("shown", cancelled && checkout.state() == OnlinePayments.State.OPEN ? "LEFT" : checkout.state().name());
        model.addAttribute("amount", PortalPages.money(checkout.amount(), checkout.currency(), locale));
        model.addAttribute("invoices", checkout.choices().stream().map(choice -> invoices.find(choice.invoiceNumber())
                .map(invoice -> new PaidRow(invoice.getNumber(), invoice.isSettled(),
                        PortalPages.money(invoice.getOutstanding(), invoice.getCurrency(), locale)))
                .orElse(null)).filter(row -> row != null).toList());
        return "portal/pay-return";
    }

    private String form(PortalLink link, String scope, Set<String> ticked, String method, Map<String, String> errors, Model model,
                        HttpServletResponse response) {
        Locale locale = PortalPages.locale(model);
        Optional<Offer> offer = onlinePayments.offer();
        List<Invoice> payable = onlinePayments.payableInvoices(link.customerId());
        Set<String> inPlans = plans.invoicesInRunningPlans(link.customerId());
        List<InstalmentRow> instalments = plans.instalmentsDue(link.customerId()).stream().map(due -> new InstalmentRow(
                INSTALMENT + due.planId(), PortalPages.date(due.dueDate(), locale), PortalPages.money(due.amount(), due.currency(), locale),
                due.count(), String.join(", ", due.invoices()))).toList();
        model.addAttribute("offered", offer.isPresent());
        model.addAttribute("methods", offer.map(o -> o.methods().stream().map(Enum::name).sorted().toList()).orElse(List.of()));
        model.addAttribute("method", method);
        model.addAttribute("scope", CHOSEN.equals(scope) || instalments.stream().anyMatch(row -> row.scope().equals(scope))
                ? scope : WHOLE_BALANCE);
        model.addAttribute("instalments", instalments);
        model.addAttribute("payable", payable.stream().filter(invoice -> !inPlans.contains(invoice.getNumber()))
                .map(invoice -> payable(invoice, ticked, locale)).toList());
        model.addAttribute("hasPayable", !payable.isEmpty());
        Set<String> currencies = payable.stream().map(Invoice::getCurrency).collect(Collectors.toSet());
        model.addAttribute("balance", currencies.size() != 1 ? null : PortalPages.money(payable.stream()
                .map(invoice -> price(invoice, inPlans)).reduce(BigDecimal.ZERO, BigDecimal::add), currencies.iterator().next(), locale));
        model.addAttribute("errors", errors);
        // browsers apply form-action to the redirect after the form: the provider's page must be allowed
        response.setHeader("Content-Security-Policy", policy(offer.map(Offer::checkoutOrigin).orElse(null)));
        return "portal/pay";
    }

    /** What paying this invoice in full costs: a plan's invoice what it owes, any other {@link OnlinePayments#amountToPay}. */
    private BigDecimal price(Invoice invoice, Set<String> inPlans) {
        return inPlans.contains(invoice.getNumber()) ? invoice.getOutstanding() : onlinePayments.amountToPay(invoice);
    }

    private PayableRow payable(Invoice invoice, Set<String> ticked, Locale locale) {
        BigDecimal toPay = onlinePayments.amountToPay(invoice);
        boolean discounted = toPay.compareTo(invoice.getOutstanding()) < 0;
        var discount = invoice.earlyPaymentDiscount().filter(terms -> discounted);
        return new PayableRow(invoice.getNumber(), PortalPages.date(invoice.getDueDate(), locale),
                PortalPages.money(toPay, invoice.getCurrency(), locale), ticked.contains(invoice.getNumber()),
                discount.map(terms -> PortalPages.percent(terms.rate(), locale)).orElse(null),
                discount.map(terms -> PortalPages.date(terms.until(), locale)).orElse(null),
                discounted ? PortalPages.money(invoice.getOutstanding(), invoice.getCurrency(), locale) : null);
    }

    /** The portal's policy, its form-action widened to the provider's checkout origin (none: the page is ours). */
    static String policy(String checkoutOrigin) {
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'" + (checkoutOrigin == null ? "" : " " + checkoutOrigin)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }
}
