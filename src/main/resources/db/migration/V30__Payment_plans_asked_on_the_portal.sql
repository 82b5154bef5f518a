-- A debtor may now ask for a payment plan on the portal: the plan says it came from there.
alter table payment_plan drop constraint ck_payment_plan_via;
alter table payment_plan add constraint ck_payment_plan_via check (requested_via in ('CALL', 'API', 'PORTAL'));
