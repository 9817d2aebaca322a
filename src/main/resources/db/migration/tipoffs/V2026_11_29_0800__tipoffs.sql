-- Tip-offs (举报) and rewards: the tipoffs module's tables (docs/tipoffs.md).

create table tip_tipoff (
    id               uuid primary key,
    number           text        not null unique,        -- 举报编号, e.g. JB140525-2026-00012
    tracking_code    text        not null unique,        -- what the reporter quotes to follow the case
    secret_hash      text        not null,               -- SHA-256 of the secret handed out once
    channel          text        not null,               -- ONLINE, HOTLINE, LETTER, VISIT
    category         text        not null,               -- MAJOR_HAZARD, ILLEGAL_PRODUCTION, CONCEALED_ACCIDENT, OTHER
    anonymous        boolean     not null,
    enterprise_name  text        not null,
    enterprise_address text,
    place            text,
    occurred_on      date,
    description      text        not null,
    region_code      text        not null,               -- where it happened (county, or the city when unknown)
    industry_code    text,
    enterprise_id    uuid,                               -- set at triage when the enterprise is on record
    unit_id          uuid,                               -- handling unit (三管三必须)
    unit_region_code text,                               -- the handling unit's county; null = city level
    status           text        not null,
    finding          text,                               -- TRUE, PARTLY_TRUE, FALSE
    conclusion       text,
    concealed_deaths_json text,                          -- {"GENERAL":1,...} verified concealed deaths by accident level
    hazard_id        uuid,
    hazard_number    text,
    duplicate_of     uuid references tip_tipoff (id),
    received_at      timestamptz not null,
    received_on      date        not null,
    accept_due       date        not null,
    accepted_on      date,
    verify_due       date,
    concluded_on     date,
    reply_due        date,
    reply            text,
    replied_on       date,
    overdue          boolean     not null default false,
    escalated_on     date,
    fine_fen         bigint,                             -- fines actually imposed by decisions naming its hazard
    registered_by    uuid,                               -- staff account for hotline/letter/visit; null online
    demo             boolean     not null default false,
    version          int         not null default 0,
    created_at       timestamptz not null
);
create index tip_tipoff_status on tip_tipoff (status);
create index tip_tipoff_region on tip_tipoff (region_code);
create index tip_tipoff_unit on tip_tipoff (unit_id, unit_region_code);
create index tip_tipoff_hazard on tip_tipoff (hazard_id);
create index tip_tipoff_enterprise on tip_tipoff (enterprise_id);

create table tip_transition (
    id          bigserial primary key,
    tipoff_id   uuid        not null references tip_tipoff (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    actor_role  text,
    at          timestamptz not null,
    reason      text
);
create index tip_transition_tipoff on tip_transition (tipoff_id, id);

-- The reporter's personal data, sealed with the tip-off key (not the field key); read only through TipoffIdentityVault.
create table tip_identity (
    tipoff_id  uuid primary key references tip_tipoff (id),
    sealed     text        not null,
    created_at timestamptz not null
);

-- Accounts specially authorised to open sealed identities (granted by the security administrator).
create table tip_identity_grant (
    user_id    uuid primary key,
    username   text        not null,
    granted_by uuid        not null,
    granted_at timestamptz not null,
    note       text        not null,
    revoked_at timestamptz,
    revoked_by uuid
);

create table tip_identity_access (
    id        uuid primary key,
    tipoff_id uuid        not null references tip_tipoff (id),
    user_id   uuid        not null,
    username  text        not null,
    purpose   text        not null,
    at        timestamptz not null
);
create index tip_identity_access_tipoff on tip_identity_access (tipoff_id, at);

create table tip_attachment (
    id           uuid primary key,
    tipoff_id    uuid        not null references tip_tipoff (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    storage_key  text        not null,
    uploaded_at  timestamptz not null
);
create index tip_attachment_tipoff on tip_attachment (tipoff_id);

-- Fixed-window counters of the public endpoints, shared by every instance.
create table tip_rate_limit (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         int         not null,
    primary key (bucket, window_start)
);

-- Proof-of-work challenges already spent (each answers one submission).
create table tip_pow_spent (
    nonce      text primary key,
    expires_at timestamptz not null
);

-- Reward rules as versioned data (安监总财〔2018〕19号 and local variants).
create table tip_reward_rule (
    id                 uuid primary key,
    code               text    not null,
    version            int     not null,
    name               text    not null,
    level              text    not null,               -- NATIONAL, PROVINCE, COUNTY
    region_code        text,                           -- the county for COUNTY rules
    industry_prefix    text,                           -- null: every industry
    percent_bp         int     not null,               -- share of the fine, basis points (1500 = 15 %)
    include_person_fines boolean not null,
    min_fen            bigint  not null,
    max_fen            bigint  not null,
    death_general_fen  bigint  not null,
    death_larger_fen   bigint  not null,
    death_major_fen    bigint  not null,
    death_especially_fen bigint not null,
    death_cap_fen      bigint  not null,
    valid_from         date    not null,
    valid_to           date,
    source             text    not null,
    confidence         text    not null,               -- V, P, M, INFERENCE
    status             text    not null,               -- DRAFT, APPROVED
    created_by         uuid,
    approved_by        uuid,
    approved_at        timestamptz,
    unique (code, version)
);

-- Enforcement decisions heard from the inspections module (idempotent on the decision).
create table tip_decision (
    decision_id       uuid primary key,
    document_number   text,
    enterprise_id     uuid,
    hazard_ids        uuid[]  not null,
    enterprise_fine_fen bigint not null,
    person_fine_fen   bigint  not null,
    decided_on        date,
    heard_at          timestamptz not null
);
create index tip_decision_hazards on tip_decision using gin (hazard_ids);

create table tip_reward (
    id              uuid primary key,
    tipoff_id       uuid        not null unique references tip_tipoff (id),
    rule_id         uuid        not null references tip_reward_rule (id),
    inputs          text        not null,              -- JSON: what the amount was computed from
    explanation     text        not null,
    amount_fen      bigint      not null,
    status          text        not null,              -- PROPOSED, APPROVED, REJECTED, PAID
    unit_id         uuid,
    unit_region_code text,
    proposed_by     uuid        not null,
    proposed_name   text        not null,
    proposed_at     timestamptz not null,
    decided_by      uuid,
    decided_name    text,
    decided_at      timestamptz,
    decision_note   text,
    paid_on         date,
    payment_ref     text,
    paid_by         uuid,
    year            int         not null,
    version         int         not null default 0
);

-- 奖励资金纳入财政预算 (plan item 31): the budget of a handling unit for a year; '' = city level.
create table tip_budget (
    unit_id     uuid   not null,
    region_code text   not null,
    year        int    not null,
    amount_fen  bigint not null,
    set_by      uuid   not null,
    set_at      timestamptz not null,
    primary key (unit_id, region_code, year)
);

-- The national rule (安全生产领域举报奖励办法, 安监总财〔2018〕19号, Arts. on major hazards / illegal production and
-- concealed accidents) and the Shanxi housing-and-construction variant (山西省住建领域举报奖励办法, 2024-04-22), both
-- stated in domain-reference §5.4 [V]. Whether person fines count as "the fine" is our inference (include_person_fines).
insert into tip_reward_rule (id, code, version, name, level, region_code, industry_prefix, percent_bp, include_person_fines,
                             min_fen, max_fen, death_general_fen, death_larger_fen, death_major_fen, death_especially_fen,
                             death_cap_fen, valid_from, valid_to, source, confidence, status, approved_at)
values ('8a000000-0000-4000-8000-000000000001', 'national', 1, '安全生产领域举报奖励办法', 'NATIONAL', null, null, 1500, true,
        300000, 30000000, 3000000, 4000000, 5000000, 6000000, 30000000, date '2018-01-01', null,
        '安全生产领域举报奖励办法（安监总财〔2018〕19号）：重大事故隐患、非法违法生产按行政处罚金额15%，最低3000元、最高30万元；瞒报谎报事故按每查实瞒报1人一般3万、较大4万、重大5万、特别重大6万元，最高30万元',
        'V', 'APPROVED', now()),
       ('8a000000-0000-4000-8000-000000000002', 'shanxi-housing', 1, '山西省住建领域举报奖励办法', 'PROVINCE', '140000', 'construction', 1500, true,
        300000, 30000000, 3000000, 4000000, 5000000, 6000000, 30000000, date '2024-04-22', null,
        '山西省住建领域举报奖励办法（2024-04-22）：与国家办法相同的15%、3000元至30万元及按瞒报人数的奖励标准',
        'V', 'APPROVED', now());
