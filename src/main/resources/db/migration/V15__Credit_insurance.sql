-- Credit insurance: the creditor's policy, the insurer's cover per buyer, and each insured invoice
-- with its declaration deadline, declaration, claim and indemnity.

-- The policy's terms. One policy is active at a time (a creditor renews or changes insurer yearly).
create table credit_insurance_policy (
    id                     uuid primary key,
    insurer                varchar(100)   not null,
    policy_number          varchar(64)    not null,
    currency               varchar(3)     not null,
    -- the share of an eligible loss the insurer pays: for buyers it approved by name, and for the
    -- others ("unnamed"), covered without a decision up to the discretionary limit
    covered_share          numeric(5, 2)  not null,
    unnamed_covered_share  numeric(5, 2)  not null,
    discretionary_limit    numeric(19, 2) not null,
    -- invoices on longer terms than this are not covered
    max_credit_days        integer        not null,
    -- when the overdue must be declared: a period (ISO 8601, P60D or P2M) counted from the due date,
    -- from the end of the maximum extension, or from the buyer's oldest unpaid due date
    declaration_basis      varchar(16)    not null,
    declaration_period     varchar(16)    not null,
    max_extension_period   varchar(16)    not null,
    -- a claim may be filed this long after the declaration
    waiting_period         varchar(16)    not null,
    -- a buyer owing less overdue than this need not be declared
    reporting_threshold    numeric(19, 2) not null,
    -- Recouvra declares this many days before the deadline (on the business day before, if need be)
    safety_margin_days     integer        not null,
    active                 boolean        not null,
    created_at             timestamptz    not null,
    constraint ck_policy_shares check (covered_share > 0 and covered_share <= 100
        and unnamed_covered_share >= 0 and unnamed_covered_share <= 100),
    constraint ck_policy_basis check (declaration_basis in ('DUE_DATE', 'MAX_EXTENSION', 'OLDEST_UNPAID')),
    constraint ck_policy_days check (max_credit_days > 0 and safety_margin_days >= 0)
);
create unique index uk_credit_insurance_policy_active on credit_insurance_policy (active) where active;

-- The insurer's decision on a buyer (one row per customer, the latest decision).
create table buyer_cover (
    customer_id      uuid primary key references customer (id),
    policy_id        uuid           not null references credit_insurance_policy (id),
    status           varchar(16)    not null,
    requested_amount numeric(19, 2),
    approved_limit   numeric(19, 2) not null default 0,
    valid_from       date,
    valid_to         date,
    insurer_reference varchar(100),
    decided_at       timestamptz,
    updated_at       timestamptz    not null,
    constraint ck_buyer_cover_status check (status in ('REQUESTED', 'APPROVED', 'REDUCED', 'WITHDRAWN', 'REFUSED'))
);

-- An invoice under the policy, from its registration to the declaration, the claim and the indemnity.
create table insured_invoice (
    invoice_id            uuid primary key references invoice (id),
    invoice_number        varchar(64)    not null,
    customer_id           uuid           not null references customer (id),
    policy_id             uuid           not null references credit_insurance_policy (id),
    status                varchar(16)    not null,
    covered_share         numeric(5, 2)  not null,
    declaration_deadline  date           not null,
    declare_by            date           not null,
    extended_until        date,
    not_declared_reason   varchar(200),
    declared_at           timestamptz,
    declared_late         boolean        not null default false,
    declaration_reference varchar(100),
    -- what was paid since the declaration and already reported to the insurer
    reported_paid         numeric(19, 2) not null default 0,
    claim_filed_at        timestamptz,
    claim_reference       varchar(100),
    claimed_amount        numeric(19, 2),
    indemnity             numeric(19, 2),
    indemnity_paid_on     date,
    refusal_reason        varchar(500),
    created_at            timestamptz    not null,
    constraint uk_insured_invoice_number unique (invoice_number),
    constraint ck_insured_invoice_status check (status in ('WATCHED', 'NOT_DECLARED', 'DECLARED', 'CLAIMED',
        'INDEMNIFIED', 'REFUSED', 'SETTLED'))
);
create index idx_insured_invoice_customer on insured_invoice (customer_id, status);
