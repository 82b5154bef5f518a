package io.recouvra.interest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The interest breakdown as a letter prints it, one line per period: from, to, days, the unpaid base, the
 * annual rate (with why, when the legal floor replaced the contract's rate) and the period's share of
 * the rounded total. Plain text values, so the lines can travel as a message parameter (JSON).
 */
public final class InterestLines {

    /** The message parameter the lines travel in; the message composer hands them to templates as a list. */
    public static final String PARAMETER = "interestPeriods";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InterestLines() {
    }

    public static List<Map<String, String>> of(List<InterestPeriod> periods, String currency, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return periods.stream().map(period -> {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("from", period.from().format(dates));
            line.put("to", period.to().format(dates));
            line.put("days", Long.toString(period.days()));
            line.put("base", money(period.unpaid(), currency, locale));
            line.put("rate", percent(period.annualRate(), locale));
            line.put("rateNote", rateNote(period, locale));
            line.put("amount", money(period.amount(), currency, locale));
            return line;
        }).toList();
    }

    public static String json(List<InterestPeriod> periods, String currency, Locale locale) {
        try {
            return JSON.writeValueAsString(of(periods, currency, locale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("interest lines are plain text", e);
        }
    }

    /** Empty unless the floor raised the contract's rate, which the debtor is then told in words. */
    public static String rateNote(InterestPeriod period, Locale locale) {
        if (!period.raisedToFloor()) {
            return "";
        }
        String contractual = percent(period.raisedFromContractualRate(), locale);
        String floor = percent(period.annualRate(), locale);
        return "fr".equals(locale.getLanguage())
                ? "taux contractuel " + contractual + " porté au plancher légal de 3 fois le taux d'intérêt légal : " + floor
                : "contractual rate " + contractual + " raised to the legal floor of 3 times the legal interest rate: " + floor;
    }

    public static String percent(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(3);
        return format.format(rate).replace('\u202F', ' ').replace('\u00A0', ' ') + ("fr".equals(locale.getLanguage()) ? " %" : "%");
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount);
    }
}
