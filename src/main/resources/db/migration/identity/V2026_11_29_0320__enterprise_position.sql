-- An enterprise account is either its safety management department or its principal responsible person: the two levels
-- of a major hazard's confirmation (两级确认) are signed by different accounts.
alter table idn_user add column enterprise_position text
    check (enterprise_position in ('SAFETY_MANAGER', 'PRINCIPAL'));
update idn_user set enterprise_position = 'SAFETY_MANAGER' where role = 'ENTERPRISE';
alter table idn_user add constraint idn_user_position_only_for_enterprises
    check ((role = 'ENTERPRISE') = (enterprise_position is not null));
