-- The day a customer came out of insolvency proceedings back in bonis (docs/insolvency.md, "After the closing"): the
-- closing judgment of a plan carried out (art. L626-28 C. com.) or of a liquidation closed because the debts were
-- paid (art. L643-9). From then on the customer is no longer "in proceedings" (scoring, provisions of its new
-- invoices, escalation route); its invoices born before insolvency_reported_on stay frozen whatever this says. Null
-- while the proceedings run, and for ever after a liquidation closed for insufficient assets (the company is gone).
alter table customer
    add column insolvency_ended_on date,
    add constraint ck_customer_insolvency_ended
        check (insolvency_ended_on is null or (insolvency_reported_on is not null and insolvency_ended_on >= insolvency_reported_on));

-- proceedings closed before this version: the customer's last proceedings tell whether it is back in bonis
update customer c set insolvency_ended_on = p.closing_judgment_date
from (select distinct on (customer_id) customer_id, status, closing_kind, closing_judgment_date
      from insolvency_proceedings order by customer_id, judgment_date desc) p
where p.customer_id = c.id and p.status = 'CLOSED' and p.closing_kind in ('PLAN_CARRIED_OUT', 'LIQUIDATION_DEBTS_PAID')
  and c.insolvency_reported_on is not null and p.closing_judgment_date >= c.insolvency_reported_on;
