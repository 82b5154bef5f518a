package io.recouvra.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recouvra.imports.ImportReport.LineError;
import io.recouvra.imports.ImportView.Status;
import io.recouvra.web.PageView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV imports of invoices as jobs. {@link #submit} reads the whole file (a file that cannot be read is refused
 * whole, nothing stored) and stores its lines in chunks of {@link InvoiceCsvImport#CHUNK_LINES}; workers on any
 * node then take the chunks one by one ({@link #importNextChunk}), each under a lease so that two workers do
 * not start on the same chunk, and a chunk's progress is committed with the invoices it stored, so a worker
 * killed mid-chunk costs only its transaction in progress.
 */
@Service
class InvoiceImports {

    private static final TypeReference<List<CsvLine>> LINES = new TypeReference<>() {
    };
    /** Rows of a report read from the database at a time. */
    static final int REPORT_FETCH = 500;

    /** Failed attempts at a chunk's lines together before they are imported one by one. */
    static final int WHOLE_CHUNK_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(InvoiceImports.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final InvoiceCsvImport csvImport;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    InvoiceImports(JdbcTemplate jdbc, ObjectMapper json, InvoiceCsvImport csvImport, PlatformTransactionManager transactions,
                   Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.csvImport = csvImport;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** Stores the file's lines as an import to run; throws {@link UnreadableFileException} for a file that cannot be read. */
    @Transactional
    public UUID submit(byte[] file, String fileName, String submittedBy) {
        List<CsvLine> lines = InvoiceCsvImport.inCustomerOrder(InvoiceCsvFile.read(file));
        UUID id = UUID.randomUUID();
        int size = InvoiceCsvImport.CHUNK_LINES;
        int chunks = (lines.size() + size - 1) / size;
        jdbc.update("insert into recouvra.invoice_import (id, submitted_by, submitted_at, file_name, lines, chunks) values (?, ?, ?, ?, ?, ?)",
                id, submittedBy, Timestamp.from(clock.instant()), fileName, lines.size(), chunks);
        List<Object[]> rows = new ArrayList<>();
        for (int seq = 0; seq < chunks; seq++) {
            List<CsvLine> chunk = lines.subList(seq * size, Math.min(lines.size(), (seq + 1) * size));
            rows.add(new Object[] {id, seq, write(chunk), chunk.size()});
        }
        jdbc.batchUpdate("insert into recouvra.invoice_import_chunk (import_id, seq, rows, size) values (?, ?, ?::jsonb, ?)", rows);
        return id;
    }

    /**
     * Imports a chunk that no worker holds, the oldest import's first: false when there is none. A chunk's lease
     * (a minute, renewed by each of its transactions) keeps the other workers off it; once it runs out, as when
     * the worker holding it died, any worker takes the chunk up where its last committed transaction left it.
     */
    boolean importNextChunk() {
        Chunk chunk = transaction.execute(status -> jdbc.query("""
                update recouvra.invoice_import_chunk set claimed_until = now() + interval '1 minute'
                 where (import_id, seq) = (select c.import_id, c.seq from recouvra.invoice_import_chunk c
                                             join recouvra.invoice_import i on i.id = c.import_id
                                            where c.done_at is null and (c.claimed_until is null or c.claimed_until < now())
                                            order by i.submitted_at, c.seq
                                            limit 1 for update of c skip locked)
                returning import_id, seq, rows, attempts""",
                (rs, n) -> new Chunk(rs.getObject("import_id", UUID.class), rs.getInt("seq"), read(rs.getString("rows"), LINES),
                        rs.getInt("attempts")))
                .stream().findFirst().orElse(null));
        if (chunk == null) {
            return false;
        }
        try {
            csvImport.importLines(chunk.lines(), chunk, chunk.attempts >= WHOLE_CHUNK_ATTEMPTS);
        } catch (RuntimeException e) {
            failed(chunk, e);
        }
        return true;
    }

    /**
     * A chunk whose transaction failed for no reason a refusal gives (a line the database refuses in a way no check
     * foresaw, or the database itself): its failed attempt counted and its lease released, so that it is run again
     * at once and, from attempt {@value #WHOLE_CHUNK_ATTEMPTS} + 1, line by line, which refuses the line at fault
     * and stores the others. Line by line failing too is no line's fault: the chunk then waits a lease (a minute)
     * before the next attempt, rather than keeping a worker busy failing. When the database cannot even count the
     * attempt, that failure is thrown and the worker stops, as a dead worker's chunk waits for its lease to run out.
     */
    private void failed(Chunk chunk, RuntimeException failure) {
        int attempt = chunk.attempts + 1;
        log.error("Import {}, chunk {}: attempt {} failed; {}", chunk.importId, chunk.seq, attempt,
                attempt < WHOLE_CHUNK_ATTEMPTS ? "the chunk is released"
                        : attempt == WHOLE_CHUNK_ATTEMPTS ? "the chunk is released, its lines to be imported one by one"
                        : "failed line by line too, the chunk waits a minute", failure);
        transaction.executeWithoutResult(status -> jdbc.update("""
                update recouvra.invoice_import_chunk
                   set attempts = attempts + 1,
                       claimed_until = case when attempts + 1 > ? then now() + interval '1 minute' end
                 where import_id = ? and seq = ?""", WHOLE_CHUNK_ATTEMPTS, chunk.importId, chunk.seq));
    }

    Optional<ImportView> find(UUID id) {
        return jdbc.query("""
                select i.id, i.submitted_by, i.submitted_at, i.file_name, i.lines, i.chunks,
                       coalesce(sum(c.next_index), 0) as done, coalesce(sum(c.stored), 0) as stored,
                       coalesce(sum(c.already_present), 0) as already_present, coalesce(sum(c.rejected), 0) as rejected,
                       coalesce(sum(c.with_notices), 0) as with_notices,
                       count(c.seq) filter (where c.done_at is null) as pending,
                       count(c.seq) filter (where c.done_at is not null) as chunks_done, max(c.done_at) as finished_at
                  from recouvra.invoice_import i left join recouvra.invoice_import_chunk c on c.import_id = i.id
                 where i.id = ?
                 group by i.id""", (rs, n) -> view(rs), id).stream().findFirst();
    }

    private static ImportView view(ResultSet rs) throws SQLException {
        int lines = rs.getInt("lines");
        int done = rs.getInt("done");
        boolean finished = rs.getInt("pending") == 0;
        Status status = finished ? Status.DONE : done == 0 ? Status.QUEUED : Status.RUNNING;
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        return new ImportView(rs.getObject("id", UUID.class), status, rs.getString("file_name"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), finished && finishedAt != null ? finishedAt.toInstant() : null,
                lines, done, lines == 0 ? 100 : (int) (100L * done / lines), rs.getInt("stored"), rs.getInt("already_present"),
                rs.getInt("rejected"), rs.getInt("with_notices"), rs.getInt("chunks"), rs.getInt("chunks_done"));
    }

    /**
     * A page of the import's reasons for rejecting lines, in the file's order (a line's reasons in the order they
     * were given); empty when there is no such import. The chunks hold the lines in customer order, so the page is
     * sorted by the database, over the reasons only.
     */
    Optional<PageView<LineError>> errors(UUID id, int page, int size) {
        List<Long> total = jdbc.queryForList("""
                select coalesce(sum(jsonb_array_length(c.errors)), 0) from recouvra.invoice_import i
                  left join recouvra.invoice_import_chunk c on c.import_id = i.id where i.id = ? group by i.id""", Long.class, id);
        if (total.isEmpty()) {
            return Optional.empty();
        }
        List<LineError> errors = jdbc.query("""
                select (e.error ->> 'line')::bigint as line, e.error ->> 'column' as col, e.error ->> 'reason' as reason
                  from recouvra.invoice_import_chunk c cross join lateral jsonb_array_elements(c.errors) with ordinality e(error, n)
                 where c.import_id = ?
                 order by 1, c.seq, e.n
                 offset ? limit ?""", (rs, n) -> new LineError(rs.getLong("line"), rs.getString("col"), rs.getString("reason")),
                id, (long) page * size, size);
        long count = total.get(0);
        return Optional.of(PageView.counted(errors, page, size, count));
    }

    /** A row of an import's report. */
    interface ReportRow {

        void write(long line, String column, String outcome, String text) throws IOException;
    }

    /**
     * Each row of the import's report, the rejected lines' reasons then the notices of stored lines, each in the
     * file's order, read through a database cursor ({@value #REPORT_FETCH} rows at a time, in a read-only
     * transaction) so that no whole report is ever held in memory; false when there is no such import.
     */
    boolean report(UUID id, ReportRow row) throws IOException {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL's driver reads with a cursor only in a transaction, with a fetch size
        cursor.setFetchSize(REPORT_FETCH);
        try {
            return Boolean.TRUE.equals(readOnly.execute(status -> {
                if (jdbc.queryForList("select 1 from recouvra.invoice_import where id = ?", Integer.class, id).isEmpty()) {
                    return false;
                }
                cursor.query("""
                        select line, col, outcome, text from (
                            select 0 as kind, (e.item ->> 'line')::bigint as line, e.item ->> 'column' as col,
                                   'rejected' as outcome, e.item ->> 'reason' as text, c.seq, e.n
                              from recouvra.invoice_import_chunk c
                             cross join lateral jsonb_array_elements(c.errors) with ordinality e(item, n)
                             where c.import_id = ?
                            union all
                            select 1, (e.item ->> 'line')::bigint, e.item ->> 'column', 'stored with notice', e.item ->> 'notice',
                                   c.seq, e.n
                              from recouvra.invoice_import_chunk c
                             cross join lateral jsonb_array_elements(c.notices) with ordinality e(item, n)
                             where c.import_id = ?) r
                         order by kind, line, seq, n""", rs -> {
                    try {
                        row.write(rs.getLong("line"), rs.getString("col"), rs.getString("outcome"), rs.getString("text"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, id, id);
                return true;
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A chunk a worker holds, and its progress in {@code invoice_import_chunk}. */
    private final class Chunk implements InvoiceCsvImport.Progress {

        private final UUID importId;
        private final int seq;
        private final List<CsvLine> lines;
        /** The failed attempts before this one. */
        private final int attempts;

        Chunk(UUID importId, int seq, List<CsvLine> lines, int attempts) {
            this.importId = importId;
            this.seq = seq;
            this.lines = lines;
            this.attempts = attempts;
        }

        List<CsvLine> lines() {
            return lines;
        }

        @Override
        public OptionalInt claim() {
            List<Integer> next = jdbc.queryForList("""
                    select next_index from recouvra.invoice_import_chunk where import_id = ? and seq = ? for update skip locked""",
                    Integer.class, importId, seq);
            return next.isEmpty() ? OptionalInt.empty() : OptionalInt.of(next.get(0));
        }

        @Override
        public void done(int from, int to, ImportReport outcome) {
            int updated = jdbc.update("""
                    update recouvra.invoice_import_chunk
                       set next_index = ?, stored = stored + ?, already_present = already_present + ?, rejected = rejected + ?,
                           with_notices = with_notices + ?, errors = errors || ?::jsonb, notices = notices || ?::jsonb,
                           claimed_until = now() + interval '1 minute', done_at = case when ? = size then now() end
                     where import_id = ? and seq = ? and next_index = ?""",
                    to, outcome.stored(), outcome.alreadyPresent(), outcome.rejected(), outcome.withNotices(), write(outcome.errors()),
                    write(outcome.notices()), to, importId, seq, from);
            if (updated != 1) {
                // claim() locked the row at index from: nobody else can have moved it
                throw new IllegalStateException("chunk " + seq + " of import " + importId + " moved on from line index " + from);
            }
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an import's " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read an import's stored JSON", e);
        }
    }
}
