package io.recouvra.messaging.composition;

/**
 * SMS length arithmetic. A message in the GSM-7 alphabet fits 160 characters in one segment and 153
 * per segment when split; one character outside it switches the whole message to UCS-2 (70, then 67).
 * Locale formatting brings in no-break spaces (1 234,56 €): {@link #plain} swaps them for spaces.
 */
final class Sms {

    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the GSM-7 extension table: each takes two septets. */
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private Sms() {
    }

    static String plain(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ').replace('’', '\'');
    }

    static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM7.indexOf(c) >= 0 || GSM7_EXTENSION.indexOf(c) >= 0);
    }

    static int segments(String text) {
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (int) Math.ceil(septets / 153.0);
        }
        int units = text.length();
        return units <= 70 ? 1 : (int) Math.ceil(units / 67.0);
    }
}
