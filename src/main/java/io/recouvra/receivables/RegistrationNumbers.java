package io.recouvra.receivables;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Company identifiers: a French SIREN (9 digits, Luhn check digit) or a VAT number (country prefix;
 * French VAT numbers carry a key computed from the SIREN, which is checked too).
 */
public final class RegistrationNumbers {

    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern FRENCH_VAT = Pattern.compile("FR(\\d{2})(\\d{9})");
    private static final Pattern VAT = Pattern.compile("[A-Z]{2}[0-9A-Z+*]{2,13}");

    private RegistrationNumbers() {
    }

    /** What people type, as the ledger stores it: {@code "fr 40-303.265.045"} becomes {@code "FR40303265045"}. */
    public static String normalize(String value) {
        return value == null ? null : value.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** A SIREN from its first eight digits, with the Luhn check digit appended. */
    public static String sirenFrom(String eightDigits) {
        for (int check = 0; check <= 9; check++) {
            if (luhnValid(eightDigits + check)) {
                return eightDigits + check;
            }
        }
        throw new IllegalStateException("one check digit always fits");
    }

    /** Why the (normalized) number is not acceptable, if it is not. */
    static Optional<String> problem(String number) {
        if (SIREN.matcher(number).matches()) {
            return luhnValid(number) ? Optional.empty() : Optional.of("SIREN check digit does not match");
        }
        var frenchVat = FRENCH_VAT.matcher(number);
        if (frenchVat.matches()) {
            String siren = frenchVat.group(2);
            long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
            if (!luhnValid(siren)) {
                return Optional.of("the SIREN inside this VAT number has a wrong check digit");
            }
            return Integer.parseInt(frenchVat.group(1)) == key ? Optional.empty()
                    : Optional.of("French VAT key does not match the SIREN (expected FR%02d%s)".formatted(key, siren));
        }
        return VAT.matcher(number).matches() ? Optional.empty()
                : Optional.of("must be a SIREN (9 digits) or a VAT number such as FR40303265045");
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
