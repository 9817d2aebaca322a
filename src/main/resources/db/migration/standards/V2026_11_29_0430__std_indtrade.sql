-- 工贸 enterprises: 工贸企业重大事故隐患判定标准 (应急管理部令第10号, in force 2023-05-15), 64 items = 3 management
-- + 47 industry + 14 special (domain-reference.md section 2.3), and the 2017 list it replaced, kept as history.
-- Applicability is per category: Art. 3 all 工贸; Arts. 4-10 one industry each; Arts. 11-13 any 工贸 enterprise with
-- the matching special operation. Items the reference marks [M] are loaded as UNCONFIRMED.

insert into std_standard (id, code, name, sort_order) values
    (std_uuid('std:indtrade'), 'indtrade', '工贸企业重大事故隐患判定标准', 30);

insert into std_version (id, standard_id, kind, overlay_of, edition, name, issuer, doc_no, legal_nature, effective_from,
                         effective_to, dates_note, supersedes_id, industry_codes, all_industries, partial, partial_note,
                         possibly_superseded, caveats, metadata_confidence, metadata_note, source, status, created_at, created_by)
values
    (std_uuid('ver:indtrade-2017'), std_uuid('std:indtrade'), 'STANDARD', null, '2017版',
     '工贸行业重大生产安全事故隐患判定标准（2017版）', '原国家安全生产监督管理总局', '安监总管四〔2017〕129号',
     '规范性文件', null, date '2023-05-14',
     '参考资料未载明施行日期；止于令第10号施行前一日。',
     null, '{indtrade}', false, true,
     '本库未收录其条款：参考资料只核实了条款数量——共59项，其中专项类14项，行业类45项（冶金11、有色10、建材6、机械7、轻工6、纺织2、烟草2、商贸1）。判定2023-05-15以前发现的隐患须查阅原文。',
     false, '已被应急管理部令第10号废止，仅保留作历史版本，不用于新的判定。',
     'UNCONFIRMED', '文号安监总管四〔2017〕129号未核实；条款数量已核实。',
     '参考资料第2.11节（条款数量取自公开转载本）', 'DRAFT', now(), 'migration'),
    (std_uuid('ver:indtrade-2023'), std_uuid('std:indtrade'), 'STANDARD', null, '2023年（令第10号）',
     '工贸企业重大事故隐患判定标准', '应急管理部', '应急管理部令第10号', '部门规章',
     date '2023-05-15', null, '2023-03-20审议通过，2023-04-14签署公布，2023-05-15起施行。',
     std_uuid('ver:indtrade-2017'), '{indtrade}', false, false, null, true,
     '共64项：管理类3项（第三条），行业类47项（第四条至第十条：冶金8、有色13、建材8、机械7、轻工7、纺织2、烟草2），专项类14项（第十一条粉尘涉爆10、第十二条涉氨制冷2、第十三条有限空间作业2）。' || chr(10) ||
     '第二条：适用于冶金、有色、建材、机械、轻工、纺织、烟草、商贸企业；企业内涉及危险化学品、消防、燃气、特种设备等的，按其专门的判定标准执行。' || chr(10) ||
     '第十四条（未核实）：本标准所列监测报警、安全保护等装置失效或不能正常使用的，同样判定为重大事故隐患。' || chr(10) ||
     '第五条、第七条第3—7项、第八条至第十条、第十一条第6—10项、第十二条、第十三条的条文依据记忆整理，标为“未核实”；第五条共13项的数量由总数47项推算，序号按参考资料所列主题顺序编排。' || chr(10) ||
     '可能已修订：第三方资料提到2025年有新的部门规章，未核实。',
     'CONFIRMED', null,
     '中国应急管理报2023-06-01、2023-06-22刊载的应急管理部令第10号（结构、数量及第二、三条，第四条第1—4项，第六条，第十一条第1—5项已核实）；2023-04-19新闻报道',
     'DRAFT', now(), 'migration');

insert into std_category (version_id, code, name, group_name, sort_order, note)
select std_uuid('ver:indtrade-2023'), c.code, c.name, c.grp, c.code::int, c.note from (values
    ('3', '管理类（第三条）', '管理类', '适用于全部工贸企业'),
    ('4', '冶金行业（第四条）', '行业类', null),
    ('5', '有色行业（第五条）', '行业类', '13项的数量由行业类总数推算；第5.4—5.10项见于参考资料引用的摘录页，其余按主题整理，未核实'),
    ('6', '建材行业（第六条）', '行业类', null),
    ('7', '机械行业（第七条）', '行业类', null),
    ('8', '轻工行业（第八条）', '行业类', null),
    ('9', '纺织行业（第九条）', '行业类', null),
    ('10', '烟草行业（第十条）', '行业类', null),
    ('11', '粉尘涉爆（第十一条）', '专项类', '适用于存在粉尘爆炸危险的工贸企业'),
    ('12', '涉氨制冷（第十二条）', '专项类', '适用于使用氨制冷的工贸企业'),
    ('13', '有限空间作业（第十三条）', '专项类', '适用于存在有限空间作业的工贸企业')
) as c (code, name, grp, note);

with scope (cat, industries, special) as (values
    ('3', '{indtrade}'::text[], null),
    ('4', '{indtrade.metallurgy}'::text[], null),
    ('5', '{indtrade.nonferrous}'::text[], null),
    ('6', '{indtrade.building}'::text[], null),
    ('7', '{indtrade.machinery}'::text[], null),
    ('8', '{indtrade.light}'::text[], null),
    ('9', '{indtrade.textile}'::text[], null),
    ('10', '{indtrade.tobacco}'::text[], null),
    ('11', '{indtrade}'::text[], 'DUST_EXPLOSION'),
    ('12', '{indtrade}'::text[], 'AMMONIA_REFRIGERATION'),
    ('13', '{indtrade}'::text[], 'CONFINED_SPACE'))
insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, note, industry_codes,
                        special_operation, sort_order, origin)
select std_uuid('clause:indtrade-2023:' || x.no), std_uuid('ver:indtrade-2023'), split_part(x.no, '.', 1), x.no,
       x.summary, x.conf, x.note, s.industries, s.special, std_clause_sort(x.no), 'STANDARD'
from (values
    ('3.1', '未对承包、承租单位的安全生产工作统一协调管理，或未定期进行安全检查。', 'CONFIRMED', null),
    ('3.2', '特种作业人员未按规定经专门培训并取得相应资格即上岗作业。', 'CONFIRMED', null),
    ('3.3', '金属冶炼企业的主要负责人、安全管理人员未按规定通过考核。', 'CONFIRMED', '仅涉及金属冶炼企业'),
    ('4.1', '会议、活动、休息、操作、交接班、更衣（洗浴）等六类人员聚集场所，或钢包等罐体修砌点，设在吊运铁水、钢水、熔渣的起重机作业跨地面区域。', 'CONFIRMED', null),
    ('4.2', '生产期间，冶炼、精炼、铸造区域的事故坑、炉下渣坑，以及炉前平台、炉基、吊运和地面运输通道等六类熔融金属喷溅区域存在积水。', 'CONFIRMED', null),
    ('4.3', '连铸缺少事故钢包、中间包溢流槽或漏钢坑、溢流坑、事故溜槽等应急设施；模铸缺少事故钢包或事故坑。', 'CONFIRMED', null),
    ('4.4', '转炉、电弧炉、AOD、LF、RH、VOD等炼钢炉的水冷元件没有出水温度和进出水流量差报警，或报警未与倾动、氧枪升降、电极断电抬升联锁。', 'CONFIRMED', null),
    ('4.5', '高炉炉顶压力设定超过设计最大值，炉顶压力检测未与放散阀联锁，或放散阀设定值超过设备设计压力。', 'UNCONFIRMED', null),
    ('4.6', '煤气设施附近或可能泄漏、积聚煤气处的人员聚集场所没有固定式一氧化碳检测报警，或数据未传到24小时有人值守的地点。', 'UNCONFIRMED', null),
    ('4.7', '加热炉、煤气柜、除尘器、加压机、烘烤器等设施，以及进入车间的煤气主管，没有可靠的隔断装置。', 'UNCONFIRMED', null),
    ('4.8', '正压煤气管道排水器水封有效高度低于30kPa，隔断装置前后共用一个排水器，排水管相互连通，或不同种类煤气共用排水器。', 'UNCONFIRMED', null),
    ('5.1', '吊运熔融金属的作业跨内设有人员聚集场所。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('5.2', '熔融金属喷溅区域在生产期间存在积水。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('5.3', '熔炼、铸造设施没有应急排放和储存设施。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('5.4', '水冷炉窑、铸造机、加热炉没有应急冷却水源。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.5', '水冷元件没有温度、流量监测报警。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.6', '铝及铝合金深井铸造，结晶器冷却水压力、流量报警未与快速切断、紧急排放、流槽断开、倾动炉回倾等联锁。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.7', '铸造流槽没有液位报警，或固定式熔炼炉放流口没有锁紧装置。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.8', '固定式熔炼炉的流槽没有紧急排放阀或快速切断装置。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.9', '倾动式熔炼炉流槽的切断装置未与倾动联锁。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.10', '铸造机卷扬使用非钢芯钢丝绳，或没有钢丝绳检查制度。', 'CONFIRMED', '见于参考资料引用的摘录页；序号未与原文核对'),
    ('5.11', '可能产生一氧化碳、砷化氢、氯气、硫化氢等有毒气体的区域没有检测报警。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('5.12', '燃气烧嘴没有压力报警与快速切断联锁。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('5.13', '煤气排水器的设置不符合规定。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('6.1', '煤磨袋式收尘器、煤粉仓没有温度和固定式一氧化碳监测，或没有气体灭火装置。', 'CONFIRMED', null),
    ('6.2', '人工清库作业未落实方案规定的防坠落、防坍塌措施。', 'CONFIRMED', null),
    ('6.3', '水泥企业电石渣原料库没有固定式可燃气体检测报警，或报警未与应急通风联锁。', 'CONFIRMED', null),
    ('6.4', '进入筒型储库、窑、预热器旋风筒、分解炉、竖炉、篦冷机、磨机、破碎机前，未隔离设备、物料以及高温、有毒气体，或未落实防坠落、防坍塌措施。', 'CONFIRMED', null),
    ('6.5', '燃气预混式窑炉（发生炉煤气窑炉除外）的燃气总管没有压力报警并与紧急切断联锁。', 'CONFIRMED', null),
    ('6.6', '制氢站、氮氢保护气体配气间、燃气配气间没有固定式可燃气体检测报警。', 'CONFIRMED', null),
    ('6.7', '电熔制品电炉的水冷却失效。', 'CONFIRMED', null),
    ('6.8', '玻璃窑炉、玻璃锡槽的水冷、风冷保护系统没有监测报警。', 'CONFIRMED', null),
    ('7.1', '吊运熔融金属或浇注作业跨内设有五类人员聚集场所。', 'CONFIRMED', null),
    ('7.2', '熔炼炉、精炼炉、保温炉没有应急排放和储存设施。', 'CONFIRMED', null),
    ('7.3', '炉坑、事故坑、造型坑、浇注坑、转运通道等八类区域存在积水。', 'UNCONFIRMED', null),
    ('7.4', '炉窑、压铸机、氧枪等的冷却水没有出水温度或流量报警，或报警未与加热、输送联锁。', 'UNCONFIRMED', null),
    ('7.5', '燃气烧嘴没有总管压力报警和切断装置，或没有火焰监测和熄火保护。', 'UNCONFIRMED', null),
    ('7.6', '使用易燃溶剂清洗，未防止溶剂蒸气在封闭或半封闭空间积聚。', 'UNCONFIRMED', null),
    ('7.7', '使用溶剂型涂料的调漆间、喷漆室没有固定式可燃气体检测报警或通风设施。', 'UNCONFIRMED', null),
    ('8.1', '食品油炸、烘烤设备没有超温自动切断。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.2', '白酒勾调、灌装、储存场所没有乙醇蒸气检测报警，或报警未与通风联锁。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.3', '制浆造纸企业用蒸汽或明火直接加热液氯钢瓶。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.4', '日用玻璃、陶瓷燃气预混式窑炉没有压力报警和紧急切断。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.5', '玻璃窑炉冷却保护系统没有监测报警。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.6', '溶剂型涂料调配间、喷涂间没有可燃气体检测报警或通风设施。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('8.7', '锂离子电池储存场所未对故障电池进行物理隔离。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('9.1', '烧毛、烘干、热定型用的气化室、燃气（油）储罐、导热油炉等未与生产区域或人员聚集场所分隔。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('9.2', '保险粉、双氧水、次氯酸盐、亚氯酸钠、雕白粉等与禁忌物料混存，或保险粉库房未防潮。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('10.1', '熏蒸作业未检测磷化氢浓度、未配备防毒面具，或未确认人员全部撤离。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('10.2', '二氧化碳膨胀烟丝生产线没有固定式二氧化碳检测报警，或报警未与应急排风联锁。', 'UNCONFIRMED', '按参考资料主题整理'),
    ('11.1', '粉尘爆炸危险场所设在非框架结构的多层建筑内，或场所内设有员工宿舍、会议室、办公室、休息室。', 'CONFIRMED', null),
    ('11.2', '不同类别的粉尘、粉尘与可燃气体共用一套除尘系统，除尘系统跨建筑物或防火分区，或不同系统相互连通。', 'CONFIRMED', null),
    ('11.3', '干式除尘系统泄爆、惰化、抑爆措施一项都没有。', 'CONFIRMED', null),
    ('11.4', '铝镁等金属粉尘采用正压吹送除尘，或其他粉尘正压吹送时没有火花探测消除装置。', 'CONFIRMED', null),
    ('11.5', '采用粉尘沉降室除尘，或以干式巷道式构筑物作除尘风道。', 'CONFIRMED', null),
    ('11.6', '铝镁金属粉尘、木质粉尘的干式除尘系统没有锁气卸灰装置。', 'UNCONFIRMED', null),
    ('11.7', '除尘器、料仓等20区内使用非防爆电气设备。', 'UNCONFIRMED', null),
    ('11.8', '研磨、粉碎、造粒等设备前没有除铁、除石装置，或木制品砂光除尘风管没有火花探测消除装置。', 'UNCONFIRMED', null),
    ('11.9', '遇湿自燃的金属粉尘在收集、堆放、储存中未防止氢气积聚，或未防水防潮。', 'UNCONFIRMED', null),
    ('11.10', '粉尘清理制度不落实，作业现场积尘严重。', 'UNCONFIRMED', null),
    ('12.1', '包装、分割、产品整理场所的空调采用氨直接蒸发制冷。', 'UNCONFIRMED', '内容依2017版措辞核实，2023版措辞未核实'),
    ('12.2', '快速冻结装置未设在单独的作业间内，或该作业间内作业人员超过9人。', 'UNCONFIRMED', '内容依2017版措辞核实，2023版措辞未核实'),
    ('13.1', '未辨识有限空间、未建立台账，且未设置安全警示标志。', 'UNCONFIRMED', null),
    ('13.2', '有限空间作业未经审批，未执行“先通风、再检测、后作业”，或没有监护人员。', 'UNCONFIRMED', null)
) as x (no, summary, conf, note)
join scope s on s.cat = split_part(x.no, '.', 1);

update std_version set status = 'PUBLISHED', published_at = now(), published_by = 'migration'
where id in (std_uuid('ver:indtrade-2017'), std_uuid('ver:indtrade-2023'));
