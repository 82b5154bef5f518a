-- The rates behind French late-payment interest (article L. 441-10 of the Code de commerce), one row
-- per half-year: the ECB main refinancing rate in force on 1 January or 1 July, and the legal interest
-- rate "for all other cases" (creditor acting professionally) fixed by decree for that half-year.
-- Only half-years checked against their published sources are seeded; an admin adds the next ones
-- with PUT /api/v1/late-payment-rates/{halfYearStart}.
create table late_payment_rate (
    half_year_start date          primary key,
    ecb_rate        numeric(6, 3) not null,
    legal_rate      numeric(6, 3) not null,
    source          varchar(500)  not null,
    recorded_at     timestamptz   not null,
    recorded_by     varchar(128)  not null,
    constraint ck_late_payment_rate_half_year check (extract(day from half_year_start) = 1
        and extract(month from half_year_start) in (1, 7)),
    constraint ck_late_payment_rate_values check (ecb_rate between -5 and 50 and legal_rate between 0 and 50)
);

insert into late_payment_rate (half_year_start, ecb_rate, legal_rate, source, recorded_at, recorded_by) values
    ('2023-01-01', 2.500, 2.06, 'ECB MRO 2.50 % since 21 Dec 2022; legal rate: arrêté of 21 Dec 2022', now(), 'migration'),
    ('2023-07-01', 4.000, 4.22, 'ECB MRO 4.00 % since 21 Jun 2023; legal rate: arrêté of 27 Jun 2023', now(), 'migration'),
    ('2024-01-01', 4.500, 5.07, 'ECB MRO 4.50 % since 20 Sep 2023; legal rate: arrêté of 21 Dec 2023', now(), 'migration'),
    ('2024-07-01', 4.250, 4.92, 'ECB MRO 4.25 % since 12 Jun 2024; legal rate: arrêté of 26 Jun 2024', now(), 'migration'),
    ('2025-01-01', 3.150, 3.71, 'ECB MRO 3.15 % since 18 Dec 2024; legal rate: arrêté of 17 Dec 2024', now(), 'migration'),
    ('2025-07-01', 2.150, 2.76, 'ECB MRO 2.15 % since 11 Jun 2025; legal rate: arrêté of 19 Jun 2025', now(), 'migration'),
    ('2026-01-01', 2.150, 2.62, 'ECB MRO 2.15 % (held 18 Dec 2025); legal rate: arrêté of 15 Dec 2025', now(), 'migration');

-- A rate agreed in the contract (annual percentage) replaces the statutory one for this invoice; the
-- law still does not let it fall below three times the legal interest rate.
alter table invoice add column contractual_interest_rate numeric(6, 3);
alter table invoice add constraint ck_invoice_contractual_rate
    check (contractual_interest_rate is null or contractual_interest_rate between 0 and 100);
