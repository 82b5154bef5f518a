package io.recouvra.collection;

import io.recouvra.receivables.Customer;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates written out as a debtor reads them, in the customer's language. */
final class Texts {

    private Texts() {
    }

    static Locale localeOf(Customer customer) {
        return new Locale(customer.getLanguage(), customer.getCountry());
    }

    static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }

    static String date(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
