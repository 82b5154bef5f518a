package io.recouvra.imports;

import io.recouvra.database.RetryingTransactions;
import io.recouvra.imports.ImportReport.LineError;
import io.recouvra.imports.ImportReport.LineNotice;
import io.recouvra.receivables.Customer;
import io.recouvra.receivables.CustomerService;
import io.recouvra.receivables.Invoice;
import io.recouvra.receivables.InvoiceService;
import io.recouvra.receivables.NewCustomer;
import io.recouvra.receivables.NewInvoice;
import io.recouvra.receivables.RegistrationNotices;
import io.recouvra.receivables.RegistrationNumbers;
import io.recouvra.web.ConflictException;
import io.recouvra.web.InvalidInputException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Imports invoices, with their customers, from an accounting export. Each line is stored on its own
 * (customer, invoice and the start of its collection, in one transaction): a bad line is reported
 * with its line number, column and reason and leaves nothing behind, and the good lines are kept.
 * Lines whose invoice is already in the ledger with the same data count as already present, so the
 * same file can be imported again safely.
 */
@Service
class InvoiceCsvImport {

    static final List<String> REQUIRED = List.of("invoice_number", "customer_registration_number", "customer_name",
            "issue_date", "due_date", "amount", "currency");

    /** Where each field of the ledger's requests comes from in the file, to name the column in errors. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(
            Map.entry("number", "invoice_number"), Map.entry("issueDate", "issue_date"), Map.entry("dueDate", "due_date"),
            Map.entry("amount", "amount"), Map.entry("currency", "currency"),
            Map.entry("customerRegistrationNumber", "customer_registration_number"),
            Map.entry("legalName", "customer_name"), Map.entry("registrationNumber", "customer_registration_number"),
            Map.entry("country", "customer_country"), Map.entry("language", "customer_language"),
            Map.entry("timeZone", "customer_time_zone"), Map.entry("addressLine", "customer_address"),
            Map.entry("postalCode", "customer_postal_code"), Map.entry("city", "customer_city"),
            Map.entry("contacts[0].name", "contact_name"), Map.entry("contacts[0].email", "contact_email"),
            Map.entry("contacts[0].phone", "contact_phone"), Map.entry("contacts[0]", "contact_email"),
            Map.entry("contractualInterestRate", "contractual_interest_rate"),
            Map.entry("amountExclVat", "amount_excl_vat"), Map.entry("vat", "vat"),
            Map.entry("discountRate", "discount_rate"), Map.entry("discountUntil", "discount_until"),
            Map.entry("deliveredOn", "delivered_on"));

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final Validator validator;
    private final RetryingTransactions transaction;
    private final List<RegistrationNotices> registrationNotices;

    InvoiceCsvImport(CustomerService customers, InvoiceService invoices, Validator validator,
                     RetryingTransactions transaction, List<RegistrationNotices> registrationNotices) {
        this.registrationNotices = registrationNotices;
        this.customers = customers;
        this.invoices = invoices;
        this.validator = validator;
        this.transaction = transaction;
    }

    ImportReport importInvoices(InputStream file) throws IOException {
        String text = decode(file.readAllBytes());
        char separator = separatorOf(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(separator)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .get();
        int stored = 0;
        int alreadyPresent = 0;
        List<LineError> errors = new ArrayList<>();
        List<LineNotice> notices = new ArrayList<>();
        List<Row> rows = readWhole(text, format);
        for (Row row : rows) {
            List<LineError> lineErrors = new ArrayList<>();
            switch (importLine(row, row.line(), lineErrors, notices)) {
                case STORED -> stored++;
                case ALREADY_PRESENT -> alreadyPresent++;
                case REJECTED -> errors.addAll(lineErrors);
            }
        }
        return new ImportReport(rows.size(), stored, alreadyPresent, errors, notices);
    }

    /**
     * The whole file, read before any line is stored: a file that breaks off half-way (a quote never closed on
     * line 3) is refused whole, naming the line, and leaves nothing behind.
     */
    private static List<Row> readWhole(String text, CSVFormat format) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headers = headersOf(parser);
            long line = 1;
            try {
                for (CSVRecord record : parser) {
                    line = parser.getCurrentLineNumber();
                    rows.add(new Row(record, headers, line));
                }
            } catch (UncheckedIOException e) {
                throw new UnreadableFileException("file", "is not a readable CSV file after line " + line
                        + " (nothing was imported): " + e.getCause().getMessage());
            }
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            throw new UnreadableFileException("file", "has a header line that cannot be read: " + e.getMessage());
        }
        return rows;
    }

    private enum Outcome { STORED, ALREADY_PRESENT, REJECTED }

    private Outcome importLine(Row row, long line, List<LineError> errors, List<LineNotice> notices) {
        if (!row.isConsistent()) {
            errors.add(new LineError(line, null, "has " + row.size() + " values where the header has "
                    + row.expectedSize() + " columns"));
            return Outcome.REJECTED;
        }
        String number = row.get("invoice_number");
        BigDecimal amount = row.parse("amount", CsvValues::amount, line, errors);
        LocalDate issueDate = row.parse("issue_date", CsvValues::date, line, errors);
        LocalDate dueDate = row.parse("due_date", CsvValues::date, line, errors);
        String currency = row.get("currency") == null ? null : row.get("currency").toUpperCase(Locale.ROOT);
        NewCustomer newCustomer = customerOf(row);
        // optional: the late-payment rate of the contract, in percent ("12,5"); absent, the statutory rate applies
        BigDecimal contractualRate = row.get("contractual_interest_rate") == null ? null
                : row.parse("contractual_interest_rate", CsvValues::amount, line, errors);
        // optional: the invoice's own amount excluding VAT and VAT; both absent or empty, the VAT is derived at
        // the standard rate and the invoice flagged vatDerived (docs/accounting.md)
        BigDecimal amountExclVat = row.get("amount_excl_vat") == null ? null
                : row.parse("amount_excl_vat", CsvValues::amount, line, errors);
        BigDecimal vat = row.get("vat") == null ? null : row.parse("vat", CsvValues::amount, line, errors);
        // optional: the early-payment discount, a rate in percent ("2,00") and the last day it applies; both or neither
        BigDecimal discountRate = row.get("discount_rate") == null ? null
                : row.parse("discount_rate", CsvValues::amount, line, errors);
        LocalDate discountUntil = row.get("discount_until") == null ? null
                : row.parse("discount_until", CsvValues::date, line, errors);
        // optional: the day the goods were delivered or the service rendered, the claim's birth (docs/insolvency.md)
        LocalDate deliveredOn = row.get("delivered_on") == null ? null : row.parse("delivered_on", CsvValues::date, line, errors);
        NewInvoice newInvoice = new NewInvoice(number, null, newCustomer.registrationNumber(), issueDate, dueDate,
                amount, currency, contractualRate, amountExclVat, vat, discountRate, discountUntil, deliveredOn);
        List<String> unreadable = errors.stream().map(LineError::column).toList();
        validator.validate(newInvoice).stream()
                .map(v -> error(line, v.getPropertyPath().toString(), v.getMessage()))
                .filter(error -> !unreadable.contains(error.column()))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            return Outcome.REJECTED;
        }
        List<LineNotice> lineNotices = new ArrayList<>();
        try {
            // a line that lost a race with another transaction is run again (RetryingTransactions)
            Outcome outcome = transaction.execute("import line " + line, status -> {
                lineNotices.clear(); // a run again starts afresh
                Invoice existing = invoices.find(number).orElse(null);
                if (existing != null) {
                    return sameInvoice(existing, newInvoice, line, errors) ? Outcome.ALREADY_PRESENT : Outcome.REJECTED;
                }
                if (customers.findByRegistrationNumber(newCustomer.registrationNumber()).isEmpty()) {
                    var violations = validator.validate(newCustomer);
                    if (!violations.isEmpty()) {
                        violations.forEach(v -> errors.add(error(line, v.getPropertyPath().toString(), v.getMessage())));
                        status.setRollbackOnly();
                        return Outcome.REJECTED;
                    }
                    customers.register(newCustomer);
                }
                Invoice invoice = invoices.register(newInvoice);
                registrationNotices.stream().flatMap(n -> n.about(invoice).stream()).forEach(notice -> lineNotices.add(
                        new LineNotice(line, COLUMN_OF.getOrDefault(notice.field(), notice.field()), notice.notice())));
                return Outcome.STORED;
            });
            // said only once the line is committed
            notices.addAll(lineNotices);
            return outcome;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(error(line, p.field(), p.reason())));
        } catch (ConflictException e) {
            errors.add(error(line, e.problem().field(), e.problem().reason()));
        } catch (DataIntegrityViolationException e) {
            // Another import stored this invoice or customer between our check and our insert.
            Invoice stored = invoices.find(number).orElse(null);
            if (stored != null && sameInvoice(stored, newInvoice, line, errors)) {
                return Outcome.ALREADY_PRESENT;
            }
            if (stored == null) {
                errors.add(new LineError(line, null, "stored by another import at the same moment; import the file again"));
            }
        }
        return Outcome.REJECTED;
    }

    private static boolean sameInvoice(Invoice existing, NewInvoice line, long lineNumber, List<LineError> errors) {
        Customer customer = existing.getCustomer();
        List<String> differences = new ArrayList<>();
        if (!customer.getRegistrationNumber().equals(RegistrationNumbers.normalize(line.customerRegistrationNumber()))) {
            differences.add("customer " + customer.getRegistrationNumber());
        }
        if (existing.getAmount().compareTo(line.amount()) != 0) {
            differences.add("amount " + existing.getAmount().toPlainString());
        }
        if (line.vat() != null && existing.getVat().compareTo(line.vat()) != 0) {
            differences.add("VAT " + existing.getVat().toPlainString());
        }
        if (line.discountRate() != null && existing.earlyPaymentDiscount()
                .filter(d -> d.rate().compareTo(line.discountRate()) == 0 && d.until().equals(line.discountUntil())).isEmpty()) {
            differences.add(existing.earlyPaymentDiscount().map(d -> "discount " + d.rate().toPlainString() + " % until " + d.until())
                    .orElse("no discount"));
        }
        if (!existing.getCurrency().equals(line.currency())) {
            differences.add("currency " + existing.getCurrency());
        }
        if (!existing.getIssueDate().equals(line.issueDate())) {
            differences.add("issue date " + existing.getIssueDate());
        }
        if (!existing.getDueDate().equals(line.dueDate())) {
            differences.add("due date " + existing.getDueDate());
        }
        if (line.deliveredOn() != null && !line.deliveredOn().equals(existing.getDeliveredOn())) {
            differences.add(existing.getDeliveredOn() == null ? "no delivery date" : "delivered on " + existing.getDeliveredOn());
        }
        if (differences.isEmpty()) {
            return true;
        }
        errors.add(new LineError(lineNumber, "invoice_number",
                "invoice " + existing.getNumber() + " already exists with different data (" + String.join(", ", differences) + ")"));
        return false;
    }

    private static NewCustomer customerOf(Row row) {
        List<NewCustomer.NewContact> contacts = new ArrayList<>();
        if (StringUtils.hasText(row.get("contact_email")) || StringUtils.hasText(row.get("contact_phone"))) {
            String name = StringUtils.hasText(row.get("contact_name")) ? row.get("contact_name") : "Accounts payable";
            // An export line carries no consent: email only, the channel of the invoice itself.
            contacts.add(new NewCustomer.NewContact(name, null, row.get("contact_email"), row.get("contact_phone"),
                    StringUtils.hasText(row.get("contact_email")), false, false));
        }
        String country = row.get("customer_country") == null ? null : row.get("customer_country").toUpperCase(Locale.ROOT);
        String language = row.get("customer_language") == null ? null : row.get("customer_language").toLowerCase(Locale.ROOT);
        return new NewCustomer(row.get("customer_name"), RegistrationNumbers.normalize(row.get("customer_registration_number")),
                country, language, row.get("customer_time_zone"), row.get("customer_address"),
                row.get("customer_postal_code"), row.get("customer_city"), contacts);
    }

    private static LineError error(long line, String field, String reason) {
        return new LineError(line, COLUMN_OF.getOrDefault(field, field), reason);
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            int nul = text.indexOf('\u0000');
            if (nul >= 0) {
                long line = text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
                throw new UnreadableFileException("file", "contains a NUL character (byte 0) on line " + line
                        + ": not a CSV text file; export it again as CSV UTF-8 (nothing was imported)");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("file", "is not UTF-8 text (save it as CSV UTF-8)");
        }
    }

    /** The header decides: whichever of ';' and ',' it uses more is the separator. */
    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (!StringUtils.hasText(header)) {
            throw new UnreadableFileException("file", "is empty: the first line must name the columns");
        }
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons >= commas ? ';' : ',';
    }

    private static Map<String, String> headersOf(CSVParser parser) {
        Map<String, String> byNormalizedName = new HashMap<>();
        for (String header : parser.getHeaderNames()) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && byNormalizedName.put(name, header) != null) {
                throw new UnreadableFileException(name, "the header names column " + name
                        + " twice; name each column once, so that it is clear which value to import");
            }
        }
        List<String> missing = REQUIRED.stream().filter(column -> !byNormalizedName.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableFileException(missing.get(0), "missing column(s) " + String.join(", ", missing)
                    + "; the header must name " + String.join(", ", REQUIRED));
        }
        return byNormalizedName;
    }

    /** One line of the file, read by column name. */
    private static final class Row {

        private final CSVRecord record;
        private final Map<String, String> headers;
        private final long line;

        Row(CSVRecord record, Map<String, String> headers, long line) {
            this.record = record;
            this.headers = headers;
            this.line = line;
        }

        long line() {
            return line;
        }

        boolean isConsistent() {
            return record.isConsistent();
        }

        int size() {
            return record.size();
        }

        int expectedSize() {
            return record.getParser().getHeaderNames().size();
        }

        String get(String column) {
            String header = headers.get(column);
            if (header == null || !record.isSet(header)) {
                return null;
            }
            String value = record.get(header).strip();
            return value.isEmpty() ? null : value;
        }

        <T> T parse(String column, Function<String, T> parser, long line, List<LineError> errors) {
            String value = get(column);
            if (value == null) {
                errors.add(new LineError(line, column, "is required"));
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(line, column, e.getMessage()));
                return null;
            }
        }
    }
}
