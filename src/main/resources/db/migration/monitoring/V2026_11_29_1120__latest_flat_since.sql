-- Where the current run of exactly equal values of a point began (flat-line rule), kept with the latest value so that
-- an ingestion lane that reloads a point's rule state (after a restart, or when the point moved from another instance)
-- continues the run instead of starting it anew. Null for rows written before: read as the latest reading's time.
alter table mon_latest add column flat_since timestamptz;
