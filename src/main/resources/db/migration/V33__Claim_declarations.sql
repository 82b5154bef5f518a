-- The declaration of claims (déclaration de créances) of one customer in insolvency proceedings, one row per
-- proceedings: the figures as declared (worked out to the opening judgment's day), the PDF as prepared, and each
-- step the legal officer recorded. The proceedings themselves belong to the insolvency skeleton's own table.
create table claim_declaration (
    proceedings_id       uuid primary key,
    customer_id          uuid not null references customer (id),
    judgment_date        date not null,
    bodacc_published_on  date not null,
    declaration_deadline date not null,
    relief_deadline      date not null,
    retention_deadline   date not null,
    declared_total       varchar(200) not null,
    invoice_numbers      text not null,
    prepared_at          timestamp with time zone not null,
    pdf                  bytea not null,
    pdf_sha256           char(64) not null,
    sent_on              date,
    sent_channel         varchar(30),
    sent_reference       varchar(100),
    sent_by              varchar(100),
    answer               varchar(20),
    admitted_amount      numeric(19, 2),
    outcome              varchar(40),
    outcome_date         date
);
create index claim_declaration_customer on claim_declaration (customer_id);
