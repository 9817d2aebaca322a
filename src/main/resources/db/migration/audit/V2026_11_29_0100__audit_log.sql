-- Audit module: append-only, hash-chained log (等保 level 3 security audit).
create table audit_log (
    seq            bigint primary key,
    id             uuid        not null unique,
    occurred_at    timestamptz not null,
    actor_id       uuid,
    actor_username text,
    actor_role     text,
    client_address text,
    action         text        not null,
    entity_type    text,
    entity_id      text,
    changes        text,
    result         text        not null check (result in ('SUCCESS', 'FAILURE')),
    detail         text,
    prev_hash      char(64)    not null,
    hash           char(64)    not null
);
create index audit_log_occurred_at on audit_log (occurred_at);
create index audit_log_actor on audit_log (actor_username, occurred_at);
create index audit_log_entity on audit_log (entity_type, entity_id);

-- Rows are never changed or removed by the application; an attempt is an error even for the table owner.
create function audit_log_reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_reject_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_reject_change();
