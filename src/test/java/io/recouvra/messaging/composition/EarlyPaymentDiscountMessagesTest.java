package io.recouvra.messaging.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.messaging.Channel;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Messages;
import io.recouvra.messaging.Tone;
import io.recouvra.messaging.channel.OutboundMessage;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.support.Api;
import io.recouvra.support.EngineClock;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The early-payment discount in the reminders, composed from the ledger. The worked example: 1,200.00 including
 * VAT, 2 % for a payment on or before March 15, 2026, so 1,200.00 × 2 / 100 = 24.00 off and 1,176.00 to pay by then.
 */
@RecouvraTest
class EarlyPaymentDiscountMessagesTest {

    private static final String OFFER_FR = "Escompte de 2,00 % pour un paiement au plus tard le 15/03/2026 : 1 176,00 € au lieu de 1 200,00 €.";
    private static final String TERMS_FR = "Conditions d'escompte : 2,00 % pour un paiement au plus tard le 15/03/2026.";
    private static final String NONE_FR = "Pas d'escompte pour paiement anticipé.";
    private static final String OFFER_EN = "Early-payment discount of 2.00% for payment on or before March 15, 2026: €1,176.00 instead of €1,200.00.";
    private static final String TERMS_EN = "Early-payment discount terms: 2.00% for payment on or before March 15, 2026.";
    private static final String NONE_EN = "No discount for early payment.";

    @Autowired
    MessageComposer composer;
    @Autowired
    InvoiceService invoices;
    @Autowired
    Api api;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void thePreDueReminderOffersTheDiscountUntilItsLastDayAndEveryReminderStatesTheTerms() {
        String customerId = customer("fr");
        UUID invoice = invoice(customerId, TestData.invoiceNumber(), "2.00");

        EngineClock.moveTo(LocalDate.of(2026, 3, 15));
        OutboundMessage preDue = compose(MessageKind.PRE_DUE_REMINDER, customerId, List.of(invoice), Map.of());
        assertThat(readable(preDue.text())).contains(OFFER_FR).contains(TERMS_FR).doesNotContain(NONE_FR);
        assertThat(readable(preDue.html())).contains(OFFER_FR).contains(TERMS_FR);

        // the table said no: the terms, not the offer
        OutboundMessage notOffered = compose(MessageKind.PRE_DUE_REMINDER, customerId, List.of(invoice),
                Map.of(Messages.DISCOUNT_OFFER, Messages.NO_DISCOUNT_OFFER));
        assertThat(readable(notOffered.text())).doesNotContain("au lieu de").contains(TERMS_FR);
        assertThat(readable(notOffered.html())).doesNotContain("au lieu de").contains(TERMS_FR);

        // a day late the full amount is owed: no offer any more
        EngineClock.moveTo(LocalDate.of(2026, 3, 16));
        OutboundMessage late = compose(MessageKind.PRE_DUE_REMINDER, customerId, List.of(invoice), Map.of());
        assertThat(readable(late.text())).doesNotContain("au lieu de").contains(TERMS_FR);

        EngineClock.moveTo(LocalDate.of(2026, 4, 10));
        for (MessageKind reminder : List.of(MessageKind.REMINDER_1, MessageKind.REMINDER_2, MessageKind.REMINDER_3)) {
            OutboundMessage sent = compose(reminder, customerId, List.of(invoice), Map.of());
            assertThat(readable(sent.text())).as("%s", reminder).contains(TERMS_FR).doesNotContain("au lieu de");
            assertThat(readable(sent.html())).as("%s", reminder).contains(TERMS_FR);
        }
    }

    @Test
    void withoutADiscountEveryReminderSaysThereIsNone() {
        String customerId = customer("fr");
        UUID invoice = invoice(customerId, TestData.invoiceNumber(), null);
        EngineClock.moveTo(LocalDate.of(2026, 3, 10));

        for (MessageKind reminder : List.of(MessageKind.PRE_DUE_REMINDER, MessageKind.REMINDER_1, MessageKind.REMINDER_2,
                MessageKind.REMINDER_3)) {
            OutboundMessage sent = compose(reminder, customerId, List.of(invoice), Map.of());
            assertThat(readable(sent.text())).as("%s", reminder).contains(NONE_FR).doesNotContain("Conditions d'escompte");
            assertThat(readable(sent.html())).as("%s", reminder).contains(NONE_FR);
        }
    }

    @Test
    void inEnglish() {
        String customerId = customer("en");
        UUID withDiscount = invoice(customerId, TestData.invoiceNumber(), "2.00");
        UUID without = invoice(customerId, TestData.invoiceNumber(), null);
        EngineClock.moveTo(LocalDate.of(2026, 3, 10));

        OutboundMessage preDue = compose(MessageKind.PRE_DUE_REMINDER, customerId, List.of(withDiscount), Map.of());
        assertThat(readable(preDue.text())).contains(OFFER_EN).contains(TERMS_EN);
        assertThat(readable(preDue.html())).contains(OFFER_EN).contains(TERMS_EN);
        OutboundMessage reminder = compose(MessageKind.REMINDER_1, customerId, List.of(without), Map.of());
        assertThat(readable(reminder.text())).contains(NONE_EN);
        assertThat(readable(reminder.html())).contains(NONE_EN);
    }

    @Test
    void aGroupedReminderNamesEachInvoicesTermsAndEscapesWhatTheIntegratorTyped() {
        String customerId = customer("fr");
        String script = "<script>alert(1)</script>";
        UUID withDiscount = invoice(customerId, script, "2.00");
        UUID without = invoice(customerId, TestData.invoiceNumber(), null);
        EngineClock.moveTo(LocalDate.of(2026, 3, 10));

        OutboundMessage preDue = compose(MessageKind.PRE_DUE_REMINDER, customerId, List.of(withDiscount, without), Map.of());

        assertThat(readable(preDue.text()))
                .contains("au lieu de 1 200,00 € (facture " + script + ").")
                .contains("Conditions d'escompte (facture " + script + ") : 2,00 % pour un paiement au plus tard le 15/03/2026.")
                .contains("Pas d'escompte pour paiement anticipé sur les autres factures.");
        assertThat(preDue.html()).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private OutboundMessage compose(MessageKind kind, String customerId, List<UUID> invoiceIds, Map<String, String> parameters) {
        return composer.compose(new MessageToCompose(UUID.randomUUID(), Channel.EMAIL, kind, Tone.COURTEOUS,
                UUID.fromString(customerId), invoiceIds, parameters)).orElseThrow();
    }

    /** What a reader sees: no markup, single spaces. */
    private static String readable(String rendered) {
        String text = rendered.startsWith("<!DOCTYPE") || rendered.startsWith("<html")
                ? rendered.replaceAll("</?(strong|span)[^>]*>", "").replaceAll("<[^>]+>", " ").replace("&#39;", "'")
                : rendered;
        return text.replace('\u202F', ' ').replace('\u00A0', ' ')
                .replaceAll("\\s+", " ").replace(" .", ".").replace("( ", "(").replace(" )", ")");
    }

    private String customer(String language) {
        ResponseEntity<JsonNode> response = api.asAdmin().postForEntity("/api/v1/customers", Map.of(
                "legalName", "Boulangerie Escompte", "registrationNumber", TestData.siren(), "language", language,
                "addressLine", "1 rue de la Paix", "postalCode", "69001", "city", "Lyon",
                "contacts", List.of(Map.of("name", "Compta", "email", "compta@example.org", "emailConsent", true))), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("id").asText();
    }

    /** 1,200.00 = 1,000.00 + 200.00 VAT, issued 1 March 2026, due 31 March; the discount, if any, until 15 March. */
    private UUID invoice(String customerId, String number, String discountRate) {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "customerId", customerId, "issueDate", "2026-03-01",
                "dueDate", "2026-03-31", "amount", "1200.00", "currency", "EUR", "amountExclVat", "1000.00", "vat", "200.00"));
        if (discountRate != null) {
            body.put("discountRate", discountRate);
            body.put("discountUntil", "2026-03-15");
        }
        ResponseEntity<JsonNode> response = api.asAdmin().postForEntity("/api/v1/invoices", body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return invoices.get(number).getId();
    }
}
