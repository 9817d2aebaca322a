-- Hazard search (issue 10 item 6): a keyword is looked for in the number, the enterprise name, the description, the
-- place and the clause (its citation here, its text in the standards library, whose matching clause ids the query
-- receives). Substring matches (ILIKE '%…%') on the text columns are trigram lookups, as the enterprise name already is.
create index hz_hazard_description_trgm on hz_hazard using gin (description gin_trgm_ops);
create index hz_hazard_location_trgm on hz_hazard using gin (location gin_trgm_ops);
create index hz_hazard_clause_label_trgm on hz_hazard using gin (clause_label gin_trgm_ops);
-- hazards citing the clauses whose text matched, newest first
create index hz_hazard_clause on hz_hazard (clause_id, found_on desc) where clause_id is not null;
