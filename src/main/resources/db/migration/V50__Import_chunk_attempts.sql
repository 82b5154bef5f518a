-- A chunk whose transaction fails for a reason that is no refusal of a line (the database refusing one of its
-- lines in a way the checks before it do not foresee: a trigger, a constraint, a value out of a column's range)
-- was rolled back, left until its lease ran out and taken up again, forever (issue 19). Its failed attempts are
-- counted here; from the 4th, its lines are imported one to a transaction and a line that still fails is refused
-- alone, with a reference to the logged error, while the others are stored.
alter table invoice_import_chunk add column attempts integer not null default 0;

-- The lines of the chunk stored with at least one notice: an import's progress gives counts, never its whole report
-- (100,000 lines' report is megabytes); the reasons and notices are read a page at a time or as the report's CSV.
alter table invoice_import_chunk add column with_notices integer not null default 0;
update invoice_import_chunk
   set with_notices = (select count(distinct n ->> 'line') from jsonb_array_elements(notices) n)
 where notices <> '[]';
