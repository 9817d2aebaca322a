-- Standards module: the full text of a standard the library held only in part (GB 35181-2025: no clauses) is imported
-- as a version starting the same day and replaces the partial record, which then never was in force
-- (effective_to = effective_from - 1). The period check allows exactly that.
do $$
declare
    c text;
begin
    select conname into c from pg_constraint
    where conrelid = 'std_version'::regclass and contype = 'c'
      and pg_get_constraintdef(oid) like '%effective_to >= effective_from)%';
    execute format('alter table std_version drop constraint %I', c);
end $$;
alter table std_version add constraint std_version_period
    check (effective_to is null or effective_from is null or effective_to >= effective_from - 1);
