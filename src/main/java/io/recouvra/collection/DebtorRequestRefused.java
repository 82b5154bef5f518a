package io.recouvra.collection;

import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A debtor's own request (a promise to pay, a dispute from the portal) refused, nothing stored. Each refusal has a
 * code the portal says as a sentence in the debtor's language, with what it needs (an invoice, a date, an amount);
 * an API client reads the same problems as {@link FieldProblem}s.
 */
public class DebtorRequestRefused extends InvalidInputException {

    /**
     * The code of an invoice born before the opening judgment of its customer's insolvency proceedings: it may be
     * neither paid nor promised, planned or disputed with the creditor; it is declared to the court-appointed
     * representative and paid, if at all, through the proceedings (art. L622-7, L622-21, L622-24 C. com.).
     */
    public static final String FROZEN_BY_INSOLVENCY = "frozen-by-insolvency";

    /** One thing refused: the form's field, why (a stable code), and the invoice, date or amount the sentence names. */
    public record Refusal(String field, String code, String invoiceNumber, LocalDate date, BigDecimal amount, String currency) {

        static Refusal of(String field, String code) {
            return new Refusal(field, code, null, null, null, null);
        }

        static Refusal about(String field, String code, String invoiceNumber) {
            return new Refusal(field, code, invoiceNumber, null, null, null);
        }

        static Refusal on(String field, String code, LocalDate date) {
            return new Refusal(field, code, null, date, null, null);
        }

        static Refusal over(String field, String code, BigDecimal amount, String currency) {
            return new Refusal(field, code, null, null, amount, currency);
        }

        FieldProblem asProblem() {
            StringBuilder reason = new StringBuilder(code.replace('-', ' '));
            if (invoiceNumber != null) {
                reason.append(": invoice ").append(invoiceNumber);
            }
            if (date != null) {
                reason.append(": ").append(date);
            }
            if (amount != null) {
                reason.append(": ").append(amount.toPlainString()).append(' ').append(currency);
            }
            return new FieldProblem(field, reason.toString());
        }
    }

    private final List<Refusal> refusals;

    DebtorRequestRefused(List<Refusal> refusals) {
        super(refusals.stream().map(Refusal::asProblem).toList());
        this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    static void throwIfAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new DebtorRequestRefused(refusals);
        }
    }
}
