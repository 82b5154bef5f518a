package io.recouvra.agency;

import io.recouvra.web.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.file.PathUtils;

/**
 * For agencies without an API: each case becomes a folder in the drop folder the agency collects from
 * ({@code <caseId>/case.csv, invoices.csv, history.csv} and the documents as PDFs), written aside and moved in
 * at once so that the agency never picks up half a case. Direct payments and recalls are one small CSV each
 * under {@code updates/}. CSV with semicolons (what French spreadsheets open), UTF-8, amounts with a point.
 */
class FileExportCollectionAgency implements CollectionAgency {

    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").build();

    private final Path dropFolder;

    FileExportCollectionAgency(Path dropFolder) {
        this.dropFolder = dropFolder;
    }

    @Override
    public String transfer(CaseFile file) {
        String reference = file.reference().caseId().toString();
        Path target = dropFolder.resolve(reference);
        if (Files.isDirectory(target)) {
            return reference; // handed over already: a retried job
        }
        Path incoming = dropFolder.resolve(".incoming-" + reference);
        try {
            PathUtils.deleteDirectory(incoming);
        } catch (IOException nothingLeft) {
            // no half-written folder from an earlier attempt
        }
        try {
            Files.createDirectories(incoming);
            write(incoming.resolve("case.csv"), caseSheet(file));
            write(incoming.resolve("invoices.csv"), invoices(file));
            write(incoming.resolve("history.csv"), history(file));
            for (CaseFile.Document document : file.documents()) {
                Files.write(incoming.resolve(document.name()), document.content());
            }
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
            return reference;
        } catch (IOException e) {
            throw new AgencyUnavailable("cannot write case " + reference + " to " + dropFolder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void reportDirectPayment(String agencyReference, CaseFile.Reference reference, BigDecimal amount, String currency,
                                    LocalDate paidOn) {
        update(agencyReference + "-direct-payment-" + paidOn + "-" + amount.toPlainString() + ".csv",
                List.of("case_id", "invoice_number", "event", "amount", "currency", "paid_on"),
                List.of(agencyReference, reference.invoiceNumber(), "DIRECT_PAYMENT", amount.toPlainString(), currency, paidOn.toString()));
    }

    @Override
    public void recall(String agencyReference, CaseFile.Reference reference, String reason) {
        update(agencyReference + "-recall.csv", List.of("case_id", "invoice_number", "event", "reason"),
                List.of(agencyReference, reference.invoiceNumber(), "RECALL", reason));
    }

    private void update(String name, List<String> header, List<String> values) {
        try {
            Path updates = Files.createDirectories(dropFolder.resolve("updates"));
            Path aside = updates.resolve("." + name);
            write(aside, csv(header, List.of(values)));
            Files.move(aside, updates.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AgencyUnavailable("cannot write " + name + " to " + dropFolder + ": " + e.getMessage(), e);
        }
    }

    private static String caseSheet(CaseFile file) {
        CaseFile.Debtor debtor = file.debtor();
        CaseFile.Amounts amounts = file.amounts();
        CaseFile.Creditor creditor = file.creditor();
        return csv(List.of("case_id", "creditor", "creditor_address", "creditor_iban", "creditor_bic", "debtor", "debtor_registration_number",
                        "debtor_address", "debtor_postal_code", "debtor_city", "debtor_country", "debtor_contacts", "currency",
                        "principal", "interest", "indemnity_eur", "total", "mandate_ends_on"),
                List.of(List.of(file.reference().caseId().toString(), creditor.name(), creditor.address(), creditor.iban(), creditor.bic(),
                        debtor.name(), debtor.registrationNumber(), nullToEmpty(debtor.addressLine()), nullToEmpty(debtor.postalCode()),
                        nullToEmpty(debtor.city()), debtor.country(), contacts(debtor.contacts()), amounts.currency(),
                        amounts.principal().toPlainString(), amounts.interest().toPlainString(), amounts.indemnityEur().toPlainString(),
                        amounts.total().toPlainString(), file.mandateEndsOn().toString())));
    }

    private static String invoices(CaseFile file) {
        return csv(List.of("number", "issue_date", "due_date", "amount", "outstanding", "currency"),
                file.invoices().stream().map(invoice -> List.of(invoice.number(), invoice.issueDate().toString(),
                        invoice.dueDate().toString(), invoice.amount().toPlainString(), invoice.outstanding().toPlainString(),
                        invoice.currency())).toList());
    }

    private static String history(CaseFile file) {
        return csv(List.of("occurred_at", "medium", "direction", "type", "summary"),
                file.history().stream().map(entry -> List.of(entry.occurredAt().toString(), entry.medium(), entry.direction(),
                        entry.type(), entry.summary())).toList());
    }

    private static String contacts(List<CaseFile.Contact> contacts) {
        return String.join(" | ", contacts.stream().map(contact -> contact.name()
                + (contact.email() == null ? "" : " <" + contact.email() + ">")
                + (contact.phone() == null ? "" : " " + contact.phone())).toList());
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSV.builder().setHeader(header.toArray(String[]::new)).build())) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCells::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
