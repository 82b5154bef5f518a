package io.recouvra.messaging.composition;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Tone;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @ParameterizedTest
    @CsvSource({
            "REMINDER_1, fr, COURTEOUS, 'Sauf erreur de notre part', '12 345,67 €'",
            "REMINDER_1, fr, FIRM, 'reste impayée depuis 15 jours', '12 345,67 €'",
            "REMINDER_1, fr, FORMAL, 'indemnité forfaitaire de 40 €', '12 345,67 €'",
            "REMINDER_1, en, COURTEOUS, 'According to our records', '€12,345.67'",
            "REMINDER_1, en, FORMAL, 'fixed €40 recovery indemnity', '€12,345.67'",
            "PRE_DUE_REMINDER, fr, COURTEOUS, 'arrive à échéance le 31 décembre 2026', '12 345,67 €'",
            "PRE_DUE_REMINDER, en, COURTEOUS, 'falls due on December 31, 2026', '€12,345.67'"})
    void remindersRenderInTheCustomersLanguageWithItsFormatting(MessageKind kind, String language, Tone tone,
                                                                String phrase, String amount) {
        Map<String, Object> model = model(language, tone);

        String html = templates.render(kind, "email", language, "html", model);
        String text = templates.render(kind, "email", language, "txt", model);
        String subject = templates.render(kind, "subject", language, "txt", model);

        for (String part : new String[] {readable(html), readable(text)}) {
            assertThat(part).contains(phrase).contains(amount)
                    .contains("F-2026-000123").contains("Recouvra Demo SAS").contains("FR76 3000 6000 0112 3456 7890 189")
                    .contains("http://localhost:8080/portal/invoices/F-2026-000123");
        }
        assertThat(html).contains("href=\"http://localhost:8080/portal/invoices/F-2026-000123\"");
        assertThat(subject).contains("F-2026-000123").doesNotContain("\n");
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("th:");
    }

    @ParameterizedTest
    @CsvSource({"REMINDER_1, fr, COURTEOUS", "REMINDER_1, fr, FIRM", "REMINDER_1, en, COURTEOUS", "REMINDER_1, en, FIRM",
            "PRE_DUE_REMINDER, fr, COURTEOUS", "PRE_DUE_REMINDER, en, COURTEOUS"})
    void smsStayWithinTwoGsm7Segments(MessageKind kind, String language, Tone tone) {
        String sms = Sms.plain(templates.render(kind, "sms", language, "txt", model(language, tone)));

        assertThat(sms).contains("F-2026-000123");
        assertThat(Sms.isGsm7(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(Sms.segments(sms)).as("%d characters: %s", sms.length(), sms).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"REMINDER_1, fr, 'les factures suivantes restent impayées', 'F-2026-000124, échue le'",
            "REMINDER_1, en, 'the invoices below are still unpaid', 'F-2026-000124, due'",
            "PRE_DUE_REMINDER, fr, 'les factures suivantes arrivent à échéance', 'F-2026-000124, échéance le'",
            "PRE_DUE_REMINDER, en, 'the invoices below fall due soon', 'F-2026-000124, due'"})
    void severalInvoicesOfOneCustomerMakeOneMessageListingThemAll(MessageKind kind, String language, String phrase,
                                                                  String line) {
        Map<String, Object> model = model(language, Tone.COURTEOUS);
        model.put("invoiceCount", 2);
        model.put("invoiceNumber", "F-2026-000123, F-2026-000124");
        model.put("invoices", List.of(
                Map.of("number", "F-2026-000123", "dueDate", "1", "outstanding", "1", "daysOverdue", 15L),
                Map.of("number", "F-2026-000124", "dueDate", "2", "outstanding", "2", "daysOverdue", 3L)));

        assertThat(readable(templates.render(kind, "email", language, "txt", model))).contains(phrase).contains(line);
        assertThat(readable(templates.render(kind, "email", language, "html", model))).contains(phrase)
                .contains("F-2026-000123").contains("F-2026-000124");
        assertThat(templates.render(kind, "subject", language, "txt", model)).contains("F-2026-000123, F-2026-000124");
        String sms = Sms.plain(templates.render(kind, "sms", language, "txt", model));
        assertThat(sms).contains("2 ");
        assertThat(Sms.segments(sms)).isLessThanOrEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void smsArithmetic() {
        assertThat(Sms.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Sms.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Sms.segments("€".repeat(80))).as("the euro sign takes two septets").isEqualTo(1);
        assertThat(Sms.segments("€".repeat(81))).isEqualTo(2);
        assertThat(Sms.isGsm7("échéance à régler")).isTrue();
        assertThat(Sms.isGsm7("reçu")).as("ç lower case is not GSM-7").isFalse();
        assertThat(Sms.segments("ç".repeat(71))).isEqualTo(2);
        assertThat(Sms.plain("1\u202F234,56\u00A0€")).isEqualTo("1 234,56 €");
    }

    /** What a reader sees: no markup, single spaces. */
    private static String readable(String rendered) {
        return rendered.replaceAll("<[^>]+>", " ").replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    private static Map<String, Object> model(String language, Tone tone) {
        Locale locale = new Locale(language, "FR");
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", new Creditor("Recouvra Demo SAS", "1 place de la Bourse, 75002 Paris",
                "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPPXXX", "recouvrement@recouvra.example", "+33 1 23 45 67 89"));
        model.put("tone", tone.name());
        model.put("invoiceCount", 1);
        model.put("customerName", "Boulangeries Martin SAS");
        model.put("contactName", "Service comptabilité");
        model.put("invoiceNumber", "F-2026-000123");
        model.put("amount", MessageComposer.money(new BigDecimal("12345.67"), "EUR", locale));
        model.put("outstanding", MessageComposer.money(new BigDecimal("12345.67"), "EUR", locale));
        model.put("dueDate", "fr".equals(language) ? "31 décembre 2026" : "December 31, 2026");
        model.put("daysToDueDate", -15L);
        model.put("daysOverdue", 15L);
        model.put("portalLink", "http://localhost:8080/portal/invoices/F-2026-000123");
        return model;
    }
}
