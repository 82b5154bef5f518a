package io.recouvra.provisions;

import io.recouvra.provisions.ProvisionReport.CurrencyTotal;
import io.recouvra.provisions.ProvisionReport.Heading;
import io.recouvra.provisions.ProvisionReport.Total;
import io.recouvra.web.SpreadsheetCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as the accountant opens it in a French spreadsheet: semicolon-separated, decimal comma,
 * ISO dates, UTF-8 with a byte-order mark (so that accented customer names survive), CRLF line ends.
 * One INVOICE row per line, then one TOTAL row per currency; the first column tells them apart. A customer name
 * that could start a formula is written as text ({@link SpreadsheetCells}). Each row is written as its line is read;
 * the answer is opened (its headers set) only with the heading, so that a refused month is still a 400.
 */
final class ProvisionsCsv implements ProvisionSheet {

    static final String[] HEADER = {"Type", "Month", "Invoice", "Customer", "Due date", "Days overdue", "Situation",
            "Age bucket", "Currency", "Outstanding incl. VAT", "VAT", "Insured part", "Base excl. VAT", "Rate %", "Provision",
            "Previous provision", "Movement", "VAT derived"};
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader(HEADER).get();
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Supplier<OutputStream> opening;
    private CSVPrinter csv;
    private String month;

    /** {@code opening}: the answer's body, asked for once, when the heading is written. */
    ProvisionsCsv(Supplier<OutputStream> opening) {
        this.opening = opening;
    }

    @Override
    public void heading(Heading heading) {
        month = heading.month();
        try {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(opening.get(), StandardCharsets.UTF_8));
            out.write(BYTE_ORDER_MARK);
            csv = new CSVPrinter(out, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void line(ProvisionLine line) {
        print(SpreadsheetCells.row("INVOICE", month, line.invoiceNumber(), line.customerName(), line.dueDate(),
                line.daysOverdue(), line.situation(), line.bucket(), line.currency(), amount(line.outstanding()),
                amount(line.vat()), amount(line.insured()), amount(line.base()), amount(line.rate()),
                amount(line.provision()), amount(line.previousProvision()), amount(line.movement()),
                line.vatDerived() ? "yes" : ""));
    }

    @Override
    public void totals(List<Total> totals, List<CurrencyTotal> currencies) {
        for (CurrencyTotal total : currencies) {
            print(SpreadsheetCells.row("TOTAL", month, "", total.invoices() + " invoices", "", "", "", "", total.currency(),
                    amount(total.outstanding()), amount(total.vat()), amount(total.insured()), amount(total.base()), "",
                    amount(total.provision()), amount(total.previousProvision()),
                    amount(total.allowance().subtract(total.reversal())), ""));
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(List<Object> row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 1234.5} becomes {@code 1234,50}: no thousands separator, two decimals, a comma. */
    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2).toPlainString().replace('.', ',');
    }
}
