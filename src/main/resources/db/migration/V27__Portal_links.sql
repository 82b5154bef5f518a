-- The links to the debtor portal Recouvra has issued. The token itself is never stored: it is signed
-- (HMAC) over these fields, so a row only says that the link exists and whether it was revoked.
create table portal_link (
    id           varchar(32)  primary key,
    customer_id  uuid         not null,
    purpose      varchar(16)  not null,
    issued_at    timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz
);
create index ix_portal_link_customer on portal_link (customer_id);
