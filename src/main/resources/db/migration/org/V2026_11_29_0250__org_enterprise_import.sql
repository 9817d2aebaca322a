-- Org module: background imports of enterprises from .xlsx. The uploaded rows are not kept, only the outcome and the
-- per-row report [{row, column, message}], which the importing user (and nobody else) can read.
create table org_import_job (
    id              uuid primary key,
    created_by_id   uuid        not null,
    created_by      text        not null,
    file_name       text        not null,
    mode            text        not null check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS')),
    status          text        not null check (status in ('QUEUED', 'VALIDATING', 'IMPORTING', 'COMPLETED', 'REJECTED', 'FAILED')),
    total_rows      int         not null default 0,
    processed_rows  int         not null default 0,
    valid_rows      int         not null default 0,
    invalid_rows    int         not null default 0,
    imported_rows   int         not null default 0,
    report          jsonb       not null default '[]',
    message         text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index org_import_job_owner on org_import_job (created_by_id, created_at desc);

-- keyword search matches the credit code anywhere in it, like the name
create index org_enterprise_uscc_trgm on org_enterprise using gin ((uscc::text) gin_trgm_ops);
create index org_enterprise_status on org_enterprise (status);
