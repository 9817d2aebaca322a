-- Fire: GB 35181-2017 重大火灾隐患判定方法 until 2025-10-31, replaced by GB 35181-2025 重大火灾隐患判定规则 from
-- 2025-11-01 (domain-reference.md section 2.4). Fire safety concerns every unit and place, so both editions apply to
-- all industries (all_industries); the fire field (消防) is recorded as their supervising industry.
-- Only the 2017 direct-determination items are known; the 2025 item list was not retrieved.

insert into std_standard (id, code, name, sort_order) values
    (std_uuid('std:fire'), 'fire', '重大火灾隐患判定（GB 35181）', 40);

insert into std_version (id, standard_id, kind, overlay_of, edition, name, issuer, doc_no, legal_nature, effective_from,
                         effective_to, dates_note, supersedes_id, industry_codes, all_industries, partial, partial_note,
                         possibly_superseded, caveats, metadata_confidence, metadata_note, source, status, created_at, created_by)
values
    (std_uuid('ver:fire-2017'), std_uuid('std:fire'), 'STANDARD', null, 'GB 35181-2017',
     '重大火灾隐患判定方法', '原国家质量监督检验检疫总局、国家标准化管理委员会', 'GB 35181-2017', '强制性国家标准',
     date '2018-07-01', date '2025-10-31', '施行日期2018-07-01未核实；自2025-11-01起由GB 35181-2025替代。',
     null, '{fire}', true, true,
     '仅收录第6章直接判定要素（10项）；第7章综合判定要素与第8章判定规则未完整收录——参考资料只列出要素组（总平面布置、防火分隔、安全疏散、消防给水及灭火设施、防烟排烟、消防供电、火灾自动报警、其他）及少量示例，且未核实。',
     false,
     '判定程序：现场检查后由不少于3人集体讨论；情况复杂的，组织不少于7人的专家组论证，结论须经2/3以上专家同意。' || chr(10) ||
     '不判定为重大火灾隐患的情形：依法通过专家评审并已落实相应措施的设计；已停产停业或停止使用的场所；不可能导致重大、特别重大火灾或严重社会影响的隐患。' || chr(10) ||
     '综合判定计数规则（未核实）：人员密集场所具备疏散、防烟排烟要素3项及以上，易燃易爆场所具备布局、消防给水要素3项及以上，人员密集、易燃易爆、重要场所任意要素4项及以上，其他场所6项及以上，判定为重大火灾隐患。' || chr(10) ||
     '适用范围：本库将消防标准适用于所有行业的单位和场所，并在企业检查清单中作为“通用”部分列在行业条款之后。',
     'UNCONFIRMED', '施行日期未核实；标准号、名称和第6章条目已核实。',
     '多个公开页面转载的GB 35181-2017第6章条目', 'DRAFT', now(), 'migration'),
    (std_uuid('ver:fire-2025'), std_uuid('std:fire'), 'STANDARD', null, 'GB 35181-2025',
     '重大火灾隐患判定规则', '国家市场监督管理总局、国家标准化管理委员会（国家消防救援局提出并归口）', 'GB 35181-2025',
     '强制性国家标准', date '2025-11-01', null, '2025-04-25发布，2025-11-01起施行，替代GB 35181-2017。',
     std_uuid('ver:fire-2017'), '{fire}', true, true,
     '条款未取得：第5章直接判定要素、第6章综合判定要素和附录A均未收录。取得标准文本后，请由消防主管部门导入条款（新版本）或以本地条款补充。',
     false,
     '与2017版相比（据前言）：不再使用“重要场所”概念，新增儿童活动场所、养老服务设施、劳动密集型企业和多业态混合经营场所；删除判定程序一章；修改“不判定为重大火灾隐患”的原则；修订直接判定（第5章）和综合判定（第6章）要素；新增附录A，用于判断火灾自动报警系统和固定灭火系统是否“不能正常运行”。' || chr(10) ||
     '2025-11-01以前发现的火灾隐患仍按GB 35181-2017判定，已作出的判定保留原条款。' || chr(10) ||
     '适用范围：本库将消防标准适用于所有行业的单位和场所，并在企业检查清单中作为“通用”部分列在行业条款之后。',
     'CONFIRMED', null,
     'GB 35181-2025 前言及发布信息', 'DRAFT', now(), 'migration');

insert into std_category (version_id, code, name, group_name, sort_order, note) values
    (std_uuid('ver:fire-2017'), '6', '直接判定要素（第6章）', '直接判定', 6, '符合任意一项即判定为重大火灾隐患'),
    (std_uuid('ver:fire-2025'), '5', '直接判定要素（第5章）', '直接判定', 5, '条款未收录'),
    (std_uuid('ver:fire-2025'), '6', '综合判定要素（第6章）', '综合判定', 6, '条款未收录'),
    (std_uuid('ver:fire-2025'), 'A', '附录A 系统不能正常运行的判定', '附录', 100, '条款未收录');

insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, sort_order, origin)
select std_uuid('clause:fire-2017:' || x.no), std_uuid('ver:fire-2017'), '6', x.no, x.summary, 'CONFIRMED',
       std_clause_sort(x.no), 'STANDARD'
from (values
    ('6.1', '生产、储存、装卸易燃易爆危险品的工厂、仓库、专用车站、码头或储罐区，没有布置在城市边缘或相对独立的安全地带。'),
    ('6.2', '易燃易爆危险品场所与人员密集场所或居住场所处于同一建筑物内，或两者防火间距不足规范值的75%。'),
    ('6.3', '城市建成区内的加油站、加气站、加油加气合建站，储量达到或超过GB 50156规定的一级站上限。'),
    ('6.4', '在地下或半地下空间生产、储存甲、乙类火灾危险性物品。'),
    ('6.5', '歌舞娱乐游艺场所、商店、地下人员密集场所的安全出口数量不足，或安全出口总净宽不足规范值的80%。'),
    ('6.6', '旅馆、歌舞娱乐游艺场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统。'),
    ('6.7', '易燃可燃液体、可燃气体储罐（区）未按规定设置固定灭火、冷却、可燃气体浓度报警或火灾报警设施。'),
    ('6.8', '在人员密集场所违规使用、储存或销售易燃易爆危险品。'),
    ('6.9', '托儿所、幼儿园的儿童用房，或老年人活动场所，设在规范不允许的楼层。'),
    ('6.10', '人员密集场所的居住部分用芯材燃烧性能低于A级（GB 8624）的彩钢夹芯板搭建。')
) as x (no, summary);

update std_version set status = 'PUBLISHED', published_at = now(), published_by = 'migration'
where id in (std_uuid('ver:fire-2017'), std_uuid('ver:fire-2025'));
