-- Cases handed to collection agencies. The agencies themselves are configuration (recouvra.agency.*):
-- their secrets come from the environment, not from this database.
create table agency_case (
    id                 uuid primary key,
    agency_id          varchar(64)    not null,
    invoice_id         uuid           not null references invoice (id),
    customer_id        uuid           not null references customer (id),
    invoice_number     varchar(64)    not null,
    currency           varchar(3)     not null,
    -- what was handed over, split as the agency must show it to the debtor
    principal          numeric(19, 2) not null,
    interest           numeric(19, 2) not null,
    indemnity_eur      numeric(19, 2) not null,
    opened_at          timestamptz    not null,
    transferred_at     timestamptz,
    agency_reference   varchar(100),
    mandate_ends_on    date           not null,
    -- payments made to the creditor directly that the agency was told of
    reported_direct    numeric(19, 2) not null default 0,
    outcome            varchar(24),
    closed_at          timestamptz,
    constraint ck_agency_case_outcome check (outcome in ('RECOVERED', 'PARTLY_RECOVERED', 'UNRECOVERABLE',
        'DEBTOR_INSOLVENT', 'RETURNED', 'MANDATE_EXPIRED', 'PAID_DIRECTLY', 'WRITTEN_OFF', 'CANCELLED'))
);
-- one open case per invoice
create unique index uk_agency_case_open on agency_case (invoice_id) where closed_at is null;
create index idx_agency_case_invoice on agency_case (invoice_number);
create index idx_agency_case_customer on agency_case (customer_id);

-- Every status update an agency sent, once: its event id is unique per agency, so a replay is ignored.
create table agency_update (
    id            uuid primary key,
    agency_id     varchar(64)    not null,
    event_id      varchar(100)   not null,
    case_id       uuid           not null references agency_case (id),
    type          varchar(24)    not null,
    occurred_at   timestamptz    not null,
    amount        numeric(19, 2),
    promised_on   date,
    note          varchar(1000),
    received_at   timestamptz    not null,
    constraint uk_agency_update_event unique (agency_id, event_id),
    constraint ck_agency_update_type check (type in ('CONTACTED', 'PROMISE', 'PARTIAL_PAYMENT', 'RECOVERED',
        'UNRECOVERABLE', 'DEBTOR_INSOLVENT', 'RETURNED'))
);
create index idx_agency_update_case on agency_update (case_id);

-- The agency's commission on what it collected, and on what the debtor paid the creditor directly
-- during the mandate when the agency's terms say so.
create table agency_commission (
    id          uuid primary key,
    case_id     uuid           not null references agency_case (id),
    basis       varchar(24)    not null,
    collected   numeric(19, 2) not null,
    rate        numeric(5, 2)  not null,
    commission  numeric(19, 2) not null,
    currency    varchar(3)     not null,
    payment_id  uuid references payment (id),
    recorded_at timestamptz    not null,
    constraint ck_agency_commission_basis check (basis in ('COLLECTED_BY_AGENCY', 'PAID_DIRECTLY'))
);
create index idx_agency_commission_case on agency_commission (case_id);
