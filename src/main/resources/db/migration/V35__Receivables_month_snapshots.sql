-- The dashboard's monthly snapshot (docs/dashboard.md): each closed month's aged balance as it stood when the month
-- was taken, and the month's sales, per currency and customer type. Taken once per month (the primary key keeps a
-- second node, or a second admin, from taking it again); rows are never updated.
create table receivables_month (
    month    varchar(7)  primary key,
    as_of    date        not null,
    taken_at timestamptz not null,
    taken_by varchar(64) not null
);

create table receivables_month_line (
    month         varchar(7)     not null references receivables_month (month),
    currency      varchar(3)     not null,
    customer_type varchar(20)    not null,
    not_due       numeric(19, 2) not null,
    days_1_30     numeric(19, 2) not null,
    days_31_60    numeric(19, 2) not null,
    days_61_90    numeric(19, 2) not null,
    days_91_180   numeric(19, 2) not null,
    over_180      numeric(19, 2) not null,
    sales         numeric(19, 2) not null,
    primary key (month, currency, customer_type)
);

-- The sales invoices still owed, by currency and due date: the aged balance reads it index-only (grouped by currency
-- and due date, the invoice's issue date and what it owes in the index), a drill-down reads one bucket's invoices in
-- due-date order, a page at a time.
create index idx_invoice_owed_by_due_date on invoice (currency, due_date, number) include (issue_date, outstanding)
    where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF');
