-- Org module: where each 三管三必须 supervisor entry comes from (issue 8). The plan (晋市安委发〔2024〕6号) names the
-- fields and, for a few of them, the departments; most entries of the initial mapping are the platform's inference
-- under the plan's principle "谁主管谁牵头、谁为主谁牵头、谁靠近谁牵头" (四(三)14), marked so the city office can
-- confirm them. An entry the city office sets through the industry editor is its own decision (inferred = false).
alter table org_industry_supervisor add column basis text;
alter table org_industry_supervisor add column inferred boolean not null default true;

update org_industry_supervisor set basis =
    '本平台推定：依“谁主管谁牵头、谁为主谁牵头、谁靠近谁牵头”原则（晋市安委发〔2024〕6号 四(三)14）整理，方案未写明该单位，待市安委办确认';

-- Stated by the plan: 四(三)9 城镇燃气 "燃气行业管理部门牵头，公安、交通运输、商务、市场监管、消防等部门(机构)参与".
update org_industry_supervisor s set inferred = false,
    basis = '晋市安委发〔2024〕6号 四(三)9：公安、交通运输、商务、市场监管、消防等部门（机构）参与城镇燃气排查整治'
from org_unit u where u.id = s.unit_id and s.industry_code = 'gas' and s.role = 'COOPERATE'
  and u.name in ('市公安局', '市交通运输局', '市商务局', '市市场监督管理局', '市消防救援支队');
update org_industry_supervisor s set
    basis = '晋市安委发〔2024〕6号 四(三)9：燃气行业管理部门牵头；由市城市管理局承担燃气行业管理为本平台推定，待市安委办确认'
from org_unit u where u.id = s.unit_id and s.industry_code like 'gas%' and s.role = 'LEAD' and u.name = '市城市管理局';
-- 四(三)10: 危险化学品重大危险源 "消地协作" 专项检查督导 (消防救援机构与地方监管部门协作).
update org_industry_supervisor s set inferred = false,
    basis = '晋市安委发〔2024〕6号 四(三)10：危险化学品重大危险源“消地协作”专项检查督导'
from org_unit u where u.id = s.unit_id and s.industry_code = 'hazchem.mhs' and u.name = '市消防救援支队';
-- By statute: 消防法 第四条 (消防工作由本级人民政府消防救援机构负责实施).
update org_industry_supervisor s set inferred = false,
    basis = '《中华人民共和国消防法》第四条：县级以上地方人民政府应急管理部门对消防工作实施监督管理，由本级消防救援机构负责实施'
from org_unit u where u.id = s.unit_id and s.industry_code like 'fire%' and s.role = 'LEAD' and u.name = '市消防救援支队';
-- 特种设备安全法 第五条 (负责特种设备安全监督管理的部门).
update org_industry_supervisor s set inferred = false,
    basis = '《中华人民共和国特种设备安全法》第五条：县级以上地方负责特种设备安全监督管理的部门实施监督管理'
from org_unit u where u.id = s.unit_id and s.industry_code like 'special%' and s.role = 'LEAD' and u.name = '市市场监督管理局';

-- Category 4 (驻市相关单位、市属国有企业) are supervised, never supervisors (Attachment 2 puts them beside, not among,
-- the departments with supervisory duties).
update org_industry i set revision = revision + 1, updated_at = now(), updated_by = 'migration'
where exists (select 1 from org_industry_supervisor s join org_unit u on u.id = s.unit_id
              where s.industry_code = i.code and u.category = 4);
delete from org_industry_supervisor s using org_unit u where u.id = s.unit_id and u.category = 4;

-- A field led by a unit without supervisory duties (粮油储备: 市发展和改革委员会, category 2) needs a category-1 department
-- for the on-site review and sign-off: the 应急管理部门's comprehensive supervision (安全生产法 第十条) — our inference.
insert into org_industry_supervisor (industry_code, unit_id, role, basis, inferred)
select i.code, u.id, 'COOPERATE',
       '本平台推定：牵头单位不属负有安全生产监督管理职责的部门，依《中华人民共和国安全生产法》第十条（应急管理部门综合监督管理）由市应急管理局配合并承担审核销号，待市安委办确认',
       true
from org_industry i, org_unit u
where u.name = '市应急管理局'
  and exists (select 1 from org_industry_supervisor s join org_unit l on l.id = s.unit_id
              where s.industry_code = i.code and s.role = 'LEAD' and l.category <> 1)
  and not exists (select 1 from org_industry_supervisor s join org_unit c on c.id = s.unit_id
                  where s.industry_code = i.code and c.category = 1)
on conflict do nothing;
update org_industry i set revision = revision + 1, updated_at = now(), updated_by = 'migration'
where exists (select 1 from org_industry_supervisor s where s.industry_code = i.code and s.basis like '%安全生产法》第十条%')
  and i.revision = 1;

alter table org_industry_supervisor alter column basis set not null;

-- The initial revision's reason claimed the whole mapping came from the plan; it did not.
update org_industry_revision set reason = '初始数据：行业领域依据晋市安委发〔2024〕6号；监管部门除注明依据者外为本平台推定，待市安委办确认'
where revision = 1 and changed_by = 'migration';
insert into org_industry_revision (industry_code, revision, changed_at, changed_by, reason, snapshot)
select i.code, i.revision, now(), 'migration',
       '第四类成员单位（驻市相关单位、市属国有企业）不作为监管部门；牵头单位无监管职责的领域增设负有监管职责的配合单位',
       json_build_object('name', i.name, 'parentCode', i.parent_code, 'assignable', i.assignable, 'active', i.active,
           'supervisors', (select json_agg(json_build_object('unit', u.name, 'role', s.role) order by s.role desc, u.sort_order)
                           from org_industry_supervisor s join org_unit u on u.id = s.unit_id where s.industry_code = i.code))::text
from org_industry i where i.revision > 1 and i.updated_by = 'migration'
on conflict do nothing;

-- Held by the database too: a category-4 unit cannot become a supervisor.
create function org_supervisor_category_guard() returns trigger language plpgsql as $$
begin
    if (select category from org_unit where id = new.unit_id) = 4 then
        raise exception 'org_industry_supervisor: category-4 units are never supervisors' using errcode = 'ZB201';
    end if;
    return new;
end $$;
create trigger org_supervisor_category_guard before insert or update on org_industry_supervisor
    for each row execute function org_supervisor_category_guard();

-- Current names of units whose seed name (the plan's, 2024-02) has since changed. The seed name stays the unit's name,
-- as the plan prints it; the alias is what people search for and see beside it.
create table org_unit_alias (
    unit_id    uuid not null references org_unit (id),
    alias      text not null unique check (btrim(alias) <> ''),
    note       text not null,
    primary key (unit_id, alias)
);
insert into org_unit_alias (unit_id, alias, note)
select id, '国家金融监督管理总局晋城监管分局',
       '2023 年机构改革：国家金融监督管理总局在原中国银行保险监督管理委员会基础上组建，其派出机构相应更名'
from org_unit where name = '中国银行保险监督管理委员会晋城监管分局';

-- Attachment 1: the leading group as the plan lists it (2024-02-06). The city office keeps it current.
insert into org_leading_group_member (position, person_name, job_title, unit_id, sort_order)
select m.position, m.person_name, m.job_title, null, m.sort_order
from (values
    ('LEADER', '王震', '市委书记', 1),
    ('LEADER', '薛明耀', '市委副书记、市长', 2),
    ('EXECUTIVE_DEPUTY', '田志军', '市委常委、常务副市长', 1),
    ('DEPUTY', '黄登宇', '副市长', 1),
    ('DEPUTY', '苏春华', '副市长', 2),
    ('DEPUTY', '邓志蓉', '副市长', 3),
    ('DEPUTY', '张鹏飞', '副市长', 4),
    ('DEPUTY', '杨晓雷', '市政府秘书长、市政府办公室主任', 5),
    ('MEMBER', '宋彪', '市政府副秘书长', 1),
    ('MEMBER', '刘慧波', '市政府副秘书长', 2),
    ('MEMBER', '李琳', '市政府副秘书长', 3),
    ('MEMBER', '陈跃武', '市政府督查专员', 4),
    ('MEMBER', '（市安委会成员单位主要负责人）', '市安委会成员单位主要负责人', 5),
    ('OFFICE_DIRECTOR', '李俊强', '市安委办主任、市应急局局长', 1)
) as m (position, person_name, job_title, sort_order)
where not exists (select 1 from org_leading_group_member);
