-- Doubtful-debt provisions: a month, once closed, keeps the figures the accountant booked. A run is
-- the report of its month as it was computed when the month was closed; its lines are the invoices
-- provisioned (totals are sums of the lines). A month not closed is computed on each request instead.
create table provision_run (
    -- yyyy-MM
    month          char(7)      primary key,
    -- the day the invoices were aged on: the month's last day
    as_of          date         not null,
    -- the version of the ProvisionRate decision (processes/provision-rate.dmn) whose rates were applied
    rates_version  integer      not null,
    closed_at      timestamptz  not null,
    closed_by      varchar(128) not null,
    constraint ck_provision_run_month check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);

create table provision_line (
    month          char(7)        not null references provision_run (month),
    invoice_id     uuid           not null references invoice (id),
    invoice_number varchar(64)    not null,
    customer_id    uuid           not null references customer (id),
    -- as it was when the month was closed: the accountant's figures do not follow later renamings
    customer_name  varchar(200)   not null,
    due_date       date           not null,
    days_overdue   integer        not null,
    situation      varchar(16)    not null,
    bucket         varchar(32)    not null,
    currency       varchar(3)     not null,
    -- what is owed including VAT, the VAT inside it, the insurer's part (including VAT), the base
    -- (uninsured, without VAT), the rate in percent and the provision
    outstanding    numeric(19, 2) not null,
    vat            numeric(19, 2) not null,
    insured        numeric(19, 2) not null,
    base           numeric(19, 2) not null,
    rate           numeric(5, 2)  not null,
    provision      numeric(19, 2) not null,
    primary key (month, invoice_id),
    constraint ck_provision_line_situation check (situation in ('INSOLVENT', 'IN_COURT', 'WITH_AGENCY', 'DISPUTED', 'NORMAL')),
    constraint ck_provision_line_rate check (rate between 0 and 100)
);
-- the report filters a run by customer
create index idx_provision_line_customer on provision_line (customer_id, month);
