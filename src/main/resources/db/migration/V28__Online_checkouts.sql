-- A debtor's online payment at a payment service provider: what it covers, the provider's session, who started it
-- (the debtor's portal link) and what became of it (OPEN, then PAID, FAILED or CANCELLED; PAID is final).
create table online_checkout (
    id          uuid primary key,
    customer_id uuid           not null references customer (id),
    provider    varchar(32)    not null,
    session_id  varchar(255),
    currency    varchar(3)     not null,
    amount      numeric(19, 2) not null,
    method      varchar(16),
    state       varchar(16)    not null,
    started_by  varchar(255),
    payment_id  uuid references payment (id),
    paid_amount numeric(19, 2),
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null
);
create unique index uk_online_checkout_session on online_checkout (provider, session_id) where session_id is not null;
create index ix_online_checkout_customer on online_checkout (customer_id);

create table online_checkout_line (
    checkout_id    uuid           not null references online_checkout (id),
    position       integer        not null, -- the order the debtor's invoices are paid in when less arrives
    invoice_number varchar(64)    not null,
    amount         numeric(19, 2) not null,
    primary key (checkout_id, invoice_number)
);

-- Each provider event is applied once: a replayed event finds its id here and changes nothing.
create table online_payment_event (
    provider    varchar(32)  not null,
    event_id    varchar(255) not null,
    session_id  varchar(255),
    outcome     varchar(16)  not null,
    received_at timestamptz  not null,
    primary key (provider, event_id)
);
