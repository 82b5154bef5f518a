-- The API's invoice list (GET /api/v1/invoices, receivables.InvoiceList) at a million invoices: each filter it takes
-- reads its page in the list's order (due date, then number) from an index, starting right after the `after` cursor
-- ((due_date, number) > (...), a condition of the index), and counts at most 10,001 rows from the same index.
-- Every index here is written on each registration: only those a list reads.

-- by status, and without a filter (one index scan per status, merged in order: an index on (due_date, number)
-- alone made the planner read a status's page from it, filtering). The number added to V3's (status, due_date),
-- which it replaces: whatever read that one reads this one, by the same leading columns.
create index idx_invoice_status_due_date_number on invoice (status, due_date, number);
drop index idx_invoice_status_due_date;

-- by customer, with or without a status (a customer's invoices of one status are filtered from its own, in order;
-- V3's (customer_id, status) stays for the sums of a customer's open invoices and the risk page)
create index idx_invoice_customer_due_date_number on invoice (customer_id, due_date, number);

-- the customer list, by legal name then id (GET /api/v1/customers)
create index idx_customer_legal_name_id on customer (legal_name, id);
