-- Re-importing a ledger is idempotent (issue 8): a row that an earlier import already loaded is skipped and listed as
-- such, not refused, so an office can upload its grown ledger again; a row matching a hazard reported in the platform
-- is still refused.
alter table hz_import_job add column skipped_rows int not null default 0;
alter table hz_import_job add column skipped jsonb not null default '[]';
