-- The chain is anchored with a key kept outside the database (decision 0004): rows from now on carry an HMAC-SHA256
-- (hash_version 2); rows written before keep their plain SHA-256 (version 1) and are fixed by the first keyed row,
-- whose HMAC covers their hash. Adding a column fires no row trigger, so the append-only rule stands.
alter table audit_log add column hash_version smallint not null default 1;
alter table audit_log alter column hash_version drop default;
alter table audit_log add constraint audit_log_hash_version check (hash_version in (1, 2));
