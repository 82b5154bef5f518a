package io.recouvra.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How commitments of one currency were kept: promises to pay falling due in a period, or payment plans ended in it.
 * {@code pending} are those not settled either way yet (a promise still open, a plan still running). The kept rate is
 * kept ÷ (kept + broken) × 100, by count, rounded half-up to one decimal; empty when none was kept or broken.
 */
public record Keeping(String currency, long kept, BigDecimal keptAmount, long broken, BigDecimal brokenAmount,
                      long pending, BigDecimal pendingAmount) {

    static Keeping none(String currency) {
        return new Keeping(currency, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    Keeping plusKept(long count, BigDecimal amount) {
        return new Keeping(currency, kept + count, keptAmount.add(amount), broken, brokenAmount, pending, pendingAmount);
    }

    Keeping plusBroken(long count, BigDecimal amount) {
        return new Keeping(currency, kept, keptAmount, broken + count, brokenAmount.add(amount), pending, pendingAmount);
    }

    Keeping plusPending(long count, BigDecimal amount) {
        return new Keeping(currency, kept, keptAmount, broken, brokenAmount, pending + count, pendingAmount.add(amount));
    }

    /** Kept ÷ (kept + broken) × 100, by count; empty when none was settled either way. */
    public Optional<BigDecimal> keptRate() {
        long settled = kept + broken;
        if (settled == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(kept * 100).divide(BigDecimal.valueOf(settled), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP));
    }
}
