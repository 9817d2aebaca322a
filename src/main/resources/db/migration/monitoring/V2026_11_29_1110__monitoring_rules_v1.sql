-- Rule set version 1. Sources and confidence marks (V verified, P partly, M unconfirmed) follow
-- docs/monitoring-rules.md; INFERENCE = a choice of this platform where the sources set no number.
-- Colour levels (红/橙/黄/蓝) for each rule are this platform's mapping (INFERENCE) of the sources' actions:
-- power cut / level-2 → 红, alarm / level-1 → 橙, process and environment limits → 黄, sensor health → 蓝.
insert into mon_rule_version (version, effective_from, title, note, published_at, published_by)
values (1, date '2024-01-01', '监测预警规则 第1版',
        '煤矿甲烷按位置的报警/断电/复电值（煤矿安全规程2016）；GB/T 50493-2019 可燃/有毒气体一级、二级报警；传感器健康与停产用电规则',
        now(), 'migration');

-- Coal-mine methane by sensor location: 煤矿安全规程（2016）第498条及表19 (article/table number [M], values [V]).
-- Alarm and power-cut clear only below the restore value (the hysteresis the code calls clear_value).
insert into mon_rule (version, code, kind, location, rule_type, level, direction, trigger_value, clear_value, label, action, source, confidence) values
(1, 'CH4_ALARM',     'METHANE', 'LW_UPPER_CORNER',  'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 回风隅角：报警≥1.0%，复电<1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'LW_UPPER_CORNER',  'THRESHOLD', 'RED',    'HIGH', 1.5,  1.0,  '甲烷断电', '切断工作面及其回风巷内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 回风隅角：断电≥1.5%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'LW_FACE',          'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 采煤工作面：报警≥1.0%，复电<1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'LW_FACE',          'THRESHOLD', 'RED',    'HIGH', 1.5,  1.0,  '甲烷断电', '切断工作面及其回风巷内全部非本质安全型电气设备电源（突出矿井含进风巷）', '煤矿安全规程（2016）第498条表19 采煤工作面：断电≥1.5%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'LW_RETURN',        'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 采煤工作面回风巷：报警≥1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'LW_RETURN',        'THRESHOLD', 'RED',    'HIGH', 1.0,  1.0,  '甲烷断电', '切断工作面及其回风巷内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 采煤工作面回风巷：断电≥1.0%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'LW_INTAKE',        'THRESHOLD', 'ORANGE', 'HIGH', 0.5,  0.5,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 高瓦斯/突出矿井采煤工作面进风巷：报警≥0.5%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'LW_INTAKE',        'THRESHOLD', 'RED',    'HIGH', 0.5,  0.5,  '甲烷断电', '切断进风巷内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 进风巷：断电≥0.5%，复电<0.5%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'SERIES_INTAKE',    'THRESHOLD', 'ORANGE', 'HIGH', 0.5,  0.5,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 被串采煤工作面进风巷：报警≥0.5%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'SERIES_INTAKE',    'THRESHOLD', 'RED',    'HIGH', 0.5,  0.5,  '甲烷断电', '切断被串工作面及其进回风巷内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 被串工作面进风巷：断电≥0.5%，复电<0.5%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'SHEARER',          'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 采煤机：报警≥1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'SHEARER',          'THRESHOLD', 'RED',    'HIGH', 1.5,  1.0,  '甲烷断电', '切断采煤机电源', '煤矿安全规程（2016）第498条表19 采煤机：断电≥1.5%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'HEADING_FACE',     'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 煤巷、半煤岩巷和有瓦斯涌出岩巷掘进工作面：报警≥1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'HEADING_FACE',     'THRESHOLD', 'RED',    'HIGH', 1.5,  1.0,  '甲烷断电', '切断掘进巷道内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 掘进工作面：断电≥1.5%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'HEADING_RETURN',   'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 掘进工作面回风流：报警≥1.0%', 'V'),
(1, 'CH4_POWER_CUT', 'METHANE', 'HEADING_RETURN',   'THRESHOLD', 'RED',    'HIGH', 1.0,  1.0,  '甲烷断电', '切断掘进巷道内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 掘进工作面回风流：断电≥1.0%，复电<1.0%', 'V'),
(1, 'CH4_ALARM',     'METHANE', 'DISTRICT_RETURN',  'THRESHOLD', 'ORANGE', 'HIGH', 1.0,  1.0,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 采区回风巷：报警≥1.0%（该行为[M]）', 'M'),
(1, 'CH4_POWER_CUT', 'METHANE', 'DISTRICT_RETURN',  'THRESHOLD', 'RED',    'HIGH', 1.0,  1.0,  '甲烷断电', '切断采区回风巷内全部非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 采区回风巷：断电≥1.0%（该行为[M]）', 'M'),
(1, 'CH4_ALARM',     'METHANE', 'MAIN_RETURN',      'THRESHOLD', 'ORANGE', 'HIGH', 0.75, 0.75, '甲烷报警', '报警（不断电），查明原因进行处理', '煤矿安全规程（2016）第498条表19 一翼/总回风巷：报警≥0.75%（该行为[M]）', 'M'),
(1, 'CH4_ALARM',     'METHANE', 'DRAINAGE_PUMP',    'THRESHOLD', 'ORANGE', 'HIGH', 0.5,  0.5,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 地面瓦斯抽采泵站：报警≥0.5%（该行为[M]）', 'M'),
(1, 'CH4_ALARM',     'METHANE', 'COAL_BUNKER',      'THRESHOLD', 'ORANGE', 'HIGH', 1.5,  1.5,  '甲烷报警', '报警', '煤矿安全规程（2016）第498条表19 井下煤仓、地面选煤厂封闭车间：报警≥1.5%（该行为[M]）', 'M'),
(1, 'CH4_POWER_CUT', 'METHANE', 'COAL_BUNKER',      'THRESHOLD', 'RED',    'HIGH', 1.5,  1.5,  '甲烷断电', '切断附近非本质安全型电气设备电源', '煤矿安全规程（2016）第498条表19 煤仓：断电≥1.5%，复电<1.5%（该行为[M]）', 'M'),
-- a fast rise of methane announces an outburst or a release before the threshold: a local choice (INFERENCE)
(1, 'CH4_RATE',      'METHANE', '*',                'RATE',      'YELLOW', 'HIGH', 0.3,  null, '甲烷浓度快速上升', '核查瓦斯涌出原因', '本平台推定：甲烷每分钟上升≥0.3个百分点（无国家数值）', 'INFERENCE');

-- Other coal-mine gases and environment: 煤矿安全规程（2016）第135条 CO 最高允许浓度 0.0024%=24ppm (article [M], value [V]);
-- CO sensor alarm 24 ppm and belt/return temperature 30 °C from a company rule citing the code [P]; O2 ≥ 20 % at intake [V].
insert into mon_rule (version, code, kind, location, rule_type, level, direction, trigger_value, clear_value, label, action, source, confidence) values
(1, 'CO_ALARM',    'CARBON_MONOXIDE', '*', 'THRESHOLD', 'ORANGE', 'HIGH', 24,   24,   '一氧化碳超限', '撤人、查明原因', '煤矿安全规程（2016）第135条：CO 最高允许浓度 0.0024%（24ppm）；传感器报警值 24ppm', 'P'),
(1, 'TEMP_HIGH',   'TEMPERATURE',     '*', 'THRESHOLD', 'YELLOW', 'HIGH', 30,   30,   '温度超限', '核查（带式输送机、回风流温度）', '企业规程引用煤矿安全规程：回风流/带式输送机温度传感器报警≥30℃', 'P'),
(1, 'O2_LOW',      'OXYGEN',          '*', 'THRESHOLD', 'ORANGE', 'LOW',  19.5, 19.5, '氧气浓度过低', '撤人、加强通风', 'GB 6222 现场做法：O2<19.5%（煤矿进风流 O2≥20%，煤矿安全规程第135条[V]）', 'P'),
(1, 'O2_HIGH',     'OXYGEN',          '*', 'THRESHOLD', 'YELLOW', 'HIGH', 23,   23,   '氧气浓度过高', '核查富氧原因', 'GB 6222 现场做法：O2>23%', 'P'),
(1, 'WIND_LOW',    'WIND_SPEED', 'LW_FACE',      'THRESHOLD', 'YELLOW', 'LOW',  0.25, 0.25, '风速过低', '调整通风', '煤矿安全规程（2016）第136条 采煤工作面风速 0.25~4 m/s（条号及数值[M]）', 'M'),
(1, 'WIND_HIGH',   'WIND_SPEED', 'LW_FACE',      'THRESHOLD', 'YELLOW', 'HIGH', 4,    4,    '风速过高', '调整通风', '煤矿安全规程（2016）第136条 采煤工作面风速 0.25~4 m/s（条号及数值[M]）', 'M'),
(1, 'WIND_LOW',    'WIND_SPEED', 'HEADING_FACE', 'THRESHOLD', 'YELLOW', 'LOW',  0.25, 0.25, '风速过低', '调整通风', '煤矿安全规程（2016）第136条 煤巷、半煤岩巷掘进工作面风速 0.25~4 m/s（条号及数值[M]）', 'M'),
(1, 'WIND_HIGH',   'WIND_SPEED', 'HEADING_FACE', 'THRESHOLD', 'YELLOW', 'HIGH', 4,    4,    '风速过高', '调整通风', '煤矿安全规程（2016）第136条 掘进工作面风速 0.25~4 m/s（条号及数值[M]）', 'M');

-- Gas detectors of hazardous-chemical plants: GB/T 50493-2019 第5.5条 (V): combustible gas level-1 ≤ 25 %LEL,
-- level-2 ≤ 50 %LEL; toxic gas level-1 ≤ 100 % OEL, level-2 ≤ 200 % OEL. The toxic-gas settings per gas below are the
-- field practice of GB 6222 areas (P): CO 24/160 ppm, H2S 6/20 ppm.
insert into mon_rule (version, code, kind, location, rule_type, level, direction, trigger_value, clear_value, label, action, source, confidence) values
(1, 'GAS_LEVEL1', 'COMBUSTIBLE_GAS', '*',   'THRESHOLD', 'ORANGE', 'HIGH', 25,  25,  '可燃气体一级报警', '现场核查、查找泄漏点', 'GB/T 50493-2019 第5.5条：可燃气体一级报警设定值≤25%LEL', 'V'),
(1, 'GAS_LEVEL2', 'COMBUSTIBLE_GAS', '*',   'THRESHOLD', 'RED',    'HIGH', 50,  50,  '可燃气体二级报警', '启动应急处置、联锁', 'GB/T 50493-2019 第5.5条：可燃气体二级报警设定值≤50%LEL', 'V'),
(1, 'GAS_LEVEL1', 'TOXIC_GAS',       'CO',  'THRESHOLD', 'ORANGE', 'HIGH', 24,  24,  '有毒气体一级报警（CO）', '现场核查、查找泄漏点', 'GB/T 50493-2019 第5.5条（一级≤100%OEL）；GB 6222 区域现场做法 CO 低报 24ppm', 'P'),
(1, 'GAS_LEVEL2', 'TOXIC_GAS',       'CO',  'THRESHOLD', 'RED',    'HIGH', 160, 160, '有毒气体二级报警（CO）', '撤离人员、启动应急处置', 'GB/T 50493-2019 第5.5条（二级≤200%OEL）；GB 6222 区域现场做法 CO 高报 160ppm', 'P'),
(1, 'GAS_LEVEL1', 'TOXIC_GAS',       'H2S', 'THRESHOLD', 'ORANGE', 'HIGH', 6,   6,   '有毒气体一级报警（H2S）', '现场核查、查找泄漏点', 'GB/T 50493-2019 第5.5条（一级≤100%OEL）；现场做法 H2S 低报 6ppm', 'P'),
(1, 'GAS_LEVEL2', 'TOXIC_GAS',       'H2S', 'THRESHOLD', 'RED',    'HIGH', 20,  20,  '有毒气体二级报警（H2S）', '撤离人员、启动应急处置', 'GB/T 50493-2019 第5.5条（二级≤200%OEL）；现场做法 H2S 高报 20ppm', 'P');

-- Process alarms (level, pressure, temperature of tanks and reactors): high/high-high and low/low-low per the
-- enterprise's own design (HAZOP/SIL); no national values exist (domain reference 4.3 [M]). trigger_value is taken
-- from the point; factor = the dead band as a share of the measuring range (INFERENCE: 1 %).
insert into mon_rule (version, code, kind, location, rule_type, level, direction, factor, label, action, source, confidence) values
(1, 'PROCESS_HIGH',      'LEVEL',    '*', 'THRESHOLD', 'YELLOW', 'HIGH', 0.01, '高报', '核查工艺', '企业设计（HAZOP/SIL）高报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_HIGH_HIGH', 'LEVEL',    '*', 'THRESHOLD', 'ORANGE', 'HIGH', 0.01, '高高报', '联锁、应急处置', '企业设计（HAZOP/SIL）高高报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_LOW',       'LEVEL',    '*', 'THRESHOLD', 'YELLOW', 'LOW',  0.01, '低报', '核查工艺', '企业设计（HAZOP/SIL）低报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_LOW_LOW',   'LEVEL',    '*', 'THRESHOLD', 'ORANGE', 'LOW',  0.01, '低低报', '联锁、应急处置', '企业设计（HAZOP/SIL）低低报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_HIGH',      'PRESSURE', '*', 'THRESHOLD', 'YELLOW', 'HIGH', 0.01, '高报', '核查工艺', '企业设计（HAZOP/SIL）高报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_HIGH_HIGH', 'PRESSURE', '*', 'THRESHOLD', 'ORANGE', 'HIGH', 0.01, '高高报', '联锁、应急处置', '企业设计（HAZOP/SIL）高高报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_LOW',       'PRESSURE', '*', 'THRESHOLD', 'YELLOW', 'LOW',  0.01, '低报', '核查工艺', '企业设计（HAZOP/SIL）低报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_HIGH',      'TEMPERATURE', 'PROCESS', 'THRESHOLD', 'YELLOW', 'HIGH', 0.01, '高报', '核查工艺', '企业设计（HAZOP/SIL）高报值；回差为量程1%（本平台推定）', 'INFERENCE'),
(1, 'PROCESS_HIGH_HIGH', 'TEMPERATURE', 'PROCESS', 'THRESHOLD', 'ORANGE', 'HIGH', 0.01, '高高报', '联锁、应急处置', '企业设计（HAZOP/SIL）高高报值；回差为量程1%（本平台推定）', 'INFERENCE');

-- Sensor health, every kind: AQ 6201-2019 polling cycle ≤ 30 s (P) — ten missed cycles = 5 minutes without data
-- (INFERENCE); electricity meters refresh every 15 min (浙江 example, S17 [V]) — three missed = 45 minutes (INFERENCE);
-- an analog sensor whose value stays exactly equal for 60 minutes is suspected stuck or shielded (INFERENCE).
insert into mon_rule (version, code, kind, location, rule_type, level, minutes, label, action, source, confidence)
select 1, 'NO_DATA', k, '*', 'NO_DATA', 'BLUE', case when k like 'ELECTRIC%' then 45 else 5 end, '测点无数据', '核查传感器、分站与传输',
       case when k like 'ELECTRIC%' then '本平台推定：用电数据15分钟刷新（浙江案例[V]），连续3个周期无数据'
            else '本平台推定：AQ 6201-2019 巡检周期≤30s（[P]），连续10个周期无数据' end, 'INFERENCE'
from unnest(array['METHANE','CARBON_MONOXIDE','TEMPERATURE','WIND_SPEED','OXYGEN','LEVEL','PRESSURE','COMBUSTIBLE_GAS','TOXIC_GAS','ELECTRIC_POWER','ELECTRIC_ENERGY']) k;
insert into mon_rule (version, code, kind, location, rule_type, level, minutes, label, action, source, confidence)
select 1, 'FLAT_LINE', k, '*', 'FLAT_LINE', 'BLUE', 60, '数值长时间不变', '核查传感器是否故障、被遮挡或数据被篡改（煤矿重大事故隐患判定标准第18条第6项）',
       '本平台推定：模拟量连续60分钟完全不变', 'INFERENCE'
from unnest(array['METHANE','CARBON_MONOXIDE','TEMPERATURE','WIND_SPEED','OXYGEN','LEVEL','PRESSURE','COMBUSTIBLE_GAS','TOXIC_GAS']) k;

-- Electricity during a shutdown order (安全生产法第70条 [V]; method per S17 cases [V], numbers INFERENCE): the mean load of
-- the last `minutes` above factor × the idle baseline learned from the enterprise's own history → 疑似违法生产.
insert into mon_rule (version, code, kind, location, rule_type, level, minutes, factor, label, action, source, confidence) values
(1, 'ELECTRICITY_SHUTDOWN', 'ELECTRIC_POWER',  '*', 'ELECTRICITY_SHUTDOWN', 'ORANGE', 30, 1.5, '疑似违法生产（停产期间用电异常）', '现场核查是否违法组织生产',
    '安全生产法第70条；河北、浙江、吉林用电监测案例（S17）：停产期间用电高于空载基线 k 倍（k=1.5、30分钟为本平台推定）', 'INFERENCE'),
(1, 'ELECTRICITY_SHUTDOWN', 'ELECTRIC_ENERGY', '*', 'ELECTRICITY_SHUTDOWN', 'ORANGE', 30, 1.5, '疑似违法生产（停产期间用电异常）', '现场核查是否违法组织生产',
    '安全生产法第70条；河北、浙江、吉林用电监测案例（S17）：停产期间用电高于空载基线 k 倍（k=1.5、30分钟为本平台推定）', 'INFERENCE');
