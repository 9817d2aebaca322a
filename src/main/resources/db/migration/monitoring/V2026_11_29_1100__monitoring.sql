-- Monitoring module (plan item 26): monitoring points, device credentials, versioned alarm rules, raw readings
-- partitioned by day, latest values, 5-minute aggregates, alarms with their timeline, shutdown orders and baselines.
-- Enterprise, region and industry are copied onto points and alarms (ids and codes only, no cross-module keys).

-- Versioned rule data: a version is in force from its date; an alarm records the version it was raised under.
create table mon_rule_version (
    version        int primary key,
    effective_from date        not null,
    title          text        not null,
    note           text,
    published_at   timestamptz not null,
    published_by   text        not null
);

-- One rule of a version. kind = the point kind it applies to; location = the location type ('*' = any location).
-- THRESHOLD: HIGH triggers at value >= trigger_value and clears at value < clear_value (hysteresis);
--            LOW triggers at value < trigger_value and clears at value >= clear_value.
-- RATE: |change| per minute >= trigger_value. NO_DATA / FLAT_LINE: minutes. ELECTRICITY_SHUTDOWN: factor k.
create table mon_rule (
    version       int         not null references mon_rule_version (version),
    code          text        not null,
    kind          text        not null,
    location      text        not null default '*',
    rule_type     text        not null check (rule_type in ('THRESHOLD', 'RATE', 'NO_DATA', 'FLAT_LINE', 'ELECTRICITY_SHUTDOWN')),
    level         text        not null check (level in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    direction     text check (direction in ('HIGH', 'LOW')),
    trigger_value double precision,
    clear_value   double precision,
    minutes       int,
    factor        double precision,
    label         text        not null,
    action        text,
    source        text        not null,
    confidence    text        not null check (confidence in ('V', 'P', 'M', 'INFERENCE')),
    primary key (version, code, kind, location)
);

-- A device (a gateway or a single sensor) that uploads readings; its secret is stored as a SHA-256 hash only.
create table mon_device (
    id            uuid primary key,
    code          text        not null unique,
    name          text        not null,
    enterprise_id uuid        not null,
    enterprise_name text      not null,
    region_code   text        not null,
    zone_code     text,
    industry_code text        not null,
    secret_hash   text        not null,
    enabled       boolean     not null default true,
    demo          boolean     not null default false,
    created_at    timestamptz not null,
    created_by    text        not null
);
create index mon_device_enterprise on mon_device (enterprise_id);

create table mon_point (
    id              uuid primary key,
    no              serial      not null unique,
    code            text        not null unique,
    name            text        not null,
    enterprise_id   uuid        not null,
    enterprise_name text        not null,
    region_code     text        not null,
    zone_code       text,
    industry_code   text        not null,
    device_id       uuid        not null references mon_device (id),
    kind            text        not null,
    location_type   text        not null default '*',
    location        text        not null,
    unit            text        not null,
    range_min       double precision not null,
    range_max       double precision not null,
    -- process alarms of hazardous-chemical plants come from the enterprise's own design (HAZOP/SIL), not a national table
    high            double precision,
    high_high       double precision,
    low             double precision,
    low_low         double precision,
    enabled         boolean     not null default true,
    demo            boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         int         not null default 0,
    check (range_max > range_min)
);
create index mon_point_enterprise on mon_point (enterprise_id);
create index mon_point_region on mon_point (region_code text_pattern_ops);
create index mon_point_device on mon_point (device_id);

-- Raw readings, one partition per day (Asia/Shanghai); idempotent on (point, device sequence number, time).
create table mon_reading (
    point_no    int              not null,
    ts          timestamptz      not null,
    seq         bigint           not null,
    value       double precision not null,
    received_at timestamptz      not null,
    primary key (point_no, ts, seq)
) partition by range (ts);

create table mon_latest (
    point_no    int primary key,
    ts          timestamptz      not null,
    seq         bigint           not null,
    value       double precision not null,
    received_at timestamptz      not null
);

create table mon_agg_5m (
    point_no int              not null,
    bucket   timestamptz      not null,
    n        int              not null,
    avg      double precision not null,
    min      double precision not null,
    max      double precision not null,
    last     double precision not null,
    primary key (point_no, bucket)
);
create index mon_agg_5m_bucket on mon_agg_5m (bucket);
-- buckets that received readings after they were aggregated (late uploads), to aggregate again
create table mon_agg_dirty (
    point_no int         not null,
    bucket   timestamptz not null,
    primary key (point_no, bucket)
);
-- where the aggregation job has got to, and other small job state
create table mon_job_state (
    name  text primary key,
    at    timestamptz not null
);

create sequence mon_alarm_seq;

-- subject_key: the point id, or 'enterprise:<id>' for enterprise-wide rules (electricity during a shutdown order).
create table mon_alarm (
    id                uuid primary key,
    number            text             not null unique,
    subject_key       text             not null,
    point_id          uuid,
    point_code        text,
    point_name        text,
    enterprise_id     uuid             not null,
    enterprise_name   text             not null,
    region_code       text             not null,
    zone_code         text,
    industry_code     text             not null,
    rule_code         text             not null,
    rule_version      int              not null,
    rule_label        text             not null,
    rule_source       text             not null,
    rule_confidence   text             not null,
    level             text             not null check (level in ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    status            text             not null,
    verdict           text check (verdict in ('TRUE', 'PARTLY_TRUE', 'FALSE')),
    threshold         text,
    trigger_value     double precision,
    peak_value        double precision,
    reading_ts        timestamptz      not null,
    raised_at         timestamptz      not null,
    last_triggered_at timestamptz      not null,
    trigger_count     int              not null default 1,
    cleared_at        timestamptz,
    respond_due_at    timestamptz      not null,
    escalated_at      timestamptz,
    escalated_to      text,
    hazard_id         uuid,
    hazard_number     text,
    closed_at         timestamptz,
    demo              boolean          not null default false,
    version           int              not null default 0
);
-- at most one alarm in handling per subject and rule: re-triggers update it (no alarm storms), even across instances
create unique index mon_alarm_one_open on mon_alarm (subject_key, rule_code) where status <> 'CLOSED';
create index mon_alarm_region on mon_alarm (region_code text_pattern_ops, raised_at desc);
create index mon_alarm_enterprise on mon_alarm (enterprise_id, raised_at desc);
create index mon_alarm_open on mon_alarm (status, respond_due_at) where status <> 'CLOSED';
create index mon_alarm_raised on mon_alarm (raised_at desc);

create table mon_alarm_transition (
    id          bigserial primary key,
    alarm_id    uuid        not null references mon_alarm (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    actor_role  text,
    at          timestamptz not null,
    reason      text
);
create index mon_alarm_transition_alarm on mon_alarm_transition (alarm_id, id);

-- Shutdown orders in force: from hazards (全部/局部停产) and from enforcement decisions (inspections events).
create table mon_shutdown (
    source_key    text primary key,
    enterprise_id uuid        not null,
    origin        text        not null check (origin in ('HAZARD', 'DECISION')),
    label         text        not null,
    partial       boolean     not null,
    since         date        not null,
    lifted_on     date,
    updated_at    timestamptz not null
);
create index mon_shutdown_active on mon_shutdown (enterprise_id) where lifted_on is null;

-- The idle electricity load learned from an enterprise's own history (method: docs/monitoring.md).
create table mon_baseline (
    enterprise_id uuid primary key,
    idle_kw       double precision,
    samples       int         not null,
    days          int         not null,
    computed_at   timestamptz not null
);

-- Rejected readings: counted by reason, and a sample of each kept for inspection.
create table mon_reject_count (
    day     date   not null,
    channel text   not null,
    reason  text   not null,
    count   bigint not null,
    primary key (day, channel, reason)
);
create table mon_reject (
    id          bigserial primary key,
    at          timestamptz not null,
    channel     text        not null,
    reason      text        not null,
    device_code text,
    point_code  text,
    detail      text        not null,
    payload     text
);
create index mon_reject_at on mon_reject (at desc);
