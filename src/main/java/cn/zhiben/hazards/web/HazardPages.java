package cn.zhiben.hazards.web;

import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.internal.AttachmentStore;
import cn.zhiben.hazards.internal.Caller;
import cn.zhiben.hazards.internal.Callers;
import cn.zhiben.hazards.internal.ListingUnits;
import cn.zhiben.hazards.internal.HazardOffers;
import cn.zhiben.hazards.internal.HazardPolicy;
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
    private final Callers callers;
    private final ListingUnits listingUnits;
    private final HazardService service;
    private final HazardOffers offers;
    private final Clock clock;
    private final cn.zhiben.hazards.internal.HazardImportService imports;

    HazardPages(HazardQueries queries, AttachmentStore attachments, StandardsLibrary standards, UnitCatalog units,
                HazardNames names, Callers callers, ListingUnits listingUnits, HazardService service, HazardOffers offers,
                Clock clock, cn.zhiben.hazards.internal.HazardImportService imports) {
        this.imports = imports;
        this.offers = offers;
        this.queries = queries;
        this.attachments = attachments;
        this.standards = standards;
        this.units = units;
        this.names = names;
        this.callers = callers;
        this.listingUnits = listingUnits;
        this.service = service;
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
        Caller caller = callers.of(user);
        HazardQueries.Detail d = queries.detail(id, user.scope()).orElseThrow(HazardService::notFound);
        HazardQueries.Row h = d.row();
        HazardOffers.Offer offer = offers.offer(h, user, caller);
        Set<HazardAction> actions = EnumSet.noneOf(HazardAction.class);
        actions.addAll(offer.actions());
        List<HazardQueries.Row> candidates = offer.mergeCandidates();
        model.addAttribute("d", d);
        model.addAttribute("h", h);
        // names, so templates can ask actions.contains('SIGN_OFF')
        Set<String> actionNames = new java.util.HashSet<>();
        actions.forEach(a -> actionNames.add(a.name()));
        model.addAttribute("actions", actionNames);
        model.addAttribute("hasWork", actionNames.stream().anyMatch(a -> !a.equals(HazardAction.ATTACH.name())));
        model.addAttribute("attachments", attachments.list(id));
        model.addAttribute("ledger", d.row().imported() ? imports.ledger(id).orElse(null) : null);
        model.addAttribute("clause", d.clauseId() == null ? null : standards.clause(d.clauseId()).orElse(null));
        model.addAttribute("listingUnit", d.listingUnitId() == null || h.listingLevel() == null ? null
                : listingUnits.name(d.listingUnitId(), h.listingLevel(), h.regionCode()).orElse(null));
        model.addAttribute("mergedInto", d.mergedInto() == null ? null
                : queries.find(d.mergedInto(), user.scope()).map(HazardQueries.Row::number).orElse(null));
        model.addAttribute("duplicateOf", h.possibleDuplicateOf() == null ? null
                : queries.find(h.possibleDuplicateOf(), user.scope()).map(HazardQueries.Row::number).orElse(null));
        model.addAttribute("pendingExtension", d.extensions().stream().filter(e -> e.decision() == null).findFirst().orElse(null));
        model.addAttribute("mergeCandidates", candidates);
        // the levels this office lists at, and the departments of that level (issue 10 item 4)
        List<ListingLevel> listLevels = HazardPolicy.listingLevels(user.role());
        List<ListingLevel> raiseLevels = h.listingLevel() == null ? List.of() : java.util.Arrays.stream(ListingLevel.values())
                .filter(l -> l != ListingLevel.COUNTY && l.above(h.listingLevel()))
                .sorted(java.util.Comparator.comparingInt(ListingLevel::rank)).toList();
        model.addAttribute("listLevels", listLevels);
        model.addAttribute("raiseLevels", raiseLevels);
        ListingLevel unitLevel = actions.contains(HazardAction.LIST) && !listLevels.isEmpty() ? listLevels.get(0)
                : actions.contains(HazardAction.RAISE_LISTING) ? ListingLevel.CITY : null;
        model.addAttribute("units", unitLevel == null ? List.of() : listingUnits.options(unitLevel, h.regionCode(), h.primaryField()));
        model.addAttribute("stages", AttachmentStage.values());
        model.addAttribute("defaultStage", AttachmentStage.defaultFor(h.status()).name());
        model.addAttribute("regradeChecklist", actions.contains(HazardAction.REGRADE) && h.grade() == cn.zhiben.hazards.Grade.GENERAL
                ? regradeChecklist(h) : null);
        model.addAttribute("stepLabel", cn.zhiben.hazards.internal.HazardPolicy.stepLabel(h.status()));
        model.addAttribute("resumption", cn.zhiben.hazards.internal.HazardPolicy.resumptionAcceptance(h.industryCode(),
                d.shutdown() == null ? null : cn.zhiben.hazards.Shutdown.valueOf(d.shutdown())));
        model.addAttribute("fs", fs);
        model.addAttribute("fmt", format());
        model.addAttribute("today", today());
        model.addAttribute("overdueDeadline", h.deadline() != null && h.status().deadlineRunning()
                && (h.overdue() || h.deadline().isBefore(today())));
        return "hazards/detail";
    }

    /** The checklist of the hazard's enterprise on its finding date, for regrading a general hazard to major. */
    private cn.zhiben.standards.Checklist regradeChecklist(HazardQueries.Row h) {
        try {
            return service.clauseChecklist(h.enterpriseId(), h.foundOn());
        } catch (cn.zhiben.platform.web.ProblemException e) {
            return null;
        }
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
