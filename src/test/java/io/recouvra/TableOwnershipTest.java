package io.recouvra;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables: a module that needs another's data calls that module's
 * read API. A plain unit test over the sources: every string literal of a module (SQL, JPQL) is searched for
 * {@code from|join|update|into <table>}, and the table's owner must be the module itself.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "recouvra");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    /** Each table and the module that owns it (creates it, writes it, answers questions about it). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("customer", "receivables"), entry("contact", "receivables"), entry("invoice", "receivables"),
            entry("payment", "receivables"), entry("payment_allocation", "receivables"), entry("credit_note", "receivables"),
            entry("outbox_message", "messaging"), entry("letter_document", "messaging"), entry("prepared_letter", "messaging"), entry("channel_opt_out", "messaging"),
            entry("interaction", "trail"),
            entry("bureau_report", "scoring"), entry("credit_score", "scoring"),
            entry("scheduler_lock", "database"),
            entry("late_payment_rate", "interest"),
            entry("collector_call", "collection"), entry("collector_call_invoice", "collection"),
            entry("promise_to_pay", "collection"), entry("promise_to_pay_invoice", "collection"), entry("invoice_hold", "collection"), entry("dispute", "collection"),
            entry("dispute_attachment", "collection"), entry("payment_plan", "collection"),
            entry("payment_plan_invoice", "collection"), entry("payment_plan_instalment", "collection"),
            entry("late_payment_charge", "collection"),
            entry("collection_stage", "collection"), entry("invoice_recovery", "collection"), entry("call_attempt", "collection"),
            entry("credit_insurance_policy", "insurance"), entry("buyer_cover", "insurance"), entry("insured_invoice", "insurance"),
            entry("insurer_insolvency_notice", "insurance"),
            entry("agency_case", "agency"), entry("agency_update", "agency"), entry("agency_commission", "agency"),
            entry("legal_case", "legal"), entry("legal_document", "legal"), entry("prescription_act", "legal"),
            entry("prescription_review", "legal"),
            entry("provision_run", "provisions"), entry("provision_line", "provisions"),
            entry("write_off", "writeoff"),
            entry("guarantee", "guarantee"), entry("guarantee_call", "guarantee"), entry("guarantee_annual_information", "guarantee"),
            entry("insolvency_proceedings", "insolvency"), entry("insolvency_conversion", "insolvency"), entry("insolvency_reopening", "insolvency"),
            entry("claim_declaration", "insolvency"),
            entry("portal_link", "portal"),
            entry("online_checkout", "onlinepayment"), entry("online_checkout_line", "onlinepayment"),
            entry("online_payment_event", "onlinepayment"),
            entry("customer_payment_delay", "receivables"), entry("owed_by_expected_day", "receivables"),
            entry("owed_by_due_day", "receivables"), entry("owed_sales_change", "receivables"), entry("customer_exposure", "receivables"), entry("invoice_segment", "receivables"),
            entry("receivables_month", "dashboard"), entry("receivables_month_line", "dashboard"),
            entry("invoice_import", "imports"), entry("invoice_import_chunk", "imports"));

    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:from|join|update|into)\\s+(?:recouvra\\.)?(\\w+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:recouvra\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java") && file.getParent() != null && !file.getParent().equals(SOURCES))
                    .sorted()
                    .forEach(file -> {
                        String module = SOURCES.relativize(file).getName(0).toString();
                        for (String literal : stringLiterals(read(file))) {
                            Matcher use = TABLE_USE.matcher(literal);
                            while (use.find()) {
                                String owner = OWNERS.get(use.group(1).toLowerCase(Locale.ROOT));
                                if (owner != null && !owner.equals(module)) {
                                    foreign.add(SOURCES.relativize(file) + " names " + owner + "'s table " + use.group(1));
                                }
                            }
                        }
                    });
        }
        assertThat(foreign).as("SQL naming another module's table; call the owner's read API instead").isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
                Matcher table = CREATE_TABLE.matcher(read(file));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            });
        }
        assertThat(created).hasSizeGreaterThan(30);
        assertThat(OWNERS.keySet()).as("tables created by the migrations, each with its owning module").containsAll(created);
    }

    @Test
    void findsTheTablesInStringLiteralsOnly() {
        String source = """
                // select * from recouvra.invoice in a comment is not SQL
                class Sample {
                    String sql = "select id from recouvra.invoice i join recouvra.customer c on c.id = i.customer_id";
                    String block = \"""
                            update recouvra.dispute set resolved_at = now() where id = \\"?\\"\""";
                    char quote = '"';
                    String jpql = "select p from Payment p";
                }
                """;

        List<String> literals = stringLiterals(source);

        assertThat(literals).hasSize(3);
        assertThat(literals.get(0)).contains("recouvra.invoice", "recouvra.customer");
        assertThat(literals.get(1)).contains("update recouvra.dispute");
        assertThat(TABLE_USE.matcher(literals.get(2)).results().map(m -> m.group(1))).containsExactly("Payment");
    }

    /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, "\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"') {
                int end = closing(source, "\"", i + 1);
                literals.add(source.substring(i + 1, end));
                i = end + 1;
            } else if (source.charAt(i) == '\'') {
                i = closing(source, "'", i + 1) + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOf(String source, String end, int from) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length();
    }

    /** Where the literal closes: the next delimiter not escaped by a backslash. */
    private static int closing(String source, String delimiter, int from) {
        int i = from;
        while (!source.startsWith(delimiter, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
