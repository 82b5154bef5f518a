-- What dispute reporting reads: why the invoice was disputed in the end (root cause, set by the
-- handler), when the debtor contested a rejection, and the credit granted. Resolution time is
-- resolved_at - raised_at.
alter table dispute add column root_cause varchar(32);
alter table dispute add constraint ck_dispute_root_cause check (root_cause is null or root_cause in (
    'PRICING_ERROR', 'DELIVERY_PROBLEM', 'QUALITY_DEFECT', 'BILLING_ERROR', 'CUSTOMER_MISUNDERSTANDING',
    'UNJUSTIFIED', 'OTHER'));
alter table dispute add column contested_at timestamptz;
alter table dispute add column credited numeric(19, 2);
