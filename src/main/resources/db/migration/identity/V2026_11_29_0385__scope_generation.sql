-- The count of committed changes that can alter a logged-in user's data scope (industry supervision), shared by every
-- instance: a UI session built before the current count rebuilds its principal (issue 9 part 7).
create table idn_scope_generation (
    id         int    not null primary key check (id = 1),
    generation bigint not null
);
insert into idn_scope_generation (id, generation) values (1, 0);
