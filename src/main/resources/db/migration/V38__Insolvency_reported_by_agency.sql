-- Proceedings a collection agency reported (its DEBTOR_INSOLVENT update), checked and recorded by a legal officer.
alter table insolvency_proceedings drop constraint ck_insolvency_reported_by;
alter table insolvency_proceedings add constraint ck_insolvency_reported_by
    check (reported_by in ('CREDIT_BUREAU', 'AGENCY', 'CREDIT_INSURER', 'PERSON'));
