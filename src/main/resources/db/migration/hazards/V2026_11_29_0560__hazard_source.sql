-- Where a hazard registered by another module came from (inspections, monitoring, tip-offs), for the link both ways
-- and so that a retried registration finds the hazard the first one made instead of making a second.
alter table hz_hazard add column source_module text;
alter table hz_hazard add column source_ref text;
alter table hz_hazard add column source_label text;
alter table hz_hazard add column source_path text;
alter table hz_hazard add constraint hz_hazard_source_complete check ((source_module is null) = (source_ref is null));
create unique index hz_hazard_source on hz_hazard (source_module, source_ref) where source_module is not null;
-- open hazards that stop production, for the monitoring module's electricity rule
create index hz_hazard_open_shutdown on hz_hazard (enterprise_id) where shutdown <> 'NONE' and status not in ('SIGNED_OFF', 'CLOSED', 'MERGED');
