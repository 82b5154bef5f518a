-- The receivables ledger: who owes what, what was paid, what was credited.
-- Amounts are numeric(19,2) with an ISO 4217 currency beside them; never floating point.

create table customer (
    id                  uuid primary key,
    legal_name          varchar(200) not null,
    registration_number varchar(32)  not null,
    country             varchar(2)   not null,
    language            varchar(8)   not null,
    time_zone           varchar(64)  not null,
    address_line        varchar(200),
    postal_code         varchar(16),
    city                varchar(100),
    created_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint uk_customer_registration_number unique (registration_number)
);

create table contact (
    id            uuid primary key,
    customer_id   uuid         not null references customer (id),
    name          varchar(200) not null,
    role          varchar(100),
    email         varchar(254),
    phone         varchar(16),
    email_consent boolean      not null default false,
    sms_consent   boolean      not null default false,
    call_consent  boolean      not null default false,
    constraint ck_contact_phone_e164 check (phone is null or phone ~ '^\+[1-9][0-9]{1,14}$'),
    constraint ck_contact_reachable check (email is not null or phone is not null)
);
create index idx_contact_customer on contact (customer_id);

create table invoice (
    id            uuid primary key,
    number        varchar(64)    not null,
    customer_id   uuid           not null references customer (id),
    issue_date    date           not null,
    due_date      date           not null,
    amount        numeric(19, 2) not null,
    currency      varchar(3)     not null,
    outstanding   numeric(19, 2) not null,
    credited      numeric(19, 2) not null default 0,
    status        varchar(20)    not null,
    overdue_since date,
    created_at    timestamptz    not null,
    version       bigint         not null default 0,
    constraint uk_invoice_number unique (number),
    constraint ck_invoice_amount check (amount > 0),
    constraint ck_invoice_outstanding check (outstanding >= 0 and credited >= 0 and outstanding + credited <= amount),
    constraint ck_invoice_dates check (due_date >= issue_date),
    constraint ck_invoice_status check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID', 'DISPUTED', 'ON_HOLD',
        'IN_PLAN', 'WITH_INSURER', 'WITH_AGENCY', 'IN_COURT', 'WRITTEN_OFF', 'CANCELLED'))
);
create index idx_invoice_customer_status on invoice (customer_id, status);
create index idx_invoice_status_due_date on invoice (status, due_date);

-- A payment as the bank reported it. What could not be allocated to an invoice stays on the
-- payment as unallocated_amount: the customer's credit, never lost.
create table payment (
    id                 uuid primary key,
    customer_id        uuid           not null references customer (id),
    amount             numeric(19, 2) not null,
    currency           varchar(3)     not null,
    value_date         date           not null,
    bank_reference     varchar(100)   not null,
    unallocated_amount numeric(19, 2) not null,
    received_at        timestamptz    not null,
    constraint uk_payment_bank_reference unique (customer_id, bank_reference),
    constraint ck_payment_amount check (amount > 0),
    constraint ck_payment_unallocated check (unallocated_amount >= 0 and unallocated_amount <= amount)
);
create index idx_payment_customer on payment (customer_id);

create table payment_allocation (
    id         uuid primary key,
    payment_id uuid           not null references payment (id),
    invoice_id uuid           not null references invoice (id),
    amount     numeric(19, 2) not null,
    constraint ck_payment_allocation_amount check (amount > 0)
);
create index idx_payment_allocation_payment on payment_allocation (payment_id);
create index idx_payment_allocation_invoice on payment_allocation (invoice_id);

create table credit_note (
    id         uuid primary key,
    number     varchar(64)    not null,
    invoice_id uuid           not null references invoice (id),
    amount     numeric(19, 2) not null,
    issue_date date           not null,
    reason     varchar(500),
    created_at timestamptz    not null,
    constraint uk_credit_note_number unique (number),
    constraint ck_credit_note_amount check (amount > 0)
);
create index idx_credit_note_invoice on credit_note (invoice_id);
