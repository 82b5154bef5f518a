-- Read models of the dashboard's cash forecast and risk page (docs/dashboard.md, "Performance"): a page reads sums kept
-- as the ledger moves, never every open invoice of the book.

-- Each customer's observed payment delay (CashFigures.PAYMENT_DELAY: days late weighted by the amounts allocated over
-- the twelve months up to computed_on) and the whole days it shifts a due date by (rounded, halves away from zero).
-- Refreshed for a customer when a payment of its is booked, and every night for the customers whose window lost or
-- gained payments (PaymentDelays). A customer without a row has no payment in its window: no shift.
create table customer_payment_delay (
    customer_id uuid primary key references customer (id),
    days        numeric not null,
    shift_days  integer not null,
    computed_on date    not null
);

-- The day an invoice is expected: its due date shifted by its customer's payment delay. Set on registration (the
-- trigger below) and moved when the customer's shift changes.
alter table invoice add column expected_on date;

insert into customer_payment_delay (customer_id, days, shift_days, computed_on)
select i.customer_id, sum(a.amount * (p.value_date - i.due_date)) / sum(a.amount), round(sum(a.amount * (p.value_date - i.due_date)) / sum(a.amount))::integer,
       current_date
from payment_allocation a
join payment p on p.id = a.payment_id
join invoice i on i.id = a.invoice_id
where i.kind = 'INVOICE' and p.value_date > (current_date - interval '12 months')::date and p.value_date <= current_date
group by i.customer_id;

update invoice i set expected_on = i.due_date + coalesce((select d.shift_days from customer_payment_delay d where d.customer_id = i.customer_id), 0);
alter table invoice alter column expected_on set not null;

create function invoice_expected_on() returns trigger language plpgsql set search_path from current as $$
begin
    new.expected_on := new.due_date + coalesce((select d.shift_days from customer_payment_delay d where d.customer_id = new.customer_id), 0);
    return new;
end $$;

create trigger invoice_expected_on_insert before insert on invoice for each row execute function invoice_expected_on();
create trigger invoice_expected_on_due_date before update of due_date, customer_id on invoice for each row
    when (old.due_date is distinct from new.due_date or old.customer_id is distinct from new.customer_id)
    execute function invoice_expected_on();

-- The open sales invoices by expected day, for the forecast's drill-down (a week's invoices, a page at a time) and for
-- a customer's invoices when the forecast is narrowed to some customers.
create index idx_invoice_owed_by_expected_day on invoice (expected_on, number) include (currency, customer_id, outstanding)
    where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF');

-- What the open sales invoices owe, summed by currency and expected day (the cash forecast of the whole book) and by
-- currency, due date and issue date (the aged balance of the whole book): the pages read these few rows (days ×
-- currencies, whatever the number of invoices). Every change of an invoice appends its difference to
-- owed_sales_change (rows only added: writers never wait on each other for a day's sum); OwedSalesByDay folds them
-- into both sums every minute, and a reader adds the changes not folded yet.
create table owed_by_expected_day (
    currency    varchar(3)     not null,
    expected_on date           not null,
    owed        numeric(19, 2) not null,
    primary key (currency, expected_on)
);

create table owed_by_due_day (
    currency   varchar(3)     not null,
    due_date   date           not null,
    issue_date date           not null,
    owed       numeric(19, 2) not null,
    primary key (currency, due_date, issue_date)
);

create table owed_sales_change (
    id          bigserial primary key,
    currency    varchar(3)     not null,
    issue_date  date           not null,
    due_date    date           not null,
    expected_on date           not null,
    owed        numeric(19, 2) not null
);

insert into owed_by_expected_day (currency, expected_on, owed)
select currency, expected_on, sum(outstanding) from invoice
where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
group by currency, expected_on;

insert into owed_by_due_day (currency, due_date, issue_date, owed)
select currency, due_date, issue_date, sum(outstanding) from invoice
where kind = 'INVOICE' and outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
group by currency, due_date, issue_date;

-- What each customer owes per currency on its invoices not closed, debit notes of late charges included: the risk
-- page's exposures, largest first. One row per customer and currency, changed in the transaction that changes one of
-- its invoices (the ledger locks the customer first, so its row never sees two writers at once).
create table customer_exposure (
    customer_id uuid           not null references customer (id),
    currency    varchar(3)     not null,
    owed        numeric(19, 2) not null,
    primary key (customer_id, currency)
);
create index idx_customer_exposure_largest on customer_exposure (owed desc) where owed > 0;

insert into customer_exposure (customer_id, currency, owed)
select customer_id, currency, sum(outstanding) from invoice
where outstanding > 0 and status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
group by customer_id, currency;

-- The differences a statement made to the two read models: what its rows owe after (new_rows) less what they owed
-- before (old_rows), an invoice counting only while it is open. Transition tables need one trigger per event; an
-- insert has no old rows and a delete no new ones, so the function reads an empty set in their place.
create function invoice_owed_changed() returns trigger language plpgsql set search_path from current as $$
declare
    after_rows  text := case when tg_op = 'DELETE' then '(select * from old_rows where false)' else 'new_rows' end;
    before_rows text := case when tg_op = 'INSERT' then '(select * from new_rows where false)' else 'old_rows' end;
    still_owed  text := 'outstanding > 0 and status not in (''PAID'', ''CANCELLED'', ''WRITTEN_OFF'')';
begin
    execute format($sql$
        insert into owed_sales_change (currency, issue_date, due_date, expected_on, owed)
        select currency, issue_date, due_date, expected_on, sum(owed) from (
            select currency, issue_date, due_date, expected_on, outstanding as owed from %1$s after_rows
            where kind = 'INVOICE' and %3$s
            union all
            select currency, issue_date, due_date, expected_on, -outstanding from %2$s before_rows
            where kind = 'INVOICE' and %3$s) moved
        group by currency, issue_date, due_date, expected_on having sum(owed) <> 0$sql$, after_rows, before_rows, still_owed);
    execute format($sql$
        insert into customer_exposure (customer_id, currency, owed)
        select customer_id, currency, sum(owed) from (
            select customer_id, currency, outstanding as owed from %1$s after_rows where %3$s
            union all
            select customer_id, currency, -outstanding from %2$s before_rows where %3$s) moved
        group by customer_id, currency having sum(owed) <> 0
        order by customer_id, currency
        on conflict (customer_id, currency) do update set owed = customer_exposure.owed + excluded.owed$sql$,
        after_rows, before_rows, still_owed);
    return null;
end $$;

create trigger invoice_owed_inserted after insert on invoice referencing new table as new_rows
    for each statement execute function invoice_owed_changed();
create trigger invoice_owed_updated after update on invoice referencing old table as old_rows new table as new_rows
    for each statement execute function invoice_owed_changed();
create trigger invoice_owed_deleted after delete on invoice referencing old table as old_rows
    for each statement execute function invoice_owed_changed();
