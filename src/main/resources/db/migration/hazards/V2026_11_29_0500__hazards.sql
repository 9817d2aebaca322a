-- Hazards module: every hazard from every channel, its closed-loop rectification, listing and sign-off.
-- Enterprise, region, industry and clause are copied at report time (ids and codes only, no cross-module keys), so the
-- record keeps what was true when it was judged and list queries need no joins.
create table hz_hazard (
    id                     uuid primary key,
    number                 text        not null unique,
    enterprise_id          uuid        not null,
    enterprise_name        text        not null,
    region_code            text        not null,
    zone_code              text,
    industry_code          text        not null,
    channel                text        not null,
    grade                  text        not null check (grade in ('GENERAL', 'MAJOR')),
    clause_id              uuid,
    clause_label           text,
    description            text        not null,
    location               text        not null,
    found_on               date        not null,
    found_by               text        not null,
    finder_user_id         uuid,
    stock                  boolean     not null,
    shutdown               text        not null,
    needs_coordination     boolean     not null,
    status                 text        not null,
    deadline               date,
    reported_at            timestamptz,
    report_lag_hours       int,
    overdue                boolean     not null default false,
    overdue_since          date,
    escalated_to           text,
    listing_level          text check (listing_level in ('CITY', 'COUNTY')),
    listing_document_number text,
    listing_unit_id        uuid,
    listing_deadline       date,
    review_due_on          date,
    extension_pending      boolean     not null default false,
    self_check_missed      boolean     not null default false,
    possible_duplicate_of  uuid,
    merged_into            uuid,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                int         not null default 0,
    check (grade = 'GENERAL' or clause_id is not null)
);
-- List queries filter by scope (region prefix, industry, enterprise) and by status/grade/dates, newest first.
create index hz_hazard_found on hz_hazard (found_on desc, id);
create index hz_hazard_region on hz_hazard (region_code text_pattern_ops, found_on desc);
create index hz_hazard_industry on hz_hazard (industry_code, found_on desc);
create index hz_hazard_enterprise on hz_hazard (enterprise_id, found_on desc);
create index hz_hazard_status on hz_hazard (status, found_on desc);
create index hz_hazard_open_deadline on hz_hazard (deadline) where status in ('REPORTED', 'RECTIFYING') and not overdue;
create index hz_hazard_listed on hz_hazard (listing_level) where listing_level is not null;
create index hz_hazard_overdue on hz_hazard (overdue) where overdue;
create index hz_hazard_open_clause on hz_hazard (enterprise_id, clause_id) where status not in ('SIGNED_OFF', 'CLOSED', 'MERGED');

-- The timeline: every verb, appended, never changed.
create table hz_transition (
    id          bigserial primary key,
    hazard_id   uuid        not null references hz_hazard (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    actor_role  text,
    at          timestamptz not null,
    reason      text
);
create index hz_transition_hazard on hz_transition (hazard_id, id);

-- Rectification plan: the six elements of 令第16号 Art. 15, plus the interim measures while the hazard is open.
create table hz_plan (
    id                 uuid primary key,
    hazard_id          uuid        not null references hz_hazard (id),
    objectives         text        not null,
    measures           text        not null,
    funding_fen        bigint      not null check (funding_fen >= 0),
    materials          text        not null,
    organisation       text        not null,
    responsible_person text        not null,
    deadline           date        not null,
    safety_measures    text        not null,
    emergency_plan     text        not null,
    interim_measures   text        not null,
    filed_at           timestamptz not null,
    filed_by           text        not null
);
create index hz_plan_hazard on hz_plan (hazard_id, filed_at desc);

create table hz_extension (
    id                 uuid primary key,
    hazard_id          uuid        not null references hz_hazard (id),
    requested_deadline date        not null,
    previous_deadline  date        not null,
    reason             text        not null,
    requested_at       timestamptz not null,
    requested_by       text        not null,
    decision           text check (decision in ('APPROVED', 'REFUSED')),
    decision_reason    text,
    decided_at         timestamptz,
    decided_by         text
);
create index hz_extension_hazard on hz_extension (hazard_id, requested_at desc);

create table hz_evaluation (
    id           uuid primary key,
    hazard_id    uuid        not null references hz_hazard (id),
    kind         text        not null check (kind in ('SELF', 'THIRD_PARTY')),
    organisation text,
    conclusion   text        not null,
    evaluated_on date        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);

-- Files live outside the database (zhiben.hazards.storage-dir), addressed by id, checked by SHA-256.
create table hz_attachment (
    id           uuid primary key,
    hazard_id    uuid        not null references hz_hazard (id),
    stage        text        not null,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       char(64)    not null,
    storage_key  text        not null,
    uploaded_at  timestamptz not null,
    uploaded_by  text        not null
);
create index hz_attachment_hazard on hz_attachment (hazard_id, uploaded_at);

-- Business numbers: county code + year + sequence, gap-free per county and year.
create table hz_number_sequence (
    county_code text not null,
    year        int  not null,
    last_value  int  not null,
    primary key (county_code, year)
);
