-- ShedLock's table: a scheduled job that must run on one node only (the nightly re-scoring) takes
-- its row here; lock_until in database time, so that the nodes' clocks need not agree.
create table scheduler_lock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
