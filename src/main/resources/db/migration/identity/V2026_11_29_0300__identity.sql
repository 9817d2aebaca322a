-- Identity module: accounts, password history, API tokens.
create table idn_user (
    id                   uuid primary key,
    username             text        not null unique,
    display_name         text        not null,
    role                 text        not null,
    region_code          text,
    unit_id              uuid,
    enterprise_id        uuid,
    mobile_enc           text,
    password_hash        text        not null,
    password_changed_at  timestamptz not null,
    must_change_password boolean     not null,
    totp_secret_enc      text,
    totp_enabled         boolean     not null default false,
    totp_last_step       bigint,
    failed_attempts      int         not null default 0,
    locked_until         timestamptz,
    enabled              boolean     not null default true,
    demo                 boolean     not null default false,
    last_login_at        timestamptz,
    created_at           timestamptz not null,
    created_by           text        not null,
    updated_at           timestamptz not null,
    security_stamp       uuid        not null,
    version              int         not null default 0
);
comment on column idn_user.unit_id is 'the committee unit whose supervised industries make up a member unit''s or county unit''s scope';

-- The last hashes, so that none of the last 5 passwords is reused (等保 level 3).
create table idn_password_history (
    user_id       uuid        not null references idn_user (id),
    password_hash text        not null,
    created_at    timestamptz not null
);
create index idn_password_history_user on idn_password_history (user_id, created_at desc);

-- Bearer tokens: only a SHA-256 of the token is stored. A token dies when the account's security stamp changes.
create table idn_api_token (
    id           uuid primary key,
    user_id      uuid        not null references idn_user (id),
    token_hash   char(64)    not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz not null,
    revoked_at   timestamptz,
    client       text,
    security_stamp uuid      not null
);
create index idn_api_token_user on idn_api_token (user_id);
