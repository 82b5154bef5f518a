-- A liquidation closed for insufficient assets and reopened (art. L643-13 C. com., "reprise de la procédure"): the
-- same proceedings resume, so insolvency_proceedings is OPEN again with its closing columns cleared (ck_insolvency_closed),
-- and the closing it undid is kept here with the judgment that reopened them (docs/insolvency.md, "Reopening").
create table insolvency_reopening (
    id                    uuid primary key,
    proceedings_id        uuid          not null references insolvency_proceedings (id),
    closed_as             varchar(32)   not null,
    closing_judgment_date date          not null,
    closing_note          varchar(1000),
    closed_at             timestamptz   not null,
    judgment_date         date          not null,
    note                  varchar(1000),
    recorded_at           timestamptz   not null,
    constraint ck_insolvency_reopening_closed_as check (closed_as = 'LIQUIDATION_INSUFFICIENT_ASSETS'),
    constraint ck_insolvency_reopening_after_closing check (judgment_date >= closing_judgment_date)
);
create index idx_insolvency_reopening_proceedings on insolvency_reopening (proceedings_id, judgment_date);
