-- An invoice may reward early payment (escompte pour paiement anticipé): a rate, in percent of the
-- amount including VAT, for a payment whose value date is on or before discount_until. Both or neither.
-- The until-date lies between the issue date and the due date; the rate is above 0 and at most 10 %
-- (French practice is 0.5 % to 3 %; more is almost always a typo for a late-payment or VAT rate).
alter table invoice
    add column discount_rate  numeric(5, 2),
    add column discount_until date,
    add constraint ck_invoice_discount check (
        (discount_rate is null and discount_until is null)
        or (discount_rate > 0 and discount_rate <= 10 and discount_until between issue_date and due_date));

-- A credit note keeps its VAT split, in the invoice's own proportion (docs/accounting.md), for the
-- accountant: an early-payment discount reduces the VAT base (CGI art. 267, II-1°) and needs it.
-- Credit notes booked until now get the same split, worked out from their invoice.
alter table credit_note
    add column amount_excl_vat        numeric(19, 2),
    add column vat                    numeric(19, 2),
    add column early_payment_discount boolean not null default false,
    -- 'ESC-' before the invoice's number (64 characters at most) names its discount's credit note
    alter column number type varchar(80);
update credit_note n
set vat             = round(n.amount * i.vat / i.amount, 2),
    amount_excl_vat = n.amount - round(n.amount * i.vat / i.amount, 2)
from invoice i
where i.id = n.invoice_id;
alter table credit_note
    alter column amount_excl_vat set not null,
    alter column vat set not null,
    add constraint ck_credit_note_vat check (vat >= 0 and amount_excl_vat >= 0 and amount_excl_vat + vat = amount);
-- one discount per invoice, whatever books it
create unique index uk_credit_note_discount on credit_note (invoice_id) where early_payment_discount;
