-- Analytics read models (issue 11). Built only from the hazards module's HazardChanged snapshots (and rebuilt from
-- HazardDirectory.forEachSnapshot); no foreign keys to other modules. '' stands for "none" in key columns so that
-- the counting tables can have plain primary keys.

-- One row per hazard: the latest snapshot seen (highest version). Serves drill-down to the hazards behind a number.
create table an_hazard (
    hazard_id              uuid        primary key,
    version                int         not null,
    number                 text        not null,
    enterprise_id          uuid        not null,
    enterprise_name        text        not null,
    region_code            text        not null,
    zone_code              text        not null,
    industry_code          text        not null,
    field_code             text        not null,
    channel                text        not null,
    grade                  text        not null,
    status                 text        not null,
    listing_level          text        not null,
    overdue                boolean     not null,
    stock                  boolean     not null,
    found_on               date        not null,
    deadline               date,
    reported_at            timestamptz,
    dept_confirmed_at      timestamptz,
    principal_confirmed_at timestamptz,
    signed_off_at          timestamptz,
    closed_at              timestamptz,
    created_at             timestamptz,
    applied_at             timestamptz not null default now()
);
create index an_hazard_region on an_hazard (region_code text_pattern_ops, found_on desc, hazard_id);
create index an_hazard_industry on an_hazard (industry_code, found_on desc, hazard_id);
create index an_hazard_field on an_hazard (field_code, found_on desc, hazard_id) where field_code <> '';
create index an_hazard_enterprise on an_hazard (enterprise_id, found_on desc);
create index an_hazard_overdue on an_hazard (deadline, hazard_id) where overdue;

-- Current state: how many hazards stand in each combination now.
create table an_state_count (
    region_code   text    not null,
    zone_code     text    not null,
    industry_code text    not null,
    field_code    text    not null,
    grade         text    not null,
    status        text    not null,
    channel       text    not null,
    listing_level text    not null,
    overdue       boolean not null,
    stock         boolean not null,
    n             bigint  not null,
    primary key (region_code, zone_code, industry_code, field_code, grade, status, channel, listing_level, overdue, stock)
);

-- By month found (Asia/Shanghai): trends, periods, rectification rate of a period. bucket: OPEN / RECTIFIED / REMOVED.
create table an_found_month (
    region_code   text   not null,
    zone_code     text   not null,
    industry_code text   not null,
    field_code    text   not null,
    grade         text   not null,
    channel       text   not null,
    found_month   date   not null,
    bucket        text   not null,
    n             bigint not null,
    primary key (found_month, region_code, zone_code, industry_code, field_code, grade, channel, bucket)
);

-- Rectified (signed off or closed) by month of the decision and whole days from found to decision: sign-off counts per
-- month and the median / p90 days to sign-off from a histogram.
create table an_done_month (
    region_code   text   not null,
    zone_code     text   not null,
    industry_code text   not null,
    field_code    text   not null,
    grade         text   not null,
    done_month    date   not null,
    days          int    not null,
    n             bigint not null,
    primary key (done_month, region_code, zone_code, industry_code, field_code, grade, days)
);

-- Facts from other modules' events, idempotent by the event's own id.
create table an_inspection_fact (
    fact_id        text        primary key,
    kind           text        not null,   -- FINDING / DECISION
    unit_id        uuid,
    unit_region    text        not null,
    region_code    text        not null,
    industry_code  text        not null,
    major          boolean     not null,
    hazard_count   int         not null,
    fine_fen       bigint      not null,
    on_date        date        not null,
    at             timestamptz not null
);
create index an_inspection_fact_unit on an_inspection_fact (unit_id, on_date);

create table an_dispatch (
    dispatch_id   uuid        not null,
    addressee_id  uuid        not null,
    kind          text        not null,
    from_level    text        not null,
    unit_id       uuid,
    region_code   text        not null,
    due_on        date        not null,
    sent_at       timestamptz not null,
    answered_at   timestamptz,
    answered_on_time boolean,
    overdue       boolean     not null default false,
    primary key (dispatch_id, addressee_id)
);

-- 市县两级比对: a county office's own monthly figures by industry, as submitted (one row per county, month, industry).
create table an_county_figure (
    county_code   text        not null,
    month         date        not null,
    industry_code text        not null,
    found         int         not null,
    major_found   int         not null,
    rectified     int         not null,
    submitted_by  uuid        not null,
    submitted_at  timestamptz not null,
    primary key (county_code, month, industry_code)
);

-- When the hazard read models were last rebuilt from the source (null row: never — the first start rebuilds).
create table an_rebuild (
    id          int         primary key check (id = 1),
    finished_at timestamptz not null,
    hazards     bigint      not null,
    millis      bigint      not null
);
