-- The segments the dashboard reports by (docs/dashboard.md, "Segments"), kept for each invoice when collection
-- assesses it: the risk class the assessment used and the name of the DunningStrategy rule chosen. No row for an
-- invoice never assessed (or assessed before V42); a table without a strategyName output leaves the strategy empty.
-- A table of its own, not columns of invoice: the assessment runs in a job of the engine, and updating the invoice row
-- there would make every ledger change of the invoice (a payment) wait for the job's transaction.
create table invoice_segment (
    invoice_id uuid primary key references invoice (id),
    risk_class varchar(1),
    strategy   varchar(80)
);

-- The closed months by currency, customer type, risk class and strategy ('' when the invoice had none): a month taken
-- before V42 has its lines under ''.
alter table receivables_month_line add column risk_class varchar(1) not null default '';
alter table receivables_month_line add column strategy varchar(80) not null default '';
alter table receivables_month_line drop constraint receivables_month_line_pkey;
alter table receivables_month_line add primary key (month, currency, customer_type, risk_class, strategy);
