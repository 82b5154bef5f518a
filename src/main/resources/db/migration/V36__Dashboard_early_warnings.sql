-- The dashboard's early warnings of the last 30 days read the trail's notes by time over the whole book:
-- an index on type and time serves that range without a scan of the trail.
create index idx_interaction_type_time on interaction (type, occurred_at);
