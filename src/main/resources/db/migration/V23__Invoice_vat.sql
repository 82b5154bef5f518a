-- Each invoice carries its own VAT: the amount excluding VAT and the VAT, which add up to the amount
-- due (including VAT). One standard rate for every invoice was wrong for intra-EU supplies (CGI art.
-- 262 ter), exports (art. 262), reverse charge and reduced rates (5.5 %, 10 %, 2.1 %).
alter table invoice
    add column amount_excl_vat numeric(19, 2),
    add column vat             numeric(19, 2),
    -- true: the breakdown was not given but worked out at the standard rate (invoices registered
    -- before this migration, and CSV lines or API requests without it); the accountant should check it
    add column vat_derived     boolean not null default false;

-- Existing invoices: the least wrong breakdown is the one every figure was computed with until now
-- (the standard rate setting, 20 % unless configured otherwise), flagged as derived so it is never
-- mistaken for the invoice's own. Late-charges debit notes bear no VAT (interest and the recovery
-- indemnity are outside its scope): their breakdown is known, not derived.
update invoice
set vat             = round(amount * ${vatStandardRate} / (100 + ${vatStandardRate}), 2),
    amount_excl_vat = amount - round(amount * ${vatStandardRate} / (100 + ${vatStandardRate}), 2),
    vat_derived     = true
where kind = 'INVOICE';
update invoice set vat = 0, amount_excl_vat = amount, vat_derived = false where kind <> 'INVOICE';

alter table invoice
    alter column amount_excl_vat set not null,
    alter column vat set not null,
    add constraint ck_invoice_vat check (vat >= 0 and amount_excl_vat >= 0 and amount_excl_vat + vat = amount);

-- A write-off keeps whether the VAT it recovers came from the invoice or from the standard rate, and
-- has no single rate when the invoice has no amount excluding VAT (a VAT-only corrective invoice).
alter table write_off
    alter column vat_rate drop not null,
    add column vat_derived boolean not null default false;
-- the write-offs recorded until now took their VAT at the standard rate
update write_off set vat_derived = true;

-- A provision line says whether its base rests on a VAT derived at the standard rate; in the months
-- closed until now, every one did.
alter table provision_line add column vat_derived boolean not null default false;
update provision_line set vat_derived = true;
