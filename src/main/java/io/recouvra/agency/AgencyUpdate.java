package io.recouvra.agency;

import com.fasterxml.jackson.databind.JsonNode;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One status update of an agency on one case, as its webhook sends it (see docs/agencies.md). */
record AgencyUpdate(String eventId, UUID caseId, Kind type, Instant occurredAt, BigDecimal amount, String currency,
                    LocalDate promisedOn, String note) {

    enum Kind {
        CONTACTED, PROMISE, PARTIAL_PAYMENT, RECOVERED, UNRECOVERABLE, DEBTOR_INSOLVENT, RETURNED
    }

    /** Reads the body, naming every field that is missing or wrong. */
    static AgencyUpdate read(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        String eventId = text(body, "eventId");
        if (eventId == null || eventId.length() > 100) {
            problems.add(new FieldProblem("eventId", "required, at most 100 characters"));
        }
        UUID caseId = parse(body, "caseId", true, UUID::fromString, "the caseId Recouvra sent with the case", problems);
        Kind type = parse(body, "type", true, Kind::valueOf, "one of " + Arrays.toString(Kind.values()), problems);
        Instant occurredAt = parse(body, "occurredAt", true, Instant::parse, "an ISO-8601 instant such as 2026-11-23T10:15:00Z", problems);
        BigDecimal amount = parse(body, "amount", false, BigDecimal::new, "a decimal amount such as 1200.00", problems);
        LocalDate promisedOn = parse(body, "promisedOn", false, LocalDate::parse, "a date such as 2026-12-15", problems);
        String currency = text(body, "currency");
        String note = text(body, "note");
        if (type == Kind.PARTIAL_PAYMENT && (amount == null || amount.signum() <= 0)) {
            problems.add(new FieldProblem("amount", "required and positive for a partial payment"));
        }
        if (amount != null && (amount.signum() <= 0 || amount.scale() > 2)) {
            problems.add(new FieldProblem("amount", "positive, at most two decimals"));
        }
        if (type == Kind.PROMISE && promisedOn == null) {
            problems.add(new FieldProblem("promisedOn", "required for a promise"));
        }
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AgencyUpdate(eventId, caseId, type, occurredAt, amount, currency, promisedOn, note);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(JsonNode body, String field, boolean required, Parser<T> parser, String expected,
                               List<FieldProblem> problems) {
        String text = text(body, field);
        if (text == null) {
            if (required) {
                problems.add(new FieldProblem(field, "required: " + expected));
            }
            return null;
        }
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be " + expected));
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
