package io.recouvra.guarantee;

import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guarantees of many customers from one CSV file (semicolon-separated, a header line naming the columns of
 * {@link #COLUMNS}, dates as 2026-03-31, amounts as 1234.56 or 1234,56, a multi-line address quoted), all or
 * nothing: every line is checked as the API checks one guarantee, and a single refused line stores none, the
 * answer naming each line and field at fault. A register is loaded once, when a company moves to Recouvra: half a
 * register would be read as the whole one.
 */
@Service
class GuaranteeCsvImport {

    static final List<String> COLUMNS = List.of("customerRegistrationNumber", "kind", "invoiceNumber", "providerName",
            "providerAddress", "naturalPerson", "amount", "currency", "startsOn", "endsOn", "reference", "callConditions",
            "documentsRequired", "handwrittenMention", "reducedTo", "annualInformationOn", "jointAndSeveral", "principalOnly");
    private static final int MAX_LINES = 10_000;

    private final Guarantees guarantees;
    private final CustomerService customers;

    GuaranteeCsvImport(Guarantees guarantees, CustomerService customers) {
        this.guarantees = guarantees;
        this.customers = customers;
    }

    /** @return how many guarantees were stored: every line of the file */
    @Transactional
    int importAll(String csv) {
        List<FieldProblem> problems = new ArrayList<>();
        int stored = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build())) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderNames().contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "the first line must name the columns; missing: " + String.join(", ", missing));
            }
            for (CSVRecord record : parser) {
                String line = "line " + (record.getRecordNumber() + 1);
                if (record.getRecordNumber() > MAX_LINES) {
                    throw new InvalidInputException(line, "a file holds at most " + MAX_LINES + " guarantees");
                }
                try {
                    List<FieldProblem> unreadable = new ArrayList<>();
                    NewGuarantee guarantee = read(record, unreadable);
                    Optional<Customer> customer = customers.findByRegistrationNumber(record.get("customerRegistrationNumber"));
                    if (customer.isEmpty()) {
                        unreadable.add(new FieldProblem("customerRegistrationNumber", "is not a registered customer"));
                    }
                    if (!unreadable.isEmpty()) {
                        throw new InvalidInputException(unreadable);
                    }
                    guarantees.register(customer.get().getId(), guarantee);
                    stored++;
                } catch (InvalidInputException refused) {
                    refused.problems().forEach(p -> problems.add(new FieldProblem(line + ": " + p.field(), p.reason())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "is not a readable CSV: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            // nothing of the file is kept: the transaction rolls back with this answer
            throw new InvalidInputException(problems);
        }
        return stored;
    }

    private static NewGuarantee read(CSVRecord r, List<FieldProblem> problems) {
        GuaranteeKind kind = null;
        if (!r.get("kind").isBlank()) {
            try {
                kind = GuaranteeKind.valueOf(r.get("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "must be PERSONAL_GUARANTEE, FIRST_DEMAND_GUARANTEE, RETENTION_OF_TITLE or DEPOSIT"));
            }
        }
        return new NewGuarantee(kind, text(r, "invoiceNumber"), text(r, "providerName"), text(r, "providerAddress"),
                yesNo(r, "naturalPerson", problems), amount(r, "amount", problems), text(r, "currency"),
                date(r, "startsOn", problems), date(r, "endsOn", problems), text(r, "reference"), text(r, "callConditions"),
                text(r, "documentsRequired"), yesNo(r, "handwrittenMention", problems), amount(r, "reducedTo", problems),
                date(r, "annualInformationOn", problems), yesNo(r, "jointAndSeveral", problems), yesNo(r, "principalOnly", problems));
    }

    private static String text(CSVRecord r, String column) {
        String value = r.get(column);
        return value.isBlank() ? null : value;
    }

    private static Boolean yesNo(CSVRecord r, String column, List<FieldProblem> problems) {
        String value = r.get(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> {
                problems.add(new FieldProblem(column, "must be true or false (oui or non)"));
                yield null;
            }
        };
    }

    private static BigDecimal amount(CSVRecord r, String column, List<FieldProblem> problems) {
        String value = r.get(column).replace(" ", "").replace("\u00A0", "").replace(',', '.');
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(column, "'" + r.get(column) + "' is not an amount such as 1234.56"));
            return null;
        }
    }

    private static LocalDate date(CSVRecord r, String column, List<FieldProblem> problems) {
        String value = r.get(column);
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(column, "'" + value + "' is not a date such as 2026-03-31"));
            return null;
        }
    }
}
