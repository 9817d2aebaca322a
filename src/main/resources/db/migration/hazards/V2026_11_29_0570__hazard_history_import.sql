-- History import (issue 8): hazards found since 2023 loaded from the offices' own ledgers, so the stock of 2023 and
-- earlier and the yearly figures are complete. An imported hazard is an ordinary hz_hazard row whose source is the
-- import job's row (source_module 'hazard-import'), with its historical steps on the timeline; what the ledger says
-- beyond the hazard's own fields is kept beside it in hz_imported_hazard.

-- A ledger may record a major hazard by a determination text instead of a clause of the library (older standards,
-- 综合判定 on paper); an imported hazard may therefore lack the clause. Where the hazard rules' 综合判定 column exists
-- (migration 0567, which names its rule hz_hazard_major_basis too), a determination keeps standing for the clause.
alter table hz_hazard drop constraint if exists hz_hazard_check;
do $$
begin
    alter table hz_hazard drop constraint if exists hz_hazard_major_basis;
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'hz_hazard' and column_name = 'determination') then
        execute 'alter table hz_hazard add constraint hz_hazard_major_basis check (grade = ''GENERAL'' or clause_id is not null'
                || ' or determination or source_module = ''hazard-import'')';
    else
        execute 'alter table hz_hazard add constraint hz_hazard_major_basis check (grade = ''GENERAL'' or clause_id is not null'
                || ' or source_module = ''hazard-import'')';
    end if;
end $$;

-- One upload: validated as a whole, written as a whole or not at all; its per-row report [{row, column, message}]
-- stays readable by the uploader.
create table hz_import_job (
    id              uuid primary key,
    created_by_id   uuid        not null,
    created_by      text        not null,
    file_name       text        not null,
    dry_run         boolean     not null,
    status          text        not null check (status in ('VALIDATED', 'COMPLETED', 'REJECTED')),
    total_rows      int         not null,
    invalid_rows    int         not null,
    imported_rows   int         not null,
    report          jsonb       not null default '[]',
    message         text        not null,
    created_at      timestamptz not null
);
create index hz_import_job_owner on hz_import_job (created_by_id, created_at desc);

create table hz_imported_hazard (
    hazard_id       uuid primary key references hz_hazard (id),
    job_id          uuid        not null references hz_import_job (id),
    row_number      int         not null,
    legacy_number   text,
    basis_text      text,
    listed_on       date,
    rectified_on    date,
    signed_off_on   date,
    remark          text
);
create index hz_imported_hazard_job on hz_imported_hazard (job_id, row_number);

-- Duplicates (same enterprise, clause and found date) are refused; the import checks first, this is the backstop.
create unique index hz_hazard_imported_once on hz_hazard (enterprise_id, clause_id, found_on)
    where source_module = 'hazard-import' and clause_id is not null;
