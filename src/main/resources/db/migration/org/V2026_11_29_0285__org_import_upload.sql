-- Several instances (issue 9 part 7): the uploaded workbook (AES-256-GCM with the field key) and what the job needs to
-- run are kept with the job until it ends, so if the instance running it stops, another instance runs it again
-- (nothing of it was written: the rows are written in one transaction). The upload is deleted when the job ends.
alter table org_import_job
    add column upload         bytea,
    add column scope          jsonb,
    add column actor_role     text,
    add column client_address text;
