package cn.zhiben.hazards.web;

import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.internal.AttachmentStore;
import cn.zhiben.hazards.internal.HazardAction;
import cn.zhiben.hazards.internal.HazardActions;
import cn.zhiben.hazards.internal.HazardNames;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.Industry;
import cn.zhiben.org.Region;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.standards.StandardsLibrary;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Builds the models the hazard pages share: the detail page (also when a form on it was refused) and filter options. */
@Component
class HazardPages {

    private final HazardQueries queries;
    private final AttachmentStore attachments;
    private final StandardsLibrary standards;
    private final UnitCatalog units;
    private final HazardNames names;
    private final Clock clock;
    private final cn.zhiben.hazards.internal.HazardImportService imports;

    HazardPages(HazardQueries queries, AttachmentStore attachments, StandardsLibrary standards, UnitCatalog units,
                HazardNames names, Clock clock, cn.zhiben.hazards.internal.HazardImportService imports) {
        this.imports = imports;
        this.queries = queries;
        this.attachments = attachments;
        this.standards = standards;
        this.units = units;
        this.names = names;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    HazardFormat format() {
        return new HazardFormat(names.snapshot());
    }

    /** An evidence file as a download: never rendered by the browser, never kept in a cache. */
    static ResponseEntity<byte[]> file(HazardService.Download d) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.attachment().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(d.content());
    }

    /** The detail page of a hazard inside the user's scope (404 otherwise), with only the forms the user may use. */
    String detail(Model model, UUID id, FormState fs) {
        CurrentUser user = CurrentUser.require();
        HazardQueries.Detail d = queries.detail(id, user.scope()).orElseThrow(HazardService::notFound);
        Set<HazardAction> actions = EnumSet.noneOf(HazardAction.class);
        actions.addAll(HazardActions.available(d.row(), user));
        model.addAttribute("d", d);
        model.addAttribute("h", d.row());
        // names, so templates can ask actions.contains('SIGN_OFF')
        Set<String> actionNames = new java.util.HashSet<>();
        actions.forEach(a -> actionNames.add(a.name()));
        model.addAttribute("actions", actionNames);
        List<HazardQueries.Row> candidates = actions.contains(HazardAction.MERGE) ? mergeCandidates(user.scope(), d.row()) : List.of();
        // merging needs another open hazard of the enterprise; without one the form would be noise
        if (candidates.isEmpty()) {
            actionNames.remove(HazardAction.MERGE.name());
        }
        model.addAttribute("hasWork", actionNames.stream().anyMatch(a -> !a.equals(HazardAction.ATTACH.name())));
        model.addAttribute("attachments", attachments.list(id));
        model.addAttribute("ledger", d.row().imported() ? imports.ledger(id).orElse(null) : null);
        model.addAttribute("clause", d.clauseId() == null ? null : standards.clause(d.clauseId()).orElse(null));
        model.addAttribute("listingUnit", units.find(d.listingUnitId()).map(CommitteeUnit::name).orElse(null));
        model.addAttribute("mergedInto", d.mergedInto() == null ? null
                : queries.find(d.mergedInto(), user.scope()).map(HazardQueries.Row::number).orElse(null));
        model.addAttribute("duplicateOf", d.row().possibleDuplicateOf() == null ? null
                : queries.find(d.row().possibleDuplicateOf(), user.scope()).map(HazardQueries.Row::number).orElse(null));
        model.addAttribute("pendingExtension", d.extensions().stream().filter(e -> e.decision() == null).findFirst().orElse(null));
        model.addAttribute("mergeCandidates", candidates);
        model.addAttribute("units", actions.contains(HazardAction.LIST)
                ? units.all().stream().filter(CommitteeUnit::active).toList() : List.of());
        model.addAttribute("stages", AttachmentStage.values());
        model.addAttribute("fs", fs);
        model.addAttribute("fmt", format());
        model.addAttribute("today", today());
        model.addAttribute("overdueDeadline", d.row().deadline() != null && d.row().status().deadlineRunning()
                && (d.row().overdue() || d.row().deadline().isBefore(today())));
        return "hazards/detail";
    }

    /** Other open hazards of the same enterprise inside the scope: what a duplicate may be merged into. */
    private List<HazardQueries.Row> mergeCandidates(DataScope scope, HazardQueries.Row h) {
        HazardQueries.Filter f = new HazardQueries.Filter(null, null, null, null, null, null, null, null, null, null,
                true, h.enterpriseId(), null, null, null, null, null);
        return queries.search(scope, f, HazardQueries.Sort.FOUND_DESC, 0, 100).rows().stream()
                .filter(r -> !r.id().equals(h.id())).toList();
    }

    record Option(String code, String label) {
    }

    /**
     * The regions a user may filter by: the whole city's counties with their townships and the management areas; a
     * county user only the county's townships; nothing to choose for a township, an area or an enterprise.
     */
    static List<Option> regionOptions(DataScope scope, HazardNames.Snapshot names) {
        List<Option> out = new ArrayList<>();
        if (scope.enterpriseId() != null) {
            return out;
        }
        List<Region> all = names.regions();
        String own = scope.regionCode();
        Region ownRegion = own == null ? null : all.stream().filter(r -> r.code().equals(own)).findFirst().orElse(null);
        if (own == null || (ownRegion != null && ownRegion.level() == Region.Level.CITY)) {
            for (Region county : all) {
                if (county.level() == Region.Level.COUNTY) {
                    out.add(new Option(county.code(), county.name()));
                    all.stream().filter(t -> t.level() == Region.Level.TOWNSHIP && county.code().equals(t.parentCode()))
                            .forEach(t -> out.add(new Option(t.code(), "　" + t.name())));
                }
            }
            all.stream().filter(z -> z.level() == Region.Level.ZONE).forEach(z -> out.add(new Option(z.code(), z.name())));
        } else if (RegionCodes.isAdministrative(own) && ownRegion != null && ownRegion.level() == Region.Level.COUNTY) {
            all.stream().filter(t -> t.level() == Region.Level.TOWNSHIP && own.equals(t.parentCode()))
                    .forEach(t -> out.add(new Option(t.code(), t.name())));
        }
        return out;
    }

    /** The industry tree, indented, limited to the industries of the user's scope. */
    static List<Option> industryOptions(DataScope scope, HazardNames.Snapshot names) {
        List<Option> out = new ArrayList<>();
        if (scope.enterpriseId() != null) {
            return out;
        }
        addIndustries(names.industries(), null, 0, scope.industryCodes(), out);
        return out;
    }

    private static void addIndustries(List<Industry> all, String parent, int depth, Set<String> allowed, List<Option> out) {
        for (Industry i : all) {
            if (Objects.equals(i.parentCode(), parent) && i.active()) {
                if (allowed == null || allowed.contains(i.code())) {
                    out.add(new Option(i.code(), "　".repeat(depth) + i.name()));
                }
                addIndustries(all, i.code(), depth + 1, allowed, out);
            }
        }
    }

    static List<HazardStatus> statuses() {
        return List.of(HazardStatus.values());
    }
}
