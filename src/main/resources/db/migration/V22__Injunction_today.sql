-- The injunction to pay as the Code de procédure civile reads since decree 2021-1322 (1 March 2022).
-- How the order was served (art. 654 et seq. CPC) decides how long an opposition stays possible
-- (art. 1416): served to the debtor in person, one month; otherwise until one month after the first
-- act served on it in person or the first measure making its assets unavailable, in whole or in part.
alter table legal_case add column service_mode varchar(20);
alter table legal_case add column personal_notice_on date;
alter table legal_case add column assets_unavailable_on date;
alter table legal_case add constraint ck_legal_case_service_mode
    check (service_mode is null or service_mode in ('PERSON', 'DOMICILE', 'ETUDE', 'SEARCH_REPORT'));

-- The service of the order interrupts prescription, not the filing of the request (Cass. 1re civ.,
-- 11 February 2010, 08-19.802); an interruption that became void (non avenue, Code civil 2243: the
-- order lapsed unserved, the claim was dismissed for good) stays on record but no longer counts.
alter table prescription_act drop constraint ck_prescription_act;
alter table prescription_act add constraint ck_prescription_act
    check (act in ('ACKNOWLEDGEMENT', 'COURT_CLAIM', 'ORDER_SERVED', 'ENFORCEMENT'));
alter table prescription_act add column void_since date;
alter table prescription_act add column void_reason varchar(300);

-- A claim found already time-barred before a reminder, a formal notice or a request raises one more
-- review (once per prescription date), even when the scan reviewed it while it was only near.
alter table prescription_review add column barred_warning_at timestamptz;
