-- Standards module: the versioned library of major-accident-hazard determination standards (一行业一清单, plan item 21).
-- A standard (series) has versions; a version has categories and clauses. A published version never changes, except
-- that superseding it sets its effective_to once. Local clauses and corrections (本地补充/修正) are drafted by member
-- units in std_local_change and become LOCAL clauses only when the city office approves them.

-- Deterministic ids for content loaded by migrations, so the same clause has the same id in every installation.
create function std_uuid(key text) returns uuid language sql immutable as $$ select md5(key)::uuid $$;
-- Order of clause numbers such as 4, 4.10, 36.2 (article * 1000 + item).
create function std_clause_sort(no text) returns int language sql immutable as $$
    select coalesce(nullif(regexp_replace(split_part(no, '.', 1), '\D', '', 'g'), '')::int, 0) * 1000
         + coalesce(nullif(regexp_replace(split_part(no, '.', 2), '\D', '', 'g'), '')::int, 0) $$;

create table std_standard (
    id         uuid primary key,
    code       text not null unique check (code ~ '^[a-z0-9][a-z0-9.-]{1,39}$'),
    name       text not null,
    sort_order int  not null
);

create table std_version (
    id                  uuid primary key,
    standard_id         uuid        not null references std_standard (id),
    kind                text        not null check (kind in ('STANDARD', 'OVERLAY')),
    overlay_of          uuid references std_version (id),
    edition             text        not null,
    name                text        not null,
    issuer              text        not null,
    doc_no              text,
    legal_nature        text        not null,
    effective_from      date,
    effective_to        date,
    dates_note          text,
    supersedes_id       uuid references std_version (id),
    industry_codes      text[]      not null,
    all_industries      boolean     not null default false,
    partial             boolean     not null default false,
    partial_note        text,
    possibly_superseded boolean     not null default false,
    caveats             text,
    metadata_confidence text        not null check (metadata_confidence in ('CONFIRMED', 'UNCONFIRMED')),
    metadata_note       text,
    source              text        not null,
    status              text        not null check (status in ('DRAFT', 'PUBLISHED')),
    created_at          timestamptz not null,
    created_by          text        not null,
    created_unit_id     uuid,
    published_at        timestamptz,
    published_by        text,
    check (effective_to is null or effective_from is null or effective_to >= effective_from),
    check (not partial or partial_note is not null),
    check ((kind = 'OVERLAY') = (overlay_of is not null)),
    check (status = 'DRAFT' or published_at is not null)
);
comment on column std_version.industry_codes is 'industries (with their sub-industries) the version applies to; for all_industries versions, the supervising field';
comment on column std_version.all_industries is 'applies to every unit and place whatever its industry (fire: GB 35181)';
comment on column std_version.possibly_superseded is 'the reference reports a later revision that is not verified ([S?])';
comment on column std_version.effective_from is 'null when the source gives no date of entry into force (see dates_note)';
create unique index std_version_supersedes on std_version (supersedes_id) where status = 'PUBLISHED';
create index std_version_standard on std_version (standard_id);

create table std_category (
    version_id uuid not null references std_version (id),
    code       text not null,
    name       text not null,
    group_name text,
    sort_order int  not null,
    note       text,
    primary key (version_id, code)
);

create table std_local_change (
    id               uuid primary key,
    kind             text        not null check (kind in ('ADD', 'CORRECT')),
    status           text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    version_id       uuid        not null references std_version (id),
    target_clause_id uuid,
    clause_no        text        not null,
    category_code    text        not null,
    summary          text        not null,
    industry_codes   text[]      not null default '{}',
    special_operation text,
    doc_no           text        not null,
    reason           text        not null,
    effective_from   date        not null,
    effective_to     date,
    drafted_by_id    uuid        not null,
    drafted_by       text        not null,
    unit_id          uuid,
    unit_name        text,
    drafted_at       timestamptz not null,
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text,
    clause_id        uuid,
    check ((kind = 'CORRECT') = (target_clause_id is not null)),
    check (effective_to is null or effective_to >= effective_from),
    check ((status = 'APPROVED') = (clause_id is not null))
);
create index std_local_change_status on std_local_change (status, drafted_at);
create index std_local_change_unit on std_local_change (unit_id, drafted_at);

create table std_local_change_transition (
    id          bigserial primary key,
    change_id   uuid        not null references std_local_change (id),
    from_status text,
    to_status   text        not null,
    actor_id    uuid,
    actor       text        not null,
    at          timestamptz not null,
    reason      text
);
create index std_local_change_transition_change on std_local_change_transition (change_id, id);

create table std_clause (
    id                 uuid primary key,
    version_id         uuid not null references std_version (id),
    category_code      text not null,
    clause_no          text not null,
    summary            text not null check (length(btrim(summary)) > 0),
    confidence         text not null check (confidence in ('CONFIRMED', 'UNCONFIRMED')),
    note               text,
    related            text,
    industry_codes     text[] not null default '{}',
    special_operation  text,
    sort_order         int  not null,
    origin             text not null check (origin in ('STANDARD', 'LOCAL')),
    local_change_id    uuid references std_local_change (id),
    corrects_clause_id uuid references std_clause (id),
    effective_from     date,
    effective_to       date,
    local_doc_no       text,
    foreign key (version_id, category_code) references std_category (version_id, code),
    check ((origin = 'LOCAL') = (local_change_id is not null)),
    check (corrects_clause_id is null or origin = 'LOCAL'),
    check (origin = 'STANDARD' or (effective_from is not null and local_doc_no is not null)),
    check (effective_to is null or effective_from is null or effective_to >= effective_from)
);
comment on column std_clause.industry_codes is 'empty: the version''s industries; otherwise the industries (with sub-industries) this clause applies to';
comment on column std_clause.special_operation is 'the clause applies only to enterprises recording this special operation (DUST_EXPLOSION …)';
comment on column std_clause.corrects_clause_id is 'a local correction replaces this clause from its own effective_from';
-- a correction keeps the clause number of the clause it corrects
create unique index std_clause_number on std_clause (version_id, clause_no) where corrects_clause_id is null;
create index std_clause_version on std_clause (version_id, sort_order);
create index std_clause_corrects on std_clause (corrects_clause_id) where corrects_clause_id is not null;
-- substring search over Chinese summaries (ILIKE '%…%'); full-text search does not segment Chinese
create index std_clause_summary_trgm on std_clause using gin (summary gin_trgm_ops);

alter table std_local_change add foreign key (clause_id) references std_clause (id);
alter table std_local_change add foreign key (target_clause_id) references std_clause (id);

-- Immutability of published content, enforced in the database as well as in code. A maintenance session may lift it
-- deliberately with: select set_config('zhiben.std_unlock', 'on', true);
create function std_unlocked() returns boolean language sql stable as
$$ select coalesce(current_setting('zhiben.std_unlock', true), '') = 'on' $$;

create function std_version_status(vid uuid) returns text language sql stable as
$$ select status from std_version where id = vid $$;

create function std_version_guard() returns trigger language plpgsql as $$
declare
    probe std_version;
begin
    if std_unlocked() then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if tg_op = 'DELETE' then
        if old.status = 'PUBLISHED' then
            raise exception 'std_version %: a published version cannot be deleted', old.id using errcode = 'ZB401';
        end if;
        return old;
    end if;
    if old.status = 'PUBLISHED' then
        -- the one change allowed: superseding sets effective_to once
        probe := new;
        probe.effective_to := old.effective_to;
        if old.effective_to is not null or new.effective_to is null or probe is distinct from old then
            raise exception 'std_version %: a published version cannot change', old.id using errcode = 'ZB401';
        end if;
    end if;
    return new;
end $$;
create trigger std_version_guard before update or delete on std_version
    for each row execute function std_version_guard();

create function std_category_guard() returns trigger language plpgsql as $$
begin
    if std_unlocked() then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if std_version_status(case when tg_op = 'INSERT' then new.version_id else old.version_id end) = 'PUBLISHED'
        or (tg_op = 'UPDATE' and std_version_status(new.version_id) = 'PUBLISHED') then
        raise exception 'std_category: categories of a published version cannot change' using errcode = 'ZB401';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger std_category_guard before insert or update or delete on std_category
    for each row execute function std_category_guard();

create function std_clause_guard() returns trigger language plpgsql as $$
declare
    probe std_clause;
begin
    if std_unlocked() then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if tg_op = 'INSERT' then
        if new.origin = 'STANDARD' and std_version_status(new.version_id) = 'PUBLISHED' then
            raise exception 'std_clause: a published version cannot gain clauses' using errcode = 'ZB401';
        end if;
        return new;
    end if;
    if std_version_status(old.version_id) = 'PUBLISHED' then
        if tg_op = 'DELETE' then
            raise exception 'std_clause %: clauses of a published version cannot be deleted', old.id using errcode = 'ZB401';
        end if;
        -- an approved local clause may be ended once
        probe := new;
        probe.effective_to := old.effective_to;
        if old.origin <> 'LOCAL' or old.effective_to is not null or new.effective_to is null or probe is distinct from old then
            raise exception 'std_clause %: clauses of a published version cannot change', old.id using errcode = 'ZB401';
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger std_clause_guard before insert or update or delete on std_clause
    for each row execute function std_clause_guard();

-- A decided local change is history.
create function std_local_change_guard() returns trigger language plpgsql as $$
begin
    if std_unlocked() then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if old.status <> 'PENDING' then
        raise exception 'std_local_change %: a decided change cannot be altered', old.id using errcode = 'ZB401';
    end if;
    if tg_op = 'DELETE' then
        raise exception 'std_local_change %: changes are kept as history', old.id using errcode = 'ZB401';
    end if;
    return new;
end $$;
create trigger std_local_change_guard before update or delete on std_local_change
    for each row execute function std_local_change_guard();

create function std_transition_guard() returns trigger language plpgsql as $$
begin
    if std_unlocked() then
        return old;
    end if;
    raise exception 'std_local_change_transition: history is append-only' using errcode = 'ZB401';
end $$;
create trigger std_transition_guard before update or delete on std_local_change_transition
    for each row execute function std_transition_guard();
