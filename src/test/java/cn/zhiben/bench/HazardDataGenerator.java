package cn.zhiben.bench;

import cn.zhiben.org.Uscc;
import cn.zhiben.platform.PlatformProperties;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Benchmark data generator (not a test; run by {@code scripts/benchmark-hazards.sh}). Fills a <b>benchmark</b> database
 * — never a real one: it refuses to run when any non-demo enterprise exists — with a few thousand generated enterprises
 * and a million hazards with their timelines, plans, extensions and evaluations.
 * <p>
 * Deterministic: the same seed, counts and "today" give the same rows (enterprises from a seeded
 * {@link SplittableRandom}; hazards from {@code hashint8extended(n, seed)} in set-based SQL, so no row depends on
 * evaluation order or on the query plan).
 * <p>
 * Marking: generated enterprises are {@code demo = true}, {@code created_by = 'bench-generator'}, their names end in
 * （压测）, their credit codes carry the fictional organisation code MA0B####; every generated hazard description
 * starts with 【压测生成】. Generation metadata lives in the separate schema {@code bench}.
 */
public final class HazardDataGenerator {

    static final String MARK = "bench-generator";
    static final String ZONE = "140500-ETDZ";
    /** Slots of the weighted enterprise lottery: hazard n goes to the enterprise owning slot floor(r * SLOTS). */
    static final int SLOTS = 100_000;

    private final Connection c;
    private final long seed;
    private final int hazards;
    private final int enterprises;
    private final LocalDate today;
    private final String keyFile;

    private HazardDataGenerator(Connection c, long seed, int hazards, int enterprises, LocalDate today, String keyFile) {
        this.c = c;
        this.seed = seed;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.today = today;
        this.keyFile = keyFile;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String url = a.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:15442/zhiben");
        long seed = Long.parseLong(a.getOrDefault("seed", "20261129"));
        int hazards = Integer.parseInt(a.getOrDefault("hazards", "1000000"));
        int enterprises = Integer.parseInt(a.getOrDefault("enterprises", "3000"));
        LocalDate today = LocalDate.parse(a.getOrDefault("today", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        String keyFile = a.getOrDefault("key-file", "./data/bench/keys/field.key");
        try (Connection c = DriverManager.getConnection(url, a.getOrDefault("user", "postgres"), Args.pgPassword(a))) {
            c.setAutoCommit(true);
            new HazardDataGenerator(c, seed, hazards, enterprises, today, keyFile).run(a.containsKey("force"));
        }
    }

    private void run(boolean force) throws SQLException {
        if (scalar("select count(*) from org_enterprise where not demo") > 0) {
            throw new IllegalStateException("refusing to generate: this database holds real (non-demo) enterprises");
        }
        if (scalar("select count(*) from information_schema.tables where table_schema = 'bench' and table_name = 'meta'") > 0) {
            if (!force) {
                System.out.println("generator: data already generated (bench.meta exists); nothing to do");
                return;
            }
        }
        if (force || scalar("select count(*) from org_enterprise where created_by = '" + MARK + "'") > 0) {
            // --force, or an earlier run stopped half-way
            step("removing earlier generated data", this::reset);
        }
        long t0 = System.nanoTime();
        exec("drop schema if exists bench cascade");
        exec("create schema bench");
        exec("""
                create function bench.r(n bigint, salt int) returns double precision language sql immutable parallel safe as
                $$ select (hashint8extended(n, salt::bigint * 7919 + %d) & 4503599627370495)::float8 / 4503599627370496.0 $$"""
                .formatted(seed));
        helpers();
        step("enterprises", this::enterprises);
        step("weighted enterprise slots and applicable clauses", this::lookups);
        step("hazard staging (" + hazards + " rows)", this::staging);
        step("hz_hazard", this::insertHazards);
        step("hz_transition", this::insertTransitions);
        step("hz_plan, hz_extension, hz_evaluation", this::insertDetails);
        step("number sequences", this::numberSequences);
        exec("drop table bench.h, bench.slot, bench.step");
        step("vacuum analyze", () -> {
            for (String t : List.of("org_enterprise", "hz_hazard", "hz_transition", "hz_plan", "hz_extension", "hz_evaluation")) {
                exec("vacuum (analyze) " + t);
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        exec("""
                create table bench.meta as select %d::bigint as seed, %d as hazards, %d as enterprises, date '%s' as today,
                  now() as generated_at, %.1f::numeric as seconds""".formatted(seed, hazards, enterprises, today, seconds));
        System.out.printf("generator: done in %.1f s%n", seconds);
        for (String t : List.of("org_enterprise", "hz_hazard", "hz_transition", "hz_plan", "hz_extension", "hz_evaluation")) {
            System.out.printf("  %-15s %,10d rows%n", t, scalar("select count(*) from " + t));
        }
    }

    /** Deletes what an earlier run generated (hazards marked 【压测生成】, enterprises created by the generator). */
    private void reset() throws SQLException {
        exec("create temporary table gone as select id from hz_hazard where description like '【压测生成】%'");
        exec("create unique index on gone (id)");
        for (String t : List.of("hz_transition", "hz_plan", "hz_extension", "hz_evaluation", "hz_attachment")) {
            exec("delete from " + t + " x using gone g where x.hazard_id = g.id");
        }
        exec("delete from hz_hazard x using gone g where x.id = g.id");
        exec("delete from org_enterprise where created_by = '" + MARK + "'");
        exec("drop table gone");
    }

    // ---- enterprises (Java: credit codes with check characters, encrypted mobile numbers) ----

    record County(String code, String shortName, double share, boolean coal) {
    }

    static final List<County> COUNTIES = List.of(
            new County("140502", "城区", 0.10, false),
            new County("140521", "沁水", 0.14, true),
            new County("140522", "阳城", 0.20, true),
            new County("140524", "陵川", 0.08, false),
            new County("140525", "泽州", 0.28, true),
            new County("140581", "高平", 0.20, true));

    /**
     * An assignable industry: its share of enterprises in coal counties and elsewhere, the share above designated size,
     * how many hazards an enterprise of it has relative to others, the chance a hazard is major (where a clause exists),
     * and the word the generated names use.
     */
    record Mix(String code, double coalShare, double otherShare, double above, double hazardFactor, double pMajor, String word) {
    }

    static final List<Mix> MIX = List.of(
            new Mix("mine.coal", 4, 1, 0.95, 4, 0.20, "煤业"),
            new Mix("mine.cbm", 1.5, 0.2, 0.8, 3, 0.12, "煤层气"),
            new Mix("mine.noncoal", 3, 4, 0.3, 1.5, 0.15, "矿业"),
            new Mix("hazchem.production", 3, 2, 0.7, 3, 0.18, "化工"),
            new Mix("hazchem.trade", 5, 5, 0.2, 1, 0.12, "化工贸易"),
            new Mix("hazchem.use", 2, 2, 0.4, 1, 0.10, "新材料"),
            new Mix("hazchem.oilgas", 1, 1, 0.5, 1.5, 0.15, "油气储运"),
            new Mix("fireworks", 1.5, 1.5, 0.1, 1, 0.15, "烟花爆竹"),
            new Mix("gas.pipeline", 0.7, 1, 0.8, 2, 0.15, "燃气"),
            new Mix("gas.lpg", 2.5, 3, 0.2, 1, 0.15, "液化气"),
            new Mix("indtrade.metallurgy", 2, 1, 0.8, 2.5, 0.12, "钢铁"),
            new Mix("indtrade.nonferrous", 1, 1, 0.6, 1.5, 0.12, "有色金属"),
            new Mix("indtrade.building", 5, 4, 0.5, 1.5, 0.10, "建材"),
            new Mix("indtrade.machinery", 5, 6, 0.4, 1, 0.10, "机械"),
            new Mix("indtrade.light", 5, 6, 0.3, 1, 0.08, "食品"),
            new Mix("indtrade.textile", 2, 3, 0.3, 1, 0.08, "纺织"),
            new Mix("indtrade.commerce", 4, 6, 0.3, 1, 0.08, "物流"),
            new Mix("construction.housing", 6, 8, 0.5, 1.5, 0.10, "建筑工程"),
            new Mix("construction.highway", 2, 2, 0.7, 1.5, 0.08, "路桥"),
            new Mix("road.passenger", 1.5, 2, 0.6, 1, 0.08, "客运"),
            new Mix("road.freight", 5, 5, 0.2, 1, 0.08, "货运"),
            new Mix("road.dangerous", 2, 1.5, 0.4, 1.5, 0.12, "危货运输"),
            new Mix("road.transit", 0.3, 1, 0.9, 1, 0.08, "公交"),
            new Mix("fire.complex", 1, 3, 0.9, 1.5, 0.10, "商业广场"),
            new Mix("fire.small", 10, 14, 0.05, 0.5, 0.06, "商贸"),
            new Mix("fire.newbiz", 1, 2, 0.2, 0.7, 0.06, "储能"),
            new Mix("power.grid", 1, 1, 0.9, 1.5, 0.06, "发电"),
            new Mix("catering", 6, 9, 0.05, 0.5, 0.05, "餐饮"),
            new Mix("tourism", 1.5, 3, 0.2, 0.7, 0.05, "旅游"),
            new Mix("health.hospital", 1, 2, 0.9, 1, 0.06, "医院"),
            new Mix("school", 2, 3, 0.5, 0.5, 0.05, "学校"),
            new Mix("special", 2, 2, 0.3, 0.7, 0.06, "特种设备"),
            new Mix("waste", 1, 1, 0.3, 1, 0.08, "环保科技"),
            new Mix("grain", 1, 1, 0.5, 0.7, 0.06, "粮油"),
            new Mix("postal", 0.5, 1, 0.3, 0.5, 0.05, "快递"));

    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎".split("");
    private static final String[] GIVEN = "建国 志强 文博 海涛 晓东 国华 立新 明亮 春生 永红 丽娟 秀英 宏伟 俊杰 建平 玉兰 瑞林 振华 晋生 晓峰".split(" ");

    private void enterprises() throws SQLException {
        exec("""
                create table bench.ent (no int primary key, id uuid not null, name text not null, region_code text not null,
                  zone_code text, industry_code text not null, county text not null, township_name text not null,
                  weight float8 not null, p_major float8 not null)""");
        Map<String, List<String[]>> townships = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select code, name, parent_code from org_region where level = 'TOWNSHIP' order by code")) {
            while (rs.next()) {
                townships.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        Map<String, BigDecimal[]> centres = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select code, center_lon, center_lat from org_region where level = 'COUNTY'")) {
            while (rs.next()) {
                centres.put(rs.getString(1), new BigDecimal[]{rs.getBigDecimal(2), rs.getBigDecimal(3)});
            }
        }
        Map<String, String> townshipNames = new LinkedHashMap<>();
        townships.values().forEach(l -> l.forEach(t -> townshipNames.put(t[0], t[1])));
        FieldEncryptor crypto = new FieldEncryptor(new PlatformProperties(true, false, null,
                new PlatformProperties.Db(new PlatformProperties.Embedded("unused", 0, "unused", 1, false)),
                new PlatformProperties.Crypto(null, keyFile), new PlatformProperties.Web(DataSize.ofMegabytes(1))),
                new StandardEnvironment());
        SplittableRandom rnd = new SplittableRandom(seed);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> ent = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into org_enterprise (id, name, uscc, region_code, zone_code, industry_code, scale, status,
                  standardization_grade, address, longitude, latitude, principal_name, principal_mobile_enc,
                  principal_mobile_mask, special_operations, demo, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', true, 0, ?, ?, ?, ?)""")) {
            for (int i = 1; i <= enterprises; i++) {
                County county = pick(rnd, COUNTIES, County::share);
                List<String[]> ts = townships.get(county.code());
                String[] township = ts.get(rnd.nextInt(ts.size()));
                String zone = (county.code().equals("140502") || county.code().equals("140525")) && rnd.nextDouble() < 0.08 ? ZONE : null;
                Mix mix = pick(rnd, MIX, m -> county.coal() ? m.coalShare() : m.otherShare());
                boolean above = rnd.nextDouble() < mix.above();
                double s = rnd.nextDouble();
                String status = mix.code().startsWith("construction") && s < 0.4 ? "UNDER_CONSTRUCTION"
                        : s < 0.88 ? "OPERATING" : s < 0.93 ? "SUSPENDED_FOR_RECTIFICATION" : s < 0.97 ? "SUSPENDED" : "CLOSED";
                double g = rnd.nextDouble();
                String grade = g < 0.05 ? "GRADE_1" : g < 0.25 ? "GRADE_2" : g < 0.60 ? "GRADE_3" : "NONE";
                String name = county.shortName() + "压测" + mix.word() + "%04d".formatted(i) + "有限公司（压测）";
                String body = "MA0B" + "%04d".formatted(i);
                String uscc = Uscc.complete("91" + county.code() + body + Uscc.organisationCheck(body));
                String mobile = "1370000" + "%04d".formatted(i);
                UUID id = UUID.nameUUIDFromBytes(("zhiben-bench-enterprise-" + seed + "-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                BigDecimal[] centre = centres.get(county.code());
                int k = 1;
                ps.setObject(k++, id);
                ps.setString(k++, name);
                ps.setString(k++, uscc);
                ps.setString(k++, township[0]);
                ps.setString(k++, zone);
                ps.setString(k++, mix.code());
                ps.setString(k++, above ? "ABOVE" : "BELOW");
                ps.setString(k++, status);
                ps.setString(k++, grade);
                ps.setString(k++, township[1] + "压测路 " + i + " 号（虚构地址）");
                ps.setBigDecimal(k++, offset(centre[0], rnd));
                ps.setBigDecimal(k++, offset(centre[1], rnd));
                ps.setString(k++, SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]);
                ps.setString(k++, crypto.encrypt(mobile));
                ps.setString(k++, Masking.mobile(mobile));
                ps.setTimestamp(k++, now);
                ps.setString(k++, MARK);
                ps.setTimestamp(k++, now);
                ps.setString(k, MARK);
                ps.addBatch();
                double weight = (above ? 3 : 1) * mix.hazardFactor() * (status.equals("CLOSED") ? 0.3 : 1);
                ent.add(new Object[]{id, name, township[0], zone, mix.code(), county.code(), township[1], weight, mix.pMajor()});
                if (i % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        // the demo enterprises (the enterprise demo accounts belong to two of them) take part in the lottery too
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select e.id, e.name, e.region_code, e.zone_code, e.industry_code, e.scale, e.status, r.name
                from org_enterprise e join org_region r on r.code = e.region_code
                where e.demo and e.created_by <> 'bench-generator' order by e.uscc""")) {
            while (rs.next()) {
                String industry = rs.getString(5);
                Mix mix = MIX.stream().filter(m -> m.code().equals(industry)).findFirst()
                        .orElse(new Mix(industry, 0, 0, 0, 1, 0.08, ""));
                double weight = (rs.getString(6).equals("ABOVE") ? 3 : 1) * mix.hazardFactor() * (rs.getString(7).equals("CLOSED") ? 0.3 : 1);
                ent.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), industry,
                        rs.getString(3).substring(0, 6), rs.getString(8), weight, mix.pMajor()});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into bench.ent values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int no = 0;
            for (Object[] e : ent) {
                ps.setInt(1, ++no);
                for (int j = 0; j < e.length; j++) {
                    ps.setObject(j + 2, e[j]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        System.out.printf("  %d generated enterprises + %d demo enterprises in the lottery%n", enterprises, ent.size() - enterprises);
    }

    private static <T> T pick(SplittableRandom rnd, List<T> items, java.util.function.ToDoubleFunction<T> weight) {
        double total = items.stream().mapToDouble(weight).sum();
        double x = rnd.nextDouble() * total;
        for (T t : items) {
            x -= weight.applyAsDouble(t);
            if (x < 0) {
                return t;
            }
        }
        return items.get(items.size() - 1);
    }

    private static BigDecimal offset(BigDecimal centre, SplittableRandom rnd) {
        return centre == null ? null : centre.add(BigDecimal.valueOf((rnd.nextDouble() - 0.5) * 0.3)).setScale(6, RoundingMode.HALF_UP);
    }


    // ---- lookups ----

    private void lookups() throws SQLException {
        exec("""
                create table bench.slot as
                with w as (select no, weight, sum(weight) over (order by no) as hi, sum(weight) over () as total from bench.ent)
                select generate_series(floor((hi - weight) / total * %d)::int, floor(hi / total * %d)::int - 1) as slot, no from w"""
                .formatted(SLOTS, SLOTS));
        exec("alter table bench.slot add primary key (slot)");
        // real clauses of the standards library: published, not an overlay, no special-operation condition, applicable to
        // the industry as StandardClause.appliesTo decides (the clause's industries, else its version's; all-industry versions)
        exec("""
                create table bench.clause as
                select i.code as industry_code, c.id as clause_id,
                       case when coalesce(v.doc_no, '') = '' then v.name else v.name || '（' || v.doc_no || '）' end
                         || ' 第 ' || c.clause_no || ' 条' as label,
                       c.summary,
                       greatest(coalesce(v.effective_from, date '1900-01-01'), coalesce(c.effective_from, date '1900-01-01')) as valid_from,
                       least(coalesce(v.effective_to, date '9999-12-31'), coalesce(c.effective_to, date '9999-12-31')) as valid_to,
                       row_number() over (order by i.code, c.id) as ord
                from std_clause c
                join std_version v on v.id = c.version_id
                join org_industry i on i.assignable
                where v.status = 'PUBLISHED' and v.kind = 'STANDARD' and c.special_operation is null
                  and c.corrects_clause_id is null and c.origin = 'STANDARD'
                  and ((v.all_industries and cardinality(c.industry_codes) = 0)
                       or exists (select 1 from unnest(case when cardinality(c.industry_codes) > 0 then c.industry_codes
                                                            else v.industry_codes end) x
                                  where i.code = x or i.code like x || '.%'))""");
        exec("create index on bench.clause (industry_code)");
        exec("analyze bench.slot; analyze bench.clause; analyze bench.ent");
        System.out.printf("  %d (industry, clause) pairs%n", scalar("select count(*) from bench.clause"));
    }

    // ---- hazards: one staging table, then every target table from it ----

    /**
     * Per hazard n: enterprise (weighted lottery), found date (2023-01-01 … yesterday, slightly more recent ones),
     * channel, grade (major only where a clause of the industry is in force on the found date), how far along its path
     * it is (older hazards are mostly closed), optional steps (progress reports, extension, listing, overdue escalation,
     * merge) and the times of its steps.
     * Paths (kind): GF general fixed on the spot; GS general self-inspection; GX general found by others;
     * MS major self-inspection (two-level confirmation); MX major found by others (acknowledged).
     * Stage m: GS/GX 1 RECTIFYING, 2 CLOSED; MS 1 PENDING_DEPARTMENT, 2 PENDING_PRINCIPAL, MX 1 PENDING_ACKNOWLEDGEMENT;
     * M* 3 REPORTED, 4 RECTIFYING, 5 COMPLETED, 6 EVALUATED, 7 SIGN_OFF_REQUESTED, 8 SIGNED_OFF.
     */
    private void staging() throws SQLException {
        String t = "date '" + today + "'";
        // "as of": the start of today in Asia/Shanghai; found dates run to yesterday, steps are squeezed in before it
        String asOf = "(" + t + "::timestamp at time zone 'Asia/Shanghai')";
        exec("""
                create unlogged table bench.h1 as
                select n, e.id as enterprise_id, e.name as enterprise_name, e.region_code, e.zone_code, e.industry_code,
                       e.county, e.township_name, f.found_on, %1$s - f.found_on as age,
                       case when bench.r(n, 3) < 0.55 then 'SELF_INSPECTION' when bench.r(n, 3) < 0.85 then 'SUPERVISION'
                            when bench.r(n, 3) < 0.89 then 'TIP_OFF' when bench.r(n, 3) < 0.95 then 'EXPERT'
                            when bench.r(n, 3) < 0.98 then 'MONITORING' else 'ASSIGNED' end as channel,
                       cl.clause_id, cl.label as clause_label, cl.summary as clause_summary
                from generate_series(1::bigint, %2$d) n
                cross join lateral (select date '2023-01-01'
                        + floor(power(bench.r(n, 2), 0.85) * (%1$s - date '2023-01-01'))::int as found_on) f
                join bench.slot s on s.slot = floor(bench.r(n, 1) * %3$d)::int
                join bench.ent e on e.no = s.no
                left join lateral (select c.clause_id, c.label, c.summary from bench.clause c
                                   where bench.r(n, 4) < e.p_major and c.industry_code = e.industry_code
                                     and f.found_on between c.valid_from and c.valid_to
                                   order by bench.r(n * 100000 + c.ord, 5) limit 1) cl on true""".formatted(t, hazards, SLOTS));
        exec("""
                create unlogged table bench.h2 as
                select h.*, k.kind, k.open, k.merge_wanted,
                       case when k.kind = 'GF' then 1
                            when k.kind in ('GS', 'GX') then case when k.open or k.merge_wanted then 1 else 2 end
                            when not (k.open or k.merge_wanted) then 8
                            when bench.r(n, 10) < 0.05 then 1
                            when bench.r(n, 10) < 0.09 then case when k.kind = 'MS' then 2 else 1 end
                            when bench.r(n, 10) < 0.19 then 3
                            when bench.r(n, 10) < 0.74 then 4
                            when bench.r(n, 10) < 0.82 then 5
                            when bench.r(n, 10) < 0.90 then 6
                            else 7 end as m,
                       bench.r(n, 11) < 0.5 as p1, bench.r(n, 12) < 0.2 as p2,
                       bench.r(n, 13) < case when h.clause_id is null then 0.03 else 0.12 end as ext_wanted,
                       bench.r(n, 15) < 0.75 as ext_approved,
                       h.clause_id is not null and bench.r(n, 16) < 0.25 as list_wanted,
                       case when bench.r(n, 17) < 0.3 then 'CITY' else 'COUNTY' end as level_wanted,
                       (h.found_on::timestamp + interval '8 hours' + bench.r(n, 18) * interval '10 hours') at time zone 'Asia/Shanghai' as found_ts,
                       case when h.clause_id is null then 1 + bench.r(n, 19) * 6 else 2 + bench.r(n, 19) * 10 end as gap_days
                from bench.h1 h
                cross join lateral (select
                    case when h.clause_id is not null then case when h.channel = 'SELF_INSPECTION' then 'MS' else 'MX' end
                         when h.channel <> 'SELF_INSPECTION' then 'GX'
                         when bench.r(n, 7) >= 0.006 + 0.8 * exp(-h.age / 20.0) and bench.r(n, 8) >= 0.003
                              and bench.r(n, 9) < 0.35 then 'GF'
                         else 'GS' end as kind,
                    bench.r(n, 7) < case when h.clause_id is null then 0.006 + 0.8 * exp(-h.age / 20.0)
                                       else 0.03 + 0.8 * exp(-h.age / 180.0) end and bench.r(n, 8) >= 0.003 as open,
                    bench.r(n, 8) < 0.003 as merge_wanted) k""");
        exec("drop table bench.h1");
        // times: step seq happens at created_at + pos(seq) * gap (confirmations soon, rectification later), all before "as of"
        exec("""
                create unlogged table bench.h3 as
                select h.*,
                       st.status as stage_status,
                       h.created_at + bench.pos(5) * h.gap as plan_at,
                       h.created_at + bench.pos(8) * h.gap as ext_at,
                       h.created_at + bench.pos(9) * h.gap as ext_decided_at,
                       h.created_at + bench.pos(4) * h.gap as list_at,
                       h.created_at + bench.pos(3) * h.gap as reported_step_at,
                       h.created_at + bench.pos(12) * h.gap as evaluate_at,
                       h.created_at + bench.pos(13) * h.gap as sign_off_request_at
                from (select h.*, least(h.gap_days * interval '1 day',
                                        greatest(%1$s - h.created_at, interval '20 minutes') / 12) as gap
                      from (select h.*, least(h.found_ts + case when kind in ('GX', 'MX') then bench.r(n, 25) * interval '24 hours'
                                                               else bench.r(n, 25) * interval '4 hours' end,
                                              %1$s - interval '1 hour') as created_at
                            from bench.h2 h) h) h
                cross join lateral (select
                    case when h.kind = 'GF' then 'CLOSED'
                         when h.kind in ('GS', 'GX') then case h.m when 1 then 'RECTIFYING' else 'CLOSED' end
                         else case h.m when 1 then case h.kind when 'MS' then 'PENDING_DEPARTMENT_CONFIRMATION' else 'PENDING_ACKNOWLEDGEMENT' end
                                       when 2 then 'PENDING_PRINCIPAL_CONFIRMATION' when 3 then 'REPORTED' when 4 then 'RECTIFYING'
                                       when 5 then 'COMPLETED' when 6 then 'EVALUATED' when 7 then 'SIGN_OFF_REQUESTED'
                                       else 'SIGNED_OFF' end end as status) st""".formatted(asOf));
        exec("drop table bench.h2");
        // the state the steps leave behind; a merged hazard is merged into an earlier hazard of its enterprise
        exec("""
                create unlogged table bench.h as
                select h.*, mf.merged, s.status, d.ext, d.ext_decided, d.listed, d.base_deadline, d.plan_deadline,
                       d.listing_deadline, d.deadline,
                       coalesce(s.status in ('REPORTED', 'RECTIFYING') and d.deadline < %1$s, false) as overdue,
                       case when h.clause_id is null then h.created_at when h.m >= 3 then h.reported_step_at end as reported_at
                from (select h.*, case when h.merge_wanted then lag(h.n) over (partition by h.enterprise_id order by h.n) end as merged_into_n
                      from bench.h3 h) h
                cross join lateral (select h.merge_wanted and h.merged_into_n is not null as merged) mf
                cross join lateral (select case when mf.merged then 'MERGED' else h.stage_status end as status) s
                cross join lateral (select
                    h.ext_wanted and (h.kind in ('GS', 'GX') or h.m >= 4) as ext,
                    h.ext_wanted and (h.kind in ('GS', 'GX') or h.m >= 4)
                      and not (s.status = 'RECTIFYING' and bench.r(h.n, 14) < 0.3) as ext_decided,
                    h.list_wanted and h.m >= 3 as listed,
                    case when h.kind in ('GS', 'GX') then h.found_on + (7 + floor(bench.r(h.n, 20) * 54))::int end as base_deadline,
                    case when h.clause_id is not null and h.m >= 4
                         then (h.plan_at at time zone 'Asia/Shanghai')::date + (30 + floor(bench.r(h.n, 20) * 121))::int end as plan_deadline,
                    case when h.list_wanted and h.m >= 3
                         then (h.list_at at time zone 'Asia/Shanghai')::date + (60 + floor(bench.r(h.n, 21) * 61))::int end as listing_deadline) d0
                cross join lateral (select d0.*,
                    coalesce(d0.base_deadline, d0.plan_deadline, d0.listing_deadline)
                      + case when d0.ext_decided and h.ext_approved then 30 else 0 end as deadline) d""".formatted(t));
        exec("drop table bench.h3");
        exec("create unique index on bench.h (n)");
        exec("analyze bench.h");
        timelineStaging();
    }

    /** The timeline: the steps of the hazard's path up to its stage, with the optional ones it took. */
    private void timelineStaging() throws SQLException {
        exec("""
                create table bench.step (kind text, seq int, stage int, tag text, action text, from_status text, to_status text, actor char(1))""");
        exec("""
                insert into bench.step values
                  ('GF', 1, 1, null, 'FIX_ON_SPOT', null, 'CLOSED', 'E'),
                  ('GS', 1, 1, null, 'REPORT', null, 'RECTIFYING', 'E'),
                  ('GX', 1, 1, null, 'REGISTER', null, 'RECTIFYING', 'G'),
                  ('G', 2, 1, 'p1', 'REPORT_PROGRESS', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('G', 3, 1, 'p2', 'REPORT_PROGRESS', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('G', 8, 1, 'ext', 'REQUEST_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('G', 9, 1, 'exta', 'APPROVE_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'G'),
                  ('G', 9, 1, 'extr', 'REFUSE_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'G'),
                  ('G', 10, 0, 'ovd', 'MARK_OVERDUE', null, null, 'S'),
                  ('G', 11, 2, null, 'CLOSE', 'RECTIFYING', 'CLOSED', 'E'),
                  ('MS', 1, 1, null, 'REPORT', null, 'PENDING_DEPARTMENT_CONFIRMATION', 'E'),
                  ('MS', 2, 2, null, 'CONFIRM_DEPARTMENT', 'PENDING_DEPARTMENT_CONFIRMATION', 'PENDING_PRINCIPAL_CONFIRMATION', 'E'),
                  ('MS', 3, 3, null, 'CONFIRM_PRINCIPAL', 'PENDING_PRINCIPAL_CONFIRMATION', 'REPORTED', 'E'),
                  ('MX', 1, 1, null, 'REGISTER', null, 'PENDING_ACKNOWLEDGEMENT', 'G'),
                  ('MX', 3, 3, null, 'ACKNOWLEDGE', 'PENDING_ACKNOWLEDGEMENT', 'REPORTED', 'E'),
                  ('M', 4, 3, 'list', 'LIST', 'REPORTED', 'REPORTED', 'G'),
                  ('M', 5, 4, null, 'FILE_PLAN', 'REPORTED', 'RECTIFYING', 'E'),
                  ('M', 6, 4, 'p1', 'REPORT_PROGRESS', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('M', 7, 4, 'p2', 'REPORT_PROGRESS', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('M', 8, 4, 'ext', 'REQUEST_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'E'),
                  ('M', 9, 4, 'exta', 'APPROVE_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'G'),
                  ('M', 9, 4, 'extr', 'REFUSE_EXTENSION', 'RECTIFYING', 'RECTIFYING', 'G'),
                  ('M', 10, 0, 'ovd', 'MARK_OVERDUE', null, null, 'S'),
                  ('M', 11, 5, null, 'COMPLETE', 'RECTIFYING', 'COMPLETED', 'E'),
                  ('M', 12, 6, null, 'EVALUATE', 'COMPLETED', 'EVALUATED', 'E'),
                  ('M', 13, 7, null, 'REQUEST_SIGN_OFF', 'EVALUATED', 'SIGN_OFF_REQUESTED', 'E'),
                  ('M', 14, 8, null, 'SIGN_OFF', 'SIGN_OFF_REQUESTED', 'SIGNED_OFF', 'G'),
                  ('*', 15, 0, 'merge', 'MERGE', null, 'MERGED', 'G')""");
        exec("""
                create unlogged table bench.t as
                select h.n, s.seq, h.created_at as hazard_created_at,
                       case when s.tag in ('ovd', 'merge') then h.stage_status else s.from_status end as from_status,
                       case when s.tag = 'ovd' then h.stage_status else s.to_status end as to_status,
                       s.action,
                       case s.actor when 'E' then h.enterprise_name || ' 安全管理部' when 'G' then '监管部门（压测）' else '系统' end as actor_name,
                       case s.actor when 'E' then 'ENTERPRISE' when 'G' then 'COUNTY_UNIT' end as actor_role,
                       case when s.tag = 'ovd' then greatest(((h.deadline + 1)::timestamp + interval '5 minutes') at time zone 'Asia/Shanghai',
                                                             h.created_at + bench.pos(s.seq) * h.gap)
                            else h.created_at + bench.pos(s.seq) * h.gap end as at,
                       case s.action
                            when 'REPORT_PROGRESS' then '整改进展：已完成 ' || case when s.seq in (2, 6) then 40 else 80 end || '%'
                            when 'REQUEST_EXTENSION' then '申请延期至 ' || (coalesce(h.base_deadline, h.plan_deadline) + 30) || '：设备采购周期较长'
                            when 'APPROVE_EXTENSION' then '同意延期至 ' || (coalesce(h.base_deadline, h.plan_deadline) + 30) || '：理由充分'
                            when 'REFUSE_EXTENSION' then '理由不充分，按原期限整改'
                            when 'MARK_OVERDUE' then '超过整改期限 ' || h.deadline || '，升级至'
                                 || case when h.listed and h.level_wanted = 'CITY' then '市安委会' else '市级（市安委办及行业主管部门）' end
                            when 'LIST' then case when h.level_wanted = 'CITY' then '市级挂牌督办' else '县级挂牌督办' end
                            when 'CLOSE' then '已按要求整改完毕'
                            when 'COMPLETE' then '整改措施全部落实'
                            when 'EVALUATE' then '整改效果评估合格'
                            when 'SIGN_OFF' then '现场审核通过，同意销号'
                            when 'MERGE' then '重复登记，并入同一企业的在先隐患'
                       end as reason
                from bench.h h
                join bench.step s on (s.kind = h.kind or (s.kind = 'G' and h.kind in ('GS', 'GX'))
                                      or (s.kind = 'M' and h.kind in ('MS', 'MX')) or s.kind = '*')
                where s.stage <= h.m
                  and case s.tag when 'p1' then h.p1 when 'p2' then h.p2 when 'ext' then h.ext
                                 when 'exta' then h.ext_decided and h.ext_approved
                                 when 'extr' then h.ext_decided and not h.ext_approved
                                 when 'ovd' then h.overdue when 'list' then h.listed when 'merge' then h.merged
                                 else true end""");
        // a hazard's version counts the saves after its creation (one per step); updated_at is its last step
        exec("create unlogged table bench.tc as select n, count(*) as steps, max(at) as last_at from bench.t group by n");
        exec("create unique index on bench.tc (n)");
    }

    private void insertHazards() throws SQLException {
        exec("""
                insert into hz_hazard (id, number, enterprise_id, enterprise_name, region_code, zone_code, industry_code, channel,
                    grade, clause_id, clause_label, description, location, found_on, found_by, finder_user_id, stock, shutdown,
                    needs_coordination, status, deadline, reported_at, report_lag_hours, overdue, overdue_since, escalated_to,
                    listing_level, listing_document_number, listing_unit_id, listing_deadline, review_due_on, extension_pending,
                    self_check_missed, possible_duplicate_of, merged_into, created_at, updated_at, version)
                select bench.hazard_id(h.n),
                       h.county || '-' || y.year || '-' || lpad((row_number() over (partition by h.county, y.year order by h.created_at, h.n)
                           + coalesce(s.last_value, 0))::text, 6, '0'),
                       h.enterprise_id, h.enterprise_name, h.region_code, h.zone_code, h.industry_code, h.channel,
                       case when h.clause_id is null then 'GENERAL' else 'MAJOR' end, h.clause_id, h.clause_label,
                       '【压测生成】' || coalesce(h.clause_summary, (bench.descriptions(h.industry_code))[1 + floor(bench.r(h.n, 26)
                           * cardinality(bench.descriptions(h.industry_code)))::int]),
                       h.township_name || (array['生产现场', '作业区域', '仓储区', '配电室', '办公区', '装卸区', '设备间', '主要通道'])[1 + floor(bench.r(h.n, 27) * 8)::int],
                       h.found_on,
                       case h.channel when 'SELF_INSPECTION' then '企业安全管理部检查（压测）' when 'SUPERVISION' then '监管部门执法检查（压测）'
                            when 'TIP_OFF' then '群众举报核查（压测）' when 'EXPERT' then '山西压测安全技术服务有限公司专家'
                            when 'MONITORING' then '监测预警平台（压测）' else '上级交办（压测）' end,
                       null, h.found_on <= date '2023-12-31',
                       case when h.clause_id is null or bench.r(h.n, 23) < 0.5 then 'NONE' when bench.r(h.n, 23) < 0.85 then 'PARTIAL' else 'FULL' end,
                       bench.r(h.n, 24) < 0.02, h.status, h.deadline, h.reported_at,
                       case when h.reported_at is not null then greatest(0, floor(extract(epoch from h.reported_at
                           - (h.found_on::timestamp at time zone 'Asia/Shanghai')) / 3600))::int end,
                       h.overdue, case when h.overdue then h.deadline + 1 end,
                       case when h.overdue then case when h.listed and h.level_wanted = 'CITY' then '市安委会' else '市级（市安委办及行业主管部门）' end end,
                       case when h.listed then h.level_wanted end,
                       case when h.listed then case when h.level_wanted = 'CITY' then '晋安办督' else c.short || '安办督' end
                           || '〔' || extract(year from h.list_at at time zone 'Asia/Shanghai') || '〕' || (1 + h.n % 97) || '号' end,
                       null, h.listing_deadline,
                       case when h.status = 'SIGN_OFF_REQUESTED' then (h.sign_off_request_at at time zone 'Asia/Shanghai')::date + 10 end,
                       h.ext and not h.ext_decided,
                       h.clause_id is not null and h.channel in ('SUPERVISION', 'TIP_OFF') and bench.r(h.n, 22) < 0.4,
                       null, case when h.merged then bench.hazard_id(h.merged_into_n) end,
                       h.created_at, tc.last_at, tc.steps - 1
                from bench.h h
                join bench.tc tc on tc.n = h.n
                join bench.county c on c.code = h.county
                cross join lateral (select extract(year from h.created_at at time zone 'Asia/Shanghai')::int as year) y
                left join hz_number_sequence s on s.county_code = h.county and s.year = y.year
                order by h.created_at, h.n""");
    }

    private void insertTransitions() throws SQLException {
        exec("""
                insert into hz_transition (hazard_id, from_status, to_status, action, actor_id, actor_name, actor_role, at, reason)
                select bench.hazard_id(n), from_status, to_status, action, null, actor_name, actor_role, at, reason
                from bench.t order by hazard_created_at, n, seq""");
        exec("drop table bench.t, bench.tc");
    }

    private void insertDetails() throws SQLException {
        exec("""
                insert into hz_plan (id, hazard_id, objectives, measures, funding_fen, materials, organisation, responsible_person,
                    deadline, safety_measures, emergency_plan, interim_measures, filed_at, filed_by)
                select bench.uuid('plan', h.n), bench.hazard_id(h.n), '消除重大事故隐患，达到判定标准要求',
                       '按判定标准条款逐项整改；更换、补齐相关设施设备；完善管理制度', (10000 + floor(bench.r(h.n, 30) * 500000))::bigint * 100,
                       '整改所需设备、材料已列入采购计划', '成立整改领导小组，主要负责人任组长', '整改负责人（压测）', h.plan_deadline,
                       '整改期间设置警戒区域，专人监护', '已制定专项应急预案并组织演练', '整改前采取临时管控措施，限制作业人数',
                       h.plan_at, h.enterprise_name || ' 安全管理部'
                from bench.h h where h.plan_deadline is not null""");
        exec("""
                insert into hz_extension (id, hazard_id, requested_deadline, previous_deadline, reason, requested_at, requested_by,
                    decision, decision_reason, decided_at, decided_by)
                select bench.uuid('extension', h.n), bench.hazard_id(h.n), coalesce(h.base_deadline, h.plan_deadline) + 30,
                       coalesce(h.base_deadline, h.plan_deadline), '设备采购周期较长', h.ext_at, h.enterprise_name || ' 安全管理部',
                       case when not h.ext_decided then null when h.ext_approved then 'APPROVED' else 'REFUSED' end,
                       case when not h.ext_decided then null when h.ext_approved then '理由充分' else '理由不充分，按原期限整改' end,
                       case when h.ext_decided then h.ext_decided_at end, case when h.ext_decided then '监管部门（压测）' end
                from bench.h h where h.ext""");
        exec("""
                insert into hz_evaluation (id, hazard_id, kind, organisation, conclusion, evaluated_on, recorded_at, recorded_by)
                select bench.uuid('evaluation', h.n), bench.hazard_id(h.n),
                       case when bench.r(h.n, 31) < 0.6 then 'SELF' else 'THIRD_PARTY' end,
                       case when bench.r(h.n, 31) < 0.6 then null else '山西压测安全评价有限公司' end,
                       '整改效果评估合格', (h.evaluate_at at time zone 'Asia/Shanghai')::date, h.evaluate_at, h.enterprise_name || ' 安全管理部'
                from bench.h h where h.clause_id is not null and h.m >= 6""");
    }

    private void numberSequences() throws SQLException {
        exec("""
                insert into hz_number_sequence (county_code, year, last_value)
                select split_part(number, '-', 1), split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
                from hz_hazard group by 1, 2
                on conflict (county_code, year) do update set last_value = greatest(hz_number_sequence.last_value, excluded.last_value)""");
    }

    // ---- plumbing ----

    interface SqlStep {
        void run() throws SQLException;
    }

    private void step(String name, SqlStep s) throws SQLException {
        long t = System.nanoTime();
        s.run();
        System.out.printf("generator: %-50s %6.1f s%n", name, (System.nanoTime() - t) / 1e9);
    }

    private void helpers() throws SQLException {
        exec("create function bench.hazard_id(n bigint) returns uuid language sql immutable parallel safe as "
                + "$$ select md5('zhiben-bench-hazard-" + seed + "-' || n)::uuid $$");
        exec("create function bench.uuid(kind text, n bigint) returns uuid language sql immutable parallel safe as "
                + "$$ select md5('zhiben-bench-' || kind || '-" + seed + "-' || n)::uuid $$");
        exec("create function bench.pos(seq int) returns float8 language sql immutable parallel safe as "
                + "$$ select (array[0, 0.1, 0.2, 0.5, 1, 2, 3, 4, 4.5, 5, 6, 7, 8, 9, 9.5]::float8[])[seq] $$");
        exec("create table bench.county (code text primary key, short text)");
        for (County county : COUNTIES) {
            exec("insert into bench.county values ('" + county.code() + "', '" + county.shortName() + "')");
        }
        exec("""
                create function bench.descriptions(industry text) returns text[] language sql immutable parallel safe as $$
                select case
                  when industry like 'mine.coal%' or industry = 'mine.cbm' then array['井下局部通风机未实现双风机双电源自动切换',
                       '回风隅角甲烷传感器安设位置不符合规定', '主要运输巷道防尘洒水设施损坏', '井下电气设备失爆',
                       '带式输送机保护装置不全', '采空区密闭墙体出现裂缝未及时处理', '安全监控系统断电控制功能测试记录不全']
                  when industry like 'mine.%' then array['露天采场边坡台阶宽度不符合设计', '尾矿库排洪设施淤堵',
                       '爆破器材库值守人员不足', '排土场截排水沟损坏']
                  when industry like 'hazchem%' or industry = 'waste' then array['储罐区可燃气体检测报警器未按期检定',
                       '动火作业票证审批不规范', '装卸区静电接地装置失效', '安全阀超期未校验', '应急物资配备不足',
                       '危险化学品储存未分区分类']
                  when industry like 'gas%' then array['燃气管道阀门锈蚀', '液化石油气钢瓶超期未检', '用气场所未安装可燃气体报警装置']
                  when industry = 'fireworks' then array['仓库超量储存', '防雷设施检测过期', '药物混合工房定员超标']
                  when industry like 'indtrade%' then array['除尘系统未按规定清理积尘', '有限空间作业未执行先通风、再检测、后作业',
                       '设备旋转部位防护罩缺失', '叉车未按期检验', '配电箱未上锁、无警示标志', '液压设备安全联锁失效']
                  when industry like 'construction%' then array['深基坑临边防护缺失', '脚手架连墙件设置不足', '塔式起重机限位装置失效',
                       '施工用电未做到一机一闸一漏']
                  when industry like 'road%' then array['车辆动态监控报警未及时处置', '驾驶员连续驾驶超时', '车辆安全技术检验逾期',
                       '车辆安全设施配备不全']
                  else array['消防车通道被占用', '疏散指示标志损坏', '灭火器过期未更换', '消防控制室值班人员未持证上岗',
                       '电动自行车在楼道内充电', '安全出口被锁闭'] end $$""");
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
