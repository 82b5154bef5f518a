package io.recouvra.portal;

import io.recouvra.collection.DebtorRequestRefused;
import io.recouvra.collection.DebtorRequestRefused.Refusal;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the portal's forms share: reading an amount as a debtor types it, and saying a refusal as sentences. */
@Component
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PortalForms {

    private final MessageSource texts;

    PortalForms(MessageSource texts) {
        this.texts = texts;
    }

    String say(String key, Locale locale, Object... arguments) {
        return texts.getMessage(key, arguments, locale);
    }

    /**
     * Each refused field's sentences, in the page's language: the text {@code prefix + code}, given the invoice
     * number, the date and the amount the refusal names ({0}, {1}, {2}).
     */
    Map<String, String> sentences(DebtorRequestRefused refused, String prefix, Locale locale) {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (Refusal refusal : refused.refusals()) {
            String sentence = say(prefix + refusal.code(), locale, refusal.invoiceNumber() == null ? "" : refusal.invoiceNumber(),
                    refusal.date() == null ? "" : PortalPages.date(refusal.date(), locale),
                    refusal.amount() == null ? "" : PortalPages.money(refusal.amount(), refusal.currency(), locale));
            sentences.merge(refusal.field(), sentence, (one, other) -> one + " " + other);
        }
        return sentences;
    }

    /** An amount as typed: "1500", "1 500,50" or "1500.50" (spaces and a decimal comma as French writes them); null if none. */
    static BigDecimal amount(String typed) {
        if (typed == null) {
            return null;
        }
        String plain = typed.replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.');
        if (!plain.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(plain);
    }
}
