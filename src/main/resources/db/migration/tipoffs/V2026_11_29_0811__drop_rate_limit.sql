-- The public endpoints' limits now live in the platform's token buckets (platform_rate_limit).
drop table tip_rate_limit;
