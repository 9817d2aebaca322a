package cn.zhiben.standards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.ProblemException.FieldProblem;
import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads a standard version from a .xlsx or .json file as a DRAFT, and writes one out in the same forms. A file with
 * any error is rejected as a whole, every error named with its row; nothing of it is stored.
 */
@Service
public class StandardImport {

    private static final int MAX_REPORTED = 100;

    private final JdbcClient jdbc;
    private final LibraryRepository repo;
    private final IndustryCatalog industries;
    private final AuditLog audit;
    private final StandardsProperties properties;
    private final Clock clock;

    StandardImport(JdbcClient jdbc, LibraryRepository repo, IndustryCatalog industries, AuditLog audit,
                   StandardsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.industries = industries;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public enum Format {
        XLSX, JSON;

        public static Format of(String filename) {
            String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw ProblemException.badRequest("UNSUPPORTED_FILE_TYPE", "只能导入 .xlsx 或 .json 文件");
        }
    }

    /** A validated version, ready to store. */
    record Valid(String code, String standardName, boolean newStandard, UUID standardId, String edition, String name,
                 String issuer, String docNo, String legalNature, LocalDate effectiveFrom, LocalDate effectiveTo,
                 String datesNote, UUID supersedes, List<String> industries, boolean allIndustries, boolean partial,
                 String partialNote, boolean possiblySuperseded, String caveats, Confidence metadataConfidence,
                 String metadataNote, String source, List<StandardDocument.CategoryLine> categories,
                 List<ValidClause> clauses) {
    }

    record ValidClause(String clauseNo, String category, String summary, Confidence confidence,
                       List<String> industries, String specialOperation, String note, String related) {
    }

    /** Imports the file as a new DRAFT version and returns its id. */
    @Transactional
    public UUID importFile(String filename, byte[] bytes, CurrentUser user) {
        Format format = Format.of(filename);
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest("EMPTY_FILE", "上传的文件是空的");
        }
        if (bytes.length > properties.maxImportSize().toBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE",
                    "文件超过 " + properties.maxImportSize().toMegabytes() + "MB 上限");
        }
        JsonStandardFormat.Parsed parsed = format == Format.XLSX ? XlsxStandardFormat.read(bytes) : JsonStandardFormat.read(bytes);
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        Valid valid = validate(parsed.document(), problems);
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        requireScope(valid, user);
        return store(valid, user, format, filename);
    }

    static ProblemException rejected(List<FieldProblem> problems) {
        List<FieldProblem> shown = problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
        FieldProblem first = problems.get(0);
        return new ProblemException(HttpStatus.BAD_REQUEST, "IMPORT_INVALID",
                "文件未通过校验，未导入任何内容（共 " + problems.size() + " 处错误）。首个错误：" + first.field() + "："
                        + first.message(), shown);
    }

    private void requireScope(Valid v, CurrentUser user) {
        if (user.can(Permission.STANDARD_APPROVE)) {
            return;
        }
        Set<String> scope = user.scope().industryCodes();
        if (v.allIndustries()) {
            throw ProblemException.forbidden("IMPORT_OUT_OF_SCOPE", "适用于所有行业的标准只能由市安委办导入");
        }
        if (scope != null && !scope.containsAll(v.industries())) {
            throw ProblemException.forbidden("IMPORT_OUT_OF_SCOPE", "只能导入本单位监管行业领域的标准："
                    + v.industries().stream().filter(c -> !scope.contains(c)).collect(Collectors.joining("、")) + " 不在范围内");
        }
    }

    Valid validate(StandardDocument d, List<FieldProblem> problems) {
        Set<String> known = industries.all().stream().map(i -> i.code()).collect(Collectors.toSet());
        String code = required(d, "code", 40, problems);
        if (code != null && !code.matches("[a-z0-9][a-z0-9.-]{1,39}")) {
            problems.add(new FieldProblem(d.whereOf("code"), "标准编码须为2—40位小写字母、数字、点或短横线"));
        }
        Map<String, Object> series = code == null ? null : jdbc.sql("select id, name from std_standard where code = :c")
                .param("c", code).query().listOfRows().stream().findFirst().orElse(null);
        String standardName = optional(d, "standardName", 200, problems);
        if (series == null && standardName == null) {
            problems.add(new FieldProblem(d.whereOf("standardName"), "新标准须填写标准名称"));
        }
        if (series != null && standardName != null && !standardName.equals(series.get("name"))) {
            problems.add(new FieldProblem(d.whereOf("standardName"), "标准编码 " + code + " 已用于《" + series.get("name")
                    + "》，与文件中的名称不一致"));
        }
        String edition = required(d, "edition", 200, problems);
        String name = required(d, "name", 200, problems);
        String issuer = required(d, "issuer", 200, problems);
        String docNo = optional(d, "docNo", 100, problems);
        String legalNature = required(d, "legalNature", 100, problems);
        LocalDate from = date(d, "effectiveFrom", true, problems);
        LocalDate to = date(d, "effectiveTo", false, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem(d.whereOf("effectiveTo"), "废止日期早于施行日期"));
        }
        String datesNote = optional(d, "datesNote", 2000, problems);
        List<String> versionIndustries = JsonStandardFormat.split(d.get("industries"));
        if (versionIndustries.isEmpty()) {
            problems.add(new FieldProblem(d.whereOf("industries"), "适用行业不能为空（填写行业领域编码，如 indtrade）"));
        }
        for (String c : versionIndustries) {
            if (!known.contains(c)) {
                problems.add(new FieldProblem(d.whereOf("industries"), "未知的行业领域：" + c));
            }
        }
        boolean all = bool(d, "allIndustries", problems);
        boolean partial = bool(d, "partial", problems);
        String partialNote = optional(d, "partialNote", 2000, problems);
        if (partial && partialNote == null) {
            problems.add(new FieldProblem(d.whereOf("partialNote"), "标记为不完整时须说明缺少哪些内容"));
        }
        boolean possiblySuperseded = bool(d, "possiblySuperseded", problems);
        String caveats = optional(d, "caveats", 5000, problems);
        Confidence metaConfidence = confidence(d.get("metadataConfidence"), d.whereOf("metadataConfidence"), problems);
        String metadataNote = optional(d, "metadataNote", 2000, problems);
        String source = required(d, "source", 1000, problems);
        UUID supersedes = supersedes(d, code, from, problems);

        Map<String, String> categoryAt = new HashMap<>();
        List<StandardDocument.CategoryLine> categories = new ArrayList<>();
        for (StandardDocument.CategoryLine c : d.categories()) {
            String cc = trim(c.code());
            if (cc == null) {
                problems.add(new FieldProblem(c.where(), "分类编码不能为空"));
            } else if (cc.length() > 20) {
                problems.add(new FieldProblem(c.where(), "分类编码不能超过20个字符"));
            } else if (categoryAt.containsKey(cc)) {
                problems.add(new FieldProblem(c.where(), "分类编码 " + cc + " 重复（首次出现于" + categoryAt.get(cc) + "）"));
            } else {
                categoryAt.put(cc, c.where());
            }
            if (trim(c.name()) == null) {
                problems.add(new FieldProblem(c.where(), "分类名称不能为空"));
            }
            check(c.name(), 200, c.where(), "分类名称", problems);
            check(c.group(), 100, c.where(), "类别组", problems);
            check(c.note(), 500, c.where(), "说明", problems);
            categories.add(new StandardDocument.CategoryLine(c.where(), cc, trim(c.name()), trim(c.group()), trim(c.note())));
        }
        if (d.clauses().size() > properties.maxImportClauses()) {
            problems.add(new FieldProblem("条款", "条款数超过上限 " + properties.maxImportClauses()));
        }
        if (d.clauses().isEmpty() && !partial) {
            problems.add(new FieldProblem("条款", "没有任何条款的标准须标记为不完整并说明原因"));
        }
        Map<String, String> clauseAt = new HashMap<>();
        List<ValidClause> clauses = new ArrayList<>();
        for (StandardDocument.ClauseLine c : d.clauses()) {
            String no = trim(c.clauseNo());
            if (no == null) {
                problems.add(new FieldProblem(c.where(), "条款号不能为空"));
            } else if (no.length() > 30) {
                problems.add(new FieldProblem(c.where(), "条款号不能超过30个字符"));
            } else if (clauseAt.containsKey(no)) {
                problems.add(new FieldProblem(c.where(), "条款号 " + no + " 重复（首次出现于" + clauseAt.get(no) + "）"));
            } else {
                clauseAt.put(no, c.where());
            }
            String category = trim(c.category());
            if (category == null) {
                problems.add(new FieldProblem(c.where(), "分类编码不能为空"));
            } else if (!categoryAt.containsKey(category)) {
                problems.add(new FieldProblem(c.where(), "分类编码 " + category + " 不在“分类”中"));
            }
            String summary = trim(c.summary());
            if (summary == null) {
                problems.add(new FieldProblem(c.where(), "摘要不能为空"));
            } else {
                check(summary, 500, c.where(), "摘要", problems);
            }
            Confidence confidence = confidence(c.confidence(), c.where(), problems);
            List<String> clauseIndustries = JsonStandardFormat.split(c.industries());
            for (String code2 : clauseIndustries) {
                if (!known.contains(code2)) {
                    problems.add(new FieldProblem(c.where(), "未知的行业领域：" + code2));
                } else if (!all && versionIndustries.stream().noneMatch(v -> StandardClause.covers(v, code2))) {
                    problems.add(new FieldProblem(c.where(), "行业领域 " + code2 + " 不在标准的适用行业之内"));
                }
            }
            String special = null;
            if (trim(c.specialOperation()) != null) {
                special = SpecialOperations.parse(c.specialOperation());
                if (special == null) {
                    problems.add(new FieldProblem(c.where(), "未知的专项作业：" + c.specialOperation().trim()
                            + "（可选：" + String.join("、", SpecialOperations.all().values()) + "）"));
                }
            }
            check(c.note(), 500, c.where(), "备注", problems);
            check(c.related(), 500, c.where(), "关联", problems);
            clauses.add(new ValidClause(no, category, summary, confidence, clauseIndustries, special, trim(c.note()),
                    trim(c.related())));
        }
        return new Valid(code, series == null ? standardName : (String) series.get("name"), series == null,
                series == null ? null : (UUID) series.get("id"), edition, name, issuer, docNo, legalNature, from, to,
                datesNote, supersedes, versionIndustries, all, partial, partialNote, possiblySuperseded, caveats,
                metaConfidence, metadataNote, source, categories, clauses);
    }

    private UUID supersedes(StandardDocument d, String code, LocalDate from, List<FieldProblem> problems) {
        String raw = trim(d.get("supersedes"));
        if (raw == null) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(d.whereOf("supersedes"), "替代的版本ID格式不正确"));
            return null;
        }
        Optional<VersionRow> old = repo.version(id);
        if (old.isEmpty() || !old.get().published()) {
            problems.add(new FieldProblem(d.whereOf("supersedes"), "被替代的版本不存在或尚未发布"));
            return null;
        }
        VersionRow o = old.get();
        if (code != null && !o.standardCode().equals(code)) {
            problems.add(new FieldProblem(d.whereOf("supersedes"), "只能替代同一标准（" + code + "）的版本"));
        }
        boolean alreadySuperseded = repo.versions().stream().anyMatch(v -> v.published() && id.equals(v.supersedesId()));
        if (alreadySuperseded) {
            problems.add(new FieldProblem(d.whereOf("supersedes"), "被替代的版本已被其他版本替代"));
        }
        if (from != null && o.effectiveFrom() != null && !from.isAfter(o.effectiveFrom())
                && !(from.equals(o.effectiveFrom()) && VersionPublishing.completes(o, repo))) {
            problems.add(new FieldProblem(d.whereOf("effectiveFrom"), "施行日期须晚于被替代版本的施行日期 " + o.effectiveFrom()
                    + "（只收录了部分、没有条款的版本，可由同日施行的完整版本替代）"));
        }
        if (from != null && o.effectiveTo() != null && !o.effectiveTo().isBefore(from)) {
            problems.add(new FieldProblem(d.whereOf("effectiveFrom"), "被替代版本的有效期至 " + o.effectiveTo() + "，与新版本重叠"));
        }
        return id;
    }

    private UUID store(Valid v, CurrentUser user, Format format, String filename) {
        UUID standardId = v.standardId();
        if (v.newStandard()) {
            standardId = UUID.randomUUID();
            jdbc.sql("""
                    insert into std_standard (id, code, name, sort_order)
                    values (:id, :code, :name, (select coalesce(max(sort_order), 0) + 10 from std_standard))""")
                    .param("id", standardId).param("code", v.code()).param("name", v.standardName()).update();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into std_version (id, standard_id, kind, edition, name, issuer, doc_no, legal_nature, effective_from,
                    effective_to, dates_note, supersedes_id, industry_codes, all_industries, partial, partial_note,
                    possibly_superseded, caveats, metadata_confidence, metadata_note, source, status, created_at,
                    created_by, created_unit_id)
                values (:id, :standardId, 'STANDARD', :edition, :name, :issuer, :docNo, :legalNature, :from, :to,
                    :datesNote, :supersedes, cast(:industries as text[]), :all, :partial, :partialNote,
                    :possiblySuperseded, :caveats, :metaConfidence, :metaNote, :source, 'DRAFT', :now, :by, :unit)""")
                .param("id", id).param("standardId", standardId).param("edition", v.edition()).param("name", v.name())
                .param("issuer", v.issuer()).param("docNo", v.docNo()).param("legalNature", v.legalNature())
                .param("from", v.effectiveFrom()).param("to", v.effectiveTo()).param("datesNote", v.datesNote())
                .param("supersedes", v.supersedes()).param("industries", LibraryRepository.textArray(v.industries()))
                .param("all", v.allIndustries()).param("partial", v.partial()).param("partialNote", v.partialNote())
                .param("possiblySuperseded", v.possiblySuperseded()).param("caveats", v.caveats())
                .param("metaConfidence", v.metadataConfidence().name()).param("metaNote", v.metadataNote())
                .param("source", v.source()).param("now", Timestamp.from(clock.instant()))
                .param("by", user.username()).param("unit", user.unitId())
                .update();
        int order = 0;
        for (StandardDocument.CategoryLine c : v.categories()) {
            jdbc.sql("""
                    insert into std_category (version_id, code, name, group_name, sort_order, note)
                    values (:v, :code, :name, :group, :order, :note)""")
                    .param("v", id).param("code", c.code()).param("name", c.name()).param("group", c.group())
                    .param("order", ++order).param("note", c.note()).update();
        }
        order = 0;
        for (ValidClause c : v.clauses()) {
            jdbc.sql("""
                    insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, note, related,
                        industry_codes, special_operation, sort_order, origin)
                    values (:id, :v, :category, :no, :summary, :confidence, :note, :related, cast(:industries as text[]),
                        :special, :order, :origin)""")
                    .param("id", UUID.randomUUID()).param("v", id).param("category", c.category())
                    .param("no", c.clauseNo()).param("summary", c.summary()).param("confidence", c.confidence().name())
                    .param("note", c.note()).param("related", c.related())
                    .param("industries", LibraryRepository.textArray(c.industries()))
                    .param("special", c.specialOperation()).param("order", (++order) * 10)
                    .param("origin", ClauseOrigin.STANDARD.name()).update();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("standard", v.code());
        facts.put("version", v.name() + " " + v.edition());
        facts.put("docNo", v.docNo());
        facts.put("effectiveFrom", String.valueOf(v.effectiveFrom()));
        facts.put("categories", v.categories().size());
        facts.put("clauses", v.clauses().size());
        facts.put("file", filename);
        facts.put("format", format.name());
        audit.record(AuditEntry.success(AuditAction.IMPORT, "std_version", id, facts));
        return id;
    }

    /** The version as a document (national clauses only; local clauses are adjustments, not part of the standard). */
    public StandardDocument export(VersionRow v, List<CategoryRow> categories, List<ClauseRow> clauses) {
        Map<String, String> h = new LinkedHashMap<>();
        putIf(h, "code", v.standardCode());
        putIf(h, "standardName", v.standardName());
        putIf(h, "edition", v.edition());
        putIf(h, "name", v.name());
        putIf(h, "issuer", v.issuer());
        putIf(h, "docNo", v.docNo());
        putIf(h, "legalNature", v.legalNature());
        putIf(h, "effectiveFrom", v.effectiveFrom() == null ? null : v.effectiveFrom().toString());
        putIf(h, "effectiveTo", v.effectiveTo() == null ? null : v.effectiveTo().toString());
        putIf(h, "datesNote", v.datesNote());
        putIf(h, "supersedes", v.supersedesId() == null ? null : v.supersedesId().toString());
        putIf(h, "industries", String.join(",", v.industryCodes()));
        putIf(h, "allIndustries", v.allIndustries() ? "是" : "否");
        putIf(h, "partial", v.partial() ? "是" : "否");
        putIf(h, "partialNote", v.partialNote());
        putIf(h, "possiblySuperseded", v.possiblySuperseded() ? "是" : "否");
        putIf(h, "caveats", v.caveats());
        putIf(h, "metadataConfidence", v.metadataConfidence().label());
        putIf(h, "metadataNote", v.metadataNote());
        putIf(h, "source", v.source());
        List<StandardDocument.CategoryLine> cats = categories.stream()
                .map(c -> new StandardDocument.CategoryLine(null, c.code(), c.name(), c.groupName(), c.note())).toList();
        List<StandardDocument.ClauseLine> lines = clauses.stream().filter(c -> c.origin() == ClauseOrigin.STANDARD)
                .map(c -> new StandardDocument.ClauseLine(null, c.clauseNo(), c.categoryCode(), c.summary(),
                        c.confidence().label(), String.join(",", c.industryCodes()),
                        SpecialOperations.label(c.specialOperation()), c.note(), c.related()))
                .toList();
        return new StandardDocument(h, Map.of(), cats, lines);
    }

    public byte[] write(StandardDocument doc, Format format) {
        return format == Format.XLSX ? XlsxStandardFormat.write(doc) : JsonStandardFormat.write(doc);
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static void check(String value, int max, String where, String label, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(where, label + "不能超过" + max + "个字符"));
        }
    }

    private static String required(StandardDocument d, String key, int max, List<FieldProblem> problems) {
        String v = trim(d.get(key));
        if (v == null) {
            problems.add(new FieldProblem(d.whereOf(key), StandardDocument.HEADER_KEYS.get(key) + "不能为空"));
            return null;
        }
        check(v, max, d.whereOf(key), StandardDocument.HEADER_KEYS.get(key), problems);
        return v;
    }

    private static String optional(StandardDocument d, String key, int max, List<FieldProblem> problems) {
        String v = trim(d.get(key));
        check(v, max, d.whereOf(key), StandardDocument.HEADER_KEYS.get(key), problems);
        return v;
    }

    private static LocalDate date(StandardDocument d, String key, boolean required, List<FieldProblem> problems) {
        String v = trim(d.get(key));
        if (v == null) {
            if (required) {
                problems.add(new FieldProblem(d.whereOf(key), StandardDocument.HEADER_KEYS.get(key) + "不能为空"));
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(d.whereOf(key), StandardDocument.HEADER_KEYS.get(key) + "格式应为 yyyy-MM-dd"));
            return null;
        }
    }

    private static boolean bool(StandardDocument d, String key, List<FieldProblem> problems) {
        String v = trim(d.get(key));
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "是", "true", "1", "y", "yes" -> true;
            case "否", "false", "0", "n", "no" -> false;
            default -> {
                problems.add(new FieldProblem(d.whereOf(key), StandardDocument.HEADER_KEYS.get(key) + "应填“是”或“否”"));
                yield false;
            }
        };
    }

    static Confidence confidence(String raw, String where, List<FieldProblem> problems) {
        String v = trim(raw);
        if (v == null) {
            problems.add(new FieldProblem(where, "可信度不能为空（已核实 / 未核实）"));
            return null;
        }
        for (Confidence c : Confidence.values()) {
            if (c.name().equalsIgnoreCase(v) || c.label().equals(v)) {
                return c;
            }
        }
        problems.add(new FieldProblem(where, "可信度应为“已核实”或“未核实”"));
        return null;
    }
}
