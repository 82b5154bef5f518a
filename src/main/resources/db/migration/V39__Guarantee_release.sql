-- A guarantee given back (mainlevée): the day and why. The row stays, with its calls, as the register's history;
-- its changes are entries on the customer's trail (docs/guarantees.md).
alter table recouvra.guarantee
    add column released_on    date,
    add column release_reason varchar(2000);
