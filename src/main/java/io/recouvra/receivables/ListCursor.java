package io.recouvra.receivables;

import io.recouvra.web.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code after} cursor of the ledger's lists: the sort key of the last row of a page, base64url-encoded, so that
 * the next page starts right after it by the index ({@code (due_date, number) > (?, ?)}) instead of skipping rows.
 * Opaque to clients: a tag names the list it belongs to and the text is checked strictly; a cursor edited by hand
 * that still reads well only moves the page within the same filter, it never widens what the caller sees.
 */
final class ListCursor {

    /** Longer is no cursor of ours: an invoice number is at most 64 characters, a legal name 200. */
    private static final int MAX_LENGTH = 400;
    private static final String INVOICE_TAG = "i1";
    private static final String CUSTOMER_TAG = "c1";
    private static final String FIELD = "after";

    private ListCursor() {
    }

    /** Where an invoice page ended: the last invoice's due date and number, the list's order. */
    record InvoiceKey(LocalDate dueDate, String number) {
    }

    /** Where a customer page ended: the last customer's legal name and id, the list's order. */
    record CustomerKey(String legalName, UUID id) {
    }

    static String of(InvoiceKey key) {
        return encode(INVOICE_TAG + "|" + key.dueDate() + "|" + key.number());
    }

    static String of(CustomerKey key) {
        return encode(CUSTOMER_TAG + "|" + key.id() + "|" + key.legalName());
    }

    static InvoiceKey invoiceKey(String cursor) {
        String[] parts = decode(cursor, INVOICE_TAG);
        try {
            String number = parts[2];
            if (number.isEmpty() || number.length() > 64) {
                throw invalid();
            }
            return new InvoiceKey(LocalDate.parse(parts[1]), number);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    static CustomerKey customerKey(String cursor) {
        String[] parts = decode(cursor, CUSTOMER_TAG);
        try {
            UUID id = UUID.fromString(parts[1]);
            // UUID.fromString takes "1-1-1-1-1"; only the canonical form is a cursor we wrote
            if (!id.toString().equals(parts[1]) || parts[2].isEmpty() || parts[2].length() > 200) {
                throw invalid();
            }
            return new CustomerKey(parts[2], id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tag, the first key and the rest (the last key may hold any character, '|' included). */
    private static String[] decode(String cursor, String tag) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(tag)) {
            throw invalid();
        }
        return parts;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(FIELD, "is not a cursor this list gave: pass the `next` of the previous page as it came");
    }
}
