package io.recouvra.support;

import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewCustomer.NewContact;
import io.recouvra.receivables.RegistrationNumbers;
import io.recouvra.scoring.BureauAnswer;
import io.recouvra.scoring.CreditBureau;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique identifiers, so that tests sharing one database never collide. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    /** Leading zeros: a range {@link #siren()} never produces. */
    private static final AtomicInteger WELL_RATED = new AtomicInteger(1_000_000);

    private TestData() {
    }

    /** A valid SIREN, different on every call. */
    public static String siren() {
        return RegistrationNumbers.sirenFrom(String.format("%08d", 10_000_000 + SEQUENCE.incrementAndGet() * 37 % 89_999_999));
    }

    /**
     * A valid SIREN, different on every call, that the (sandbox) bureau rates well and knows no
     * insolvency of: with no ledger history, class A, so that the ledger alone can make it worse.
     */
    public static String wellRatedSiren(CreditBureau bureau) {
        while (true) {
            String siren = RegistrationNumbers.sirenFrom(String.format("%08d", WELL_RATED.getAndAdd(7)));
            if (bureau.lookUp(siren) instanceof BureauAnswer.Found found && found.report().score() >= 85
                    && !found.report().insolvencyProceedings()) {
                return siren;
            }
        }
    }

    /**
     * A standard debtor company in Nantes with one contact reachable and consenting on every channel;
     * {@code trade} starts its name ("Garage", "Menuiserie"), the registration number is unique.
     */
    public static NewCustomer debtor(String trade, String registrationNumber, String country) {
        return new NewCustomer(trade + " " + invoiceNumber(), registrationNumber, country, "fr", null, "3 rue du Port", "44000", "Nantes",
                List.of(new NewContact("Compta", null, "compta@example.org", "+33612345678", true, true, true)), "STANDARD");
    }

    public static String invoiceNumber() {
        return "T-" + SEQUENCE.incrementAndGet();
    }
}
