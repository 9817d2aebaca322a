-- People module: personnel register, certificates, training, drills, 三违/逢查必考 retraining, training institutions.
-- Enterprise name, region and industry are copied (ids and codes only, no cross-module keys) so that scope applies in
-- the query; the daily job refreshes the copies when the enterprise record changes. Personal data (ID numbers, mobile
-- numbers, certificate numbers, which often contain the ID number) are stored encrypted (AES-GCM, FieldEncryptor) with a
-- masked copy for lists and a keyed digest (HMAC) for lookups and uniqueness.

-- ---------------------------------------------------------------- reference data (editable data, docs/people.md)

create table ppl_certificate_type (
    code                text primary key,
    category            text    not null check (category in ('SPECIAL_OPERATION', 'SPECIAL_EQUIPMENT', 'SAFETY_ASSESSMENT', 'FIRE_SYSTEM')),
    name                text    not null,
    validity_years      int,
    review_years        int,
    source              text    not null,
    confidence          text    not null check (confidence in ('V', 'P', 'M')),
    sort_order          int     not null
);
comment on column ppl_certificate_type.validity_years is 'null: the certificate does not expire';
comment on column ppl_certificate_type.review_years is '复审 interval; null: no review between issue and expiry';

insert into ppl_certificate_type (code, category, name, validity_years, review_years, source, confidence, sort_order) values
    ('SO_ELECTRICAL', 'SPECIAL_OPERATION', '特种作业·电工作业', 6, 3, '特种作业人员安全技术培训考核管理规定（原总局令第30号）附件特种作业目录；第十九、二十一条', 'P', 1),
    ('SO_WELDING', 'SPECIAL_OPERATION', '特种作业·焊接与热切割作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 2),
    ('SO_HEIGHT', 'SPECIAL_OPERATION', '特种作业·高处作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 3),
    ('SO_REFRIGERATION', 'SPECIAL_OPERATION', '特种作业·制冷与空调作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 4),
    ('SO_COAL_MINE', 'SPECIAL_OPERATION', '特种作业·煤矿安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 5),
    ('SO_METAL_MINE', 'SPECIAL_OPERATION', '特种作业·金属非金属矿山安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 6),
    ('SO_OIL_GAS', 'SPECIAL_OPERATION', '特种作业·石油天然气安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 7),
    ('SO_METALLURGY', 'SPECIAL_OPERATION', '特种作业·冶金（有色）生产安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 8),
    ('SO_HAZCHEM', 'SPECIAL_OPERATION', '特种作业·危险化学品安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 9),
    ('SO_FIREWORKS', 'SPECIAL_OPERATION', '特种作业·烟花爆竹安全作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 10),
    ('SO_OTHER', 'SPECIAL_OPERATION', '特种作业·其他经认定的作业', 6, 3, '原总局令第30号 特种作业目录；第十九、二十一条', 'P', 11),
    ('SPECIAL_EQUIPMENT', 'SPECIAL_EQUIPMENT', '特种设备作业人员证', 4, null, '特种设备作业人员监督管理办法（有效期 4 年为记忆所得，未核对原文）', 'M', 20),
    ('ASSESS_PRINCIPAL', 'SAFETY_ASSESSMENT', '主要负责人安全生产知识和管理能力考核合格证', 3, null, '安全生产法第二十七条；安全生产培训管理办法（原总局令第44号）第二十五条', 'P', 30),
    ('ASSESS_MANAGER', 'SAFETY_ASSESSMENT', '安全生产管理人员安全生产知识和管理能力考核合格证', 3, null, '安全生产法第二十七条；原总局令第44号 第二十五条', 'P', 31),
    ('FIRE_SYSTEM', 'FIRE_SYSTEM', '自动消防系统操作（消防设施操作员）证书', null, null, '晋市安委发〔2024〕6号 四(五)17 持证上岗；证书有效期未查到依据，按不设有效期处理（我方推断）', 'M', 40);

-- Posts a given employment type must not hold. 煤矿井下: 煤矿安全生产条例第二十四条 [V]; 矿山地面危险岗位和井下: the plan
-- (晋市安委发〔2024〕6号 四(五)17); a national non-coal rule was not verified.
create table ppl_post_kind (
    code                        text primary key,
    name                        text    not null,
    industry_codes              text[]  not null,
    forbidden_employment_types  text[]  not null,
    source                      text,
    confidence                  text check (confidence in ('V', 'P', 'M')),
    sort_order                  int     not null
);
insert into ppl_post_kind (code, name, industry_codes, forbidden_employment_types, source, confidence, sort_order) values
    ('GENERAL', '一般岗位', '{}', '{}', null, null, 0),
    ('COAL_UNDERGROUND', '煤矿井下岗位', '{mine.coal}', '{DISPATCHED}', '煤矿安全生产条例第二十四条：煤矿井下岗位不得使用劳务派遣用工', 'V', 1),
    ('MINE_UNDERGROUND', '金属非金属矿山井下岗位', '{mine.noncoal}', '{DISPATCHED}', '晋市安委发〔2024〕6号 四(五)17：矿山企业井下严禁使用劳务派遣工（国家层面非煤矿山规定未核实）', 'P', 2),
    ('MINE_SURFACE_DANGEROUS', '矿山地面危险岗位', '{mine.coal,mine.noncoal}', '{DISPATCHED}', '晋市安委发〔2024〕6号 四(五)17：矿山企业地面危险岗位严禁使用劳务派遣工', 'P', 3);

create table ppl_topic (
    code        text primary key,
    name        text not null,
    source      text not null,
    sort_order  int  not null
);
insert into ppl_topic (code, name, source, sort_order) values
    ('XI_REMARKS', '习近平总书记关于安全生产重要论述', '晋市安委发〔2024〕6号 四(四)16', 1),
    ('LAWS', '安全生产方针政策和安全生产法、消防法、生产安全事故应急条例等法律法规', '晋市安委发〔2024〕6号 四(四)16', 2),
    ('ACCIDENT_WARNING', '事故警示教育', '晋市安委发〔2024〕6号 四(四)16', 3),
    ('INDUSTRY_SPECIFIC', '行业领域专项培训内容', '晋市安委发〔2024〕6号 四(四)16', 4),
    ('HAZARD_STANDARDS', '重大事故隐患排查判定标准', '晋市安委发〔2024〕6号 四(五)17', 5),
    ('VIOLATION_WARNING', '“三违”事故警示教育', '晋市安委发〔2024〕6号 四(五)18', 6),
    ('EMERGENCY_DRILL', '应急演练与应急处置', '晋市安委发〔2024〕6号 四(五)18', 7),
    ('SELF_RESCUE', '自救互救', '晋市安委发〔2024〕6号 四(五)18', 8),
    ('WORK_INJURY_PREVENTION', '工伤预防能力提升', '晋市安委发〔2024〕6号 四(五)18', 9),
    ('FIRE_SAFETY', '消防安全', '晋市安委发〔2024〕6号 四(四)15', 10),
    ('ENFORCEMENT', '执法业务能力（重大事故隐患排查整治）', '晋市安委发〔2024〕6号 四(十一)34', 11),
    ('POST_SKILLS', '岗位操作规程与技能', '生产经营单位安全培训规定（原总局令第3号）第十四至十六条', 12);

-- Coverage targets: who must be trained, in which sector and year, how long, how many. A sector is industry codes
-- (with their sub-industries) and/or special operations; either matches.
create table ppl_training_target (
    id                  uuid primary key,
    code                text        not null unique,
    year                int         not null,
    sector_name         text        not null,
    industry_codes      text[]      not null default '{}',
    special_operations  text[]      not null default '{}',
    roles               text[]      not null,
    min_days            numeric(4, 1) not null check (min_days >= 0),
    participation_pct   int         not null check (participation_pct between 1 and 100),
    required_topics     text[]      not null default '{}',
    source              text        not null,
    confidence          text        not null check (confidence in ('V', 'P', 'M')),
    note                text,
    active              boolean     not null default true,
    version             int         not null default 0,
    updated_at          timestamptz not null,
    updated_by          text        not null,
    check (cardinality(industry_codes) + cardinality(special_operations) > 0)
);
insert into ppl_training_target (id, code, year, sector_name, industry_codes, special_operations, roles, min_days,
                                 participation_pct, required_topics, source, confidence, note, updated_at, updated_by) values
    ('6f1f0c1e-9a51-4c1a-9f10-000000002401', '2024-MINE-PRINCIPAL', 2024, '矿山企业', '{mine.coal,mine.noncoal}', '{}', '{PRINCIPAL}', 3, 100,
     '{XI_REMARKS,LAWS,ACCIDENT_WARNING,INDUSTRY_SPECIFIC}', '晋市安委发〔2024〕6号 四(四)15（2024 年矿山企业主要负责人集中培训）、16（不少于 3 天、参训率 100%）', 'V',
     '“不少于 3 天、100%”原文在第 16 条，适用于行业领域主要负责人培训；与第 15 条的年度行业合并理解为本目标（我方理解）', now(), 'migration'),
    ('6f1f0c1e-9a51-4c1a-9f10-000000002402', '2024-HOSPITAL-FIRE', 2024, '二级、三级医院', '{health.hospital}', '{}', '{FIRE_SAFETY_RESPONSIBLE}', 3, 100,
     '{XI_REMARKS,LAWS,ACCIDENT_WARNING,INDUSTRY_SPECIFIC}', '晋市安委发〔2024〕6号 四(四)15（2024 年二级三级医院消防安全责任人集中培训）、16', 'V',
     '天数与参训率取第 16 条（我方理解）', now(), 'migration'),
    ('6f1f0c1e-9a51-4c1a-9f10-000000002501', '2025-SMELTING-PRINCIPAL', 2025, '金属冶炼生产经营单位', '{indtrade.metallurgy,indtrade.nonferrous}', '{METAL_SMELTING}', '{PRINCIPAL}', 3, 100,
     '{XI_REMARKS,LAWS,ACCIDENT_WARNING,INDUSTRY_SPECIFIC}', '晋市安委发〔2024〕6号 四(四)15（2025 年金属冶炼生产经营单位主要负责人集中培训）、16', 'V',
     '含登记为“金属冶炼”特殊作业的企业；天数与参训率取第 16 条（我方理解）', now(), 'migration'),
    ('6f1f0c1e-9a51-4c1a-9f10-000000002502', '2025-HERITAGE-FIRE', 2025, '重点文物保护单位', '{tourism.heritage}', '{}', '{FIRE_SAFETY_RESPONSIBLE}', 3, 100,
     '{XI_REMARKS,LAWS,ACCIDENT_WARNING,INDUSTRY_SPECIFIC}', '晋市安委发〔2024〕6号 四(四)15（2025 年重点文物保护单位消防安全责任人集中培训）、16', 'V',
     '天数与参训率取第 16 条（我方理解）', now(), 'migration'),
    ('6f1f0c1e-9a51-4c1a-9f10-000000002601', '2026-COMPLEX-FIRE', 2026, '大型商业综合体', '{fire.complex}', '{}', '{FIRE_SAFETY_RESPONSIBLE}', 3, 100,
     '{XI_REMARKS,LAWS,ACCIDENT_WARNING,INDUSTRY_SPECIFIC}', '晋市安委发〔2024〕6号 四(四)15（2026 年大型商业综合体消防安全责任人集中培训）、16', 'V',
     '天数与参训率取第 16 条（我方理解）', now(), 'migration'),
    ('6f1f0c1e-9a51-4c1a-9f10-000000002503', '2025-THREE-CATEGORIES', 2025, '矿山、机械制造、铁路运输、铁路建设施工重点企业', '{mine.coal,mine.noncoal,indtrade.machinery,railway}', '{}',
     '{PRINCIPAL,SAFETY_MANAGER,TEAM_LEADER}', 0, 100, '{WORK_INJURY_PREVENTION}',
     '晋市安委发〔2024〕6号 四(五)18：2025 年底前完成“三类人员”全覆盖工伤预防能力提升培训', 'P',
     '“三类人员”按主要负责人、安全管理人员、班组长理解，方案未列明，属我方推断；方案未规定天数，按参加一次即计', now(), 'migration');

-- ---------------------------------------------------------------- register

create table ppl_person (
    id                  uuid primary key,
    name                text        not null,
    id_number_enc       text        not null,
    id_number_mask      text        not null,
    id_number_digest    text        not null unique,
    mobile_enc          text,
    mobile_mask         text,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    updated_by          text        not null
);
create index ppl_person_name on ppl_person using gin (name gin_trgm_ops);

create table ppl_employment (
    id                  uuid primary key,
    person_id           uuid        not null references ppl_person (id),
    enterprise_id       uuid        not null,
    enterprise_name     text        not null,
    region_code         text        not null,
    zone_code           text,
    industry_code       text        not null,
    roles               text[]      not null,
    employment_type     text        not null check (employment_type in ('OWN', 'DISPATCHED', 'OUTSOURCED', 'FLEXIBLE', 'INTERN')),
    post                text,
    post_kind           text        not null default 'GENERAL' references ppl_post_kind (code),
    operation_type      text references ppl_certificate_type (code),
    started_on          date        not null,
    ended_on            date,
    end_reason          text,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    updated_by          text        not null,
    check (ended_on is null or ended_on >= started_on),
    check (cardinality(roles) > 0)
);
create unique index ppl_employment_open on ppl_employment (person_id, enterprise_id) where ended_on is null;
create index ppl_employment_person on ppl_employment (person_id);
create index ppl_employment_enterprise on ppl_employment (enterprise_id);
create index ppl_employment_region on ppl_employment (region_code text_pattern_ops);
create index ppl_employment_roles on ppl_employment using gin (roles);

create table ppl_certificate (
    id                      uuid primary key,
    person_id               uuid        not null references ppl_person (id),
    type_code               text        not null references ppl_certificate_type (code),
    operation_item          text,
    number_enc              text        not null,
    number_mask             text        not null,
    number_digest           text        not null,
    issuer                  text        not null,
    issued_on               date        not null,
    valid_until             date,
    next_review_on          date,
    national_registered_on  date,
    revoked_on              date,
    revoke_reason           text,
    demo                    boolean     not null default false,
    version                 int         not null default 0,
    created_at              timestamptz not null,
    created_by              text        not null,
    updated_at              timestamptz not null,
    updated_by              text        not null,
    unique (type_code, number_digest),
    check (valid_until is null or valid_until >= issued_on)
);
create index ppl_certificate_person on ppl_certificate (person_id);
create index ppl_certificate_number on ppl_certificate (number_digest);

create table ppl_certificate_review (
    id              uuid primary key,
    certificate_id  uuid        not null references ppl_certificate (id),
    reviewed_on     date        not null,
    next_review_on  date,
    valid_until     date,
    note            text,
    created_at      timestamptz not null,
    created_by      text        not null
);
create index ppl_certificate_review_cert on ppl_certificate_review (certificate_id);

-- One row per reminder or expiry notice actually sent: each is sent once (per deadline, so a renewed certificate is
-- reminded again before its new deadline).
create table ppl_certificate_notice (
    certificate_id  uuid        not null references ppl_certificate (id),
    deadline        date        not null,
    stage           text        not null,
    sent_at         timestamptz not null,
    primary key (certificate_id, deadline, stage)
);

-- ---------------------------------------------------------------- institutions

create table ppl_institution (
    id              uuid primary key,
    name            text        not null unique,
    uscc            char(18),
    region_code     text,
    address         text,
    kinds           text[]      not null,
    demo            boolean     not null default false,
    version         int         not null default 0,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);

create table ppl_institution_check (
    id              uuid primary key,
    institution_id  uuid        not null references ppl_institution (id),
    checked_on      date        not null,
    result          text        not null check (result in ('PASS', 'FAIL')),
    standard        text        not null,
    findings        text,
    checked_by      text        not null,
    created_at      timestamptz not null,
    created_by      text        not null
);
create index ppl_institution_check_inst on ppl_institution_check (institution_id, checked_on desc, created_at desc);

-- ---------------------------------------------------------------- training sessions and attendance

create table ppl_session (
    id                  uuid primary key,
    organizer_kind      text        not null check (organizer_kind in ('ENTERPRISE', 'GOVERNMENT')),
    enterprise_id       uuid,
    enterprise_name     text,
    region_code         text,
    zone_code           text,
    industry_code       text,
    organizer           text        not null,
    organizer_user_id   uuid        not null,
    organizer_region    text,
    title               text        not null,
    topics              text[]      not null,
    starts_on           date        not null,
    ends_on             date        not null,
    days                numeric(4, 1) not null check (days > 0),
    hours               numeric(5, 1),
    mode                text        not null check (mode in ('OFFLINE', 'ONLINE', 'MIXED')),
    institution_id      uuid references ppl_institution (id),
    location            text,
    notes               text,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null,
    created_by          text        not null,
    updated_at          timestamptz not null,
    updated_by          text        not null,
    check (ends_on >= starts_on),
    check ((organizer_kind = 'ENTERPRISE') = (enterprise_id is not null))
);
create index ppl_session_starts on ppl_session (starts_on desc, id);
create index ppl_session_enterprise on ppl_session (enterprise_id) where enterprise_id is not null;

create table ppl_attendance (
    session_id      uuid        not null references ppl_session (id),
    person_id       uuid        not null references ppl_person (id),
    enterprise_id   uuid,
    days            numeric(4, 1) not null check (days > 0),
    score           int check (score between 0 and 100),
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (session_id, person_id)
);
create index ppl_attendance_person on ppl_attendance (person_id);

-- enforcement officers (plan item 34): accounts of the platform, by id
create table ppl_officer_attendance (
    session_id      uuid        not null references ppl_session (id),
    account_id      uuid        not null,
    username        text        not null,
    display_name    text        not null,
    role            text        not null,
    unit_id         uuid,
    region_code     text,
    days            numeric(4, 1) not null check (days > 0),
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    primary key (session_id, account_id)
);

-- ---------------------------------------------------------------- drills

create table ppl_drill (
    id                  uuid primary key,
    enterprise_id       uuid        not null,
    enterprise_name     text        not null,
    region_code         text        not null,
    zone_code           text,
    industry_code       text        not null,
    held_on             date        not null,
    kind                text        not null check (kind in ('EVACUATION', 'COMPREHENSIVE', 'SPECIAL', 'ON_SITE')),
    areas               text[]      not null,
    scenario            text        not null,
    participants        int         not null check (participants > 0),
    evaluation          text,
    demo                boolean     not null default false,
    created_at          timestamptz not null,
    created_by          text        not null
);
create index ppl_drill_enterprise on ppl_drill (enterprise_id, held_on desc);
create index ppl_drill_held on ppl_drill (held_on desc, id);

-- the areas (办公、生产、生活) an enterprise has, each of which must drill (plan item 18)
create table ppl_drill_profile (
    enterprise_id   uuid primary key,
    areas           text[]      not null check (cardinality(areas) > 0),
    updated_at      timestamptz not null,
    updated_by      text        not null
);

-- ---------------------------------------------------------------- evidence files

create table ppl_evidence (
    id              uuid primary key,
    owner_kind      text        not null check (owner_kind in ('SESSION', 'DRILL', 'INSTITUTION_CHECK')),
    owner_id        uuid        not null,
    file_name       text        not null,
    content_type    text        not null,
    size            bigint      not null,
    sha256          text        not null,
    content         bytea       not null,
    uploaded_at     timestamptz not null,
    uploaded_by     text        not null
);
create index ppl_evidence_owner on ppl_evidence (owner_kind, owner_id);

-- ---------------------------------------------------------------- 逢查必考 and retraining

-- what the people module knows of inspections, from InspectionEvents.InspectionCompleted (no cross-module table)
create table ppl_inspection_ref (
    inspection_id   uuid primary key,
    enterprise_id   uuid        not null,
    document_number text,
    inspected_on    date,
    received_at     timestamptz not null
);

create table ppl_spot_exam (
    id                  uuid primary key,
    inspection_id       uuid        not null,
    enterprise_id       uuid        not null,
    enterprise_name     text        not null,
    region_code         text        not null,
    zone_code           text,
    industry_code       text        not null,
    examined_on         date        not null,
    examiner            text        not null,
    examiner_user_id    uuid        not null,
    topic               text        not null,
    pass_score          int         not null,
    demo                boolean     not null default false,
    created_at          timestamptz not null,
    created_by          text        not null
);
create index ppl_spot_exam_inspection on ppl_spot_exam (inspection_id);
create index ppl_spot_exam_enterprise on ppl_spot_exam (enterprise_id, examined_on desc);

create table ppl_retraining (
    id                  uuid primary key,
    person_id           uuid        not null references ppl_person (id),
    employment_id       uuid        not null references ppl_employment (id),
    enterprise_id       uuid        not null,
    enterprise_name     text        not null,
    region_code         text        not null,
    zone_code           text,
    industry_code       text        not null,
    cause               text        not null check (cause in ('VIOLATION', 'SPOT_EXAM')),
    violation_kind      text check (violation_kind in ('COMMAND', 'OPERATION', 'DISCIPLINE')),
    occurred_on         date        not null,
    description         text        not null,
    spot_exam_id        uuid references ppl_spot_exam (id),
    status              text        not null,
    trained_hours       numeric(5, 1) not null default 0,
    exam_attempts       int         not null default 0,
    last_score          int,
    returned_on         date,
    demo                boolean     not null default false,
    version             int         not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((cause = 'VIOLATION') = (violation_kind is not null))
);
create index ppl_retraining_person on ppl_retraining (person_id);
create index ppl_retraining_status on ppl_retraining (status, occurred_on desc);

create table ppl_retraining_transition (
    id          bigserial primary key,
    case_id     uuid        not null references ppl_retraining (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    actor_role  text,
    at          timestamptz not null,
    reason      text
);
create index ppl_retraining_transition_case on ppl_retraining_transition (case_id, id);

create table ppl_spot_exam_result (
    exam_id         uuid        not null references ppl_spot_exam (id),
    person_id       uuid        not null references ppl_person (id),
    score           int         not null check (score between 0 and 100),
    passed          boolean     not null,
    retraining_id   uuid references ppl_retraining (id),
    primary key (exam_id, person_id)
);

-- ---------------------------------------------------------------- register imports (the report stays for its owner)

create table ppl_import (
    id              uuid primary key,
    owner_id        uuid        not null,
    owner           text        not null,
    file_name       text        not null,
    mode            text        not null,
    total_rows      int         not null,
    valid_rows      int         not null,
    invalid_rows    int         not null,
    imported_rows   int         not null,
    issues          jsonb       not null,
    message         text        not null,
    created_at      timestamptz not null
);
create index ppl_import_owner on ppl_import (owner_id, created_at desc);
