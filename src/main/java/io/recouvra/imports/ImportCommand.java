package io.recouvra.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar recouvra.jar import-invoices invoices.csv}: imports a file without a web server and
 * exits with 0 (all lines stored or already present), 2 (some lines rejected) or 1 (file unreadable).
 */
@Component
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String NAME = "import-invoices";

    private final InvoiceCsvImport csvImport;
    private int exitCode;

    ImportCommand(InvoiceCsvImport csvImport) {
        this.csvImport = csvImport;
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        PrintStream out = System.out;
        var args = arguments.getNonOptionArgs();
        if (args.isEmpty() || !NAME.equals(args.get(0))) {
            return;
        }
        if (args.size() != 2) {
            out.println("usage: recouvra " + NAME + " <file.csv>");
            exitCode = 1;
            return;
        }
        Path file = Path.of(args.get(1));
        try (InputStream in = Files.newInputStream(file)) {
            ImportReport report = csvImport.importInvoices(in);
            print(out, file, report);
            exitCode = report.hasErrors() ? 2 : 0;
        } catch (NoSuchFileException e) {
            out.println(file + ": no such file");
            exitCode = 1;
        } catch (UnreadableFileException | IOException e) {
            out.println(file + ": " + e.getMessage());
            exitCode = 1;
        }
    }

    private static void print(PrintStream out, Path file, ImportReport report) {
        out.printf("%s: %d lines, %d stored, %d already present, %d rejected%n",
                file, report.lines(), report.stored(), report.alreadyPresent(), report.rejected());
        for (ImportReport.LineError error : report.errors()) {
            out.printf("  line %d%s: %s%n", error.line(), error.column() == null ? "" : ", column " + error.column(),
                    error.reason());
        }
        for (ImportReport.LineNotice notice : report.notices()) {
            out.printf("  line %d, column %s (stored): %s%n", notice.line(), notice.column(), notice.notice());
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
