-- An uncertain send (the provider may or may not have the message) is re-checked with the provider
-- for a while before a person is asked: when it became uncertain, and when the person was asked.
alter table outbox_message
    add column uncertain_since timestamptz,
    add column person_asked_at timestamptz;

create index idx_outbox_unknown_recheck on outbox_message (next_attempt_at)
    where status = 'UNKNOWN' and person_asked_at is null;
