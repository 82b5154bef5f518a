-- Credit-bureau reports as received: the cache that saves billed calls, and the record of which
-- external data a score used.
create table bureau_report (
    id                  uuid primary key,
    registration_number varchar(32)  not null,
    fetched_at          timestamptz  not null,
    outcome             varchar(16)  not null,
    report              jsonb,
    detail              varchar(500),
    constraint ck_bureau_report_outcome check (outcome in ('FOUND', 'UNKNOWN_COMPANY', 'UNAVAILABLE'))
);
create index idx_bureau_report_lookup on bureau_report (registration_number, fetched_at desc);

-- Every score computed for a customer, with what went into it and what each factor contributed.
create table credit_score (
    id            uuid primary key,
    customer_id   uuid         not null references customer (id),
    scored_at     timestamptz  not null,
    score         integer      not null,
    risk_class    varchar(1)   not null,
    factors       jsonb        not null,
    bureau        varchar(200) not null,
    constraint ck_credit_score_range check (score between 0 and 100),
    constraint ck_credit_score_class check (risk_class in ('A', 'B', 'C', 'D', 'E'))
);
create index idx_credit_score_customer on credit_score (customer_id, scored_at desc);
