-- The credit terms a credit review set on a customer: limit, payment terms, guarantee.
alter table customer add column sector varchar(40);
alter table customer add column credit_limit numeric(19, 2);
alter table customer add column max_payment_days integer;
alter table customer add column payment_terms_basis varchar(20);
alter table customer add column guarantee varchar(20);
alter table customer add column credit_terms_set_at timestamptz;
alter table customer add constraint ck_customer_payment_days check (max_payment_days is null or max_payment_days between 0 and 60);
