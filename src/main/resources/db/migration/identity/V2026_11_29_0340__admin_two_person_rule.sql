-- 三员 (issue 9 item 2b). An account holds at most one of the three administrator roles in its whole life:
-- admin_role is set when it first becomes one and never changes, and its role may be an administrator role only if it
-- is that one. The database refuses the rest, whatever the application does.
alter table idn_user add column admin_role text;
update idn_user set admin_role = role where role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN');
alter table idn_user add constraint idn_user_admin_role_kind
    check (admin_role is null or admin_role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN'));
alter table idn_user add constraint idn_user_one_admin_role
    check (role not in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN') or role = admin_role);
create function idn_user_admin_role_kept() returns trigger language plpgsql as $$
begin
    if old.admin_role is not null and new.admin_role is distinct from old.admin_role then
        raise exception 'an account keeps the administrator role it once held (三员分立)';
    end if;
    return new;
end $$;
create trigger idn_user_admin_role_kept before update of admin_role on idn_user
    for each row execute function idn_user_admin_role_kept();

-- Creating or granting an administrator role, and resetting an administrator's password, wait here for a second
-- administrator's approval (two-person rule).
create table idn_admin_request (
    id                uuid primary key,
    kind              text        not null check (kind in ('CREATE', 'GRANT', 'RESET_PASSWORD')),
    role              text        not null check (role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN')),
    target_user_id    uuid,
    username          text        not null,
    display_name      text        not null,
    reason            text,
    status            text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED')),
    requested_by      uuid        not null,
    requested_by_name text        not null,
    requested_at      timestamptz not null,
    expires_at        timestamptz not null,
    decided_by        uuid,
    decided_by_name   text,
    decided_at        timestamptz,
    decision_reason   text
);
create index idn_admin_request_status on idn_admin_request (status, requested_at desc);
-- one open request per new username and per account
create unique index idn_admin_request_pending_username on idn_admin_request (username) where status = 'PENDING';
