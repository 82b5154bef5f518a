package io.recouvra.dashboard;

import java.util.Comparator;

/** The order every figure lists its currencies in: EUR first, then the others alphabetically. */
final class Currencies {

    static final Comparator<String> EUR_FIRST = Comparator.comparing((String currency) -> !currency.equals("EUR"))
            .thenComparing(Comparator.naturalOrder());

    private Currencies() {
    }
}
