package io.recouvra.portal;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.onlinepayment.HostedCheckout;
import io.recouvra.onlinepayment.OnlinePayments;
import io.recouvra.onlinepayment.OnlinePayments.Checkout;
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
 * "Payer en ligne": the debtor chooses the whole balance or some open invoices and a way to pay, and is sent to the
 * provider's hosted page; the provider's webhook books the payment, not the return here, which only says where the
 * payment stands. Only the token's customer's invoices can be chosen, each for {@link OnlinePayments#amountToPay}.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PayOnlineController {

    private static final Logger log = LoggerFactory.getLogger(PayOnlineController.class);
    private static final Purpose[] PURPOSES = {Purpose.VIEW, Purpose.PAY};
    static final String WHOLE_BALANCE = "all";
    static final String CHOSEN = "chosen";

    /** An invoice the debtor may tick: what it still owes, written for their language. */
    /** An invoice the debtor may pay; with its discount's rate, last day and full amount while the discount applies. */
    record PayableRow(String number, String due, String toPay, boolean chosen, String discountRate, String discountUntil,
                      String withoutDiscount) {
    }

    /** An invoice of a checkout, after it: settled, or what is still due. */
    record PaidRow(String number, boolean settled, String stillDue) {
    }

    private final PortalPages pages;
    private final OnlinePayments onlinePayments;
    private final InvoiceService invoices;
    private final InteractionLog trail;

    PayOnlineController(PortalPages pages, OnlinePayments onlinePayments, InvoiceService invoices, InteractionLog trail) {
        this.pages = pages;
        this.onlinePayments = onlinePayments;
        this.invoices = invoices;
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
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> numbers = WHOLE_BALANCE.equals(scope) ? payable.stream().map(Invoice::getNumber).toList()
                : payable.stream().map(Invoice::getNumber).filter(ticked::contains).toList();
        if (!payable.stream().map(Invoice::getNumber).collect(Collectors.toSet()).containsAll(ticked)) {
            // a number that is not one of this customer's payable invoices: refused without saying whose it is
            errors.put("invoices", "payonline.error.unknown");
        } else if (numbers.isEmpty()) {
            errors.put("invoices", "payonline.error.none");
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
                HostedCheckout opened = onlinePayments.startCheckout(link.customerId(), numbers, way, language,
                        new OnlinePayments.ReturnPages(back + "/done?lang=" + language, back + "/cancelled?lang=" + language));
                trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE, "Portal: the debtor started an online "
                        + "payment (" + way + ") of invoices " + String.join(", ", numbers) + " (link " + link.id() + ")", null);
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
        model.addAttribute("offered", offer.isPresent());
        model.addAttribute("methods", offer.map(o -> o.methods().stream().map(Enum::name).sorted().toList()).orElse(List.of()));
        model.addAttribute("method", method);
        model.addAttribute("scope", CHOSEN.equals(scope) ? CHOSEN : WHOLE_BALANCE);
        model.addAttribute("payable", payable.stream().map(invoice -> payable(invoice, ticked, locale)).toList());
        Set<String> currencies = payable.stream().map(Invoice::getCurrency).collect(Collectors.toSet());
        model.addAttribute("balance", currencies.size() != 1 ? null : PortalPages.money(payable.stream().map(onlinePayments::amountToPay)
                .reduce(BigDecimal.ZERO, BigDecimal::add), currencies.iterator().next(), locale));
        model.addAttribute("errors", errors);
        // browsers apply form-action to the redirect after the form: the provider's page must be allowed
        response.setHeader("Content-Security-Policy", policy(offer.map(Offer::checkoutOrigin).orElse(null)));
        return "portal/pay";
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
