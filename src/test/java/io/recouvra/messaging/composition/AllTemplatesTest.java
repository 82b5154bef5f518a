package io.recouvra.messaging.composition;

import static org.assertj.core.api.Assertions.assertThat;

import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.LetterRenderer;
import io.recouvra.messaging.MessageKind;
import io.recouvra.messaging.Tone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template of every kind, in every language and tone, renders completely and fits its channel:
 * what a process owner's edit must keep true.
 */
class AllTemplatesTest {

    private static final List<String> LANGUAGES = List.of("fr", "en");

    private final MessageTemplates templates = new MessageTemplates();

    static Stream<Arguments> everyMessage() {
        List<Arguments> cases = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            if (kind.isPrepared()) {
                continue; // written by its feature, not by these templates (GuaranteeLettersPostedTest)
            }
            for (String language : LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    cases.add(Arguments.of(kind, language, tone, 1));
                    if (kind.isReminder()) {
                        cases.add(Arguments.of(kind, language, tone, 3));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} ({3} invoice(s))")
    @MethodSource("everyMessage")
    void rendersCompletelyAndFitsItsChannel(MessageKind kind, String language, Tone tone, int invoices) {
        Map<String, Object> model = model(language, tone, invoices);

        String subject = templates.render(kind, "subject", language, "txt", model);
        String text = templates.render(kind, "email", language, "txt", model);
        String html = templates.render(kind, "email", language, "html", model);
        String sms = Sms.plain(templates.render(kind, "sms", language, "txt", model));

        for (String rendered : List.of(subject, text, html, sms)) {
            assertThat(rendered).isNotBlank().doesNotContain("${").doesNotContain("[(").doesNotContain("[#")
                    .doesNotContain("th:").doesNotContain("null");
        }
        assertThat(subject).doesNotContain("\n");
        assertThat(text + html).contains("Recouvra Demo SAS");
        assertThat(sms).contains("Recouvra Demo SAS");
        assertThat(Sms.isGsm7(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(Sms.segments(sms)).as("%d characters: %s", sms.length(), sms).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "plan agreement with and without charges, {0}")
    @MethodSource("languages")
    void thePlanAgreementShowsLateChargesOnlyWhenThePlanChargesThem(String language) {
        Map<String, Object> model = model(language, Tone.COURTEOUS, 1);
        String waived = templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "txt", model)
                + templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "html", model);
        model.put("lateCharges", "CHARGES-1");
        model.put("planTotal", "PLAN-TOTAL-1");
        String text = templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "txt", model);
        String html = templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "html", model);

        assertThat(waived).doesNotContain("CHARGES-1").doesNotContain("40 €").doesNotContain("€40").doesNotContain("null");
        for (String charged : List.of(text, html)) {
            assertThat(charged).contains("CHARGES-1", "PLAN-TOTAL-1").containsAnyOf("40 €", "€40").doesNotContain("[#");
        }
    }

    @ParameterizedTest(name = "formal notice letter {0}")
    @MethodSource("languages")
    void theFormalNoticeLetterIsAOnePagePdfShowingTheClaimApart(String language) throws Exception {
        String xhtml = templates.render(MessageKind.FORMAL_NOTICE, "letter", language, "html", model(language, Tone.FORMAL, 2));

        try (PDDocument pdf = Loader.loadPDF(new LetterRenderer().pdf(xhtml))) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("PRINCIPAL-1").contains("INTEREST-1").contains("INDEMNITY-1").contains("TOTAL-1")
                    .contains("DEADLINE-1").contains("F-2026-000123").contains("F-2026-000124")
                    .contains("Boulangeries Martin SAS").contains("69002");
        }
    }

    /**
     * Until the debtor portal exists (recouvra.portal.enabled off) the composer gives no portal link and the
     * plan offer no accept link: no part of any message may then point anywhere or promise a link.
     */
    @ParameterizedTest(name = "{0} {1} {2} ({3} invoice(s)) without the portal")
    @MethodSource("everyMessage")
    void withoutThePortalNoMessageCarriesALink(MessageKind kind, String language, Tone tone, int invoices) throws Exception {
        Map<String, Object> model = model(language, tone, invoices);
        model.remove("portalLink");
        model.remove("acceptLink");

        List<String> parts = new ArrayList<>(List.of(templates.render(kind, "subject", language, "txt", model),
                templates.render(kind, "email", language, "txt", model), templates.render(kind, "email", language, "html", model),
                Sms.plain(templates.render(kind, "sms", language, "txt", model))));
        if (templates.hasLetter(kind, language)) {
            try (PDDocument pdf = Loader.loadPDF(new LetterRenderer().pdf(templates.render(kind, "letter", language, "html", model)))) {
                parts.add(new PDFTextStripper().getText(pdf));
            }
        }

        for (String part : parts) {
            assertThat(part).doesNotContain("http").doesNotContain("/portal").doesNotContain("href")
                    .doesNotContain("en ligne").doesNotContainIgnoringCase("online")
                    .doesNotContain("lien").doesNotContainIgnoringCase("link")
                    .doesNotContain("null").doesNotContain("[#");
        }
        String sms = Sms.plain(templates.render(kind, "sms", language, "txt", model));
        assertThat(Sms.isGsm7(sms)).as("GSM-7 only: %s", sms).isTrue();
        assertThat(Sms.segments(sms)).as("%d characters: %s", sms.length(), sms).isLessThanOrEqualTo(2);
    }

    /**
     * The payment-plan process waits 7 days for PaymentPlanAccepted, which POST /api/v1/payment-plans/{id}/accept
     * sends: without the portal the collector records it when the debtor replies or calls, so the offer says
     * how, by when, and which plan (its id, for the API call).
     */
    @ParameterizedTest(name = "plan offer without the portal, {0}")
    @MethodSource("languages")
    void withoutThePortalThePlanOfferSaysHowToAcceptByReplyingOrCalling(String language) {
        Map<String, Object> model = model(language, Tone.COURTEOUS, 1);
        model.remove("portalLink");
        model.remove("acceptLink");
        String reply = "fr".equals(language) ? "répondez à cet e-mail" : "reply to this email";
        String call = "fr".equals(language) ? "appelez notre service recouvrement" : "call our credit control team";
        String deadline = "fr".equals(language) ? "au plus tard le 7 janvier 2027" : "by January 7, 2027";

        for (String part : List.of(templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "txt", model),
                templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "email", language, "html", model))) {
            String readable = part.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
            assertThat(readable).contains(reply).contains(call).contains("+33 1 23 45 67 89").contains(deadline)
                    .contains("PLAN-REF-1").doesNotContain("http");
        }
        assertThat(Sms.plain(templates.render(MessageKind.PAYMENT_PLAN_AGREEMENT, "sms", language, "txt", model)))
                .contains("+33 1 23 45 67 89").contains("7").doesNotContain("http");
    }

    /** Reminder letters (the tables send them at levels 2 and 3) are not formal notices: no such wording, no claim. */
    @ParameterizedTest(name = "{0} letter {1} {2} ({3} invoice(s))")
    @MethodSource("reminderLetters")
    void reminderLettersAreOnePageListingWhatIsOwedWithoutBeingAFormalNotice(MessageKind kind, String language, Tone tone,
                                                                               int invoices) throws Exception {
        Map<String, Object> model = model(language, tone, invoices);
        String xhtml = templates.render(kind, "letter", language, "html", model);

        try (PDDocument pdf = Loader.loadPDF(new LetterRenderer().pdf(xhtml))) {
            PDFTextStripper reader = new PDFTextStripper();
            reader.setSortByPosition(true); // inline elements are drawn out of reading order
            String text = reader.getText(pdf).replace('\u00A0', ' ');
            String flat = text.replaceAll("\\s+", " ");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Boulangeries Martin SAS").contains("12 rue de la République").contains("69002")
                    .contains("LYON").contains("Recouvra Demo SAS").contains("fr".equals(language) ? "25 novembre 2026" : "November 25, 2026")
                    .contains("F-2026-000123").contains("fr".equals(language) ? "12 345,67 €" : "€12,345.67")
                    .contains("FR76 3000 6000 0112 3456 7890 189");
            if (invoices > 1) {
                assertThat(text).contains("F-2026-000124");
            }
            assertThat(flat).doesNotContainIgnoringCase("mise en demeure").doesNotContainIgnoringCase("formal notice")
                    .doesNotContain("PRINCIPAL-1").doesNotContain("INTEREST-1").doesNotContain("TOTAL-1");
            String joined = text.replaceAll("\\s+", ""); // lines may break at a hyphen
            assertThat(joined.contains("pénalitésderetard") || joined.contains("late-paymentinterest"))
                    .as("the legal reminder of interest and indemnity only in the formal tone, as in the reminder emails")
                    .isEqualTo(tone == Tone.FORMAL);
        }
    }

    static Stream<Arguments> reminderLetters() {
        List<Arguments> cases = new ArrayList<>();
        for (MessageKind kind : List.of(MessageKind.REMINDER_2, MessageKind.REMINDER_3)) {
            for (String language : LANGUAGES) {
                for (Tone tone : Tone.values()) {
                    cases.add(Arguments.of(kind, language, tone, 1));
                    cases.add(Arguments.of(kind, language, tone, 3));
                }
            }
        }
        return cases.stream();
    }

    static Stream<String> languages() {
        return LANGUAGES.stream();
    }

    /** Every value any template may ask for, with markers where the test looks for them. */
    private static Map<String, Object> model(String language, Tone tone, int invoiceCount) {
        Map<String, Object> model = new HashMap<>();
        model.put("creditor", new Creditor("Recouvra Demo SAS", "1 place de la Bourse, 75002 Paris",
                "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPPXXX", "recouvrement@recouvra.example", "+33 1 23 45 67 89"));
        model.put("tone", tone.name());
        model.put("customerName", "Boulangeries Martin SAS");
        model.put("contactName", "Service comptabilité");
        model.put("customerAddress", "12 rue de la République");
        model.put("customerPostalCode", "69002");
        model.put("customerCity", "Lyon");
        model.put("letterDate", "fr".equals(language) ? "25 novembre 2026" : "November 25, 2026");
        String amount = "fr".equals(language) ? "12 345,67 €" : "€12,345.67";
        String date = "fr".equals(language) ? "31 décembre 2026" : "December 31, 2026";
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < invoiceCount; i++) {
            lines.add(Map.of("number", "F-2026-00012" + (3 + i), "outstanding", amount, "dueDate", date, "daysOverdue", 15L + i));
        }
        model.put("invoiceCount", invoiceCount);
        model.put("invoices", lines);
        model.put("invoiceNumber", String.join(", ", lines.stream().map(line -> (String) line.get("number")).toList()));
        model.put("amount", amount);
        model.put("outstanding", amount);
        model.put("dueDate", date);
        model.put("daysToDueDate", -15L);
        model.put("daysOverdue", 15L);
        model.put("portalLink", "https://recouvra.example/portal/invoices/F-2026-000123");
        model.put("principal", "PRINCIPAL-1");
        model.put("interest", "INTEREST-1");
        model.put("indemnity", "INDEMNITY-1");
        model.put("totalClaim", "TOTAL-1");
        model.put("paymentDeadline", "DEADLINE-1");
        model.put("promisedAmount", amount);
        model.put("promisedDate", date);
        model.put("disputeReference", "LIT-2026-0042");
        model.put("disputeReason", "quantité livrée incomplète");
        model.put("responseDate", "fr".equals(language) ? "2 décembre 2026" : "2 December 2026");
        model.put("disputeOutcome", "PARTLY_ACCEPTED");
        model.put("creditedAmount", amount);
        model.put("explanation", "Deux cartons manquaient à la livraison.");
        model.put("instalmentCount", "6");
        model.put("instalmentAmount", amount);
        model.put("firstInstalmentDate", date);
        model.put("frequency", "fr".equals(language) ? "mensuelle" : "monthly");
        model.put("acceptLink", "https://recouvra.example/portal/plans/P-42");
        model.put("acceptBy", "fr".equals(language) ? "7 janvier 2027" : "January 7, 2027");
        model.put("planReference", "PLAN-REF-1");
        model.put("instalmentNumber", "2");
        model.put("instalmentDueDate", date);
        model.put("paidAmount", amount);
        model.put("paidOn", date);
        model.put("remainingDue", amount);
        return model;
    }
}
