-- Login rate limits now live in the platform's buckets (platform_rate_limit); the old buckets only expire.
drop table idn_rate_limit;
