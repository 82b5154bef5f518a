-- A CSV import of invoices runs as a job (issue 19): the request stores the parsed file and answers at once,
-- workers on any node import it chunk by chunk. A chunk's lines, its progress and its report are committed in
-- the same transaction as the invoices they stored, so a chunk (or a line of it) committed is never done again.
create table invoice_import (
    id           uuid primary key,
    submitted_by text        not null,
    submitted_at timestamptz not null,
    file_name    text,
    lines        integer     not null,
    chunks       integer     not null
);

create table invoice_import_chunk (
    import_id       uuid        not null references invoice_import (id) on delete cascade,
    seq             integer     not null,
    -- the file's lines of this chunk, parsed: [{"line": 2, "values": {"invoice_number": "F-1", ...}, ...}]
    rows            jsonb       not null,
    size            integer     not null,
    -- the first line (index into rows) not imported yet; size once the chunk is done
    next_index      integer     not null default 0,
    stored          integer     not null default 0,
    already_present integer     not null default 0,
    rejected        integer     not null default 0,
    errors          jsonb       not null default '[]',
    notices         jsonb       not null default '[]',
    -- a worker's lease: another worker leaves the chunk alone until then (renewed by each transaction)
    claimed_until   timestamptz,
    done_at         timestamptz,
    primary key (import_id, seq)
);

-- the workers' question: the oldest chunk not done
create index idx_invoice_import_chunk_pending on invoice_import_chunk (import_id, seq) where done_at is null;
