-- Campaign module: the action plan as data (晋市安委发〔2024〕6号 and the programmes copied from it), unit tasks, the
-- reporting calendar, dispatches and supervision (两级调度, 督办交办), evaluation and the 办实事、解难题 lists.
-- An addressee is (unit_id, region_code): a city unit (unit, null), a county department (unit, county), a county
-- safety committee office (null, county) or the city office itself (null, null). No foreign keys to other modules.

create table cmp_programme (
    id                 uuid primary key,
    code               text        not null unique,
    title              text        not null,
    document_number    text,
    issued_on          date,
    starts_on          date        not null,
    ends_on            date        not null,
    reporting_from     date        not null,
    status             text        not null check (status in ('DRAFT', 'ACTIVE', 'CLOSED')),
    source             text        not null,
    copied_from        uuid references cmp_programme (id),
    copy_reason        text,
    activated_at       timestamptz,
    created_at         timestamptz not null,
    created_by         text        not null,
    version            int         not null default 0,
    check (ends_on >= starts_on)
);

create table cmp_action (
    id            uuid primary key,
    programme_id  uuid not null references cmp_programme (id),
    no            int  not null,
    numeral       text not null,
    title         text not null,
    unique (programme_id, no)
);

create table cmp_measure (
    id            uuid primary key,
    programme_id  uuid not null references cmp_programme (id),
    action_id     uuid not null references cmp_action (id),
    no            int  not null,
    title         text not null,
    text          text not null,
    levels        text not null check (levels in ('CITY', 'COUNTY', 'BOTH')),
    office_role   text check (office_role in ('LEAD', 'RESPONSIBLE', 'COOPERATE')),
    basis         text not null,
    checked_at    timestamptz,
    checked_by    text,
    unique (programme_id, no)
);
comment on column cmp_measure.office_role is 'the role of the safety committee office of each level (@OFFICE in the mapping), null if not named';

create table cmp_measure_unit (
    measure_id  uuid not null references cmp_measure (id),
    unit_id     uuid not null,
    role        text not null check (role in ('LEAD', 'RESPONSIBLE', 'COOPERATE')),
    primary key (measure_id, unit_id)
);

create table cmp_target (
    id             uuid primary key,
    measure_id     uuid    not null references cmp_measure (id),
    seq            int     not null,
    due_on         date,
    yearly         boolean not null,
    quantity       numeric(12, 2),
    quantity_unit  text,
    wording        text    not null,
    text           text    not null,
    unique (measure_id, seq)
);

-- Who reports under a programme (各县（市、区）、市安委会各成员单位): the parties of its reporting calendar.
create table cmp_party (
    programme_id  uuid    not null references cmp_programme (id),
    unit_id       uuid,
    region_code   text,
    active        boolean not null default true,
    unique nulls not distinct (programme_id, unit_id, region_code),
    check (unit_id is not null or region_code is not null)
);

-- The reporting calendar of a programme: what is due when, from the plan's words (source) or our reading (inferred).
create table cmp_schedule (
    programme_id  uuid    not null references cmp_programme (id),
    kind          text    not null,
    recurrence    text    not null check (recurrence in ('MONTHLY', 'YEARLY', 'ONCE')),
    month_day     text,
    once_on       date,
    audience      text    not null check (audience in ('ALL', 'COUNTIES')),
    source        text    not null,
    inferred      boolean not null,
    active        boolean not null default true,
    primary key (programme_id, kind)
);

-- A due date the office moved for one period (holidays do not move due dates by themselves).
create table cmp_due_exception (
    id            uuid primary key,
    programme_id  uuid        not null references cmp_programme (id),
    kind          text        not null,
    period        text        not null,
    due_on        date        not null,
    reason        text        not null,
    set_by        text        not null,
    set_at        timestamptz not null,
    unique (programme_id, kind, period)
);

create table cmp_task (
    id            uuid primary key,
    programme_id  uuid        not null references cmp_programme (id),
    measure_id    uuid        not null references cmp_measure (id),
    parent_id     uuid references cmp_task (id),
    unit_id       uuid,
    region_code   text,
    role          text        not null check (role in ('LEAD', 'RESPONSIBLE', 'COOPERATE', 'DELEGATED')),
    due_on        date        not null,
    status        text        not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    percent       int         not null default 0 check (percent between 0 and 100),
    last_note     text,
    last_note_at  timestamptz,
    completed_on  date,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int         not null default 0,
    unique nulls not distinct (measure_id, unit_id, region_code)
);
create index cmp_task_addressee on cmp_task (programme_id, region_code, unit_id);
create index cmp_task_due on cmp_task (due_on) where status <> 'DONE';

create table cmp_report (
    id                  uuid primary key,
    programme_id        uuid        not null references cmp_programme (id),
    kind                text        not null,
    period              text        not null,
    unit_id             uuid,
    region_code         text,
    due_on              date        not null,
    status              text        not null check (status in ('DUE', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    content             text,
    platform_figures    jsonb,
    reported_figures    jsonb,
    channel             text check (channel in ('PLATFORM', 'OFFICE_RECORDED')),
    first_submitted_at  timestamptz,
    submitted_at        timestamptz,
    submitted_by        text,
    on_time             boolean,
    review_note         text,
    reviewed_at         timestamptz,
    reviewed_by         text,
    reminded_before_at  timestamptz,
    reminded_due_at     timestamptz,
    late_notified_at    timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             int         not null default 0,
    unique nulls not distinct (programme_id, kind, period, unit_id, region_code)
);
create index cmp_report_due on cmp_report (due_on) where status in ('DUE', 'RETURNED');
create index cmp_report_addressee on cmp_report (region_code, unit_id);

create table cmp_dispatch (
    id               uuid primary key,
    programme_id     uuid references cmp_programme (id),
    number           text        not null unique,
    kind             text        not null check (kind in ('DISPATCH', 'SUPERVISION_LETTER')),
    sender_region    text,
    subject          text        not null,
    body             text        not null,
    due_on           date        not null,
    ref_type         text check (ref_type in ('TASK', 'REPORT', 'DISPATCH', 'MEASURE')),
    ref_id           uuid,
    sent_at          timestamptz not null,
    sent_by_id       uuid,
    sent_by          text        not null
);
comment on column cmp_dispatch.sender_region is 'null: the city office; a county code: that county office';

create table cmp_dispatch_recipient (
    id               uuid primary key,
    dispatch_id      uuid        not null references cmp_dispatch (id),
    unit_id          uuid,
    region_code      text,
    due_on           date        not null,
    status           text        not null check (status in ('PENDING', 'OVERDUE', 'ANSWERED', 'RETURNED', 'CLOSED')),
    answer           text,
    answered_at      timestamptz,
    answered_by      text,
    on_time          boolean,
    escalated_for    date,
    closing_note     text,
    updated_at       timestamptz not null,
    version          int         not null default 0,
    unique nulls not distinct (dispatch_id, unit_id, region_code),
    check (unit_id is not null or region_code is not null)
);
create index cmp_dispatch_recipient_open on cmp_dispatch_recipient (due_on) where status in ('PENDING', 'RETURNED');
create index cmp_dispatch_recipient_addressee on cmp_dispatch_recipient (region_code, unit_id);

create table cmp_number_sequence (
    prefix      text primary key,
    last_value  int not null
);

-- 函告、通报、约谈、曝光 and the transfers (两移交) of 督办交办, with their closure (一闭环) and publication (三公开).
create table cmp_supervision (
    id              uuid primary key,
    programme_id    uuid references cmp_programme (id),
    number          text        not null unique,
    kind            text        not null,
    issuer_region   text,
    unit_id         uuid,
    region_code     text,
    subject         text        not null,
    facts           text        not null,
    decided_on      date        not null,
    document_number text,
    public          boolean     not null,
    ref_type        text check (ref_type in ('TASK', 'REPORT', 'DISPATCH', 'MEASURE')),
    ref_id          uuid,
    status          text        not null check (status in ('ISSUED', 'FEEDBACK_GIVEN', 'CLOSED')),
    feedback        text,
    feedback_at     timestamptz,
    feedback_by     text,
    closing_note    text,
    closed_at       timestamptz,
    closed_by       text,
    created_at      timestamptz not null,
    created_by      text        not null,
    updated_at      timestamptz not null,
    version         int         not null default 0,
    check (unit_id is not null or region_code is not null)
);
create index cmp_supervision_addressee on cmp_supervision (region_code, unit_id);

create table cmp_eval_scheme (
    id             uuid primary key,
    programme_id   uuid        not null references cmp_programme (id),
    year           int         not null,
    title          text        not null,
    self_due_on    date        not null,
    status         text        not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_at     timestamptz not null,
    created_by     text        not null,
    version        int         not null default 0
);

create table cmp_eval_item (
    id                uuid primary key,
    scheme_id         uuid          not null references cmp_eval_scheme (id),
    no                int           not null,
    title             text          not null,
    measure_id        uuid references cmp_measure (id),
    max_points        numeric(6, 2) not null check (max_points > 0),
    rule              text          not null,
    deduction_points  numeric(6, 2),
    evidence_required text          not null,
    unique (scheme_id, no)
);

create table cmp_eval_target (
    id                 uuid primary key,
    scheme_id          uuid        not null references cmp_eval_scheme (id),
    target_group       text        not null check (target_group in ('COUNTY', 'UNIT', 'ENTERPRISE')),
    unit_id            uuid,
    region_code        text,
    enterprise_id      uuid,
    enterprise_name    text,
    self_status        text        not null check (self_status in ('PENDING', 'SUBMITTED')),
    self_submitted_at  timestamptz,
    self_submitted_by  text,
    unique nulls not distinct (scheme_id, unit_id, region_code, enterprise_id)
);

create table cmp_eval_self (
    target_id    uuid          not null references cmp_eval_target (id),
    item_id      uuid          not null references cmp_eval_item (id),
    points       numeric(6, 2) not null,
    explanation  text          not null,
    primary key (target_id, item_id)
);

create table cmp_eval_result (
    id            uuid primary key,
    scheme_id     uuid        not null references cmp_eval_scheme (id),
    no            int         not null,
    status        text        not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    reason        text,
    created_at    timestamptz not null,
    created_by    text        not null,
    published_at  timestamptz,
    published_by  text,
    version       int         not null default 0,
    unique (scheme_id, no)
);
create unique index cmp_eval_result_one_draft on cmp_eval_result (scheme_id) where status = 'DRAFT';

create table cmp_eval_score (
    result_id     uuid          not null references cmp_eval_result (id),
    target_id     uuid          not null references cmp_eval_target (id),
    item_id       uuid          not null references cmp_eval_item (id),
    points        numeric(6, 2) not null,
    deficiencies  int,
    basis         text,
    reason        text,
    method        text          not null check (method in ('DOCUMENT_REVIEW', 'ON_SITE')),
    scored_by     text          not null,
    scored_at     timestamptz   not null,
    primary key (result_id, target_id, item_id)
);

create table cmp_eval_rank (
    result_id  uuid          not null references cmp_eval_result (id),
    target_id  uuid          not null references cmp_eval_target (id),
    total      numeric(7, 2) not null,
    rank       int           not null,
    primary key (result_id, target_id)
);

-- 办实事、解难题 (plan item 3): each level's list of concrete problems, at least 10 solved a year.
create table cmp_practical_item (
    id                   uuid primary key,
    programme_id         uuid        not null references cmp_programme (id),
    year                 int         not null,
    owner_region         text,
    title                text        not null,
    category             text        not null,
    responsible_unit_id  uuid,
    due_on               date        not null,
    status               text        not null check (status in ('PLANNED', 'IN_PROGRESS', 'SOLVED', 'DROPPED')),
    result               text,
    solved_on            date,
    created_at           timestamptz not null,
    created_by           text        not null,
    updated_at           timestamptz not null,
    version              int         not null default 0
);
create index cmp_practical_item_owner on cmp_practical_item (programme_id, year, owner_region);

-- Every state change of every campaign record (from, to, action, actor, time, reason); rows are only appended.
create table cmp_transition (
    id           bigserial primary key,
    entity_type  text        not null,
    entity_id    uuid        not null,
    from_status  text,
    to_status    text        not null,
    action       text        not null,
    actor_id     uuid,
    actor_name   text        not null,
    actor_role   text,
    on_behalf    boolean     not null default false,
    at           timestamptz not null,
    reason       text
);
create index cmp_transition_entity on cmp_transition (entity_type, entity_id, id);

-- Evidence and documents (tasks, reports, dispatch answers, supervision records, self-assessments), kept on disk.
create table cmp_attachment (
    id            uuid primary key,
    owner_type    text        not null,
    owner_id      uuid        not null,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null,
    sha256        char(64)    not null,
    storage_key   text        not null,
    uploaded_at   timestamptz not null,
    uploaded_by   text        not null
);
create index cmp_attachment_owner on cmp_attachment (owner_type, owner_id);
