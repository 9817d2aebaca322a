-- Org module: enterprises (生产经营单位). Mobile numbers are encrypted at rest (AES-GCM, FieldEncryptor) with a
-- masked copy for lists; supervising units are derived from the industry, never stored here.
create table org_enterprise (
    id                     uuid primary key,
    name                   text        not null,
    uscc                   char(18)    not null unique,
    region_code            text        not null references org_region (code),
    zone_code              text references org_region (code),
    industry_code          text        not null references org_industry (code),
    scale                  text        not null check (scale in ('ABOVE', 'BELOW')),
    status                 text        not null check (status in ('OPERATING', 'SUSPENDED_FOR_RECTIFICATION', 'SUSPENDED', 'CLOSED', 'UNDER_CONSTRUCTION')),
    standardization_grade  text        not null check (standardization_grade in ('GRADE_1', 'GRADE_2', 'GRADE_3', 'NONE')),
    address                text,
    longitude              numeric(9, 6),
    latitude               numeric(9, 6),
    principal_name         text        not null,
    principal_mobile_enc   text        not null,
    principal_mobile_mask  text        not null,
    controller_name        text,
    controller_mobile_enc  text,
    controller_mobile_mask text,
    special_operations     text[]      not null default '{}',
    demo                   boolean     not null default false,
    version                int         not null default 0,
    created_at             timestamptz not null,
    created_by             text        not null,
    updated_at             timestamptz not null,
    updated_by             text        not null
);
comment on column org_enterprise.special_operations is 'DUST_EXPLOSION, AMMONIA_REFRIGERATION, CONFINED_SPACE, … — decide which special clauses of the hazard standards apply';
create index org_enterprise_region on org_enterprise (region_code text_pattern_ops);
create index org_enterprise_zone on org_enterprise (zone_code) where zone_code is not null;
create index org_enterprise_industry on org_enterprise (industry_code);
create index org_enterprise_name_trgm on org_enterprise using gin (name gin_trgm_ops);
