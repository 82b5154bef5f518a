package io.recouvra.portal;

import io.recouvra.messaging.SmsStops;
import io.recouvra.receivables.Contact;
import io.recouvra.receivables.ContactDetails;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Interaction.Direction;
import io.recouvra.trail.Interaction.Medium;
import io.recouvra.trail.Interaction.Type;
import io.recouvra.trail.InteractionLog;
import io.recouvra.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * "Vos coordonnées": the billing contact (who our messages are written to), its email and phone, the channels it
 * agrees to, and the postal address letters go to; and a button to stop SMS. Changes go through the API's checks
 * ({@link CustomerService#restateContactDetails}) and SMS stops through the opt-out list every send checks.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class ContactPages {

    /** The form as shown: what is stored, or what the debtor typed when it is shown back with its errors. */
    record ContactForm(String contactName, String email, String phone, boolean emailConsent, boolean smsConsent,
                       String addressLine, String postalCode, String city) {
    }

    /** One input of the form as the template writes it: its name, type and autocomplete, what it holds, its error key. */
    record Input(String name, String type, String autocomplete, String value, String error) {
    }

    /** One consent checkbox. */
    record Consent(String name, boolean checked, String error) {
    }

    private final PortalPages pages;
    private final CustomerService customers;
    private final SmsStops smsStops;
    private final InteractionLog trail;

    ContactPages(PortalPages pages, CustomerService customers, SmsStops smsStops, InteractionLog trail) {
        this.pages = pages;
        this.customers = customers;
        this.smsStops = smsStops;
        this.trail = trail;
    }

    @GetMapping("/portal/{token}/contact")
    String form(@PathVariable String token, @RequestParam(required = false) String lang,
                @RequestParam(required = false) String saved, Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        model.addAttribute("saved", saved);
        return show(link, stored(customers.get(link.customerId())), Map.of(), model);
    }

    /**
     * Saves the details; a value refused is shown back next to its field as a sentence (422) and nothing is stored.
     * An SMS consent given here lifts an earlier STOP of the number.
     */
    @PostMapping("/portal/{token}/contact")
    String save(@PathVariable String token, @RequestParam(required = false) String lang,
                @RequestParam(required = false) String contactName, @RequestParam(required = false) String email,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String emailConsent,
                @RequestParam(required = false) String smsConsent, @RequestParam(required = false) String addressLine,
                @RequestParam(required = false) String postalCode, @RequestParam(required = false) String city,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        var typed = new ContactForm(contactName, email, phone, emailConsent != null, smsConsent != null, addressLine, postalCode, city);
        List<String> changes;
        try {
            changes = PortalPages.asTheDebtor(link, () -> customers.restateContactDetails(link.customerId(), new ContactDetails(
                    contactName, email, phone, typed.emailConsent(), typed.smsConsent(), addressLine, postalCode, city)));
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.problems().forEach(problem -> errors.putIfAbsent(problem.field(), "contact.error." + problem.field()));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(link, typed, errors, model);
        }
        List<String> all = new ArrayList<>(changes);
        String storedPhone = billingContact(customers.get(link.customerId())).map(Contact::getPhone).orElse(null);
        if (typed.smsConsent() && smsStops.resume(storedPhone)) {
            all.add("SMS to " + storedPhone + " resumed (its STOP lifted)");
        }
        if (!all.isEmpty()) {
            PortalPages.asTheDebtor(link, () -> trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                    "Portal: the debtor changed its contact details: " + String.join("; ", all) + " (link " + link.id() + ")", null));
        }
        return "redirect:" + contactPath(token, lang);
    }

    /** "Ne plus recevoir de SMS": the contact's SMS consent is withdrawn and its number stopped, as a STOP reply does. */
    @PostMapping("/portal/{token}/contact/stop-sms")
    String stopSms(@PathVariable String token, @RequestParam(required = false) String lang, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        PortalLink link = pages.open(token, lang, request, response, model);
        if (link == null) {
            return (String) model.getAttribute("refusal");
        }
        Customer customer = customers.get(link.customerId());
        ContactForm stored = stored(customer);
        if (stored.phone() != null) {
            PortalPages.asTheDebtor(link, () -> {
                if (stored.smsConsent()) {
                    customers.restateContactDetails(link.customerId(), new ContactDetails(stored.contactName(), stored.email(),
                            stored.phone(), stored.emailConsent(), false, stored.addressLine(), stored.postalCode(), stored.city()));
                }
                smsStops.stop(stored.phone(), "PORTAL");
                trail.record(link.customerId(), null, Medium.PORTAL, Direction.INBOUND, Type.NOTE,
                        "Portal: the debtor stopped SMS to " + stored.phone() + " (link " + link.id() + ")", null);
            });
        }
        return "redirect:" + contactPath(token, lang);
    }

    private String show(PortalLink link, ContactForm form, Map<String, String> errors, Model model) {
        Customer customer = customers.get(link.customerId());
        String phone = billingContact(customer).map(Contact::getPhone).orElse(null);
        model.addAttribute("person", List.of(
                new Input("contactName", "text", "name", form.contactName(), errors.get("contactName")),
                new Input("email", "email", "email", form.email(), errors.get("email")),
                new Input("phone", "tel", "tel", form.phone(), errors.get("phone"))));
        model.addAttribute("consents", List.of(new Consent("emailConsent", form.emailConsent(), errors.get("emailConsent")),
                new Consent("smsConsent", form.smsConsent(), errors.get("smsConsent"))));
        model.addAttribute("address", List.of(
                new Input("addressLine", "text", "street-address", form.addressLine(), errors.get("addressLine")),
                new Input("postalCode", "text", "postal-code", form.postalCode(), errors.get("postalCode")),
                new Input("city", "text", "address-level2", form.city(), errors.get("city"))));
        model.addAttribute("errors", errors);
        model.addAttribute("customerName", customer.getLegalName());
        model.addAttribute("storedPhone", phone);
        model.addAttribute("smsStopped", smsStops.stopped(phone));
        return "portal/contact";
    }

    private static ContactForm stored(Customer customer) {
        var contact = billingContact(customer);
        return new ContactForm(contact.map(Contact::getName).orElse(null), contact.map(Contact::getEmail).orElse(null),
                contact.map(Contact::getPhone).orElse(null), contact.map(Contact::isEmailConsent).orElse(false),
                contact.map(Contact::isSmsConsent).orElse(false), customer.getAddressLine(), customer.getPostalCode(),
                customer.getCity());
    }

    /** The contact messages are written to: the first, as {@link CustomerService#restateContactDetails} changes it. */
    private static Optional<Contact> billingContact(Customer customer) {
        return customer.getContacts().stream().findFirst();
    }

    private static String contactPath(String token, String lang) {
        var path = UriComponentsBuilder.fromPath("/portal/{token}/contact").queryParam("saved", "1");
        if (lang != null) {
            path.queryParam("lang", lang);
        }
        return path.buildAndExpand(token).encode().toUriString();
    }
}
