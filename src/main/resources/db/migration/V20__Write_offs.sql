-- Every write-off, with why, who approved it, and the VAT inside the amount, for the accountant.
create table write_off (
    id             uuid primary key,
    invoice_id     uuid           not null references invoice (id),
    invoice_number varchar(64)    not null,
    customer_id    uuid           not null references customer (id),
    written_off_on date           not null,
    amount         numeric(19, 2) not null,
    currency       varchar(3)     not null,
    vat_rate       numeric(5, 2)  not null,
    vat_included   numeric(19, 2) not null,
    reason         varchar(24)    not null,
    note           varchar(2000),
    approved_by    varchar(100),
    recorded_at    timestamptz    not null,
    constraint uk_write_off_invoice unique (invoice_id),
    constraint ck_write_off_reason check (reason in ('INSOLVENCY', 'ENFORCEMENT_FAILED', 'UNRECOVERABLE', 'PRESCRIBED',
        'UNECONOMIC', 'SETTLEMENT', 'OTHER'))
);
create index idx_write_off_day on write_off (written_off_on);
