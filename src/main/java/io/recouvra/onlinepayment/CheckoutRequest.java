package io.recouvra.onlinepayment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a debtor chose to pay: the checkout's own id (our reference at the provider), the customer,
 * each invoice with the amount paid on it, how (null: every method the provider offers), the page's
 * language ("fr" or "en") and where the provider sends the debtor back.
 */
public record CheckoutRequest(UUID checkoutId, UUID customerId, List<Line> lines, String currency, PaymentMethod method,
                              String language, String successUrl, String cancelUrl) {

    public CheckoutRequest {
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public record Line(String invoiceNumber, BigDecimal amount) {
    }
}
