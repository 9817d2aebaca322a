-- The recipient's name is personal data: stored encrypted (AES-GCM, the field key) with a masked copy to show, like the
-- mobile number. SmsRecipientProtection encrypts the rows written before at the next start and empties "recipient".
alter table ntf_sms add column recipient_position text;
alter table ntf_sms add column recipient_name_enc text;
alter table ntf_sms add column recipient_mask text;
alter table ntf_sms alter column recipient drop not null;
alter table ntf_sms drop constraint ntf_sms_source_key_mobile_mask_recipient_key;
create unique index ntf_sms_once on ntf_sms (source_key, mobile_mask, recipient_mask);
