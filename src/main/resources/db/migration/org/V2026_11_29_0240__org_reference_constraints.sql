-- Org module: rules the reference-data services enforce, also held by the database.
-- Industry codes are dot-separated lower-case segments. (That a new code extends its parent's code is checked by the
-- service only: the initial data has fire.complex under fire.large.)
alter table org_industry add constraint org_industry_code_format
    check (code ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$');
alter table org_industry add constraint org_industry_name_present check (btrim(name) <> '');

-- Leading group: a member has a name and a job title; positions are ordered within themselves.
alter table org_leading_group_member add constraint org_leading_group_member_name_present
    check (btrim(person_name) <> '' and btrim(job_title) <> '');
create index org_leading_group_member_position on org_leading_group_member (position, sort_order);
