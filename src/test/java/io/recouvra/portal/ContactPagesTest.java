package io.recouvra.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.messaging.SmsStops;
import io.recouvra.receivables.Contact;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.support.Api;
import io.recouvra.support.TestData;
import io.recouvra.trail.InteractionLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "Vos coordonnées" over HTTP: the API's checks, sentences next to the fields, typed HTML shown as text, SMS stopped. */
@PortalTest
class ContactPagesTest {

    @Autowired
    Api api;
    @Autowired
    PortalTokens tokens;
    @Autowired
    CustomerService customers;
    @Autowired
    SmsStops smsStops;
    @Autowired
    InteractionLog trail;

    @Test
    void theDebtorRestatesItsContactAndTheChangeIsOnTheTrail() {
        UUID customerId = debtor("Garage Nouveau Contact");
        String token = tokens.issue(customerId, Purpose.VIEW);
        assertThat(get("/portal/" + token + "/contact").getBody()).contains("Vos coordonnées", "compta@example.org",
                "+33612345678", "12 rue de la République");

        ResponseEntity<String> saved = post(token, details("Claire Martin", "claire.martin@garage.example", "06 11 22 33 44", true, false));

        assertThat(saved.getStatusCode()).as("a French number typed with spaces is not E.164").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(saved.getBody()).contains("Indiquez le numéro au format international", "id=\"phone-error\"");

        saved = post(token, details("Claire Martin", "claire.martin@garage.example", "+33 6 11 22 33 44", true, false));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        Contact contact = customers.get(customerId).getContacts().get(0);
        assertThat(contact.getName()).isEqualTo("Claire Martin");
        assertThat(contact.getEmail()).isEqualTo("claire.martin@garage.example");
        assertThat(contact.getPhone()).isEqualTo("+33611223344");
        assertThat(contact.isSmsConsent()).isFalse();
        assertThat(get(saved.getHeaders().getLocation().toString().replaceAll("^https?://[^/]+", "")).getBody())
                .contains("Vos coordonnées sont enregistrées");
        assertThat(trail.latestOfCustomer(customerId, 5)).anySatisfy(entry -> {
            assertThat(entry.getSummary()).startsWith("Portal: the debtor changed its contact details: contact: Compta -> Claire Martin")
                    .contains("email: compta@example.org -> claire.martin@garage.example", "SMS consent: true -> false");
            assertThat(entry.getActor()).startsWith("debtor via portal link ");
        });
    }

    @Test
    void anInvalidEmailIsASentenceNextToTheFieldAndNothingIsStored() {
        UUID customerId = debtor("Garage Sans Arobase");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> refused = post(token, details("Claire Martin", "claire.garage.example", "+33612345678", true, true));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("Indiquez une adresse e-mail valide", "id=\"email-error\"", "aria-invalid=\"true\"",
                "value=\"claire.garage.example\"", "Rien n&#39;a été modifié");
        Contact contact = customers.get(customerId).getContacts().get(0);
        assertThat(contact.getName()).isEqualTo("Compta");
        assertThat(contact.getEmail()).isEqualTo("compta@example.org");
        assertThat(trail.latestOfCustomer(customerId, 5)).noneMatch(entry -> entry.getSummary().contains("changed its contact"));
    }

    @Test
    void htmlTypedIntoEveryFieldComesBackAsText() {
        UUID customerId = debtor("Garage Échappé");
        String token = tokens.issue(customerId, Purpose.VIEW);
        String script = "<script>alert(1)</script>";
        Map<String, List<String>> fields = new HashMap<>(details(script + " Martin", "x@y.fr", "+33612345678", true, true));
        fields.put("addressLine", List.of(script + " rue"));
        fields.put("postalCode", List.of("<b>69</b>"));
        fields.put("city", List.of(script + " Lyon"));

        assertThat(post(token, fields).getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String page = get("/portal/" + token + "/contact").getBody();
        assertThat(page).doesNotContain("<script>alert", "<b>69</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Martin", "&lt;script&gt;alert(1)&lt;/script&gt; rue",
                        "&lt;script&gt;alert(1)&lt;/script&gt; Lyon", "&lt;b&gt;69&lt;/b&gt;");
        Map<String, List<String>> wrongEmail = new HashMap<>(fields);
        wrongEmail.put("email", List.of(script));
        ResponseEntity<String> shownBack = post(token, wrongEmail);
        assertThat(shownBack.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(shownBack.getBody()).doesNotContain("<script>alert").contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
    }

    @Test
    void theDebtorStopsSmsAndAConsentGivenAgainLiftsTheStop() {
        UUID customerId = debtor("Garage Silencieux", "+33699000001");
        String token = tokens.issue(customerId, Purpose.VIEW);

        ResponseEntity<String> stopped = forms().post("/portal/" + token + "/contact", "/portal/" + token + "/contact/stop-sms", Map.of());

        assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(smsStops.stopped("+33699000001")).isTrue();
        assertThat(customers.get(customerId).getContacts().get(0).isSmsConsent()).isFalse();
        assertThat(get("/portal/" + token + "/contact").getBody()).contains("Nous n&#39;envoyons plus de SMS au +33699000001");
        assertThat(trail.latestOfCustomer(customerId, 5)).anyMatch(entry -> entry.getSummary().startsWith("Portal: the debtor stopped SMS to +33699000001"));

        post(token, details("Compta", "compta@example.org", "+33699000001", true, true));

        assertThat(smsStops.stopped("+33699000001")).isFalse();
        assertThat(customers.get(customerId).getContacts().get(0).isSmsConsent()).isTrue();
    }

    @Test
    void theContactFormsAreRefusedWithoutTheirCsrfToken() {
        UUID customerId = debtor("Garage Forgé Contact", "+33699000002");
        String token = tokens.issue(customerId, Purpose.VIEW);

        assertThat(forms().postWithoutCsrf("/portal/" + token + "/contact", details("Pirate", "pirate@example.org", null, true, false))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forms().postWithoutCsrf("/portal/" + token + "/contact/stop-sms", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Customer customer = customers.get(customerId);
        assertThat(customer.getContacts().get(0).getName()).isEqualTo("Compta");
        assertThat(smsStops.stopped("+33699000002")).isFalse();
    }

    private static Map<String, List<String>> details(String name, String email, String phone, boolean byEmail, boolean bySms) {
        Map<String, List<String>> fields = new HashMap<>(Map.of("contactName", List.of(name), "email", List.of(email),
                "addressLine", List.of("12 rue de la République"), "postalCode", List.of("69002"), "city", List.of("Lyon")));
        if (phone != null) {
            fields.put("phone", List.of(phone));
        }
        if (byEmail) {
            fields.put("emailConsent", List.of("yes"));
        }
        if (bySms) {
            fields.put("smsConsent", List.of("yes"));
        }
        return fields;
    }

    private ResponseEntity<String> post(String token, Map<String, List<String>> fields) {
        return forms().post("/portal/" + token + "/contact", "/portal/" + token + "/contact", fields);
    }

    private UUID debtor(String name) {
        return debtor(name, "+33612345678");
    }

    private UUID debtor(String name, String phone) {
        return customers.register(new NewCustomer(name, TestData.siren(), "FR", "fr", null, "12 rue de la République", "69002",
                "Lyon", List.of(new NewCustomer.NewContact("Compta", null, "compta@example.org", phone, true, true, false))))
                .getId();
    }

    private FormPosts forms() {
        return new FormPosts(api.anonymous().withRedirects(Redirects.DONT_FOLLOW));
    }

    private ResponseEntity<String> get(String path) {
        return api.anonymous().getForEntity(path, String.class);
    }
}
