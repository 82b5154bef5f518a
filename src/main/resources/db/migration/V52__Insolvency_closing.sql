-- The judgment that closed insolvency proceedings (docs/insolvency.md, "Closing the proceedings"): a plan carried out
-- (art. L626-28 C. com.), a liquidation closed for insufficient assets or because the debts were paid (art. L643-9).
-- Closed proceedings have all four; open ones none (nothing closed proceedings before this version).
alter table insolvency_proceedings
    add column closing_kind          varchar(32),
    add column closing_judgment_date date,
    add column closing_note          varchar(1000),
    add column closed_at             timestamptz,
    add constraint ck_insolvency_closing_kind
        check (closing_kind in ('PLAN_CARRIED_OUT', 'LIQUIDATION_INSUFFICIENT_ASSETS', 'LIQUIDATION_DEBTS_PAID')),
    add constraint ck_insolvency_closed
        check ((status = 'CLOSED') = (closing_kind is not null and closing_judgment_date is not null and closed_at is not null)),
    add constraint ck_insolvency_closing_after_opening
        check (closing_judgment_date is null or closing_judgment_date >= judgment_date);
