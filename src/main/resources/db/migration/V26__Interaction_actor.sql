-- Who acted: the Tasklist user who completed the task, or the API user who made the call, that an
-- interaction records. Empty when Recouvra acted on its own (a timer, a scheduled job, a provider's webhook)
-- and on rows recorded before this column existed.
alter table interaction add column actor varchar(200);
