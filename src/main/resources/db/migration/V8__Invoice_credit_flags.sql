-- Set when the invoice is registered, against the customer's credit terms at that moment.
alter table invoice add column over_credit_limit boolean not null default false;
alter table invoice add column terms_beyond_policy boolean not null default false;
