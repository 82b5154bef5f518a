package io.recouvra.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.support.Api;
import io.recouvra.support.RecouvraTest;
import io.recouvra.support.TestData;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CSV import as a job: accepted at once, imported chunk by chunk (by hand here: the tests' workers are off),
 * with its progress and report readable while it runs, taken up again after a worker dies, idempotent.
 */
@RecouvraTest
class InvoiceImportJobTest {

    private static final String HEADER = "invoice_number;customer_registration_number;customer_name;issue_date;due_date;amount;currency;"
            + "amount_excl_vat;vat";

    @Autowired
    InvoiceImports imports;
    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    InvoiceCsvImport csvImport;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void noImportLeftByAnotherTest() {
        drain();
    }

    @Test
    void aFileIsAcceptedAtOnceThenImportedChunkByChunkWithItsProgressAndItsReport() {
        String prefix = "JOB-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> lines = lines(prefix, 250, 25);
        // three lines refused, each for another reason: unreadable, impossible date, and (by the ledger, in the
        // chunk's transaction, which is then run again without it) a VAT that does not add up: 1000 + 100 != 1200
        lines.set(8, lines.get(8).replace(";120.00;EUR;", ";abc;EUR;"));
        lines.set(118, lines.get(118).replace(";2026-10-01;", ";31/02/2026;"));
        lines.set(249, lines.get(249).replace(";120.00;EUR;;", ";1200.00;EUR;1000.00;100.00"));
        byte[] file = csv(lines);

        ResponseEntity<JsonNode> accepted = post(file);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        URI location = accepted.getHeaders().getLocation();
        assertThat(location.getPath()).isEqualTo("/api/v1/imports/" + accepted.getBody().get("id").asText());
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("QUEUED");
        assertThat(accepted.getBody().get("lines").asInt()).isEqualTo(250);
        assertThat(accepted.getBody().get("linesDone").asInt()).isZero();
        assertThat(invoicesNumbered(prefix)).isZero();

        assertThat(imports.importNextChunk()).isTrue();

        JsonNode running = get(location);
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("linesDone").asInt()).isEqualTo(100);
        // 100 of 250 lines
        assertThat(running.get("percentDone").asInt()).isEqualTo(40);
        assertThat(running.get("chunks").asInt()).isEqualTo(3);
        assertThat(running.get("chunksDone").asInt()).isEqualTo(1);

        drain();

        JsonNode done = get(location);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("linesDone").asInt()).isEqualTo(250);
        assertThat(done.get("percentDone").asInt()).isEqualTo(100);
        assertThat(done.get("stored").asInt()).isEqualTo(247);
        assertThat(done.get("alreadyPresent").asInt()).isZero();
        assertThat(done.get("rejected").asInt()).isEqualTo(3);
        assertThat(done.get("storedWithNotices").asInt()).isZero();
        assertThat(done.get("chunksDone").asInt()).isEqualTo(3);
        assertThat(done.hasNonNull("finishedAt")).isTrue();
        // counts only: the reasons are read a page at a time, in the file's order across the chunks
        assertThat(done.has("errors")).isFalse();
        JsonNode firstPage = get(URI.create(location.getPath() + "/errors?size=2"));
        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        JsonNode secondPage = get(URI.create(location.getPath() + "/errors?page=1&size=2"));
        List<Object[]> errors = new ArrayList<>();
        firstPage.get("content").forEach(e -> errors.add(new Object[] {e.get("line").asLong(), e.get("column").asText(), e.get("reason").asText()}));
        secondPage.get("content").forEach(e -> errors.add(new Object[] {e.get("line").asLong(), e.get("column").asText(), e.get("reason").asText()}));
        assertThat(errors).extracting(e -> e[0], e -> e[1]).containsExactly(
                tuple(10L, "amount"), tuple(120L, "issue_date"), tuple(251L, "vat"));
        assertThat((String) errors.get(2)[2]).isEqualTo("amountExclVat 1000.00 + vat 100.00 = 1100.00, not the amount including VAT 1200.00");
        assertThat(get(URI.create(location.getPath() + "/errors?page=2&size=2")).get("content")).isEmpty();
        assertThat(invoicesNumbered(prefix)).isEqualTo(247);
        assertThat(instancesNumbered(prefix)).isEqualTo(247);

        ResponseEntity<String> report = api.asAdmin().getForEntity(location + "/report.csv", String.class);
        assertThat(report.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(report.getBody().split("\r\n")).containsExactly(
                "line;column;outcome;reason",
                "10;amount;rejected;'abc' is not an amount such as 1234.56 or 1 234,56",
                "120;issue_date;rejected;'31/02/2026' is not a date such as 2026-03-31 or 31/03/2026",
                "251;vat;rejected;amountExclVat 1000.00 + vat 100.00 = 1100.00, not the amount including VAT 1200.00");

        // the same file again: nothing new, every good line already present, the same three refused
        URI again = post(file).getHeaders().getLocation();
        drain();
        JsonNode second = get(again);
        assertThat(second.get("stored").asInt()).isZero();
        assertThat(second.get("alreadyPresent").asInt()).isEqualTo(247);
        assertThat(second.get("rejected").asInt()).isEqualTo(3);
        assertThat(invoicesNumbered(prefix)).isEqualTo(247);
        assertThat(instancesNumbered(prefix)).isEqualTo(247);

        // a reason that would start a formula stays text in the CSV: the report's cells go through SpreadsheetCells
        UUID secondId = UUID.fromString(second.get("id").asText());
        jdbc.update("update recouvra.invoice_import_chunk set errors = errors || '[{\"line\": 2, \"column\": \"customer_name\","
                + " \"reason\": \"=HYPERLINK(\\\"http://evil\\\")\"}]'::jsonb where import_id = ? and seq = 0", secondId);
        assertThat(api.asAdmin().getForObject(again.getPath() + "/report.csv", String.class).split("\r\n")).contains(
                "2;customer_name;rejected;\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }

    @Test
    void theErrorsPageRefusesABadPageOrSizeNamingItAndAnUnknownImportIsNotFound() {
        URI location = post(csv(lines("PAGE-" + UUID.randomUUID().toString().substring(0, 8) + "-", 1, 1))).getHeaders().getLocation();
        for (String query : List.of("page=-1", "page=abc", "size=0", "size=501", "size=x")) {
            ResponseEntity<JsonNode> refused = api.asAdmin().getForEntity(location.getPath() + "/errors?" + query, JsonNode.class);
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).as(query).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(api.asAdmin().getForEntity(location.getPath() + "/errors?page=0&size=500", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String unknown = "/api/v1/imports/" + UUID.randomUUID();
        for (String path : List.of(unknown + "/errors", unknown + "/report.csv")) {
            ResponseEntity<String> notFound = api.asAdmin().getForEntity(path, String.class);
            assertThat(notFound.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(notFound.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aChunkWhoseWorkerDiedIsTakenUpWhenItsLeaseRunsOutAndNoLineIsImportedTwice() throws Exception {
        String prefix = "CRASH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        UUID id = imports.submit(csv(lines(prefix, 250, 10)), "crash.csv", "admin");
        assertThat(imports.importNextChunk()).isTrue();

        try (Connection dying = dataSource.getConnection()) {
            // a worker takes chunk 1 (its lease committed), starts its transaction, and is killed in the middle
            dying.setAutoCommit(true);
            dying.createStatement().executeUpdate("update recouvra.invoice_import_chunk set claimed_until = now() + interval '1 minute'"
                    + " where import_id = '" + id + "' and seq = 1");
            dying.setAutoCommit(false);
            dying.createStatement().executeQuery("select next_index from recouvra.invoice_import_chunk where import_id = '" + id
                    + "' and seq = 1 for update");

            // the other workers leave it alone and do the rest
            assertThat(imports.importNextChunk()).isTrue();
            assertThat(imports.importNextChunk()).isFalse();
            dying.rollback();
        }
        assertThat(imports.find(id).orElseThrow()).satisfies(view -> {
            assertThat(view.status()).isEqualTo(ImportView.Status.RUNNING);
            assertThat(view.linesDone()).isEqualTo(150);
        });
        // still leased: nobody takes it before the minute is over
        assertThat(imports.importNextChunk()).isFalse();

        // a minute later
        jdbc.update("update recouvra.invoice_import_chunk set claimed_until = now() - interval '1 second' where import_id = ? and seq = 1", id);
        assertThat(imports.importNextChunk()).isTrue();

        ImportView done = imports.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportView.Status.DONE);
        assertThat(done.stored()).isEqualTo(250);
        assertThat(done.rejected()).isZero();
        assertThat(invoicesNumbered(prefix)).isEqualTo(250);
        assertThat(instancesNumbered(prefix)).isEqualTo(250);
    }

    @Test
    void aChunkStoppedMidWayIsTakenUpAtItsFirstLineNotImported() {
        String prefix = "HALF-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        UUID id = imports.submit(csv(lines(prefix, 60, 3)), "half.csv", "admin");
        // a worker committed the chunk's first 20 lines, then died: its progress says so, with what it stored
        List<CsvLine> first = new ArrayList<>();
        jdbc.query("select rows from recouvra.invoice_import_chunk where import_id = ?", row -> {
            first.addAll(readLines(row.getString("rows")).subList(0, 20));
        }, id);
        csvImport.importLines(first, new InvoiceCsvImport.Progress() {
            @Override
            public OptionalInt claim() {
                return OptionalInt.of(jdbc.queryForObject(
                        "select next_index from recouvra.invoice_import_chunk where import_id = ? and seq = 0 for update", Integer.class, id));
            }

            @Override
            public void done(int from, int to, ImportReport outcome) {
                jdbc.update("update recouvra.invoice_import_chunk set next_index = ?, stored = stored + ? where import_id = ? and seq = 0",
                        to, outcome.stored(), id);
            }
        });
        assertThat(imports.find(id).orElseThrow().linesDone()).isEqualTo(20);

        drain();

        ImportView done = imports.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportView.Status.DONE);
        assertThat(done.stored()).isEqualTo(60);
        assertThat(done.alreadyPresent()).isZero();
        assertThat(invoicesNumbered(prefix)).isEqualTo(60);
        assertThat(instancesNumbered(prefix)).isEqualTo(60);
    }

    @Test
    void aLineTheDatabaseRefusesFailsItsChunkThreeTimesThenIsRefusedAloneAndTheOtherLinesAreStoredOnce() {
        String prefix = "POISON-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String poisoned = prefix + "137";
        // a line every check lets through and the database refuses: a trigger of this test's own, on its invoice alone,
        // failing as no refusal the import knows (raise exception: SQLSTATE P0001, not an integrity violation)
        String trigger = "refuse_" + prefix.substring(7, 15);
        jdbc.execute("create function recouvra." + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.number = '" + poisoned + "' then raise exception 'secret table recouvra.invoice refuses %', new.number; end if; "
                + "return new; end $$");
        jdbc.execute("create trigger " + trigger + " before insert on recouvra.invoice for each row execute function recouvra." + trigger + "()");
        try {
            UUID id = imports.submit(csv(lines(prefix, 250, 10)), "poison.csv", "admin");

            drain();

            ImportView done = imports.find(id).orElseThrow();
            assertThat(done.status()).isEqualTo(ImportView.Status.DONE);
            assertThat(done.stored()).isEqualTo(249);
            assertThat(done.rejected()).isEqualTo(1);
            // the 138th line of the file's lines, after the header: line 139
            assertThat(imports.errors(id, 0, 10).orElseThrow().content()).singleElement().satisfies(error -> {
                assertThat(error.line()).isEqualTo(139L);
                assertThat(error.column()).isNull();
                assertThat(error.reason()).matches("erreur interne, référence ERR-[0-9A-F]{8}");
            });
            assertThat(invoicesNumbered(prefix)).isEqualTo(249);
            assertThat(instancesNumbered(prefix)).isEqualTo(249);
            // the bad line's chunk failed together three times, then went line by line; the other two never failed
            assertThat(jdbc.queryForList("select attempts from recouvra.invoice_import_chunk where import_id = ?", Integer.class, id))
                    .containsExactlyInAnyOrder(3, 0, 0);
        } finally {
            jdbc.execute("drop trigger " + trigger + " on recouvra.invoice");
            jdbc.execute("drop function recouvra." + trigger + "()");
        }
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnceAndNoImportIsStored() {
        int before = jdbc.queryForObject("select count(*) from recouvra.invoice_import", Integer.class);
        List<String> lines = lines("BROKEN-", 3, 1);
        lines.set(1, lines.get(1).replace(";Customer ", ";\"Customer "));

        ResponseEntity<JsonNode> refused = post(csv(lines));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("after line 2", "nothing was imported");
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(jdbc.queryForObject("select count(*) from recouvra.invoice_import", Integer.class)).isEqualTo(before);

        ResponseEntity<JsonNode> unknown = api.asAdmin().getForEntity("/api/v1/imports/" + UUID.randomUUID(), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> notAnId = api.asAdmin().getForEntity("/api/v1/imports/not-an-id", JsonNode.class);
        assertThat(notAnId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnId.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<CsvLine> readLines(String rows) {
        try {
            return json.readValue(rows, new TypeReference<List<CsvLine>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} lines of 120.00 EUR, spread over {@code customers} new customers. */
    static List<String> lines(String prefix, int count, int customers) {
        List<String> sirens = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            sirens.add(TestData.siren());
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int customer = i % customers;
            lines.add(prefix + i + ";" + sirens.get(customer) + ";Customer " + customer + ";2026-10-01;2026-10-31;120.00;EUR;;");
        }
        return lines;
    }

    static byte[] csv(List<String> lines) {
        return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<JsonNode> post(byte[] file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return api.asAdmin().postForEntity("/api/v1/imports/invoices", new HttpEntity<>(file, headers), JsonNode.class);
    }

    private JsonNode get(URI location) {
        String path = location.getQuery() == null ? location.getPath() : location.getPath() + "?" + location.getQuery();
        ResponseEntity<JsonNode> response = api.asAdmin().getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void drain() {
        while (imports.importNextChunk()) {
            // every chunk waiting
        }
    }

    private int invoicesNumbered(String prefix) {
        return jdbc.queryForObject("select count(*) from recouvra.invoice where number like ?", Integer.class, prefix + "%");
    }

    private int instancesNumbered(String prefix) {
        return jdbc.queryForObject("select count(*) from public.act_ru_execution where business_key_ like ? and parent_id_ is null"
                + " and proc_def_id_ like 'InvoiceCollection:%'", Integer.class, prefix + "%");
    }
}
