-- Evidence from other modules (e.g. an enterprise's self-inspection records) that its own checks covered a hazard found
-- by others without finding it (查不出); one row per source record.
create table hz_self_check_evidence (
    id            uuid primary key,
    hazard_id     uuid        not null references hz_hazard (id),
    source_module text        not null,
    source_ref    text        not null,
    evidence      text        not null,
    recorded_at   timestamptz not null,
    unique (source_module, source_ref)
);
create index hz_self_check_evidence_hazard on hz_self_check_evidence (hazard_id, recorded_at);
