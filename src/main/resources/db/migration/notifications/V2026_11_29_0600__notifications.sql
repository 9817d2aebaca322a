-- Notifications module: the in-platform inbox and the SMS log. A message is keyed by the event that caused it and its
-- recipient, so a redelivered event never notifies twice.
create table ntf_message (
    id                uuid primary key,
    recipient_user_id uuid        not null,
    category          text        not null,
    title             text        not null,
    body              text        not null,
    link              text,
    source_key        text        not null,
    created_at        timestamptz not null,
    read_at           timestamptz,
    unique (source_key, recipient_user_id)
);
create index ntf_message_inbox on ntf_message (recipient_user_id, created_at desc);
create index ntf_message_unread on ntf_message (recipient_user_id) where read_at is null;

-- Every SMS handed to the gateway: the number encrypted, a masked copy to show, the text, and what the gateway said.
create table ntf_sms (
    id          uuid primary key,
    mobile_enc  text        not null,
    mobile_mask text        not null,
    recipient   text        not null,
    text        text        not null,
    gateway     text        not null,
    status      text        not null check (status in ('SENT', 'FAILED')),
    detail      text,
    source_key  text        not null,
    created_at  timestamptz not null,
    unique (source_key, mobile_mask, recipient)
);
create index ntf_sms_created on ntf_sms (created_at desc);
