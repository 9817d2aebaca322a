-- Inspections module: enforcement officers, the expert pool, inspection plans, verifiable random draws (双随机),
-- inspection records with findings that become hazards, enforcement decisions, re-inspections, document numbers,
-- enterprises' self-inspections. A unit is a committee unit id plus the county it acts in (unit_region_code null: city
-- level). Enterprise, region and industry are copied when a record is made (ids and codes only, no cross-module keys).

-- 行政执法人员名录库 (国办发〔2015〕58号): accounts of a unit with an enforcement certificate.
create table insp_officer (
    id               uuid primary key,
    user_id          uuid        not null unique,
    name             text        not null,
    certificate_no   text        not null unique,
    unit_id          uuid        not null,
    unit_region_code text,
    valid_from       date        not null,
    valid_to         date        not null,
    active           boolean     not null default true,
    demo             boolean     not null default false,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    version          int         not null default 0,
    check (valid_to >= valid_from)
);
create index insp_officer_unit on insp_officer (unit_id, unit_region_code);

-- 专家库 (plan item 34).
create table insp_expert (
    id                uuid primary key,
    name              text        not null,
    user_id           uuid unique,
    organisation      text        not null,
    title             text,
    qualifications    text[]      not null default '{}',
    specialities      text[]      not null default '{}',
    mobile_enc        text,
    mobile_mask       text,
    term_from         date        not null,
    term_to           date        not null,
    status            text        not null check (status in ('ACTIVE', 'SUSPENDED', 'DISMISSED')),
    owner_unit_id     uuid,
    owner_region_code text,
    note              text,
    demo              boolean     not null default false,
    created_at        timestamptz not null,
    created_by        text        not null,
    updated_at        timestamptz not null,
    version           int         not null default 0,
    check (term_to >= term_from)
);
comment on column insp_expert.specialities is 'industry codes (dot-hierarchical: mine covers mine.coal) the expert may inspect';

create table insp_expert_unavailable (
    id         uuid primary key,
    expert_id  uuid        not null references insp_expert (id),
    from_date  date        not null,
    to_date    date        not null,
    reason     text        not null,
    created_at timestamptz not null,
    created_by text        not null,
    check (to_date >= from_date)
);
create index insp_expert_unavailable_expert on insp_expert_unavailable (expert_id, from_date);

-- 回避 (行政处罚法 Art. 43): a recorded conflict of interest of an officer or an expert with an enterprise.
create table insp_conflict (
    id            uuid primary key,
    officer_id    uuid references insp_officer (id),
    expert_id     uuid references insp_expert (id),
    enterprise_id uuid        not null,
    reason        text        not null,
    active        boolean     not null default true,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    ended_at      timestamptz,
    ended_by      text,
    end_reason    text,
    check ((officer_id is null) <> (expert_id is null))
);
create index insp_conflict_enterprise on insp_conflict (enterprise_id) where active;

-- Plan item 20: standardised enterprises get fewer routine inspections. How many per year, by risk class and grade,
-- is not set by any source: data, marked as our inference, editable.
create table insp_risk_rule (
    industry_code text primary key,
    risk_class    text not null check (risk_class in ('HIGH', 'ELEVATED', 'GENERAL')),
    source        text not null,
    inference     boolean not null
);
create table insp_frequency_rule (
    risk_class  text    not null check (risk_class in ('HIGH', 'ELEVATED', 'GENERAL')),
    grade       text    not null check (grade in ('GRADE_1', 'GRADE_2', 'GRADE_3', 'NONE')),
    per_year    numeric(4, 2) not null check (per_year > 0),
    source      text    not null,
    inference   boolean not null,
    primary key (risk_class, grade)
);

create table insp_plan (
    id                      uuid primary key,
    name                    text        not null,
    unit_id                 uuid        not null,
    unit_region_code        text,
    kind                    text        not null,
    period_from             date        not null,
    period_to               date        not null,
    status                  text        not null,
    officers_per_inspection int         not null default 2 check (officers_per_inspection >= 2),
    experts_per_inspection  int         not null default 0 check (experts_per_inspection between 0 and 3),
    max_per_officer         int check (max_per_officer > 0),
    note                    text,
    demo                    boolean     not null default false,
    created_at              timestamptz not null,
    created_by              text        not null,
    updated_at              timestamptz not null,
    version                 int         not null default 0,
    check (period_to >= period_from)
);
create index insp_plan_by_unit on insp_plan (unit_id, unit_region_code, period_from desc);

-- 联合执法 / 交叉检查: the other units taking part.
create table insp_plan_unit (
    plan_id          uuid not null references insp_plan (id),
    unit_id          uuid not null,
    unit_region_code text
);
create unique index insp_plan_unit_key on insp_plan_unit (plan_id, unit_id, coalesce(unit_region_code, ''));

create table insp_plan_target (
    id            uuid primary key,
    plan_id       uuid    not null references insp_plan (id),
    ord           int     not null,
    region_code   text,
    industry_code text,
    risk_class    text,
    grades        text[],
    selection     text    not null check (selection in ('RANDOM', 'DUE')),
    quota         int     not null check (quota > 0),
    unique (plan_id, ord)
);

create table insp_plan_transition (
    id          bigserial primary key,
    plan_id     uuid        not null references insp_plan (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    at          timestamptz not null,
    reason      text
);
create index insp_plan_transition_plan on insp_plan_transition (plan_id, id);

-- A random draw: its frozen inputs (canonical JSON, hashed), seed and algorithm version, so that anyone can re-run it.
create table insp_draw (
    id               uuid primary key,
    plan_id          uuid        not null references insp_plan (id),
    unit_id          uuid        not null,
    unit_region_code text,
    algorithm        text        not null,
    seed             text        not null,
    inputs           text        not null,
    inputs_sha256    char(64)    not null,
    result           text        not null,
    result_sha256    char(64)    not null,
    status           text        not null check (status in ('CURRENT', 'SUPERSEDED')),
    redraw_of        uuid references insp_draw (id),
    redraw_reason    text,
    unannounced      boolean     not null,
    drawn_at         timestamptz not null,
    drawn_by         uuid        not null,
    drawn_by_name    text        not null,
    witness          text,
    demo             boolean     not null default false,
    check (redraw_of is null or redraw_reason is not null)
);
create index insp_draw_plan on insp_draw (plan_id, drawn_at);
create index insp_draw_public on insp_draw (drawn_at desc) where not unannounced;

create table insp_inspection (
    id                        uuid primary key,
    number                    text unique,
    plan_id                   uuid references insp_plan (id),
    draw_id                   uuid references insp_draw (id),
    unit_id                   uuid        not null,
    unit_region_code          text,
    kind                      text        not null,
    unannounced               boolean     not null,
    enterprise_id             uuid        not null,
    enterprise_name           text        not null,
    region_code               text        not null,
    zone_code                 text,
    industry_code             text        not null,
    status                    text        not null,
    planned_from              date        not null,
    planned_to                date        not null,
    visit_started_at          timestamptz,
    inspected_on              date,
    place                     text,
    summary                   text,
    handling                  text,
    enterprise_signer         text,
    enterprise_signer_position text,
    enterprise_refused        boolean     not null default false,
    refusal_note              text,
    completed_at              timestamptz,
    acknowledged_at           timestamptz,
    acknowledged_by_name      text,
    cancel_reason             text,
    demo                      boolean     not null default false,
    created_at                timestamptz not null,
    created_by                text        not null,
    updated_at                timestamptz not null,
    version                   int         not null default 0,
    check (planned_to >= planned_from)
);
create index insp_inspection_by_unit on insp_inspection (unit_id, unit_region_code, inspected_on);
create index insp_inspection_enterprise on insp_inspection (enterprise_id, inspected_on desc);
create index insp_inspection_region on insp_inspection (region_code text_pattern_ops, planned_from desc);
create index insp_inspection_plan on insp_inspection (plan_id);
create index insp_inspection_draw on insp_inspection (draw_id);

create table insp_inspection_officer (
    inspection_id  uuid not null references insp_inspection (id),
    officer_id     uuid not null references insp_officer (id),
    user_id        uuid not null,
    name           text not null,
    certificate_no text not null,
    ord            int  not null,
    primary key (inspection_id, officer_id)
);
create index insp_inspection_officer_user on insp_inspection_officer (user_id);

create table insp_inspection_unit (
    inspection_id    uuid not null references insp_inspection (id),
    unit_id          uuid not null,
    unit_region_code text
);
create unique index insp_inspection_unit_key on insp_inspection_unit (inspection_id, unit_id, coalesce(unit_region_code, ''));

create table insp_expert_assignment (
    id            uuid primary key,
    expert_id     uuid        not null references insp_expert (id),
    inspection_id uuid references insp_inspection (id),
    enterprise_id uuid        not null,
    from_date     date        not null,
    to_date       date        not null,
    status        text        not null check (status in ('ASSIGNED', 'DONE', 'REVOKED')),
    assigned_at   timestamptz not null,
    assigned_by   text        not null,
    unit_id       uuid        not null,
    unit_region_code text,
    score         int check (score between 1 and 5),
    evaluation    text,
    evaluated_at  timestamptz,
    evaluated_by  text,
    revoke_reason text
);
create index insp_expert_assignment_expert on insp_expert_assignment (expert_id, from_date desc);
create unique index insp_expert_assignment_once on insp_expert_assignment (expert_id, inspection_id) where status <> 'REVOKED';

-- Checklist items covered by an inspection: a clause of the standards in force on the day, or a free item.
create table insp_item (
    id            uuid primary key,
    inspection_id uuid        not null references insp_inspection (id),
    clause_id     uuid,
    title         text        not null,
    result        text        not null check (result in ('PASSED', 'FINDING', 'NOT_APPLICABLE')),
    note          text,
    recorded_at   timestamptz not null,
    recorded_by   text        not null
);
create unique index insp_item_clause on insp_item (inspection_id, clause_id) where clause_id is not null;

create table insp_finding (
    id            uuid primary key,
    inspection_id uuid        not null references insp_inspection (id),
    seq           int         not null,
    clause_id     uuid,
    clause_label  text,
    grade         text        not null check (grade in ('GENERAL', 'MAJOR')),
    description   text        not null,
    location      text        not null,
    shutdown      text        not null,
    deadline      date,
    expert_id     uuid references insp_expert (id),
    channel       text        not null,
    hazard_id     uuid        not null,
    hazard_number text        not null,
    self_check_evidence text,
    created_at    timestamptz not null,
    created_by    uuid        not null,
    created_by_name text      not null,
    unique (inspection_id, seq),
    check (grade = 'GENERAL' or clause_id is not null)
);
create index insp_finding_hazard on insp_finding (hazard_id);

-- Photos and on-screen signatures (PNG), kept in the database with the record they prove.
create table insp_photo (
    id            uuid primary key,
    inspection_id uuid        not null references insp_inspection (id),
    finding_id    uuid references insp_finding (id),
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    int         not null,
    sha256        char(64)    not null,
    bytes         bytea       not null,
    uploaded_at   timestamptz not null,
    uploaded_by   text        not null
);
create index insp_photo_inspection on insp_photo (inspection_id, uploaded_at);

create table insp_signature (
    inspection_id uuid        not null references insp_inspection (id),
    party         text        not null,
    signer_name   text        not null,
    png           bytea       not null,
    sha256        char(64)    not null,
    signed_at     timestamptz not null,
    signed_by     uuid        not null,
    primary key (inspection_id, party)
);

create table insp_inspection_transition (
    id            bigserial primary key,
    inspection_id uuid        not null references insp_inspection (id),
    from_status   text,
    to_status     text        not null,
    action        text        not null,
    actor_id      uuid,
    actor_name    text        not null,
    at            timestamptz not null,
    reason        text
);
create index insp_inspection_transition_inspection on insp_inspection_transition (inspection_id, id);

-- Articles a decision may cite, with the statutory maximum fines (安全生产法 2021 Arts. 92–115, etc.).
create table insp_legal_article (
    code           text primary key,
    law            text    not null,
    article        text    not null,
    summary        text    not null,
    unit_max_fen   bigint,
    person_max_fen bigint,
    per_day        boolean not null default false,
    uncapped_unit  boolean not null default false,
    confidence     text    not null check (confidence in ('V', 'P', 'M')),
    sort_order     int     not null
);

create table insp_decision (
    id               uuid primary key,
    number           text        not null unique,
    kind             text        not null check (kind in ('RECTIFICATION_ORDER', 'PENALTY')),
    case_id          uuid        not null,
    party_type       text        not null check (party_type in ('UNIT', 'PERSON')),
    party_name       text        not null,
    party_position   text,
    unit_id          uuid        not null,
    unit_region_code text,
    enterprise_id    uuid        not null,
    enterprise_name  text        not null,
    region_code      text        not null,
    zone_code        text,
    industry_code    text        not null,
    inspection_id    uuid references insp_inspection (id),
    measures         text[]      not null,
    facts            text        not null,
    legal_basis      text[]      not null,
    fine_fen         bigint      not null default 0 check (fine_fen >= 0),
    confiscation_fen bigint      not null default 0 check (confiscation_fen >= 0),
    deadline         date,
    shutdown_from    date,
    shutdown_partial boolean     not null default false,
    transfer_to      text,
    prior_notice_on  date,
    hearing_notice_on date,
    decided_on       date        not null,
    status           text        not null,
    served_on        date,
    paid_fen         bigint      not null default 0,
    paid_on          date,
    shutdown_lifted_on date,
    demo             boolean     not null default false,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    version          int         not null default 0,
    check (cardinality(legal_basis) > 0)
);
create index insp_decision_unit on insp_decision (unit_id, unit_region_code, decided_on);
create index insp_decision_inspection on insp_decision (inspection_id);
create index insp_decision_enterprise on insp_decision (enterprise_id, decided_on desc);
create index insp_decision_case on insp_decision (case_id);

create table insp_decision_hazard (
    decision_id uuid not null references insp_decision (id),
    hazard_id   uuid not null,
    finding_id  uuid references insp_finding (id),
    primary key (decision_id, hazard_id)
);

create table insp_decision_transition (
    id          bigserial primary key,
    decision_id uuid        not null references insp_decision (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    at          timestamptz not null,
    reason      text
);
create index insp_decision_transition_decision on insp_decision_transition (decision_id, id);

-- 复查: of an inspection's findings, or of a decision's order.
create table insp_reinspection (
    id            uuid primary key,
    number        text        not null unique,
    inspection_id uuid        not null references insp_inspection (id),
    decision_id   uuid references insp_decision (id),
    done_on       date        not null,
    passed        boolean     not null,
    note          text        not null,
    officers      text        not null,
    recorded_at   timestamptz not null,
    recorded_by   uuid        not null
);
create index insp_reinspection_inspection on insp_reinspection (inspection_id, done_on);

-- Document numbers: per unit, document type and year, gap-free (the row is locked by the increment until commit).
create table insp_doc_sequence (
    unit_id     uuid not null,
    unit_county text not null,
    doc_type    text not null,
    year        int  not null,
    last_value  int  not null,
    primary key (unit_id, unit_county, doc_type, year)
);

-- The issuing authority's abbreviation that starts a document number (e.g. 晋泽应急), per unit; practice, not rule.
create table insp_doc_prefix (
    unit_id     uuid not null,
    unit_county text not null,
    prefix      text not null,
    updated_at  timestamptz not null,
    updated_by  text not null,
    primary key (unit_id, unit_county)
);

-- Enterprises' own checks (plan item 23: 集团公司季查、厂矿月查、车间周查、班组日查).
create table insp_self_inspection (
    id            uuid primary key,
    enterprise_id uuid        not null,
    region_code   text        not null,
    zone_code     text,
    industry_code text        not null,
    level         text        not null check (level in ('GROUP', 'ENTERPRISE', 'WORKSHOP', 'TEAM')),
    checked_at    timestamptz not null,
    checked_on    date        not null,
    scope_name    text,
    led_by        text        not null,
    participants  text,
    summary       text,
    recorded_at   timestamptz not null,
    recorded_by   uuid        not null,
    recorded_by_name text     not null,
    demo          boolean     not null default false
);
create index insp_self_inspection_enterprise on insp_self_inspection (enterprise_id, level, checked_on);

create table insp_self_item (
    id                 uuid primary key,
    self_inspection_id uuid not null references insp_self_inspection (id),
    clause_id          uuid,
    title              text not null,
    result             text not null check (result in ('PASSED', 'FINDING', 'NOT_APPLICABLE')),
    note               text
);
create index insp_self_item_clause on insp_self_item (clause_id, result);

create table insp_self_settings (
    enterprise_id      uuid primary key,
    group_checks       boolean     not null default false,
    team_workdays_only boolean     not null default false,
    tracking_from      date        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null
);
