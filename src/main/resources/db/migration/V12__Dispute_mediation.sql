-- What dispute reporting reads: why the invoice was disputed in the end (root cause, set by the
-- handler), when the debtor contested a rejection, and the credit granted. Resolution time is
-- resolved_at - raised_at.
alter table dispute add column root_cause varchar(32);
alter table dispute add constraint ck_dispute_root_cause check (root_cause is null or root_cause in (
    'PRICING_ERROR', 'DELIVERY_PROBLEM', 'QUALITY_DEFECT', 'BILLING_ERROR', 'CUSTOMER_MISUNDERSTANDING',
    'UNJUSTIFIED', 'OTHER'));
alter table dispute add column contested_at timestamptz;
alter table dispute add column credited numeric(19, 2);

-- Documents a dispute handler (or an API client on the debtor's behalf) adds to a dispute (a delivery
-- note, a photo of the damage):
-- PDF, JPEG or PNG, 5 MB at most each, kept with the dispute.
create table dispute_attachment (
    id           uuid primary key,
    dispute_id   uuid         not null references dispute (id),
    filename     varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null,
    content      bytea        not null,
    uploaded_by  varchar(128) not null,
    uploaded_at  timestamptz  not null,
    constraint ck_dispute_attachment_size check (size_bytes between 1 and 5242880)
);
create index idx_dispute_attachment_dispute on dispute_attachment (dispute_id);
