package io.recouvra.provisions;

import io.recouvra.provisions.ProvisionReport.CurrencyTotal;
import io.recouvra.web.SpreadsheetCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as the accountant opens it in a French spreadsheet: semicolon-separated, decimal comma,
 * ISO dates, UTF-8 with a byte-order mark (so that accented customer names survive), CRLF line ends.
 * One INVOICE row per line, then one TOTAL row per currency; the first column tells them apart. A customer name
 * that could start a formula is written as text ({@link SpreadsheetCells}).
 */
final class ProvisionsCsv {

    static final String[] HEADER = {"Type", "Month", "Invoice", "Customer", "Due date", "Days overdue", "Situation",
            "Age bucket", "Currency", "Outstanding incl. VAT", "VAT", "Insured part", "Base excl. VAT", "Rate %", "Provision",
            "Previous provision", "Movement", "VAT derived"};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader(HEADER).get();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private ProvisionsCsv() {
    }

    static byte[] write(ProvisionReport report) {
        StringWriter out = new StringWriter().append(BYTE_ORDER_MARK);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (ProvisionLine line : report.lines()) {
                csv.printRecord(SpreadsheetCells.row("INVOICE", report.month(), line.invoiceNumber(), line.customerName(), line.dueDate(),
                        line.daysOverdue(), line.situation(), line.bucket(), line.currency(), amount(line.outstanding()),
                        amount(line.vat()), amount(line.insured()), amount(line.base()), amount(line.rate()),
                        amount(line.provision()), amount(line.previousProvision()), amount(line.movement()),
                        line.vatDerived() ? "yes" : ""));
            }
            for (CurrencyTotal total : report.currencies()) {
                csv.printRecord(SpreadsheetCells.row("TOTAL", report.month(), "", total.invoices() + " invoices", "", "", "", "", total.currency(),
                        amount(total.outstanding()), amount(total.vat()), amount(total.insured()), amount(total.base()), "",
                        amount(total.provision()), amount(total.previousProvision()),
                        amount(total.allowance().subtract(total.reversal())), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code 1234.5} becomes {@code 1234,50}: no thousands separator, two decimals, a comma. */
    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString().replace('.', ',');
    }
}
