-- Token buckets of every module's rate limits (Bucket4j, PostgreSQL select-for-update; cn.zhiben.platform.ratelimit),
-- shared by every instance on this database. Replaces idn_rate_limit and tip_rate_limit.
create table platform_rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index platform_rate_limit_expires on platform_rate_limit (expires_at);
