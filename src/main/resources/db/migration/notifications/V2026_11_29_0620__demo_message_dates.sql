-- Demo data: a demo hazard's history is moved back after it was made (HazardEvents.DemoHistoryShifted). The move is
-- kept here, and the messages about the hazard that were sent before it are re-dated once to agree with its timeline.
create table ntf_demo_shift (
    hazard_id            uuid primary key,
    days                 int         not null,
    reported_at          timestamptz,
    listed_at            timestamptz,
    extension_decided_at timestamptz,
    signed_off_at        timestamptz,
    recorded_at          timestamptz not null
);
alter table ntf_message add column redated boolean not null default false;
