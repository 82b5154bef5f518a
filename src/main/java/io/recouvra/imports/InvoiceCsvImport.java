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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * Imports invoices, with their customers, from an accounting export. Lines are stored many to a transaction
 * (customer, invoice and the start of its collection), and a line the ledger refuses is stored alone, so a
 * bad line is reported with its line number, column and reason and leaves nothing behind, and the good lines
 * are kept. Lines whose invoice is already in the ledger with the same data count as already present, so the
 * same file can be imported again safely. Runs the chunks of an import job ({@link InvoiceImports}) and the
 * command line's import.
 */
@Service
class InvoiceCsvImport {

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

    /** The reason given for a line that failed alone for no reason a refusal gives, before its reference. */
    static final String INTERNAL_ERROR = "erreur interne, référence ";

    private static final Logger log = LoggerFactory.getLogger(InvoiceCsvImport.class);

    /** Lines imported in one transaction at most: a chunk of an import job, and of a command-line import. */
    static final int CHUNK_LINES = 100;

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

    /**
     * Where the lines of an import stand, kept in the transactions that import them: a worker that dies loses
     * only the transaction it was in, and the next one to {@link #claim} the lines starts where it stopped.
     */
    interface Progress {

        /** In the transaction: the index of the first line not imported yet, held against other workers; empty when another worker holds it. */
        OptionalInt claim();

        /** In the same transaction: lines [from, to) are imported with this outcome. */
        void done(int from, int to, ImportReport outcome);
    }

    /** The command line's import: the whole file in this process, chunk by chunk as a job would. */
    ImportReport importInvoices(InputStream file) throws IOException {
        List<CsvLine> lines = inCustomerOrder(InvoiceCsvFile.read(file.readAllBytes()));
        ImportReport report = ImportReport.NOTHING;
        for (int from = 0; from < lines.size(); from += CHUNK_LINES) {
            InMemoryProgress progress = new InMemoryProgress();
            importLines(lines.subList(from, Math.min(lines.size(), from + CHUNK_LINES)), progress);
            report = report.plus(progress.report);
        }
        return report;
    }

    /**
     * The lines ordered by customer, then by line: a chunk then locks its customers in the same order as every
     * other chunk (two workers wait for each other instead of deadlocking), and a customer's invoices mostly share
     * a chunk.
     */
    static List<CsvLine> inCustomerOrder(List<CsvLine> lines) {
        return lines.stream().sorted(Comparator.comparing((CsvLine line) -> String.valueOf(
                        RegistrationNumbers.normalize(line.get("customer_registration_number"))))
                .thenComparingLong(CsvLine::line)).toList();
    }

    /**
     * Imports the lines in as few transactions as it can: all in one; when the ledger refuses a line (which
     * rolls back the transaction it ran in), the lines before it in one, that line alone, then the rest together
     * again. Each transaction records its lines' outcome with {@code progress}: a line committed is never imported
     * again, and a line interrupted (a crash, a restart) is imported by whoever claims the lines next.
     *
     * @return false when another worker holds the lines
     */
    boolean importLines(List<CsvLine> lines, Progress progress) {
        return importLines(lines, progress, false);
    }

    /**
     * As {@link #importLines(List, Progress)}; {@code lineByLine}, for lines that already failed together for a
     * reason no refusal explains, imports each line in a transaction of its own, and a line that fails in it for
     * any reason is refused alone (as an internal error, its failure logged under a reference) instead of
     * failing the others again.
     */
    boolean importLines(List<CsvLine> lines, Progress progress, boolean lineByLine) {
        int refusedAt = -1; // a line the ledger refused in a transaction shared with other lines
        boolean oneByOne = lineByLine; // a refusal came at commit, from no line in particular
        while (true) {
            Attempt attempt = new Attempt(refusedAt, oneByOne);
            try {
                Boolean finished = transaction.execute("import of lines " + lines.get(0).line() + "...", status -> {
                    attempt.running = -1;
                    OptionalInt claimed = progress.claim();
                    if (claimed.isEmpty()) {
                        return null;
                    }
                    attempt.from = claimed.getAsInt();
                    if (attempt.from >= lines.size()) {
                        return true;
                    }
                    attempt.to = attempt.end(lines.size());
                    progress.done(attempt.from, attempt.to, importTogether(lines, attempt));
                    return attempt.to == lines.size();
                });
                if (finished == null) {
                    return false;
                }
                if (finished) {
                    return true;
                }
                if (attempt.to > refusedAt) {
                    refusedAt = -1;
                }
            } catch (RuntimeException e) {
                // line by line, a transaction that got as far as its line failed because of that line (or its
                // commit, which is that line's too); one that failed before (its claim) blames no line
                if (!isRefusal(e) && !(lineByLine && attempt.to - attempt.from == 1)) {
                    throw e;
                }
                if (attempt.to - attempt.from > 1) {
                    refusedAt = attempt.running;
                    oneByOne = attempt.running < 0;
                    continue;
                }
                int refused = attempt.from;
                ImportReport refusal = isRefusal(e) ? null : internalError(lines.get(refused), e);
                Boolean recorded = transaction.execute("refusal of line " + lines.get(refused).line(), status -> {
                    OptionalInt claimed = progress.claim();
                    if (claimed.isEmpty()) {
                        return null;
                    }
                    if (claimed.getAsInt() == refused) {
                        progress.done(refused, refused + 1, refusal != null ? refusal : refusal(lines.get(refused), e));
                    }
                    return true;
                });
                if (recorded == null) {
                    return false;
                }
                refusedAt = -1;
            }
        }
    }

    private static boolean isRefusal(RuntimeException e) {
        return e instanceof InvalidInputException || e instanceof ConflictException || e instanceof DataIntegrityViolationException;
    }

    /**
     * A line that failed alone for a reason that is no refusal: reported with a reference to the failure, which is
     * logged with its stack trace under that reference, never with the failure's text, which may show SQL.
     */
    private static ImportReport internalError(CsvLine row, RuntimeException failure) {
        String reference = "ERR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        log.error("Import of line {} failed alone for no reason a refusal gives; reported as {}", row.line(), reference, failure);
        return new ImportReport(1, 0, 0, List.of(new LineError(row.line(), null, INTERNAL_ERROR + reference)), List.of());
    }

    /** The lines one transaction imports, and the line it was importing when it failed. */
    private static final class Attempt {

        private final int refusedAt;
        private final boolean oneByOne;
        private int from;
        private int to;
        private int running = -1;

        Attempt(int refusedAt, boolean oneByOne) {
            this.refusedAt = refusedAt;
            this.oneByOne = oneByOne;
        }

        int end(int size) {
            if (oneByOne || from == refusedAt) {
                return from + 1;
            }
            return from < refusedAt ? refusedAt : size;
        }
    }

    private ImportReport importTogether(List<CsvLine> lines, Attempt attempt) {
        List<CsvLine> these = lines.subList(attempt.from, attempt.to);
        Known known = new Known(these);
        int stored = 0;
        int alreadyPresent = 0;
        List<LineError> errors = new ArrayList<>();
        List<LineNotice> notices = new ArrayList<>();
        for (int i = attempt.from; i < attempt.to; i++) {
            attempt.running = i;
            switch (importLine(lines.get(i), known, errors, notices)) {
                case STORED -> stored++;
                case ALREADY_PRESENT -> alreadyPresent++;
                case REJECTED -> {
                }
            }
        }
        attempt.running = -1;
        return new ImportReport(these.size(), stored, alreadyPresent, errors, notices);
    }

    /**
     * The invoices and customers the lines name that the ledger has, read in two statements for all the lines
     * instead of two per line, and kept up to date with what the lines store.
     */
    private final class Known {

        private final Map<String, Invoice> invoicesByNumber = new HashMap<>();
        private final Set<String> customerNumbers;

        Known(List<CsvLine> lines) {
            Set<String> numbers = new HashSet<>();
            Set<String> registrationNumbers = new HashSet<>();
            for (CsvLine line : lines) {
                if (line.get("invoice_number") != null) {
                    numbers.add(line.get("invoice_number"));
                }
                if (line.get("customer_registration_number") != null) {
                    registrationNumbers.add(RegistrationNumbers.normalize(line.get("customer_registration_number")));
                }
            }
            invoices.byNumbers(numbers).forEach(invoice -> invoicesByNumber.put(invoice.getNumber(), invoice));
            customerNumbers = new HashSet<>(customers.registeredAmong(registrationNumbers));
        }
    }

    private enum Outcome { STORED, ALREADY_PRESENT, REJECTED }

    /** Imports one line in the running transaction; what the ledger refuses is thrown and rolls it back. */
    private Outcome importLine(CsvLine row, Known known, List<LineError> errors, List<LineNotice> notices) {
        long line = row.line();
        if (!row.isConsistent()) {
            errors.add(new LineError(line, null, "has " + row.size() + " values where the header has "
                    + row.expectedSize() + " columns"));
            return Outcome.REJECTED;
        }
        List<LineError> lineErrors = new ArrayList<>();
        NewCustomer newCustomer = customerOf(row);
        NewInvoice newInvoice = invoiceOf(row, newCustomer, lineErrors);
        if (!lineErrors.isEmpty()) {
            errors.addAll(lineErrors);
            return Outcome.REJECTED;
        }
        Invoice existing = known.invoicesByNumber.get(newInvoice.number());
        if (existing != null) {
            return sameInvoice(existing, newInvoice, line, errors) ? Outcome.ALREADY_PRESENT : Outcome.REJECTED;
        }
        if (!known.customerNumbers.contains(newCustomer.registrationNumber())) {
            var violations = validator.validate(newCustomer);
            if (!violations.isEmpty()) {
                violations.forEach(v -> errors.add(error(line, v.getPropertyPath().toString(), v.getMessage())));
                return Outcome.REJECTED;
            }
            customers.register(newCustomer);
            known.customerNumbers.add(newCustomer.registrationNumber());
        }
        Invoice invoice = invoices.register(newInvoice);
        known.invoicesByNumber.put(invoice.getNumber(), invoice);
        registrationNotices.stream().flatMap(n -> n.about(invoice).stream()).forEach(notice -> notices.add(
                new LineNotice(line, COLUMN_OF.getOrDefault(notice.field(), notice.field()), notice.notice())));
        return Outcome.STORED;
    }

    /** The line's invoice, or null with the reasons in {@code errors} when a value cannot be read or is invalid. */
    private NewInvoice invoiceOf(CsvLine row, NewCustomer newCustomer, List<LineError> errors) {
        long line = row.line();
        String number = row.get("invoice_number");
        BigDecimal amount = row.parse("amount", CsvValues::amount, errors);
        LocalDate issueDate = row.parse("issue_date", CsvValues::date, errors);
        LocalDate dueDate = row.parse("due_date", CsvValues::date, errors);
        String currency = row.get("currency") == null ? null : row.get("currency").toUpperCase(Locale.ROOT);
        // optional: the late-payment rate of the contract, in percent ("12,5"); absent, the statutory rate applies
        BigDecimal contractualRate = row.get("contractual_interest_rate") == null ? null
                : row.parse("contractual_interest_rate", CsvValues::amount, errors);
        // optional: the invoice's own amount excluding VAT and VAT; both absent or empty, the VAT is derived at
        // the standard rate and the invoice flagged vatDerived (docs/accounting.md)
        BigDecimal amountExclVat = row.get("amount_excl_vat") == null ? null
                : row.parse("amount_excl_vat", CsvValues::amount, errors);
        BigDecimal vat = row.get("vat") == null ? null : row.parse("vat", CsvValues::amount, errors);
        // optional: the early-payment discount, a rate in percent ("2,00") and the last day it applies; both or neither
        BigDecimal discountRate = row.get("discount_rate") == null ? null
                : row.parse("discount_rate", CsvValues::amount, errors);
        LocalDate discountUntil = row.get("discount_until") == null ? null
                : row.parse("discount_until", CsvValues::date, errors);
        // optional: the day the goods were delivered or the service rendered, the claim's birth (docs/insolvency.md)
        LocalDate deliveredOn = row.get("delivered_on") == null ? null : row.parse("delivered_on", CsvValues::date, errors);
        NewInvoice newInvoice = new NewInvoice(number, null, newCustomer.registrationNumber(), issueDate, dueDate,
                amount, currency, contractualRate, amountExclVat, vat, discountRate, discountUntil, deliveredOn);
        List<String> unreadable = errors.stream().map(LineError::column).toList();
        validator.validate(newInvoice).stream()
                .map(v -> error(line, v.getPropertyPath().toString(), v.getMessage()))
                .filter(error -> !unreadable.contains(error.column()))
                .forEach(errors::add);
        return newInvoice;
    }

    /**
     * The outcome of a line the ledger refused alone: the reasons it gave, or, when another import stored the
     * same invoice between this line's check and its insert, already present.
     */
    private ImportReport refusal(CsvLine row, RuntimeException refused) {
        long line = row.line();
        List<LineError> errors = new ArrayList<>();
        if (refused instanceof InvalidInputException e) {
            e.problems().forEach(p -> errors.add(error(line, p.field(), p.reason())));
        } else if (refused instanceof ConflictException e) {
            errors.add(error(line, e.problem().field(), e.problem().reason()));
        } else {
            Invoice stored = invoices.find(row.get("invoice_number")).orElse(null);
            NewInvoice newInvoice = invoiceOf(row, customerOf(row), new ArrayList<>());
            if (stored != null && sameInvoice(stored, newInvoice, line, errors)) {
                return new ImportReport(1, 0, 1, List.of(), List.of());
            }
            if (stored == null) {
                errors.add(new LineError(line, null, "stored by another import at the same moment; import the file again"));
            }
        }
        return new ImportReport(1, 0, 0, errors, List.of());
    }

    /** The command line's progress: in memory, moved on only when a transaction commits. */
    private static final class InMemoryProgress implements Progress {

        private int next;
        private ImportReport report = ImportReport.NOTHING;

        @Override
        public OptionalInt claim() {
            return OptionalInt.of(next);
        }

        @Override
        public void done(int from, int to, ImportReport outcome) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    next = to;
                    report = report.plus(outcome);
                }
            });
        }
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

    private static NewCustomer customerOf(CsvLine row) {
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
}
