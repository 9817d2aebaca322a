-- Enterprise internal reporting (内部吹哨人, plan item 31): each enterprise's own channel, its employees' reports and
-- the rewards the enterprise gives. The department sees counts per enterprise, never the reports' reporters.

create table tip_internal_channel (
    enterprise_id uuid primary key,
    token         text        not null unique,       -- the channel's public link /tipoffs/public/internal/{token}
    created_at    timestamptz not null
);

create table tip_internal_report (
    id             uuid primary key,
    enterprise_id  uuid        not null,
    region_code    text        not null,              -- copied from the enterprise at receipt, for department scope
    zone_code      text,
    industry_code  text        not null,
    number         text        not null unique,
    anonymous      boolean     not null,
    reporter_sealed text,                             -- name and contact, sealed with the tip-off key; shown to the enterprise only
    description    text        not null,
    place          text,
    major          boolean     not null default false, -- the enterprise judged it a major hazard
    status         text        not null,              -- RECEIVED, HANDLED, NOT_A_HAZARD
    handling_note  text,
    hazard_id      uuid,                              -- the hazard the enterprise reported from it (self-inspection)
    handled_at     timestamptz,
    reward_fen     bigint,
    reward_note    text,
    rewarded_on    date,
    received_at    timestamptz not null,
    demo           boolean     not null default false
);
create index tip_internal_report_enterprise on tip_internal_report (enterprise_id, received_at);
