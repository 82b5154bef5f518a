-- The day a debtor was reported in insolvency proceedings (by a collection agency, a court or a
-- credit manager): it changes the escalation route, the provision rate, and what the VAT note says.
alter table customer add column insolvency_reported_on date;
