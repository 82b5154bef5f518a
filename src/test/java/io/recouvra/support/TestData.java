package io.recouvra.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Unique identifiers, so that tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestData() {
    }

    /** A valid SIREN: eight digits and the Luhn check digit. */
    public static String siren() {
        String base = String.format("%08d", 10_000_000 + SEQUENCE.incrementAndGet() * 37 % 89_999_999);
        for (int check = 0; check <= 9; check++) {
            String candidate = base + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("one check digit always fits");
    }

    public static String invoiceNumber() {
        return "T-" + SEQUENCE.incrementAndGet();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
