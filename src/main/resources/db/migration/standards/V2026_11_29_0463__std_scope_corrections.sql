-- Standards module: scope corrections (issue 8). Published content is immutable; this maintenance migration lifts the
-- guard for its own transaction only (std_unlocked) to correct what the checklist offers.
select set_config('zhiben.std_unlock', 'on', true);

-- 安监总管三〔2017〕121号 is the standard of 化工和危险化学品生产经营单位: production, trade (incl. storage) and oil-and-gas
-- storage — not hospitals, schools or laboratories that only use chemicals, nor carriers (the road-transport standard).
update std_version set industry_codes = '{hazchem.production,hazchem.trade,hazchem.oilgas}',
    caveats = '适用于化工和危险化学品生产经营单位（生产、经营含储存、油气储存）；仅使用危险化学品的单位（医院、学校、科研机构等）和运输企业不适用本标准，运输企业适用道路运输标准。' || chr(10) ||
              '第4、5、12、14项与重大危险源监测监控直接相关（自动化控制、紧急切断、安全仪表、气体检测、双电源）。'
where id = std_uuid('ver:hazchem-2017');

-- 应急管理部令第10号 第三条第(三)项 concerns metal-smelting enterprises only.
update std_clause set special_operation = 'METAL_SMELTING', note = '仅适用于金属冶炼企业（企业须登记“金属冶炼”特殊作业）'
where id = std_uuid('clause:indtrade-2023:3.3');

-- 特种设备重大事故隐患判定准则 concerns every user of special equipment, whatever its industry; its field stays 特种设备
-- (the supervising field a hazard judged against it belongs to).
update std_version set all_industries = true,
    caveats = '使用特种设备的各类单位均适用；依本准则判定的隐患归入“特种设备”领域，由特种设备安全监督管理部门监管。条款取得后按设备类别细化。'
where id = std_uuid('ver:special-2024');
