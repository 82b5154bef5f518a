-- Insolvency proceedings (procédures collectives) opened against a customer: what the opening judgment says,
-- who reported it, and the BODACC publication that starts the deadline to declare claims (docs/insolvency.md).
-- Court and representative may be unknown when the credit bureau or the insurer reports the proceedings:
-- a legal officer completes them; a person reporting them gives them at once (the service checks that).
create table insolvency_proceedings
(
    id                          uuid primary key,
    customer_id                 uuid         not null references customer (id),
    kind                        varchar(16)  not null,
    judgment_date               date         not null,
    court                       varchar(200),
    representative_name         varchar(200),
    representative_address      varchar(400),
    representative_email        varchar(254),
    bodacc_published_on         date,
    reported_by                 varchar(16)  not null,
    reported_at                 timestamptz  not null,
    outside_metropolitan_france boolean      not null default false,
    status                      varchar(16)  not null,
    constraint ck_insolvency_kind check (kind in ('SAFEGUARD', 'RECEIVERSHIP', 'LIQUIDATION')),
    constraint ck_insolvency_reported_by check (reported_by in ('CREDIT_BUREAU', 'CREDIT_INSURER', 'PERSON')),
    constraint ck_insolvency_status check (status in ('OPEN', 'CLOSED')),
    constraint ck_insolvency_bodacc check (bodacc_published_on is null or bodacc_published_on >= judgment_date)
);
-- one open proceedings per customer: a conversion (safeguard into receivership, into liquidation) changes its kind
create unique index uk_insolvency_open on insolvency_proceedings (customer_id) where status = 'OPEN';

-- A payment plan stopped by insolvency proceedings: the debtor may no longer pay the claims born before the
-- opening judgment (art. L622-7 C. com.), so the plan ends without being broken.
alter table payment_plan
    drop constraint ck_payment_plan_status,
    add constraint ck_payment_plan_status check (status in ('PROPOSED', 'REFUSED', 'OFFERED', 'NOT_ACCEPTED', 'ACTIVE',
        'COMPLETED', 'BROKEN', 'STOPPED'));
