-- Legal cases: the injunction to pay (injonction de payer, articles 1405 et seq. of the Code de
-- procédure civile) of one invoice, from the request to enforcement, the request documents as
-- they were prepared, and the acts that interrupt the prescription of a claim.

-- One injunction case of one invoice; the LegalInjunction process (business key = the invoice
-- number) moves it along. An invoice may come back to court later: one open case at a time.
create table legal_case (
    id                       uuid primary key,
    invoice_id               uuid           not null references invoice (id),
    invoice_number           varchar(64)    not null,
    customer_id              uuid           not null references customer (id),
    stage                    varchar(24)    not null,
    -- the court of the debtor's registered seat, as the request names it
    court_name               varchar(200),
    currency                 varchar(3)     not null,
    -- the claim of the last request built: principal, statutory interest to interest_as_of, the
    -- fixed recovery indemnities (euros), other costs, and their total
    principal                numeric(19, 2),
    interest                 numeric(19, 2),
    indemnity                numeric(19, 2),
    other_costs              numeric(19, 2) not null default 0,
    total_claimed            numeric(19, 2),
    interest_as_of           date,
    sent_back_reason         varchar(500),
    filed_on                 date,
    court_reference          varchar(100),
    decision                 varchar(16),
    order_date               date,
    amount_granted           numeric(19, 2),
    served_on                date,
    commissaire_de_justice   varchar(200),
    opposition_filed_on      date,
    opposition_window_ends   date,
    hearing_date             date,
    formula_affixed_on       date,
    enforcement_instructed_on date,
    enforcement_outcome      varchar(16),
    amount_recovered         numeric(19, 2),
    outcome                  varchar(8),
    outcome_reason           varchar(500),
    opened_at                timestamptz    not null,
    closed_at                timestamptz,
    constraint ck_legal_case_stage check (stage in ('PREPARING', 'IN_REVIEW', 'APPROVED', 'FILED', 'ORDER_GRANTED',
        'SERVED', 'OPPOSED', 'ENFORCEABLE', 'ENFORCING', 'ENDED')),
    constraint ck_legal_case_decision check (decision is null or decision in ('GRANTED', 'PARTLY', 'REJECTED')),
    constraint ck_legal_case_enforcement check (enforcement_outcome is null
        or enforcement_outcome in ('FULL', 'PART', 'NOTHING')),
    constraint ck_legal_case_outcome check (outcome is null or outcome in ('CLOSED', 'RETURNED')),
    constraint ck_legal_case_amounts check (other_costs >= 0 and (amount_granted is null or amount_granted >= 0)
        and (amount_recovered is null or amount_recovered >= 0))
);
create unique index uk_legal_case_open on legal_case (invoice_number) where outcome is null;
create index idx_legal_case_invoice on legal_case (invoice_number, opened_at desc);

-- Every request PDF built for a case (a correction builds a new one): the last one is filed.
create table legal_document (
    id         uuid primary key,
    case_id    uuid        not null references legal_case (id),
    kind       varchar(16) not null,
    content    bytea       not null,
    sha256     varchar(64) not null,
    created_at timestamptz not null,
    constraint ck_legal_document_kind check (kind in ('REQUEST'))
);
create index idx_legal_document_case on legal_document (case_id, created_at desc);

-- Acts that interrupt prescription and that the ledger does not already show (payments and accepted
-- payment plans are read from their own tables): a signed acknowledgement of the debt (Code civil
-- 2240), a court claim (2241) and an enforcement measure (2244). A formal notice is not one.
create table prescription_act (
    id          uuid primary key,
    invoice_id  uuid         not null references invoice (id),
    act         varchar(16)  not null,
    act_date    date         not null,
    note        varchar(500),
    recorded_at timestamptz  not null,
    recorded_by varchar(100),
    constraint ck_prescription_act check (act in ('ACKNOWLEDGEMENT', 'COURT_CLAIM', 'ENFORCEMENT'))
);
create index idx_prescription_act_invoice on prescription_act (invoice_id, act_date desc);

-- The reviews the daily scan raised: one per invoice and prescription date, so that it raises each once.
create table prescription_review (
    invoice_id     uuid        not null references invoice (id),
    prescribed_on  date        not null,
    raised_at      timestamptz not null,
    primary key (invoice_id, prescribed_on)
);
