-- The credit insurer told that a buyer entered insolvency proceedings: one row per buyer and opening judgment.
-- Kept so that the notice is sent once (the proceedings' recording tries at once; the declaration of claims'
-- preparation, a retried job, sends it if that first try failed) and so that the trail and the claims can say when.
create table insurer_insolvency_notice (
    customer_id     uuid        not null references customer (id),
    judgment_date   date        not null,
    policy_id       uuid        not null references credit_insurance_policy (id),
    kind            varchar(16) not null,
    court           varchar(200),
    representative  varchar(200),
    told_at         timestamptz,
    last_failure    varchar(1000),
    primary key (customer_id, judgment_date)
);
