-- Hazards module: the loop follows its sources (issue 8, issue 9 item 2a, issue 10).

-- Where a hazard belongs beyond its enterprise's industry: the field of the standard it was judged against when that
-- standard concerns every unit (GB 35181 → fire, 特种设备 → special). Scope, routing and statistics use both.
alter table hz_hazard add column field_code text;
create index hz_hazard_field on hz_hazard (field_code, found_on desc) where field_code is not null;

-- A major hazard determined without a listed clause (综合判定 / 专家论证).
alter table hz_hazard add column determination boolean not null default false;
alter table hz_hazard drop constraint hz_hazard_check;
alter table hz_hazard add constraint hz_hazard_major_basis check (grade = 'GENERAL' or clause_id is not null or determination);

-- Province-level listing (省级挂牌), recorded by the city office on the province's behalf.
alter table hz_hazard drop constraint hz_hazard_listing_level_check;
alter table hz_hazard add constraint hz_hazard_listing_level_check check (listing_level in ('PROVINCE', 'CITY', 'COUNTY'));
-- When a listing ended (sign-off confirmed by the listing body, or 摘牌 with a reason) and at which level it was.
alter table hz_hazard add column listing_ended_level text check (listing_ended_level in ('PROVINCE', 'CITY', 'COUNTY'));
alter table hz_hazard add column listing_ended_on date;
-- 令第16号 第十八条: whether the listing body found the enterprise able to evaluate its own rectification.
alter table hz_hazard add column self_evaluation_allowed boolean not null default false;

-- The deadline of the step the hazard waits in (confirmation, acknowledgement, plan, 摘牌 confirmation) and whether it
-- has been escalated; rectification and review keep their own columns.
alter table hz_hazard add column step_due_on date;
alter table hz_hazard add column step_overdue boolean not null default false;
create index hz_hazard_step_due on hz_hazard (step_due_on) where step_due_on is not null and not step_overdue;

alter table hz_hazard add column extension_count int not null default 0;

-- 综合判定 / 专家论证: the standard version cited, the experts and their opinion.
create table hz_determination (
    hazard_id     uuid primary key references hz_hazard (id),
    version_id    uuid        not null,
    citation      text        not null,
    experts       text        not null check (btrim(experts) <> ''), -- one expert per line: name, unit, title
    opinion       text        not null check (btrim(opinion) <> ''),
    determined_on date        not null,
    recorded_at   timestamptz not null,
    recorded_by   text        not null
);

-- How many experts a determination needs under a standard, by the day its edition came into force (the editions of
-- one standard differ), and whether the standard provides for one. A standard without a row:
-- zhiben.hazards.determination-min-experts, allowed only where the library holds the standard in part.
create table hz_determination_rule (
    standard_code text    not null,
    from_date     date    not null,
    edition       text    not null,
    min_experts   int     not null check (min_experts > 0),
    provided      boolean not null,
    basis         text    not null,
    inferred      boolean not null,
    primary key (standard_code, from_date)
);
insert into hz_determination_rule (standard_code, from_date, edition, min_experts, provided, basis, inferred) values
    ('fire', date '2018-07-01', 'GB 35181-2017', 7, true,
     'GB 35181-2017 第4、5章：现场检查后集体讨论；情况复杂的组织不少于7人的专家组论证，结论须经2/3以上专家同意；第7、8章综合判定', false),
    ('fire', date '2025-11-01', 'GB 35181-2025', 3, true,
     'GB 35181-2025 第6章综合判定要素（据前言）；新版删除了判定程序一章，专家人数本平台按2017版“不少于3人集体讨论”推定，取得原文后请核对', true);

-- Evaluation by a third party names its qualification; an enterprise's own evaluation names its experts.
alter table hz_evaluation add column qualification text;
alter table hz_evaluation add column experts text;

-- 责任倒查 (plan item 23): opened when a hazard found by others was not found by the enterprise's own checks; the county
-- and the supervising unit see it and close it with their findings. Part of the hazard (one per hazard).
alter table hz_hazard add column accountability_status text check (accountability_status in ('OPEN', 'CLOSED'));
alter table hz_hazard add column accountability_basis text;
alter table hz_hazard add column accountability_opened_at timestamptz;
alter table hz_hazard add column accountability_conclusion text;
alter table hz_hazard add column accountability_closed_at timestamptz;
alter table hz_hazard add column accountability_closed_by text;
alter table hz_hazard add constraint hz_hazard_accountability_complete check (
    (accountability_status is null or (accountability_basis is not null and accountability_opened_at is not null))
    and ((accountability_status = 'CLOSED') = (accountability_conclusion is not null and accountability_closed_at is not null)));
create index hz_hazard_accountability on hz_hazard (accountability_opened_at desc) where accountability_status is not null;
