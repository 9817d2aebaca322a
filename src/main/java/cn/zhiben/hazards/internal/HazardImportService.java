package cn.zhiben.hazards.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.HazardsProperties;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardVersionRef;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports past hazards (issue 8) from the template workbook: every row is checked — enterprise in the importer's scope,
 * values, the clause of the standard in force on the found date, the history's consistency
 * ({@link Hazard#historyProblems}), duplicates in the file and on record — and then either all rows are written, in one
 * transaction, or none and the job's report says why, row by row. Imports run one at a time (a database lock), so two
 * uploads of one ledger cannot both pass the duplicate check.
 */
@Service
public class HazardImportService {

    /** The audit log's name for an import job. */
    static final String JOB_ENTITY = "hazard_import";
    private static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_SHORT = 500;

    private final HazardRepository hazards;
    private final HazardImportJobs jobs;
    private final EnterpriseDirectory enterprises;
    private final StandardsLibrary standards;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final HazardsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Callers callers;

    HazardImportService(HazardRepository hazards, HazardImportJobs jobs, EnterpriseDirectory enterprises,
                        StandardsLibrary standards, ApplicationEventPublisher events, AuditLog audit,
                        HazardsProperties properties, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
                        Callers callers) {
        this.callers = callers;
        this.hazards = hazards;
        this.jobs = jobs;
        this.enterprises = enterprises;
        this.standards = standards;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Who may load past hazards: the safety committee offices and the departments with supervisory duties (category 1
     * of Attachment 2) at city and county level, each within its data scope (issue 8) — the offices and departments
     * the hazard policy lets list and sign off, since a ledger row records listings and sign-offs. Townships,
     * enterprises, experts and units of categories 2–4 keep no official hazard ledger.
     */
    public boolean mayImport(CurrentUser user) {
        if (!user.ready()) {
            return false;
        }
        Caller c = callers.of(user);
        return c.office() || c.supervisoryDepartment();
    }

    public void requireImporter(CurrentUser user) {
        if (!mayImport(user)) {
            throw ProblemException.forbidden("HAZARD_IMPORT_FORBIDDEN", "历史隐患导入须由市、县安委办或负有安全生产监督管理职责的部门操作");
        }
    }

    /**
     * Checks the upload and imports it (or only checks it, dryRun). A job is recorded either way; its status says
     * whether anything was written. 400 for a file that is not the template.
     */
    public HazardImportJob importWorkbook(CurrentUser user, MultipartFile file, boolean dryRun) {
        requireImporter(user);
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_FILE_UNREADABLE", "请选择要上传的 .xlsx 文件（文件不能为空）");
        }
        if (file.getSize() > HazardImportSheet.MAX_BYTES) {
            throw ProblemException.badRequest("IMPORT_FILE_TOO_LARGE", "文件超过 10 MB，请拆分后分批导入");
        }
        List<HazardImportSheet.Line> lines;
        try (InputStream in = file.getInputStream()) {
            lines = HazardImportSheet.read(in);
        } catch (IOException e) {
            throw ProblemException.badRequest("IMPORT_FILE_UNREADABLE", "上传的文件无法读取，请重新上传");
        }
        return importLines(user, fileName(file.getOriginalFilename()), lines, dryRun);
    }

    HazardImportJob importLines(CurrentUser user, String fileName, List<HazardImportSheet.Line> lines, boolean dryRun) {
        return tx.execute(status -> {
            // one import at a time: the duplicate check below must see every hazard an earlier import wrote
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended('hz-history-import', 0))").query(Object.class).single();
            UUID jobId = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
            Map<Integer, List<HazardImportJob.Issue>> issues = new LinkedHashMap<>();
            List<HazardImportJob.Issue> skipped = new ArrayList<>();
            List<Parsed> rows = validate(user, lines, today, issues, skipped);
            int invalid = issues.size();
            String skippedNote = skipped.isEmpty() ? "" : "；" + skipped.size() + " 行此前已导入，" + (dryRun ? "将跳过" : "已跳过");
            HazardImportJob.Status outcome;
            String message;
            int imported = 0;
            if (invalid > 0) {
                outcome = HazardImportJob.Status.REJECTED;
                message = "有 " + invalid + " 行存在问题，未导入任何数据；请按校验报告修改后重新上传";
            } else if (dryRun) {
                outcome = HazardImportJob.Status.VALIDATED;
                message = rows.size() + " 行校验通过（仅校验，未导入）" + skippedNote;
            } else {
                imported = rows.size();
                outcome = HazardImportJob.Status.COMPLETED;
                message = imported == 0 ? "全部 " + skipped.size() + " 行此前已导入，本次没有新增隐患"
                        : "新导入 " + imported + " 行" + skippedNote;
            }
            List<HazardImportJob.Issue> report = issues.values().stream().flatMap(List::stream)
                    .sorted(Comparator.comparingInt(HazardImportJob.Issue::row)).toList();
            HazardImportJob job = new HazardImportJob(jobId, user.id(), user.username(), fileName, dryRun, outcome,
                    lines.size(), invalid, imported, skipped.size(), report, skipped, message, now);
            // the job first: the imported hazards refer to it; all of it commits together or not at all
            jobs.insert(job);
            if (outcome == HazardImportJob.Status.COMPLETED) {
                write(user, jobId, fileName, rows, now, today);
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("file", fileName);
            facts.put("dryRun", dryRun);
            facts.put("total", lines.size());
            facts.put("invalid", invalid);
            facts.put("imported", imported);
            facts.put("skipped", skipped.size());
            audit.record(new AuditEntry(AuditAction.IMPORT, JOB_ENTITY, jobId.toString(), facts,
                    outcome != HazardImportJob.Status.REJECTED, message, null));
            return job;
        });
    }

    public HazardImportJob job(CurrentUser user, UUID id) {
        return jobs.find(id, user.id())
                .orElseThrow(() -> ProblemException.notFound("IMPORT_JOB_NOT_FOUND", "导入记录不存在，或不是您提交的"));
    }

    public List<HazardImportJob> recent(CurrentUser user) {
        return jobs.recent(user.id(), 10);
    }

    public List<HazardImportJob.Made> made(UUID jobId) {
        return jobs.made(jobId, 500);
    }

    /** The ledger facts of a hazard, if it was imported (the caller has checked the hazard is in the user's scope). */
    public Optional<HazardImportJob.Ledger> ledger(UUID hazardId) {
        return jobs.ledger(hazardId);
    }

    // ---------------------------------------------------------------- validation

    /** A valid row, ready to be written. */
    private record Parsed(int row, EnterpriseRef enterprise, Hazard.Facts facts, Hazard.History history, String clauseLabel,
                          String legacyNumber, String remark) {
    }

    private List<Parsed> validate(CurrentUser user, List<HazardImportSheet.Line> lines, LocalDate today,
                                  Map<Integer, List<HazardImportJob.Issue>> issues, List<HazardImportJob.Issue> skipped) {
        Map<String, Optional<EnterpriseRef>> byUscc = new HashMap<>();
        Map<String, List<StandardClause>> clauses = new HashMap<>();
        List<Parsed> valid = new ArrayList<>();
        Map<String, List<Integer>> keys = new LinkedHashMap<>();
        for (HazardImportSheet.Line line : lines) {
            Row r = new Row(line, issues);
            Parsed p = parse(user, r, today, byUscc, clauses);
            if (p != null && !r.failed()) {
                valid.add(p);
                keys.computeIfAbsent(duplicateKey(p), k -> new ArrayList<>()).add(line.number());
            }
        }
        // the same hazard twice in the file: which row is right cannot be told, so every one of them is refused
        for (List<Integer> same : keys.values()) {
            if (same.size() > 1) {
                for (int row : same) {
                    List<String> others = same.stream().filter(o -> o != row).map(String::valueOf).toList();
                    add(issues, row, HazardImportColumn.FOUND_ON, "与文件中第 " + String.join("、", others)
                            + " 行重复（同一企业、同一判定条款或描述、同一发现日期）");
                }
            }
        }
        for (Parsed p : valid) {
            if (issues.containsKey(p.row())) {
                continue;
            }
            jobs.duplicateOf(p.enterprise().id(), p.facts().foundOn(), p.facts().clauseId(), p.facts().description())
                    .ifPresent(d -> {
                        if (d.imported()) {
                            // loaded by an earlier upload of this ledger: uploading it again changes nothing
                            skipped.add(new HazardImportJob.Issue(p.row(), HazardImportColumn.FOUND_ON.header(),
                                    "此前已导入为隐患 " + d.number() + "，本次跳过（台账在此之后的变化请在平台中办理）"));
                        } else {
                            add(issues, p.row(), HazardImportColumn.FOUND_ON, "与平台中已登记的隐患 " + d.number()
                                    + " 重复（同一企业、同一判定条款或描述、同一发现日期），不能重复导入；请从台账中删除此行");
                        }
                    });
        }
        Set<Integer> skip = new java.util.HashSet<>();
        skipped.forEach(i -> skip.add(i.row()));
        return valid.stream().filter(p -> !issues.containsKey(p.row()) && !skip.contains(p.row())).toList();
    }

    private static String duplicateKey(Parsed p) {
        return p.enterprise().id() + "|" + p.facts().foundOn() + "|"
                + (p.facts().clauseId() != null ? p.facts().clauseId().toString() : "d:" + p.facts().description().replaceAll("\\s+", ""));
    }

    private Parsed parse(CurrentUser user, Row r, LocalDate today, Map<String, Optional<EnterpriseRef>> byUscc,
                         Map<String, List<StandardClause>> clauseCache) {
        EnterpriseRef enterprise = enterprise(user, r, byUscc);
        LocalDate foundOn = r.date(HazardImportColumn.FOUND_ON);
        Grade grade = r.choice(HazardImportColumn.GRADE, Grade.class, Map.of("一般隐患", Grade.GENERAL,
                "重大隐患", Grade.MAJOR, "重大事故隐患", Grade.MAJOR), Grade::label);
        Channel channel = r.choice(HazardImportColumn.CHANNEL, Channel.class, Map.of("专家", Channel.EXPERT,
                "第三方服务机构", Channel.EXPERT, "群众举报", Channel.TIP_OFF, "监管检查", Channel.SUPERVISION,
                "督导检查", Channel.SUPERVISION), Channel::label);
        HazardStatus status = r.choice(HazardImportColumn.STATUS, HazardStatus.class, Map.of(), HazardStatus::label);
        Shutdown shutdown = r.choice(HazardImportColumn.SHUTDOWN, Shutdown.class, Map.of("局部停产", Shutdown.PARTIAL,
                "全部停产", Shutdown.FULL, "停产", Shutdown.FULL), Shutdown::label);
        ListingLevel level = r.choice(HazardImportColumn.LISTING_LEVEL, ListingLevel.class, Map.of("省级", ListingLevel.PROVINCE,
                "市级", ListingLevel.CITY, "县级", ListingLevel.COUNTY, "省级挂牌", ListingLevel.PROVINCE,
                "市级挂牌", ListingLevel.CITY, "县级挂牌", ListingLevel.COUNTY), ListingLevel::label);
        String description = r.text(HazardImportColumn.DESCRIPTION, MAX_DESCRIPTION);
        String location = r.text(HazardImportColumn.LOCATION, MAX_SHORT);
        String foundBy = r.text(HazardImportColumn.FOUND_BY, 200);
        String basis = r.text(HazardImportColumn.BASIS, MAX_DESCRIPTION);
        String legacy = r.text(HazardImportColumn.LEGACY_NUMBER, 100);
        String remark = r.text(HazardImportColumn.REMARK, MAX_SHORT);
        String listingDoc = r.text(HazardImportColumn.LISTING_DOC, 100);
        LocalDate deadline = r.date(HazardImportColumn.DEADLINE);
        LocalDate rectifiedOn = r.date(HazardImportColumn.RECTIFIED_ON);
        LocalDate signedOffOn = r.date(HazardImportColumn.SIGNED_OFF_ON);
        LocalDate listedOn = r.date(HazardImportColumn.LISTED_ON);
        LocalDate listingDeadline = r.date(HazardImportColumn.LISTING_DEADLINE);

        StandardClause clause = null;
        String standard = r.get(HazardImportColumn.STANDARD);
        String clauseNo = r.get(HazardImportColumn.CLAUSE_NO);
        if (grade == Grade.GENERAL && (standard != null || clauseNo != null)) {
            r.problem(HazardImportColumn.CLAUSE_NO, "一般隐患不填写判定标准和条款号");
        } else if (grade == Grade.MAJOR && (standard != null || clauseNo != null)) {
            if (standard == null || clauseNo == null) {
                r.problem(standard == null ? HazardImportColumn.STANDARD : HazardImportColumn.CLAUSE_NO,
                        "判定标准和条款号须同时填写");
            } else if (enterprise != null && foundOn != null) {
                clause = clause(enterprise, foundOn, standard, clauseNo, clauseCache);
                if (clause == null) {
                    r.problem(HazardImportColumn.CLAUSE_NO, "在 " + foundOn + " 有效、适用于该企业行业的标准中找不到「" + standard
                            + "」第 " + clauseNo + " 条；请核对标准文号和条款号，无法对应的填写“判定依据说明”");
                }
            }
        }
        boolean clauseNamed = standard != null || clauseNo != null;
        Hazard.Facts facts = new Hazard.Facts(enterprise == null ? null : enterprise.id(),
                enterprise == null ? null : enterprise.regionCode(), enterprise == null ? null : enterprise.zoneCode(),
                enterprise == null ? null : enterprise.industryCode(), channel, grade, clause == null ? null : clause.id(),
                description, location, foundOn, foundBy, shutdown == null ? Shutdown.NONE : shutdown, false,
                // the field of a standard that concerns every unit (fire, special equipment), as a live report has it
                clause == null ? null : standards.crossIndustryField(clause.version().id()).orElse(null), false);
        Hazard.History history = new Hazard.History(status, deadline, rectifiedOn, signedOffOn, level, listingDoc, listedOn,
                listingDeadline, clause == null ? basis : null, null);
        if (foundOn != null && grade != null && status != null) {
            // the history's own rules, also when other cells are wrong, so one report shows every problem of the row
            for (Hazard.HistoryProblem p : Hazard.historyProblems(facts, history, today, properties.historyImport().earliestFoundOn())) {
                if (p.field().equals("clauseId") && clauseNamed) {
                    continue;
                }
                HazardImportColumn column = HazardImportColumn.ofFact(p.field());
                r.problem(column == null ? HazardImportColumn.STATUS : column, p.message());
            }
        }
        if (enterprise == null || foundOn == null || grade == null || channel == null || status == null || r.failed()) {
            return null;
        }
        String label = clause != null ? clause.version().citation() + " 第 " + clause.clauseNo() + " 条"
                : grade == Grade.MAJOR ? "判定依据（原台账）：" + basis : null;
        return new Parsed(r.line.number(), enterprise, facts, history, label, legacy, remark);
    }

    private EnterpriseRef enterprise(CurrentUser user, Row r, Map<String, Optional<EnterpriseRef>> byUscc) {
        String uscc = r.get(HazardImportColumn.USCC);
        if (uscc == null) {
            r.problem(HazardImportColumn.USCC, "请填写企业统一社会信用代码");
            return null;
        }
        String code = uscc.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        Optional<EnterpriseRef> found = byUscc.computeIfAbsent(code, enterprises::findByUscc);
        // an enterprise outside the scope reads like a missing one, as everywhere
        if (found.isEmpty() || !user.scope().covers(found.get().id(), found.get().regionCode(), found.get().zoneCode(),
                found.get().industryCode())) {
            r.problem(HazardImportColumn.USCC, "未找到统一社会信用代码为 " + code + " 的企业，或该企业不在您的数据范围内；请先登记企业");
            return null;
        }
        EnterpriseRef e = found.get();
        String name = r.get(HazardImportColumn.ENTERPRISE);
        if (name != null && !name.replaceAll("\\s", "").equals(e.name().replaceAll("\\s", ""))) {
            r.problem(HazardImportColumn.ENTERPRISE, "与该信用代码登记的企业名称“" + e.name() + "”不一致（企业已更名的可清空此列）");
        }
        return e;
    }

    /** The clause of the standard the row names, among those in force on the found date for this enterprise. */
    private StandardClause clause(EnterpriseRef e, LocalDate foundOn, String standard, String clauseNo,
                                  Map<String, List<StandardClause>> cache) {
        Set<String> ops = enterprises.specialOperationCodes(e.id());
        String key = e.industryCode() + "|" + String.join(",", new java.util.TreeSet<>(ops)) + "|" + foundOn;
        List<StandardClause> inForce = cache.computeIfAbsent(key, k -> standards.clausesInForce(e.industryCode(), ops, foundOn));
        String s = compact(standard);
        String no = compact(clauseNo).replace('．', '.').replaceFirst("^第", "").replaceFirst("[条项]$", "");
        return inForce.stream().filter(c -> names(c.version()).contains(s) && compact(c.clauseNo()).equals(no))
                .findFirst().orElse(null);
    }

    /** The ways a ledger names a standard version: its document number, its name, its standard's name or code. */
    private static List<String> names(StandardVersionRef v) {
        return Arrays.asList(compact(v.docNo()), compact(v.name()), compact(v.standardName()), compact(v.standardCode()),
                compact(v.citation()));
    }

    private static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000《》]", "").replace('（', '(').replace('）', ')')
                .replace('〔', '[').replace('〕', ']').replace('［', '[').replace('］', ']').toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- writing

    private void write(CurrentUser user, UUID jobId, String fileName, List<Parsed> rows, Instant now, LocalDate today) {
        HazardActor importer = HazardActor.of(user);
        for (Parsed p : rows) {
            UUID id = UUID.randomUUID();
            // numbered in the year the hazard was found, like a hazard reported then
            String number = hazards.nextNumber(RegionCodes.county(p.enterprise().regionCode()), p.facts().foundOn().getYear());
            String note = fileName + " 第 " + p.row() + " 行" + (p.legacyNumber() == null ? "" : "，原编号 " + p.legacyNumber());
            Hazard.History history = new Hazard.History(p.history().status(), p.history().deadline(),
                    p.history().rectifiedOn(), p.history().signedOffOn(), p.history().listingLevel(),
                    p.history().listingDocumentNumber(), p.history().listedOn(), p.history().listingDeadline(),
                    p.history().basisText(), note);
            Hazard h = Hazard.imported(id, number, p.facts(), history, importer, now, today,
                    properties.historyImport().earliestFoundOn());
            hazards.insert(h, p.enterprise().name(), p.clauseLabel(), new HazardRepository.Source(Hazard.IMPORT_SOURCE,
                    jobId + ":" + p.row(), "历史数据导入：" + note, "/hazards/imports/" + jobId), now);
            h.pendingEvents().forEach(events::publishEvent);
            h.clearPending();
            // the insert writes a new hazard's first state; the rest of the ledger's state (listing, overdue) as any verb's
            hazards.save(h, now);
            jobs.recordImported(id, jobId, p.row(), p.legacyNumber(), history.basisText(), history.listedOn(),
                    history.rectifiedOn(), history.signedOffOn(), p.remark());
        }
    }

    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "未命名.xlsx";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void add(Map<Integer, List<HazardImportJob.Issue>> issues, int row, HazardImportColumn column, String message) {
        issues.computeIfAbsent(row, k -> new ArrayList<>()).add(new HazardImportJob.Issue(row, column.header(), message));
    }

    /** One line being read: its values, and the problems found so far (recorded in the job's report). */
    private static final class Row {
        private final HazardImportSheet.Line line;
        private final Map<Integer, List<HazardImportJob.Issue>> issues;
        private boolean failed;

        Row(HazardImportSheet.Line line, Map<Integer, List<HazardImportJob.Issue>> issues) {
            this.line = line;
            this.issues = issues;
        }

        String get(HazardImportColumn c) {
            return line.get(c);
        }

        boolean failed() {
            return failed;
        }

        void problem(HazardImportColumn c, String message) {
            failed = true;
            add(issues, line.number(), c, message);
        }

        String text(HazardImportColumn c, int max) {
            String v = get(c);
            if (v == null) {
                if (c.required()) {
                    problem(c, "请填写" + c.header());
                }
                return null;
            }
            if (v.length() > max) {
                problem(c, c.header() + "不能超过 " + max + " 字");
            }
            return v;
        }

        LocalDate date(HazardImportColumn c) {
            String v = get(c);
            if (v == null) {
                if (c.required()) {
                    problem(c, "请填写" + c.header());
                }
                return null;
            }
            LocalDate d = HazardImportSheet.date(v);
            if (d == null) {
                problem(c, c.header() + "“" + v + "”不是有效日期，请按 yyyy-MM-dd 填写");
            }
            return d;
        }

        /** An enum value by its label, its code or one of the aliases a ledger uses. */
        <E extends Enum<E>> E choice(HazardImportColumn c, Class<E> type, Map<String, E> aliases, Function<E, String> label) {
            String v = get(c);
            if (v == null) {
                if (c.required()) {
                    problem(c, "请填写" + c.header());
                }
                return null;
            }
            String t = v.replaceAll("\\s", "");
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(t) || label.apply(e).equals(t)) {
                    return e;
                }
            }
            E alias = aliases.get(t);
            if (alias != null) {
                return alias;
            }
            problem(c, c.header() + "“" + v + "”无效，请从下拉列表选择");
            return null;
        }
    }
}
