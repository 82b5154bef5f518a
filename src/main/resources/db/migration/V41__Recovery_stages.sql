-- How each invoice was recovered (docs/dashboard.md, "Recovery by stage"), recorded by collection when it happens
-- rather than guessed afterwards from texts on the trail.

-- The steps an invoice's collection reached, each once, when it was reached: the pre-due reminder and each dunning
-- level (when its messages were asked for), a collector call that reached the debtor, the formal notice, the case
-- taken by the insurer, an agency or a court (when the ledger marked the invoice so).
create table collection_stage (
    invoice_id uuid        not null references invoice (id),
    stage      varchar(24) not null,
    reached_at timestamptz not null,
    primary key (invoice_id, stage),
    constraint ck_collection_stage check (stage in ('PRE_DUE_REMINDER', 'FORMAL_NOTICE', 'CALL', 'INSURER', 'AGENCY', 'COURT')
        or stage ~ '^REMINDER_[1-9][0-9]?$')
);

-- Each invoice settled (paid, or written off), once, with the last stage its collection had reached then: what the
-- recovery page sums by day settled. Copied from the ledger at that moment, so the page reads this table alone.
create table invoice_recovery (
    invoice_id     uuid primary key references invoice (id),
    invoice_number varchar(64)    not null,
    customer_id    uuid           not null references customer (id),
    currency       varchar(3)     not null,
    due_date       date           not null,
    settled_on     date           not null,
    stage          varchar(24)    not null,
    -- paid on the invoice (its amount less credit notes and what was written off)
    recovered      numeric(19, 2) not null,
    written_off    numeric(19, 2) not null default 0,
    constraint ck_invoice_recovery_stage check (stage in ('BEFORE_DUE', 'LATE_UNCHASED', 'PRE_DUE_REMINDER', 'FORMAL_NOTICE',
        'CALL', 'INSURER', 'AGENCY', 'COURT', 'WRITTEN_OFF') or stage ~ '^REMINDER_[1-9][0-9]?$')
);
create index idx_invoice_recovery_settled on invoice_recovery (settled_on, currency, stage);

-- Each call a collector made and what came of it: who called (the engine's user), when, the outcome, and the promise
-- it obtained, for the team's figures.
create table call_attempt (
    id          uuid primary key,
    call_id     uuid        not null references collector_call (id),
    customer_id uuid        not null references customer (id),
    collector   varchar(128),
    outcome     varchar(32) not null,
    promise_id  uuid references promise_to_pay (id),
    made_at     timestamptz not null
);
create index idx_call_attempt_made on call_attempt (made_at, collector);
