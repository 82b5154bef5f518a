-- The invoices a promise to pay is about, and where it was made: on a collector call (the call's invoices)
-- or by the debtor on the portal (the invoices it chose). An invoice under an open promise waits for the
-- promised date; the portal shows it as "paiement promis".
alter table promise_to_pay add column made_via varchar(16) not null default 'CALL';
alter table promise_to_pay add constraint ck_promise_made_via check (made_via in ('CALL', 'PORTAL'));

create table promise_to_pay_invoice (
    promise_id     uuid        not null references promise_to_pay (id),
    invoice_number varchar(64) not null,
    primary key (promise_id, invoice_number)
);
create index idx_promise_to_pay_invoice_number on promise_to_pay_invoice (invoice_number);

-- promises made on a call before this table: the call's invoices
insert into promise_to_pay_invoice (promise_id, invoice_number)
select p.id, ci.invoice_number from promise_to_pay p join collector_call_invoice ci on ci.call_id = p.call_id;

-- The answer the debtor was sent about a dispute (accepted, partly accepted, rejected), when, and the handler's
-- explanation: what the portal shows the debtor following its dispute. A rejection leaves the dispute open for the
-- days the debtor has to contest it, so the answer is kept apart from the outcome that closes it.
alter table dispute add column answer varchar(32);
alter table dispute add column answered_at timestamptz;
alter table dispute add column answer_explanation varchar(2000);
