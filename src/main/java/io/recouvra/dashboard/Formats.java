package io.recouvra.dashboard;

import io.recouvra.receivables.AmountDisplay;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Figures as a page writes them in its language: in French {@code 1 234,56 €}, {@code 31/03/2026}, {@code 45,0 j};
 * in English {@code €1,234.56}, {@code 31/03/2026}. Templates call it as {@code ${fmt.money(amount, currency)}}.
 */
public record Formats(Locale locale) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public boolean french() {
        return locale.getLanguage().equals(Locale.FRENCH.getLanguage());
    }

    public String money(BigDecimal amount, String currency) {
        if (french()) {
            return AmountDisplay.of(amount, currency);
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    public String day(LocalDate day) {
        return DAY.format(day);
    }

    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MM/yyyy").format(month);
    }

    /** A figure with one decimal (days, a percentage), or a dash when there is none. */
    public String decimal(Optional<BigDecimal> value) {
        return value.map(this::decimal).orElse("—");
    }

    public String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(french() ? Locale.FRANCE : Locale.UK);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
