-- What the personal guarantee's deed says that changes what the guarantor owes (docs/guarantees.md):
-- joint and several (solidaire) or simple (art. 2290 C. civ.): a simple guarantor has the bénéfice de discussion
-- (art. 2305) and, with other simple guarantors of the same debt, the bénéfice de division (art. 2306). Null on a
-- personal guarantee registered before this column: not recorded, taken as simple since solidarity is not presumed
-- (art. 1310); null on the other kinds, where it means nothing.
alter table recouvra.guarantee
    add column joint_and_several boolean,
    -- a clause limiting the guarantee to the principal: no interest, penalties nor accessories (art. 2295, "sauf
    -- clause contraire")
    add column principal_only boolean not null default false;

-- Each annual information of art. 2302 C. civ. sent to a natural-person guarantor: the one stating what was owed on
-- 31 December of for_year, sent (queued) on informed_on. A call reckons the forfeiture year by year from it.
create table recouvra.guarantee_annual_information (
    guarantee_id uuid    not null references recouvra.guarantee (id),
    for_year     integer not null,
    informed_on  date    not null,
    primary key (guarantee_id, for_year)
);

-- the register kept only the last day: it is the information for the year before it (sent in year Y, it states
-- 31 December Y - 1); earlier years were not recorded
insert into recouvra.guarantee_annual_information (guarantee_id, for_year, informed_on)
select id, extract(year from annual_information_on)::integer - 1, annual_information_on
from recouvra.guarantee
where annual_information_on is not null;
