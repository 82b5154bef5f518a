-- The dispatcher holds a customer's reminders while more of the same kind and channel are still being asked for
-- (the grouping window, docs/messaging.md "Contact policy"): for each due row it looks for a pending row of the
-- same customer, channel and kind asked for within the window. During a wave every due row asks, so the question
-- must be one index probe, not a walk through the customer's whole outbox history.
create index idx_outbox_pending_group on outbox_message (customer_id, channel, kind, created_at) where status = 'PENDING';
