-- The engine's job acquisition filters on the due date and on the lock expiry of ACT_RU_JOB.
-- Camunda ships no index on either column (named recouvra_idx_* so that no engine script collides): with a million waiting timers every idle poll of the
-- job executor scans the whole table (measured: over half a second per poll).
create index recouvra_idx_job_duedate on public.act_ru_job (duedate_);
create index recouvra_idx_job_lock_exp_time on public.act_ru_job (lock_exp_time_);
