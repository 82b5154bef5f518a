package io.recouvra.portal;

import io.recouvra.messaging.Creditor;
import io.recouvra.messaging.PortalLinks.Purpose;
import io.recouvra.receivables.CustomerService;
import io.recouvra.trail.Actors;
import io.recouvra.web.FailedAttempts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every portal page does before it shows anything: open the token of its path (refusing a bad, outdated or
 * guessed one with its own page), speak the debtor's language, and write amounts and dates for that language.
 * Every controller of the portal goes through here, so that no page can forget a check.
 */
@Component
@ConditionalOnProperty(name = "recouvra.portal.enabled", havingValue = "true")
class PortalPages {

    private static final Locale FRENCH = Locale.FRANCE;

    private final PortalTokens tokens;
    private final FailedAttempts failedAttempts;
    private final CustomerService customers;
    private final Creditor creditor;
    private final Clock clock;

    PortalPages(PortalTokens tokens, FailedAttempts failedAttempts, CustomerService customers, Creditor creditor, Clock clock) {
        this.tokens = tokens;
        this.failedAttempts = failedAttempts;
        this.customers = customers;
        this.creditor = creditor;
        this.clock = clock;
    }

    /**
     * The link the token names, if it opens the portal for one of these purposes; else null, with the name of the
     * page to show instead in the model's "refusal". Failed attempts are counted per client address and refused
     * once too many. On success the model holds "token", "lang" and "creditor", and the page speaks the language
     * asked for ({@code lang}), else the customer's.
     */
    PortalLink open(String token, String lang, HttpServletRequest request, HttpServletResponse response, Model model,
                    Purpose... purposes) {
        String address = request.getRemoteAddr();
        if (failedAttempts.exhausted(address)) {
            return refuse(HttpStatus.TOO_MANY_REQUESTS, "portal/too-many", request, response, model);
        }
        PortalTokens.Verdict verdict = tokens.open(token, purposes.length == 0 ? new Purpose[] {Purpose.VIEW} : purposes);
        if (verdict instanceof PortalTokens.Verdict.Valid valid) {
            PortalLink link = valid.link();
            speak(lang != null ? lang : customers.get(link.customerId()).getLanguage(), request, model);
            model.addAttribute("token", token);
            model.addAttribute("creditor", creditor);
            return link;
        }
        if (verdict instanceof PortalTokens.Verdict.Outdated outdated) {
            speak(customers.get(outdated.link().customerId()).getLanguage(), request, model);
            return refuse(HttpStatus.GONE, "portal/outdated", request, response, model);
        }
        failedAttempts.record(address);
        return refuse(HttpStatus.NOT_FOUND, "portal/unknown", request, response, model);
    }

    /** The page's locale, as {@link #open} chose it. */
    static Locale locale(Model model) {
        return "en".equals(model.getAttribute("lang")) ? Locale.UK : FRENCH;
    }

    private PortalLink refuse(HttpStatus status, String page, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!model.containsAttribute("lang")) {
            speak(null, request, model);
        }
        model.addAttribute("creditor", creditor);
        model.addAttribute("refusal", page);
        response.setStatus(status.value());
        return null;
    }

    /** The page's language: the one asked for, else the customer's, French when neither is English. */
    private static Locale speak(String language, HttpServletRequest request, Model model) {
        Locale locale = "en".equalsIgnoreCase(language) ? Locale.UK : FRENCH;
        PortalLocales.use(locale, request);
        model.addAttribute("lang", locale.getLanguage());
        return locale;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    /** A rate in percent as the debtor writes it: 2,00 % (2.00% in English). */
    static String percent(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(rate) + (locale.getLanguage().equals("fr") ? "\u00a0%" : "%");
    }

    static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    String date(Instant instant, Locale locale) {
        return date(instant.atZone(clock.getZone()).toLocalDate(), locale);
    }

    /**
     * Runs what the debtor does as the debtor: the trail and every service it calls name, as the one who acted,
     * {@code debtor via portal link <link id>} (the link's id, never the token, which opens the portal).
     */
    static <T> T asTheDebtor(PortalLink link, Supplier<T> action) {
        return Actors.as("debtor via portal link " + link.id(), action);
    }

    static void asTheDebtor(PortalLink link, Runnable action) {
        asTheDebtor(link, () -> {
            action.run();
            return null;
        });
    }
}
