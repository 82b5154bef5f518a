-- An uncertain send (the provider may or may not have the message) is re-checked with the provider
-- for a while before a person is asked: when it became uncertain, and when the person was asked.
alter table outbox_message
    add column uncertain_since timestamptz,
    add column person_asked_at timestamptz;

create index idx_outbox_unknown_recheck on outbox_message (next_attempt_at)
    where status = 'UNKNOWN' and person_asked_at is null;

-- Messages already UNKNOWN were waiting for a person: their day of rechecks counts from their creation,
-- so the first recheck asks the provider once more and, failing an answer, raises the person's task.
update outbox_message set uncertain_since = created_at where status = 'UNKNOWN';
