-- Failed logins since the last successful one: told to the account's owner after their next login, never to whoever
-- is trying (issue 9 item 3).
alter table idn_user add column failed_since_login int not null default 0;
-- Consecutive failures restart after a quiet window, for accounts exactly as for unknown usernames.
alter table idn_user add column last_failed_at timestamptz;

-- Usernames that do not exist are counted and locked like accounts, so their answers cannot tell them apart.
create table idn_login_unknown (
    username        text primary key,
    failed_attempts int         not null,
    locked_until    timestamptz,
    updated_at      timestamptz not null
);
create index idn_login_unknown_updated on idn_login_unknown (updated_at);

-- Token buckets (Bucket4j, PostgreSQL select-for-update) limiting login and token requests per client address and
-- per username, shared by every instance on this database.
create table idn_rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index idn_rate_limit_expires on idn_rate_limit (expires_at);
