package io.recouvra.onlinepayment;

import io.recouvra.onlinepayment.SandboxPaymentProvider.SignedEvent;
import io.recouvra.onlinepayment.SandboxPaymentProvider.Simulation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sandbox provider's "hosted" checkout: a page labelled as a simulation, with what is paid and three buttons
 * (succeeds, fails, is cancelled). A click sends the provider's signed events over HTTP to Recouvra's own webhook,
 * {@code /webhooks/payments/sandbox}, as a real provider would, then sends the debtor back to the return page. It is
 * under {@code /portal/} so that the portal's headers (CSP, no referrer) and its CSRF cookie apply.
 */
@Controller
@ConditionalOnProperty(name = "recouvra.payments.sandbox", havingValue = "true")
class SandboxCheckoutPage {

    private final SandboxPaymentProvider sandbox;
    private final LocaleResolver locales;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The scheme of Recouvra's own connector, not the request's (behind a TLS proxy, the request says https). */
    private final String scheme;

    SandboxCheckoutPage(SandboxPaymentProvider sandbox, LocaleResolver locales, @Value("${server.ssl.enabled:false}") boolean tls) {
        this.sandbox = sandbox;
        this.locales = locales;
        this.scheme = tls ? "https" : "http";
    }

    record Line(String invoiceNumber, String amount) {
    }

    @GetMapping(SandboxPaymentProvider.PAGE + "{session}")
    String page(@PathVariable String session, Model model, HttpServletRequest request, HttpServletResponse response) {
        CheckoutRequest checkout = sandbox.session(session).orElse(null);
        Locale locale = speak(checkout == null ? null : checkout.language(), request, response, model);
        if (checkout == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/sandbox-unknown";
        }
        model.addAttribute("sessionId", session); // not "session": a Thymeleaf expression object
        model.addAttribute("lines", checkout.lines().stream()
                .map(line -> new Line(line.invoiceNumber(), money(line.amount(), checkout.currency(), locale))).toList());
        model.addAttribute("total", money(checkout.total(), checkout.currency(), locale));
        model.addAttribute("method", checkout.method() == null ? "ANY" : checkout.method().name());
        return "portal/sandbox-checkout";
    }

    @PostMapping(SandboxPaymentProvider.PAGE + "{session}")
    Object simulate(@PathVariable String session, @RequestParam Simulation outcome, Model model, HttpServletRequest request,
                    HttpServletResponse response) throws IOException, InterruptedException {
        CheckoutRequest checkout = sandbox.session(session).orElse(null);
        if (checkout == null) {
            speak(null, request, response, model);
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/sandbox-unknown";
        }
        URI webhook = URI.create(scheme + "://" + host(request.getLocalAddr()) + ":" + request.getLocalPort()
                + request.getContextPath() + "/webhooks/payments/" + SandboxPaymentProvider.NAME);
        for (SignedEvent event : sandbox.events(session, outcome)) {
            HttpResponse<Void> delivered = http.send(HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(SandboxPaymentProvider.SIGNATURE_HEADER, event.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(event.body())).build(), HttpResponse.BodyHandlers.discarding());
            if (delivered.statusCode() >= 300) {
                throw new IllegalStateException("the sandbox webhook answered " + delivered.statusCode());
            }
        }
        RedirectView back = new RedirectView(outcome == Simulation.SUCCEEDS ? checkout.successUrl() : checkout.cancelUrl());
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return back;
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private Locale speak(String language, HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = "en".equals(language) ? Locale.UK : Locale.FRANCE;
        locales.setLocale(request, response, locale);
        model.addAttribute("lang", locale.getLanguage());
        return locale;
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
