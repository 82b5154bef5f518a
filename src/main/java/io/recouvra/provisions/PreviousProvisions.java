package io.recouvra.provisions;

import io.recouvra.provisions.ProvisionReport.Previous;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Each invoice's provision in the previous closed month, which a report compares its lines with. A closed month may
 * hold a million lines: as a map of objects they took some 300 MiB of heap (measured, MillionOpenInvoicesBenchmark),
 * as these arrays 25 MiB. The invoices are kept in PostgreSQL's uuid order (unsigned, byte-wise), in which
 * {@link ProvisionRuns} reads them, and found by binary search; provisions, stored as {@code numeric(19, 2)}, as cents.
 */
final class PreviousProvisions {

    static final PreviousProvisions NONE = new Builder().build();

    private final long[] high;
    private final long[] low;
    private final long[] cents;
    private final byte[] currency;
    private final List<String> currencies;

    private PreviousProvisions(long[] high, long[] low, long[] cents, byte[] currency, List<String> currencies) {
        this.high = high;
        this.low = low;
        this.cents = cents;
        this.currency = currency;
        this.currencies = currencies;
    }

    /** The invoice's provision in the previous closed month, null if it had none. */
    Previous get(UUID invoice) {
        int at = indexOf(invoice);
        return at < 0 ? null : previous(at);
    }

    /** The currencies of the previous month's lines. */
    List<String> currencies() {
        return currencies;
    }

    /** How many of the previous month's lines are in {@code code}. */
    int count(String code) {
        int index = currencies.indexOf(code);
        int count = 0;
        for (byte each : currency) {
            count += each == index ? 1 : 0;
        }
        return count;
    }

    /** The previous month's provisions in {@code code}, added up (0 when it had none). */
    BigDecimal total(String code) {
        BigDecimal total = BigDecimal.ZERO;
        int index = currencies.indexOf(code);
        for (int at = 0; at < cents.length; at++) {
            if (currency[at] == index) {
                total = total.add(previous(at).provision());
            }
        }
        return total;
    }

    private Previous previous(int at) {
        return new Previous(currencies.get(currency[at]), BigDecimal.valueOf(cents[at], 2));
    }

    private int indexOf(UUID invoice) {
        long h = invoice.getMostSignificantBits();
        long l = invoice.getLeastSignificantBits();
        int from = 0;
        int to = high.length - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int order = Long.compareUnsigned(high[middle], h);
            if (order == 0) {
                order = Long.compareUnsigned(low[middle], l);
            }
            if (order < 0) {
                from = middle + 1;
            } else if (order > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** Takes the lines in PostgreSQL's uuid order of their invoices (order by invoice_id). */
    static final class Builder {

        private long[] high = new long[16];
        private long[] low = new long[16];
        private long[] cents = new long[16];
        private byte[] currency = new byte[16];
        private final List<String> currencies = new ArrayList<>();
        private int size;

        void add(UUID invoice, String code, BigDecimal provision) {
            if (size == high.length) {
                int grown = size * 2;
                high = Arrays.copyOf(high, grown);
                low = Arrays.copyOf(low, grown);
                cents = Arrays.copyOf(cents, grown);
                currency = Arrays.copyOf(currency, grown);
            }
            if (!currencies.contains(code)) {
                currencies.add(code);
            }
            high[size] = invoice.getMostSignificantBits();
            low[size] = invoice.getLeastSignificantBits();
            // numeric(19, 2): exactly cents, or the stored figure is not what this class can give back
            cents[size] = provision.setScale(2).unscaledValue().longValueExact();
            currency[size] = (byte) currencies.indexOf(code);
            size++;
        }

        PreviousProvisions build() {
            return new PreviousProvisions(Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(cents, size),
                    Arrays.copyOf(currency, size), List.copyOf(currencies));
        }
    }
}
