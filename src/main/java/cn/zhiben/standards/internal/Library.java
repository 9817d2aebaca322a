package cn.zhiben.standards.internal;

import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.Industry;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.Checklist;
import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.Confidence;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.StandardVersionRef;
import cn.zhiben.standards.StandardsLibrary;
import cn.zhiben.standards.internal.LibraryViews.CategoryBlock;
import cn.zhiben.standards.internal.LibraryViews.ClauseItem;
import cn.zhiben.standards.internal.LibraryViews.LibraryAt;
import cn.zhiben.standards.internal.LibraryViews.VersionDetail;
import cn.zhiben.standards.internal.LibraryViews.VersionLink;
import cn.zhiben.standards.internal.LibraryViews.VersionSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Answers what applied when: the library's read side, and the API other modules use. */
@Service
@Transactional(readOnly = true)
public class Library implements StandardsLibrary {

    private final LibraryRepository repo;
    private final EnterpriseDirectory enterprises;
    private final IndustryCatalog industries;
    private final Clock clock;

    Library(LibraryRepository repo, EnterpriseDirectory enterprises, IndustryCatalog industries, Clock clock) {
        this.repo = repo;
        this.enterprises = enterprises;
        this.industries = industries;
        this.clock = clock;
    }

    /** Today in the business zone (Asia/Shanghai). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- API for other modules ---

    @Override
    public List<StandardClause> clausesInForce(String industryCode, Set<String> specialOperations, LocalDate date) {
        Set<String> ops = specialOperations == null ? Set.of() : specialOperations;
        List<VersionRow> versions = repo.versions().stream().filter(v -> !v.overlay() && v.inForceOn(date)).toList();
        return inForce(versions, date, c -> c.appliesTo(industryCode, ops)).stream().map(Item::clause).toList();
    }

    @Override
    public Optional<String> crossIndustryField(UUID versionId) {
        return repo.version(versionId).filter(v -> v.allIndustries() && !v.industryCodes().isEmpty())
                .map(v -> v.industryCodes().get(0));
    }

    @Override
    public Optional<StandardClause> clause(UUID clauseId) {
        if (clauseId == null) {
            return Optional.empty();
        }
        return repo.clause(clauseId).flatMap(r -> repo.version(r.versionId()).map(r::toClause));
    }

    @Override
    public StandardClause requireApplicable(UUID clauseId, String industryCode, Set<String> specialOperations,
                                            LocalDate findingDate) {
        StandardClause c = clause(clauseId).orElseThrow(() ->
                ProblemException.unprocessable("CLAUSE_UNKNOWN", "判定依据条款不存在"));
        String cite = "条款 " + c.clauseNo() + "（" + c.version().citation() + "）";
        if (c.version().overlay()) {
            throw ProblemException.unprocessable("CLAUSE_NOT_JUDGEABLE", cite + " 属于叠加分类，不是具体判定情形，请引用判定标准的条款");
        }
        if (!c.validOn(findingDate)) {
            throw ProblemException.unprocessable("CLAUSE_NOT_IN_FORCE", cite + " 在 " + findingDate
                    + " 不在有效期内（有效期 " + period(c.validFrom(), c.validTo()) + "），请引用当日施行的标准条款");
        }
        for (ClauseRow correction : repo.corrections(c.id())) {
            StandardClause k = repo.version(correction.versionId()).map(correction::toClause).orElseThrow();
            if (k.validOn(findingDate)) {
                throw ProblemException.unprocessable("CLAUSE_CORRECTED", cite + " 自 " + k.validFrom()
                        + " 起已由本地修正（" + k.localDocNo() + "）替代，请引用修正后的条款 " + k.id());
            }
        }
        Set<String> ops = specialOperations == null ? Set.of() : specialOperations;
        if (!c.appliesTo(industryCode, ops)) {
            if (c.specialOperation() != null && !ops.contains(c.specialOperation())) {
                throw ProblemException.unprocessable("CLAUSE_NOT_APPLICABLE", cite + " 只适用于登记了“"
                        + SpecialOperations.label(c.specialOperation()) + "”的企业");
            }
            throw ProblemException.unprocessable("CLAUSE_NOT_APPLICABLE", cite + " 不适用于行业领域 "
                    + industryName(industryCode));
        }
        return c;
    }

    @Override
    public Checklist checklist(UUID enterpriseId, LocalDate date) {
        EnterpriseRef e = enterprises.find(enterpriseId).orElseThrow(() ->
                ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内"));
        return checklist(e, enterprises.specialOperationCodes(e.id()), date);
    }

    public Checklist checklist(EnterpriseRef e, Set<String> ops, LocalDate date) {
        String industry = e.industryCode();
        List<VersionRow> versions = repo.versions().stream().filter(v -> !v.overlay() && v.inForceOn(date)).toList();
        List<Item> items = inForce(versions, date, c -> c.appliesTo(industry, ops));
        Set<UUID> withClauses = items.stream().map(i -> i.row().versionId()).collect(Collectors.toSet());
        List<VersionRow> covering = versions.stream()
                .filter(v -> withClauses.contains(v.id()) || v.allIndustries()
                        || v.industryCodes().stream().anyMatch(c -> StandardClause.covers(c, industry)))
                .sorted(Comparator.comparing(VersionRow::allIndustries).thenComparingInt(VersionRow::standardOrder))
                .toList();
        Map<String, List<Item>> bySection = new LinkedHashMap<>();
        items.stream()
                .sorted(Comparator.comparing((Item i) -> i.version().allIndustries()).thenComparing(ORDER))
                .forEach(i -> bySection.computeIfAbsent(i.row().versionId() + "/" + i.row().categoryCode(),
                        k -> new ArrayList<>()).add(i));
        List<Checklist.Section> sections = bySection.values().stream().map(list -> {
            Item first = list.get(0);
            return new Checklist.Section(first.version().ref(), first.row().categoryCode(), first.row().categoryName(),
                    first.row().categoryGroup(), first.version().allIndustries(), list.stream().map(Item::clause).toList());
        }).toList();
        List<StandardVersionRef> refs = covering.stream().map(VersionRow::ref).toList();
        return new Checklist(e.id(), e.name(), industry, ops, date, sections, refs,
                refs.stream().filter(StandardVersionRef::partial).toList());
    }

    // --- browsing ---

    /** Versions (with overlays) in force on a date that concern an industry field, or all of them (industry null). */
    public LibraryAt at(String industryCode, LocalDate date) {
        String industryName = industryCode == null ? null : requireIndustry(industryCode).name();
        List<VersionRow> all = repo.versions();
        List<VersionRow> versions = all.stream()
                .filter(v -> v.inForceOn(date) && (industryCode == null || v.concerns(industryCode)))
                .sorted(Comparator.comparing(VersionRow::allIndustries).thenComparingInt(VersionRow::standardOrder)
                        .thenComparing(VersionRow::overlay))
                .toList();
        Map<UUID, List<CategoryRow>> categories = repo.categories(versions.stream().map(VersionRow::id).toList())
                .stream().collect(Collectors.groupingBy(CategoryRow::versionId, LinkedHashMap::new, Collectors.toList()));
        List<ClauseRow> rows = repo.clauses(versions.stream().map(VersionRow::id).toList());
        Map<UUID, VersionRow> byId = versions.stream().collect(Collectors.toMap(VersionRow::id, Function.identity()));
        Map<UUID, UUID> replaced = replacements(rows, byId, date);
        List<VersionDetail> details = new ArrayList<>();
        for (VersionRow v : versions) {
            List<ClauseRow> own = rows.stream().filter(r -> r.versionId().equals(v.id())).toList();
            List<CategoryBlock> blocks = new ArrayList<>();
            for (CategoryRow k : categories.getOrDefault(v.id(), List.of())) {
                List<ClauseItem> clauses = own.stream()
                        .filter(r -> r.categoryCode().equals(k.code()))
                        .map(r -> r.toClause(v))
                        .filter(c -> c.validOn(date) && !replaced.containsKey(c.id()))
                        .filter(c -> industryCode == null || relevant(c, industryCode))
                        .map(c -> ClauseItem.of(c, true, null))
                        .toList();
                if (!clauses.isEmpty() || own.isEmpty()) {
                    blocks.add(new CategoryBlock(k.code(), k.name(), k.groupName(), k.note(), clauses));
                }
            }
            details.add(new VersionDetail(summary(v, all, own), blocks, List.of()));
        }
        return new LibraryAt(date, industryCode, industryName, details);
    }

    /** One version with every category and clause (national and local), marked as in force on {@code date} or not. */
    public VersionDetail detail(VersionRow v, LocalDate date) {
        List<VersionRow> all = repo.versions();
        List<ClauseRow> own = repo.clauses(List.of(v.id()));
        Map<UUID, UUID> replaced = replacements(own, Map.of(v.id(), v), date);
        List<CategoryBlock> blocks = new ArrayList<>();
        for (CategoryRow k : repo.categories(v.id())) {
            List<ClauseItem> clauses = own.stream().filter(r -> r.categoryCode().equals(k.code()))
                    .map(r -> r.toClause(v))
                    .map(c -> ClauseItem.of(c, c.validOn(date) && !replaced.containsKey(c.id()), replaced.get(c.id())))
                    .toList();
            blocks.add(new CategoryBlock(k.code(), k.name(), k.groupName(), k.note(), clauses));
        }
        return new VersionDetail(summary(v, all, own), blocks, chain(v, all));
    }

    /** Approved local corrections of a clause, oldest first. */
    public List<StandardClause> corrections(UUID clauseId) {
        return repo.corrections(clauseId).stream()
                .map(r -> r.toClause(repo.version(r.versionId()).orElseThrow())).toList();
    }

    public Optional<VersionRow> version(UUID id) {
        return repo.version(id);
    }

    public List<VersionRow> versions() {
        return repo.versions();
    }

    public List<ClauseRow> clauseRows(UUID versionId) {
        return repo.clauses(List.of(versionId));
    }

    public List<CategoryRow> categories(UUID versionId) {
        return repo.categories(versionId);
    }

    public VersionSummary summary(VersionRow v) {
        return summary(v, repo.versions(), repo.clauses(List.of(v.id())));
    }

    public Industry requireIndustry(String code) {
        return industries.find(code).orElseThrow(() ->
                ProblemException.badRequest("UNKNOWN_INDUSTRY", "未知的行业领域：" + code));
    }

    public List<Industry> industries() {
        return industries.all();
    }

    String industryName(String code) {
        return code == null ? "（未登记）" : industries.find(code).map(Industry::name).orElse(code);
    }

    /** A clause concerns a field when its industries and the field overlap in either direction. */
    static boolean relevant(StandardClause c, String industryCode) {
        return c.allIndustries() || c.industryCodes().stream().anyMatch(code ->
                StandardClause.covers(code, industryCode) || StandardClause.covers(industryCode, code));
    }

    private VersionSummary summary(VersionRow v, List<VersionRow> all, List<ClauseRow> own) {
        Map<UUID, VersionRow> byId = all.stream().collect(Collectors.toMap(VersionRow::id, Function.identity()));
        VersionRow supersededBy = all.stream()
                .filter(o -> o.published() && v.id().equals(o.supersedesId())).findFirst().orElse(null);
        List<ClauseRow> national = own.stream().filter(r -> r.origin() == ClauseOrigin.STANDARD).toList();
        Map<String, String> names = new HashMap<>();
        industries.all().forEach(i -> names.put(i.code(), i.name()));
        return new VersionSummary(v.id(), v.standardCode(), v.standardName(), v.kind(), v.edition(), v.name(),
                v.issuer(), v.docNo(), v.legalNature(), v.effectiveFrom(), v.effectiveTo(), v.datesNote(), v.status(),
                v.industryCodes(), v.industryCodes().stream().map(c -> names.getOrDefault(c, c)).toList(),
                v.allIndustries(), v.partial(), v.partialNote(), v.possiblySuperseded(), v.caveatLines(),
                v.metadataConfidence(), v.metadataNote(), v.source(),
                VersionLink.of(v.supersedesId() == null ? null : byId.get(v.supersedesId())),
                VersionLink.of(supersededBy), VersionLink.of(v.overlayOf() == null ? null : byId.get(v.overlayOf())),
                national.size(), (int) national.stream().filter(r -> r.confidence() == Confidence.UNCONFIRMED).count(),
                own.size() - national.size(), record(v));
    }

    private static List<String> record(VersionRow v) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(cn.zhiben.platform.PlatformConfiguration.ZONE);
        List<String> out = new ArrayList<>();
        boolean migrated = "migration".equals(v.createdBy());
        out.add(migrated ? "随系统初始数据载入（" + f.format(v.createdAt()) + "）"
                : "由 " + v.createdBy() + " 于 " + f.format(v.createdAt()) + " 导入");
        if (v.publishedAt() != null && !migrated) {
            out.add("由 " + v.publishedBy() + " 于 " + f.format(v.publishedAt()) + " 发布");
        }
        return out;
    }

    /** Oldest first: what this version replaced and what replaced it. */
    private static List<VersionLink> chain(VersionRow v, List<VersionRow> all) {
        Map<UUID, VersionRow> byId = all.stream().collect(Collectors.toMap(VersionRow::id, Function.identity()));
        List<VersionLink> before = new ArrayList<>();
        VersionRow cur = v;
        Set<UUID> seen = new java.util.HashSet<>(Set.of(v.id()));
        while (cur.supersedesId() != null && byId.containsKey(cur.supersedesId()) && seen.add(cur.supersedesId())) {
            cur = byId.get(cur.supersedesId());
            before.add(0, VersionLink.of(cur));
        }
        List<VersionLink> chain = new ArrayList<>(before);
        chain.add(VersionLink.of(v));
        cur = v;
        while (true) {
            VersionRow c = cur;
            Optional<VersionRow> next = all.stream().filter(o -> o.published() && c.id().equals(o.supersedesId())).findFirst();
            if (next.isEmpty() || !seen.add(next.get().id())) {
                break;
            }
            cur = next.get();
            chain.add(VersionLink.of(cur));
        }
        return chain;
    }

    /** clause id -> id of the approved local correction that replaces it on the date. */
    private static Map<UUID, UUID> replacements(List<ClauseRow> rows, Map<UUID, VersionRow> versions, LocalDate date) {
        Map<UUID, UUID> out = new HashMap<>();
        for (ClauseRow r : rows) {
            VersionRow v = versions.get(r.versionId());
            if (r.correctsClauseId() != null && v != null && r.toClause(v).validOn(date)) {
                out.put(r.correctsClauseId(), r.id());
            }
        }
        return out;
    }

    private static final Comparator<Item> ORDER = Comparator
            .comparingInt((Item i) -> i.version().standardOrder())
            .thenComparing(i -> i.version().id())
            .thenComparingInt(i -> i.row().categoryOrder())
            .thenComparingInt(i -> i.row().sortOrder())
            .thenComparing(i -> i.row().clauseNo());

    /** Clauses of these versions valid on the date, not replaced by a correction, that pass the filter. */
    private List<Item> inForce(List<VersionRow> versions, LocalDate date, Predicate<StandardClause> filter) {
        Map<UUID, VersionRow> byId = versions.stream().collect(Collectors.toMap(VersionRow::id, Function.identity()));
        List<ClauseRow> rows = repo.clauses(byId.keySet());
        Map<UUID, UUID> replaced = replacements(rows, byId, date);
        return rows.stream()
                .map(r -> new Item(r, byId.get(r.versionId()), r.toClause(byId.get(r.versionId()))))
                .filter(i -> i.clause().validOn(date) && !replaced.containsKey(i.clause().id()) && filter.test(i.clause()))
                .sorted(ORDER)
                .toList();
    }

    private record Item(ClauseRow row, VersionRow version, StandardClause clause) {
    }

    static String period(LocalDate from, LocalDate to) {
        return (from == null ? "不详" : from.toString()) + " 至 " + (to == null ? "今" : to.toString());
    }
}
