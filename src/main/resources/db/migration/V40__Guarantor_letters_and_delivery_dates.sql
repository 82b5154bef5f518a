-- Registered letters a feature wrote itself to someone who is not the debtor (a guarantor, a bank), handed to the
-- outbox with their recipient (docs/messaging.md, "Letters written by a feature").
create table recouvra.prepared_letter (
    outbox_message_id uuid primary key references recouvra.outbox_message (id),
    recipient         text  not null,
    subject           text  not null,
    content           bytea not null
);

-- A guarantee call's letter goes through the outbox; the deadline to answer runs from its posting (docs/guarantees.md).
alter table recouvra.guarantee_call
    add column letter_message_id uuid references recouvra.outbox_message (id),
    add column posted_at         timestamp with time zone;

-- The notice of the debtor's first payment default to a natural-person guarantor (art. 2303 C. civ.): once.
alter table recouvra.guarantee
    add column first_default_notified_on date;

-- The day the goods were delivered or the service rendered, when the invoice says it: the day the claim was born,
-- which insolvency proceedings go by (docs/insolvency.md); null, the issue date stands for it.
alter table recouvra.invoice
    add column delivered_on date;
