-- Reference data of the inspections module (docs/inspections.md). Risk classes and frequencies are our inference
-- (inference = true): the sources set the principle, not the numbers. Legal articles carry the reference's confidence
-- mark (V verified in the primary text, P secondary copies, M unconfirmed).

-- 分类分级 (安全生产法 Art. 62). HIGH: sectors with full-coverage 重点监管 instead of 双随机 (优化营商环境条例 Art. 54)
-- and the high-risk units of 安全生产法 Art. 27. Longest industry-code prefix wins; unlisted industries are GENERAL.
insert into insp_risk_rule (industry_code, risk_class, source, inference) values
    ('mine', 'HIGH', '安全生产法 第二十七条（矿山）；优化营商环境条例 第五十四条', true),
    ('hazchem', 'HIGH', '安全生产法 第二十七条（危险物品）；优化营商环境条例 第五十四条', true),
    ('fireworks', 'HIGH', '安全生产法 第二十七条（危险物品）', true),
    ('explosives', 'HIGH', '安全生产法 第二十七条（危险物品）', true),
    ('indtrade.metallurgy', 'HIGH', '安全生产法 第二十七条（金属冶炼）', true),
    ('indtrade.smelting', 'HIGH', '安全生产法 第二十七条（金属冶炼）', true),
    ('indtrade.nonferrous', 'HIGH', '安全生产法 第二十七条（金属冶炼）', true),
    ('construction', 'HIGH', '安全生产法 第二十七条（建筑施工）', true),
    ('road.dangerous', 'HIGH', '安全生产法 第二十七条（道路运输、危险物品）', true),
    ('gas', 'HIGH', '本平台推定（城镇燃气，人员密集）', true),
    ('pipeline', 'HIGH', '本平台推定（油气长输管线）', true),
    ('indtrade', 'ELEVATED', '本平台推定（工贸行业一般企业）', true),
    ('road', 'ELEVATED', '安全生产法 第二十七条（道路运输）', true),
    ('power', 'ELEVATED', '本平台推定', true),
    ('special', 'ELEVATED', '本平台推定（特种设备）', true),
    ('fire.large', 'ELEVATED', '本平台推定（人员密集场所）', true),
    ('fire.complex', 'ELEVATED', '本平台推定（人员密集场所）', true),
    ('health.hospital', 'ELEVATED', '本平台推定（人员密集场所）', true),
    ('waste', 'ELEVATED', '本平台推定（危险废物）', true);

-- Plan item 20: 安全生产标准化达标企业减少检查频次. Routine inspections per year by risk class and grade (our numbers).
insert into insp_frequency_rule (risk_class, grade, per_year, source, inference) values
    ('HIGH', 'NONE', 4, '晋市安委发〔2024〕6号 第20项（达标企业减少检查频次）；频次为本平台推定', true),
    ('HIGH', 'GRADE_3', 3, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('HIGH', 'GRADE_2', 2, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('HIGH', 'GRADE_1', 1, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('ELEVATED', 'NONE', 2, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('ELEVATED', 'GRADE_3', 1.5, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('ELEVATED', 'GRADE_2', 1, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('ELEVATED', 'GRADE_1', 0.5, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('GENERAL', 'NONE', 1, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('GENERAL', 'GRADE_3', 1, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('GENERAL', 'GRADE_2', 0.5, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true),
    ('GENERAL', 'GRADE_1', 0.33, '晋市安委发〔2024〕6号 第20项；频次为本平台推定', true);

-- Articles a decision may cite. Maximum fines are the highest amount the article sets for any of its situations
-- (1 万元 = 1,000,000 fen); null where the article sets none or fines by income share or multiples (uncapped_unit
-- marks the articles that fine an organisation without a fixed maximum: multiples of illegal gains, per-day fines).
insert into insp_legal_article (code, law, article, summary, unit_max_fen, person_max_fen, per_day, confidence, sort_order) values
    ('SAFELAW-65', '安全生产法', '第六十五条', '监督检查职权：现场纠正或者责令限期改正；重大事故隐患排除前或者排除过程中无法保证安全的，责令从危险区域撤出作业人员，责令暂时停产停业或者停止使用相关设施、设备；查封、扣押', null, null, false, 'V', 10),
    ('SAFELAW-70', '安全生产法', '第七十条', '拒不执行停产停业、停止施工、停止使用相关设施或者设备的决定，有发生生产安全事故的现实危险的，可以通知有关单位停止供电、停止供应民用爆炸物品', null, null, false, 'V', 11),
    ('SAFELAW-93', '安全生产法', '第九十三条', '未保证安全生产所必需的资金投入：责令限期改正；逾期未改正的，责令停产停业整顿；个人经营的投资人处二万元以上二十万元以下罚款', null, 20000000, false, 'V', 20),
    ('SAFELAW-94', '安全生产法', '第九十四条', '主要负责人未履行安全生产管理职责：责令限期改正，处二万元以上五万元以下罚款；逾期未改正的，处五万元以上十万元以下罚款，责令生产经营单位停产停业整顿', null, 10000000, false, 'V', 21),
    ('SAFELAW-96', '安全生产法', '第九十六条', '其他负责人和安全生产管理人员未履行安全生产管理职责：责令限期改正，处一万元以上三万元以下罚款', null, 3000000, false, 'V', 22),
    ('SAFELAW-97', '安全生产法', '第九十七条', '未按规定设置安全生产管理机构或者配备人员、未进行安全生产教育和培训、未如实记录隐患排查治理情况、未制定应急预案或者未定期演练、特种作业人员未持证上岗等：责令限期改正，处十万元以下罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下罚款，对直接负责的主管人员和其他直接责任人员处二万元以上五万元以下罚款', 20000000, 5000000, false, 'V', 23),
    ('SAFELAW-98', '安全生产法', '第九十八条', '矿山、金属冶炼建设项目或者用于生产、储存、装卸危险物品的建设项目未按规定进行安全评价、安全设施设计审查、竣工验收：责令停止建设或者停产停业整顿，限期改正，并处十万元以上五十万元以下罚款；逾期未改正的，处五十万元以上一百万元以下罚款', 100000000, 10000000, false, 'V', 24),
    ('SAFELAW-99', '安全生产法', '第九十九条', '未设置安全警示标志、安全设备不符合标准或者未经常性维护保养检测、关闭破坏监控报警设备或者篡改隐瞒销毁数据、未提供劳动防护用品、餐饮场所未安装可燃气体报警装置等：责令限期改正，处五万元以下罚款；逾期未改正的，处五万元以上二十万元以下罚款；情节严重的，责令停产停业整顿', 20000000, 2000000, false, 'V', 25),
    ('SAFELAW-101', '安全生产法', '第一百零一条', '危险物品管理、重大危险源、危险作业现场安全管理、安全风险分级管控、事故隐患排查治理制度或者重大事故隐患未报告等：责令限期改正，处十万元以下罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下罚款', 20000000, 5000000, false, 'V', 26),
    ('SAFELAW-102', '安全生产法', '第一百零二条', '未采取措施消除事故隐患：责令立即消除或者限期消除，处五万元以下罚款；拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处五万元以上十万元以下罚款', 5000000, 10000000, false, 'V', 27),
    ('SAFELAW-103', '安全生产法', '第一百零三条', '将生产经营项目、场所、设备发包或者出租给不具备安全生产条件或者相应资质的单位或者个人，未与承包、承租单位签订安全生产管理协议', null, 2000000, false, 'V', 28),
    ('SAFELAW-104', '安全生产法', '第一百零四条', '两个以上生产经营单位在同一作业区域内进行可能危及对方安全的生产经营活动，未签订安全生产管理协议或者未指定专职安全生产管理人员进行安全检查与协调：责令限期改正，处五万元以下罚款', 5000000, 1000000, false, 'V', 29),
    ('SAFELAW-105', '安全生产法', '第一百零五条', '生产、经营、储存、使用危险物品的车间、商店、仓库与员工宿舍在同一座建筑内，或者安全出口、疏散通道不符合要求：责令限期改正，处五万元以下罚款', 5000000, 1000000, false, 'V', 30),
    ('SAFELAW-106', '安全生产法', '第一百零六条', '与从业人员订立协议免除或者减轻其对从业人员因生产安全事故伤亡依法应承担的责任：协议无效，对主要负责人、个人经营的投资人处二万元以上十万元以下罚款', null, 10000000, false, 'V', 31),
    ('SAFELAW-108', '安全生产法', '第一百零八条', '拒绝、阻碍负有安全生产监督管理职责的部门依法实施监督检查：责令改正；拒不改正的，处二万元以上二十万元以下罚款', 20000000, 2000000, false, 'V', 32),
    ('SAFELAW-109', '安全生产法', '第一百零九条', '高危行业、领域的生产经营单位未按照国家规定投保安全生产责任保险：责令限期改正，处五万元以上十万元以下罚款；逾期未改正的，处十万元以上二十万元以下罚款', 20000000, null, false, 'V', 33),
    ('SAFELAW-112', '安全生产法', '第一百一十二条', '被责令改正且受到罚款处罚，拒不改正的，可以自作出责令改正之日的次日起，按照原处罚数额按日连续处罚', null, null, true, 'V', 34),
    ('SAFELAW-113', '安全生产法', '第一百一十三条', '存在重大事故隐患，一百八十日内三次或者一年内四次受到本法规定的行政处罚，或者经停产停业整顿仍不具备安全生产条件等：提请县级以上人民政府予以关闭，有关部门吊销有关证照', null, null, false, 'V', 35),
    ('COAL-64', '煤矿安全生产条例', '第六十四条', '煤矿存在重大事故隐患仍然进行生产：责令停产整顿，并处五十万元以上二百万元以下罚款，对煤矿企业主要负责人处三万元以上十五万元以下罚款', 200000000, 15000000, false, 'V', 40),
    ('ORDER15-45', '安全生产违法行为行政处罚办法（原国家安监总局令第15号）', '第四十五条', '违反操作规程或者安全管理规定作业、违章指挥从业人员或者强令从业人员违章冒险作业等：给予警告，并可以对生产经营单位处一万元以上三万元以下罚款，对其主要负责人、其他有关人员处一千元以上一万元以下罚款', 3000000, 1000000, false, 'P', 50),
    ('CRIMINAL-134', '刑法', '第一百三十四条', '重大责任事故罪；强令、组织他人违章冒险作业罪（含明知存在重大事故隐患而不排除）', null, null, false, 'V', 60),
    ('CRIMINAL-134-1', '刑法', '第一百三十四条之一', '危险作业罪：关闭破坏监控报警等设备设施或者篡改数据；因存在重大事故隐患被依法责令停产停业、停止施工、停止使用有关设备设施场所或者立即采取排除危险的整改措施而拒不执行；未经批准擅自从事高度危险的生产作业活动', null, null, false, 'V', 61),
    ('CRIMINAL-135', '刑法', '第一百三十五条', '重大劳动安全事故罪', null, null, false, 'V', 62),
    ('CRIMINAL-139-1', '刑法', '第一百三十九条之一', '不报、谎报安全事故罪', null, null, false, 'V', 63),
    ('STATE310-5', '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号）', '第五条', '行政执法机关发现涉嫌犯罪案件，指定二名或者二名以上行政执法人员组成专案组调查，提出移送书面报告，正职负责人三日内作出批准移送或者不批准移送的决定；批准移送的，二十四小时内向同级公安机关移送', null, null, false, 'V', 64);
update insp_legal_article set uncapped_unit = true where code in ('SAFELAW-103', 'SAFELAW-112');
