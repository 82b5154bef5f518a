-- Late-payment charges: when PaymentPlanPolicy says a plan charges them (lateInterest = CHARGED), the
-- interest owed up to the offer and the 40 EUR indemnity of each invoice are added to the plan and,
-- once the debtor accepts it, booked as a debit note in the ledger (an invoice of kind LATE_CHARGES),
-- so that payments are allocated to them and no later claim asks for them twice.
alter table invoice add column kind varchar(16) not null default 'INVOICE';
alter table invoice add constraint ck_invoice_kind check (kind in ('INVOICE', 'LATE_CHARGES'));

alter table payment_plan add column late_interest varchar(16) not null default 'WAIVED_IF_KEPT';
alter table payment_plan add column charges numeric(19, 2) not null default 0;
alter table payment_plan add column charges_as_of date;
alter table payment_plan add constraint ck_payment_plan_late_interest check (late_interest in ('WAIVED_IF_KEPT', 'CHARGED'));

-- One line per invoice of a plan that charges: interest up to interest_until and the indemnity. A line
-- counts for later claims once its debit note is booked (debit_note_number set).
create table late_payment_charge (
    plan_id           uuid           not null references payment_plan (id),
    invoice_number    varchar(64)    not null,
    interest_until    date           not null,
    interest          numeric(19, 2) not null,
    indemnity         numeric(19, 2) not null,
    debit_note_number varchar(64),
    primary key (plan_id, invoice_number),
    constraint ck_late_payment_charge check (interest >= 0 and indemnity >= 0)
);
create index idx_late_payment_charge_invoice on late_payment_charge (invoice_number) where debit_note_number is not null;
