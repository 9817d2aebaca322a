-- Identity module: which enterprises an expert account works for, and when (issue 9 item 2c). An expert's data scope is
-- the enterprises assigned to it on the day; assignments come from the inspections module (or, until then, the
-- security administrator), each under the stable reference of the record that made it.
create table idn_expert_assignment (
    id             uuid primary key,
    expert_user_id uuid        not null references idn_user (id),
    enterprise_id  uuid        not null,
    valid_from     date        not null,
    valid_to       date        not null,
    source_ref     text        not null unique check (btrim(source_ref) <> ''),
    created_at     timestamptz not null,
    created_by     text        not null,
    revoked_at     timestamptz,
    revoked_by     text,
    check (valid_to >= valid_from)
);
create index idn_expert_assignment_expert on idn_expert_assignment (expert_user_id, valid_from, valid_to) where revoked_at is null;
