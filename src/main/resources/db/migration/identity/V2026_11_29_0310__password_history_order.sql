-- Password history is read newest first; several changes can share a timestamp (fast clients, a fixed test clock),
-- so an insertion sequence breaks the tie and the "last 5" are always the last 5.
alter table idn_password_history add column seq bigint generated always as identity;
create index idn_password_history_user_seq on idn_password_history (user_id, seq desc);
