-- Numbers and addresses that asked not to be contacted on a channel (STOP by SMS, a provider's
-- "unsubscribed recipient" error, a request on the phone). Checked before every send.
create table channel_opt_out (
    channel      varchar(16)  not null,
    address      varchar(254) not null,
    opted_out_at timestamptz  not null,
    source       varchar(32)  not null,
    primary key (channel, address)
);

-- Inbound messages carry the provider's own id: stored once per customer, however often the provider retries.
alter table interaction add column external_ref varchar(100);
create unique index uk_interaction_external_ref on interaction (external_ref, customer_id) where external_ref is not null;

create index idx_outbox_provider_id on outbox_message (provider_id) where provider_id is not null;
create index idx_contact_phone on contact (phone) where phone is not null;
