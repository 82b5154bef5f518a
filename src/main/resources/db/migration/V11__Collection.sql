-- What the collection lifecycle records beside the engine: customer types for the dunning strategy,
-- collector calls (one open call per customer, covering several invoices), promises to pay, holds
-- and disputes. The engine keeps the flow; these tables keep the facts reports and scores read.

alter table customer add column customer_type varchar(20) not null default 'STANDARD';
alter table customer add constraint ck_customer_type check (customer_type in ('STANDARD', 'KEY_ACCOUNT', 'PUBLIC_SECTOR'));

create table collector_call (
    id                  uuid primary key,
    customer_id         uuid        not null references customer (id),
    status              varchar(10) not null,
    attempts            integer     not null default 0,
    outcome             varchar(32),
    opened_at           timestamptz not null,
    closed_at           timestamptz,
    constraint ck_collector_call_status check (status in ('OPEN', 'CLOSED'))
);
-- one open call per customer: an invoice that needs a call joins it
create unique index uk_collector_call_open on collector_call (customer_id) where status = 'OPEN';

create table collector_call_invoice (
    call_id        uuid        not null references collector_call (id),
    invoice_number varchar(64) not null,
    primary key (call_id, invoice_number)
);

create table promise_to_pay (
    id            uuid primary key,
    customer_id   uuid           not null references customer (id),
    call_id       uuid           references collector_call (id),
    promised_date date           not null,
    amount        numeric(19, 2) not null,
    currency      varchar(3)     not null,
    status        varchar(10)    not null,
    made_at       timestamptz    not null,
    broken_at     timestamptz,
    constraint ck_promise_status check (status in ('OPEN', 'KEPT', 'BROKEN')),
    constraint ck_promise_amount check (amount > 0)
);
create index idx_promise_customer on promise_to_pay (customer_id, made_at desc);

create table invoice_hold (
    id          uuid primary key,
    invoice_id  uuid         not null references invoice (id),
    reason      varchar(500) not null,
    hold_until  date,
    placed_by   varchar(128) not null,
    placed_at   timestamptz  not null,
    released_by varchar(128),
    released_at timestamptz
);
create unique index uk_invoice_hold_active on invoice_hold (invoice_id) where released_at is null;

create table dispute (
    id          uuid primary key,
    invoice_id  uuid         not null references invoice (id),
    customer_id uuid         not null references customer (id),
    reason      varchar(32)  not null,
    description varchar(2000),
    raised_via  varchar(16)  not null,
    raised_at   timestamptz  not null,
    resolved_at timestamptz,
    outcome     varchar(32),
    constraint ck_dispute_reason check (reason in ('PRICE', 'QUANTITY', 'QUALITY', 'DELIVERY', 'ALREADY_PAID',
        'NOT_ORDERED', 'OTHER')),
    constraint ck_dispute_via check (raised_via in ('CALL', 'API', 'SMS', 'PORTAL'))
);
create index idx_dispute_customer on dispute (customer_id, raised_at desc);
create unique index uk_dispute_open on dispute (invoice_id) where resolved_at is null;
