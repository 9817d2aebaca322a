-- Hazardous chemicals and fireworks: the two trial standards issued together under 安监总管三〔2017〕121号, 20 items
-- each (domain-reference.md sections 2.2 and 2.8). Both are flat lists; we keep them as one category each.

insert into std_standard (id, code, name, sort_order) values
    (std_uuid('std:hazchem'), 'hazchem', '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准', 20),
    (std_uuid('std:fireworks'), 'fireworks', '烟花爆竹生产经营单位重大生产安全事故隐患判定标准', 21);

insert into std_version (id, standard_id, kind, overlay_of, edition, name, issuer, doc_no, legal_nature, effective_from,
                         effective_to, dates_note, supersedes_id, industry_codes, all_industries, partial, partial_note,
                         possibly_superseded, caveats, metadata_confidence, metadata_note, source, status, created_at, created_by)
values
    (std_uuid('ver:hazchem-2017'), std_uuid('std:hazchem'), 'STANDARD', null, '2017年（试行）',
     '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）', '原国家安全生产监督管理总局',
     '安监总管三〔2017〕121号', '规范性文件', date '2017-11-13', null,
     '参考资料确认2017年11月印发；通知日期2017-11-13未核实，按印发即施行处理。',
     null, '{hazchem}', false, false, null, false,
     '本库将其适用于“危险化学品”行业领域及其全部子领域；从事危险货物道路运输的企业同时适用道路运输标准。' || chr(10) ||
     '第4、5、12、14项与重大危险源监测监控直接相关（自动化控制、紧急切断、安全仪表、气体检测、双电源）。',
     'UNCONFIRMED', '文号已核实；施行日期未核实。',
     '中国应急管理报2023-05-25刊载的安监总管三〔2017〕121号（第1—15项逐字核对）；公开数据集所载全部20项',
     'DRAFT', now(), 'migration'),
    (std_uuid('ver:fireworks-2017'), std_uuid('std:fireworks'), 'STANDARD', null, '2017年（试行）',
     '烟花爆竹生产经营单位重大生产安全事故隐患判定标准（试行）', '原国家安全生产监督管理总局',
     '安监总管三〔2017〕121号', '规范性文件', date '2017-11-13', null,
     '与化工和危险化学品标准同一通知印发；日期未核实。',
     null, '{fireworks}', false, false, null, false, null,
     'UNCONFIRMED', '文号（与化工标准同一通知）及施行日期未核实；20项条目已核实。',
     '公开数据集所载烟花爆竹20项条目表', 'DRAFT', now(), 'migration');

insert into std_category (version_id, code, name, group_name, sort_order) values
    (std_uuid('ver:hazchem-2017'), '1', '重大生产安全事故隐患判定情形（第1—20项）', null, 1),
    (std_uuid('ver:fireworks-2017'), '1', '重大生产安全事故隐患判定情形（第1—20项）', null, 1);

insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, sort_order, origin)
select std_uuid('clause:hazchem-2017:' || x.no), std_uuid('ver:hazchem-2017'), '1', x.no, x.summary, 'CONFIRMED',
       std_clause_sort(x.no), 'STANDARD'
from (values
    ('1', '主要负责人、安全管理人员未通过安全生产知识和管理能力考核。'),
    ('2', '特种作业人员未持证即上岗作业。'),
    ('3', '涉及“两重点一重大”的装置或储存设施，与外部目标的安全防护距离达不到国家标准。'),
    ('4', '重点监管危险化工工艺装置缺少自动化控制或紧急停车系统，或已设置但未投用。'),
    ('5', '一、二级重大危险源罐区不能紧急切断；其中储存有毒气体、液化气体或剧毒液体的罐区缺少独立的安全仪表系统。'),
    ('6', '全压力式液化烃储罐缺少国家标准要求的注水设施。'),
    ('7', '液化烃、液氨、液氯等液化气体装卸充装未采用万向管道充装系统。'),
    ('8', '光气、氯气、硫化氢等有毒气体管道穿过厂区及化工园区、工业园区以外的公共区域。'),
    ('9', '区域架空电力线路违反标准从生产区上方穿过。'),
    ('10', '在役化工装置从未经过正规设计，也没有做安全设计诊断。'),
    ('11', '仍在使用已列入淘汰目录的落后安全技术工艺或设备。'),
    ('12', '可能泄漏可燃、有毒气体的场所缺少检测报警设施，或爆炸危险区域使用非防爆电气设备。'),
    ('13', '控制室、机柜间朝向火灾爆炸危险装置的一面不具备防火防爆能力。'),
    ('14', '化工装置没有双重电源，或自动控制系统没有不间断电源。'),
    ('15', '安全阀、爆破片等安全附件没有投入使用。'),
    ('16', '缺少与岗位对应的全员安全生产责任制，或缺少隐患排查治理制度。'),
    ('17', '缺少操作规程，或没有设定工艺控制指标。'),
    ('18', '动火、进入受限空间等特殊作业未按国家标准管理，或管理不到位。'),
    ('19', '新工艺未经小试、中试和工业化试验就投产；国内首次使用的化工工艺未经省级组织论证；新建装置无试生产方案即投料；精细化工企业未做反应安全风险评估。'),
    ('20', '危险化学品未分区分类存放，超量或超品种储存，或禁忌物料混存。')
) as x (no, summary);

insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, sort_order, origin)
select std_uuid('clause:fireworks-2017:' || x.no), std_uuid('ver:fireworks-2017'), '1', x.no, x.summary, 'CONFIRMED',
       std_clause_sort(x.no), 'STANDARD'
from (values
    ('1', '主要负责人、安全管理人员未通过考核。'),
    ('2', '特种作业人员无证上岗，或在设备内仍有药物时进行维修。'),
    ('3', '作业人员自带工具、机器从事涉药作业。'),
    ('4', '工房、库房内人数超过核定人数。'),
    ('5', '工房、库房内药量超过核定药量。'),
    ('6', '内、外部安全距离不足，或防护屏障缺失、不合格。'),
    ('7', '防静电、防火、防雷设施缺失或失效。'),
    ('8', '擅自改变建（构）筑物用途，或违规搭建。'),
    ('9', '厂区没有围墙，或功能分区不符合标准。'),
    ('10', '氧化剂与还原剂同库储存、违规预混，或在同一工房内粉碎、称量。'),
    ('11', '涉药机械设备擅自改造或改变用途，未经安全论证。'),
    ('12', '中转库、药物总库、成品总库的储存能力与设计产能不匹配。'),
    ('13', '没有建立全员安全生产责任制或隐患排查治理制度。'),
    ('14', '出租、出借、转让、买卖、冒用或伪造许可证。'),
    ('15', '生产经营超出许可范围的产品或危险等级，或使用禁用药物。'),
    ('16', '将生产线、工房或库房分包、转包。'),
    ('17', '一证多厂，或多个股东各自独立组织生产经营。'),
    ('18', '许可证过期、整顿改造期间或恶劣天气停产期间仍组织生产。'),
    ('19', '在烟花爆竹仓库存放其他爆炸物品，或销售非法、超标产品。'),
    ('20', '零售点与居住场所设在同一建筑物内，或在零售场所使用明火。')
) as x (no, summary);

update std_version set status = 'PUBLISHED', published_at = now(), published_by = 'migration'
where id in (std_uuid('ver:hazchem-2017'), std_uuid('ver:fireworks-2017'));
