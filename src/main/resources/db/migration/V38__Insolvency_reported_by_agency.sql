-- Proceedings a collection agency reported (its DEBTOR_INSOLVENT update), checked and recorded by a legal officer.
alter table insolvency_proceedings drop constraint ck_insolvency_reported_by;
alter table insolvency_proceedings add constraint ck_insolvency_reported_by
    check (reported_by in ('CREDIT_BUREAU', 'AGENCY', 'CREDIT_INSURER', 'PERSON'));

-- The judgments that converted proceedings into another kind (safeguard into receivership or liquidation,
-- receivership into liquidation): the same proceedings go on, and the opening judgment still splits the claims.
-- With the proceedings' opening kind, they are the history of the proceedings' kinds (docs/insolvency.md).
alter table insolvency_proceedings add column opened_as varchar(16);
update insolvency_proceedings set opened_as = kind;
alter table insolvency_proceedings alter column opened_as set not null;
create table insolvency_conversion (
    id             uuid primary key,
    proceedings_id uuid         not null references insolvency_proceedings (id),
    converted_from varchar(16)  not null,
    kind           varchar(16)  not null,
    judgment_date  date         not null,
    court          varchar(200),
    recorded_at    timestamptz  not null,
    constraint ck_insolvency_conversion check ((converted_from = 'SAFEGUARD' and kind in ('RECEIVERSHIP', 'LIQUIDATION'))
        or (converted_from = 'RECEIVERSHIP' and kind = 'LIQUIDATION'))
);
create index idx_insolvency_conversion_proceedings on insolvency_conversion (proceedings_id, judgment_date);
