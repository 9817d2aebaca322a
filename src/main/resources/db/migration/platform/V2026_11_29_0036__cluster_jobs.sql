-- Scheduled jobs that run on one instance per occurrence (issue 9 part 7, decision 0011): every job the platform knows,
-- and the ledger of its occurrences. The lock itself is a PostgreSQL advisory lock, not a row.
create table platform_job (
    name          text                     not null primary key,
    cron          text                     not null,
    -- occurrences before this are not "missed": a new job does not run at its first start
    registered_at timestamp with time zone not null
);

create table platform_job_run (
    job         text                     not null,
    occurrence  timestamp with time zone not null,
    status      text                     not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    attempts    int                      not null,
    instance    text                     not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    summary     text,
    primary key (job, occurrence)
);
