-- The guarantees that secure a customer's receivables (docs/guarantees.md): personal guarantees (cautionnement),
-- first-demand bank guarantees and standby letters of credit, retention-of-title clauses, deposits received.
create table recouvra.guarantee (
    id                         uuid primary key,
    customer_id                uuid not null references recouvra.customer (id),
    -- set when the guarantee secures one invoice only; otherwise it secures the whole account
    invoice_id                 uuid references recouvra.invoice (id),
    kind                       varchar(32) not null check (kind in ('PERSONAL_GUARANTEE', 'FIRST_DEMAND_GUARANTEE',
                                                                    'RETENTION_OF_TITLE', 'DEPOSIT')),
    -- the guarantor (personal guarantee) or the bank (first-demand guarantee), and where its call letter goes
    provider_name              varchar(200),
    provider_address           varchar(500),
    natural_person             boolean not null default false,
    amount                     numeric(19, 2) not null check (amount > 0),
    currency                   char(3) not null,
    starts_on                  date not null,
    ends_on                    date,
    reference                  varchar(100),
    call_conditions            varchar(2000),
    documents_required         varchar(2000),
    -- what was checked of the formalities its validity depends on (art. 2297, 2300, 2302 C. civ.)
    handwritten_mention        boolean not null default false,
    reduced_to                 numeric(19, 2) check (reduced_to >= 0),
    annual_information_on      date,
    status                     varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE', 'CALLED', 'EXHAUSTED', 'REFUSED', 'RELEASED')),
    -- what the guarantor already paid under calls: the cap left is the amount (or the reduced amount) less it
    paid_out                   numeric(19, 2) not null default 0,
    expiry_warned_at           timestamp with time zone,
    created_at                 timestamp with time zone not null,
    created_by                 varchar(100)
);
create index guarantee_customer on recouvra.guarantee (customer_id);
create index guarantee_expiry on recouvra.guarantee (ends_on) where status = 'ACTIVE' and expiry_warned_at is null;

-- Each call of a guarantee: the letter as sent, the deadline to answer, the answer.
create table recouvra.guarantee_call (
    id             uuid primary key,
    guarantee_id   uuid not null references recouvra.guarantee (id),
    invoice_id     uuid not null references recouvra.invoice (id),
    invoice_number varchar(64) not null,
    claimed        numeric(19, 2) not null check (claimed > 0),
    currency       char(3) not null,
    called_on      date not null,
    answer_due_on  date not null,
    letter         bytea not null,
    outcome        varchar(16) check (outcome in ('PAID', 'REFUSED', 'NO_ANSWER')),
    paid           numeric(19, 2),
    payment_id     uuid,
    refusal_reason varchar(2000),
    answered_at    timestamp with time zone
);
create unique index guarantee_call_open on recouvra.guarantee_call (invoice_id) where outcome is null;
