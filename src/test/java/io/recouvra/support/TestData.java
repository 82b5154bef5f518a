package io.recouvra.support;

import io.recouvra.receivables.RegistrationNumbers;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique identifiers, so that tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestData() {
    }

    /** A valid SIREN, different on every call. */
    public static String siren() {
        return RegistrationNumbers.sirenFrom(String.format("%08d", 10_000_000 + SEQUENCE.incrementAndGet() * 37 % 89_999_999));
    }

    public static String invoiceNumber() {
        return "T-" + SEQUENCE.incrementAndGet();
    }
}
