-- Indexes for the hazard list and detail at a million hazards (docs/benchmarks.md: measured before and after).
-- The list runs a page query (newest first) and a count capped at 10,001 rows; a count is cheap only if its rows come
-- from a small index without visiting the table, so the supervisors' working sets get small covering indexes.

-- The detail reads a hazard's evaluations by hazard (was a scan of the whole table).
create index hz_evaluation_hazard on hz_evaluation (hazard_id, recorded_at desc);

-- Open hazards (a few per cent of all): newest first, carrying the scope and filter columns, so "open", "status = …",
-- "grade = MAJOR and open" pages stop after a few rows and their counts — and the home page's figures and "待我处理"
-- count — are index-only scans.
create index hz_hazard_open_found on hz_hazard (found_on desc, id desc)
    include (status, grade, region_code, zone_code, industry_code, enterprise_id, overdue, listing_level, deadline,
             extension_pending, possible_duplicate_of)
    where status not in ('SIGNED_OFF', 'CLOSED', 'MERGED');

-- Overdue hazards, likewise (overdue is not a subset of open: a merged hazard keeps its flag). Replaces the bare
-- partial index on the flag.
create index hz_hazard_overdue_found on hz_hazard (found_on desc, id desc)
    include (status, grade, region_code, zone_code, industry_code, enterprise_id, listing_level)
    where overdue;
drop index hz_hazard_overdue;

-- Region (county or township prefix) with industry and found date: counts of county-scoped, industry- or date-filtered
-- lists read only this index.
create index hz_hazard_region_industry on hz_hazard (region_code text_pattern_ops, industry_code, found_on);

-- Keyword search matches the enterprise name anywhere in it (LIKE '%…%'); trigrams make that an index lookup.
create index hz_hazard_enterprise_name_trgm on hz_hazard using gin (enterprise_name gin_trgm_ops);

-- The public listing board (三公开) reads the newest listing and de-listing events (was a scan of the whole timeline).
create index hz_transition_listing on hz_transition (at desc, id desc) where action in ('LIST', 'DELIST');
