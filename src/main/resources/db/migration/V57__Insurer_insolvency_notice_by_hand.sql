-- Issue 18: a buyer's insolvency the insurer's API could not take after two tries is told by a credit manager by hand
-- (a Tasklist task). Failures are counted so the task is raised once, at the second; told_at is then the task's
-- completion and told_by_hand_by who completed it (null when the API took the notice).
alter table insurer_insolvency_notice
    add column failures        integer not null default 0,
    add column told_by_hand_by varchar(200);
