-- A sign-off request not reviewed within the review period (zhiben.hazards.review-days) is escalated once; the flag
-- keeps the daily job from escalating it again and is cleared by the next request or review.
alter table hz_hazard add column review_overdue boolean not null default false;
