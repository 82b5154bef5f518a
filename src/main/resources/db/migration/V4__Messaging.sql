-- Messaging: the outbox every message goes through, and the interaction log, the audit trail of
-- every contact with a debtor that a court, an insurer or an agency may ask for.

-- One row per message Recouvra means to send. (case_ref, step, channel) is unique: asking twice for
-- the same reminder of the same case on the same channel stores it once.
create table outbox_message (
    id              uuid primary key,
    case_ref        varchar(64)   not null,
    step            varchar(64)   not null,
    channel         varchar(16)   not null,
    kind            varchar(40)   not null,
    tone            varchar(16)   not null,
    customer_id     uuid          not null references customer (id),
    invoice_id      uuid references invoice (id),
    -- values only this kind of message needs (a promised date, an instalment), as small JSON
    parameters      jsonb         not null default '{}',
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    lease_until     timestamptz,
    -- which claim holds the row: a dispatcher whose lease ran out and whose row was taken over
    -- finds another token there and stops
    claim_token     uuid,
    recipient       text,
    -- what went to the provider, kept so that an uncertain send is reconciled against exactly that
    rendered_subject text,
    rendered_text   text,
    provider_id     varchar(100),
    last_error      text,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    version         bigint        not null default 0,
    constraint uk_outbox_case_step_channel unique (case_ref, step, channel),
    constraint ck_outbox_channel check (channel in ('EMAIL', 'SMS', 'LETTER')),
    constraint ck_outbox_status check (status in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED',
        'FAILED', 'UNKNOWN', 'CANCELLED'))
);
-- The dispatcher's two questions: what is due, and which sends were left half-way.
create index idx_outbox_pending_due on outbox_message (next_attempt_at) where status = 'PENDING';
create index idx_outbox_sending_lease on outbox_message (lease_until) where status = 'SENDING';
create index idx_outbox_customer on outbox_message (customer_id);

-- The letters as they were sent (PDF), kept as evidence and attached to the email of the same step.
create table letter_document (
    id                uuid primary key,
    outbox_message_id uuid        not null references outbox_message (id),
    content           bytea       not null,
    sha256            varchar(64) not null,
    created_at        timestamptz not null
);
create index idx_letter_document_message on letter_document (outbox_message_id);

create table interaction (
    id                uuid primary key,
    -- the order of recording: two facts of the same instant stay in the order they happened
    seq               bigint generated always as identity,
    customer_id       uuid          not null references customer (id),
    invoice_id        uuid references invoice (id),
    occurred_at       timestamptz   not null,
    channel           varchar(16)   not null,
    direction         varchar(8)    not null,
    type              varchar(32)   not null,
    summary           varchar(500)  not null,
    content           text,
    outbox_message_id uuid references outbox_message (id),
    constraint ck_interaction_direction check (direction in ('OUTBOUND', 'INBOUND', 'INTERNAL'))
);
create index idx_interaction_customer_time on interaction (customer_id, occurred_at, seq);
create index idx_interaction_invoice_time on interaction (invoice_id, occurred_at, seq);
