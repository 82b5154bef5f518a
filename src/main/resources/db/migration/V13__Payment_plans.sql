-- Payment plans: a schedule of instalments for some of a customer's invoices, agreed on a call and
-- accepted by the debtor, then watched instalment by instalment.
create table payment_plan (
    id            uuid primary key,
    customer_id   uuid           not null references customer (id),
    status        varchar(16)    not null,
    total         numeric(19, 2) not null,
    currency      varchar(3)     not null,
    frequency     varchar(8)     not null,
    requested_via varchar(8)     not null,
    created_at    timestamptz    not null,
    accepted_at   timestamptz,
    ended_at      timestamptz,
    constraint ck_payment_plan_status check (status in ('PROPOSED', 'REFUSED', 'OFFERED', 'NOT_ACCEPTED', 'ACTIVE',
        'COMPLETED', 'BROKEN')),
    constraint ck_payment_plan_frequency check (frequency in ('WEEKLY', 'MONTHLY', 'CUSTOM')),
    constraint ck_payment_plan_via check (requested_via in ('CALL', 'API'))
);
create index idx_payment_plan_customer on payment_plan (customer_id, created_at desc);

create table payment_plan_invoice (
    plan_id        uuid        not null references payment_plan (id),
    invoice_number varchar(64) not null,
    primary key (plan_id, invoice_number)
);

create table payment_plan_instalment (
    plan_id  uuid           not null references payment_plan (id),
    seq      integer        not null,
    due_date date           not null,
    amount   numeric(19, 2) not null,
    primary key (plan_id, seq),
    constraint ck_instalment_amount check (amount > 0)
);
