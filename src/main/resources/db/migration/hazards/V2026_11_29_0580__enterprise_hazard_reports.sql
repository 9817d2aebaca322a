-- Enterprises' quarterly and annual hazard statistics reports (令第16号 Art. 14 [P]; 煤矿安全生产条例 Art. 35 for coal
-- mines): prepared by the safety department from the enterprise's own hazards, signed and so submitted by the principal.
-- The figures are kept as prepared (jsonb), so the signed report states what its signer saw; the enterprise's name and
-- place are copied like a hazard's, for scope and lists without joins.
create table hz_report (
    id              uuid primary key,
    enterprise_id   uuid        not null,
    enterprise_name text        not null,
    region_code     text        not null,
    zone_code       text,
    industry_code   text        not null,
    period          text        not null check (period ~ '^[0-9]{4}(Q[1-4])?$'),
    period_from     date        not null,
    period_to       date        not null,
    due_on          date        not null,
    status          text        not null check (status in ('PREPARED', 'RETURNED', 'SUBMITTED')),
    figures         jsonb       not null,
    analysis        text        not null,
    prepared_by_id  uuid        not null,
    prepared_by     text        not null,
    prepared_at     timestamptz not null,
    signed_by_id    uuid,
    signed_by       text,
    signed_at       timestamptz,
    content_sha256  char(64),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         int         not null default 0,
    unique (enterprise_id, period),
    check ((status = 'SUBMITTED') = (signed_at is not null and signed_by_id is not null and content_sha256 is not null))
);
create index hz_report_period on hz_report (period, region_code text_pattern_ops);

create table hz_report_step (
    id          bigserial primary key,
    report_id   uuid        not null references hz_report (id),
    from_status text,
    to_status   text        not null,
    action      text        not null,
    actor_id    uuid,
    actor_name  text        not null,
    at          timestamptz not null,
    reason      text
);
create index hz_report_step_report on hz_report_step (report_id, id);

-- Reminders before a report is due (zhiben.hazards.reports.reminder-days), once each per enterprise, period and day.
create table hz_report_reminder (
    enterprise_id uuid        not null,
    period        text        not null,
    days_before   int         not null,
    sent_at       timestamptz not null,
    primary key (enterprise_id, period, days_before)
);
