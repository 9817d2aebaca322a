package cn.zhiben.hazards.web;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.internal.HazardNames;
import cn.zhiben.hazards.internal.HazardQueries;
import cn.zhiben.hazards.internal.HazardService;
import cn.zhiben.hazards.internal.HazardsExport;
import cn.zhiben.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The hazard pages for reading: the list (htmx), its Excel export, the detail, attachments, 待我处理 and the listing board. */
@Controller
@RequestMapping("/hazards")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class HazardPageController {

    static final int PAGE_SIZE = 20;
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private final HazardQueries queries;
    private final HazardsExport export;
    private final HazardService service;
    private final HazardNames names;
    private final HazardPages pages;
    private final cn.zhiben.hazards.internal.Callers callers;

    HazardPageController(HazardQueries queries, HazardsExport export, HazardService service, HazardNames names,
                         HazardPages pages, cn.zhiben.hazards.internal.Callers callers) {
        this.callers = callers;
        this.queries = queries;
        this.export = export;
        this.service = service;
        this.names = names;
        this.pages = pages;
    }

    @GetMapping
    String list(@ModelAttribute("filter") HazardListParams filter,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
                Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.require();
        HazardQueries.Page result = queries.search(user.scope(), filter.toFilter(), filter.sortOrDefault(),
                filter.pageOrFirst(), PAGE_SIZE);
        HazardNames.Snapshot snapshot = names.snapshot();
        model.addAttribute("result", result);
        model.addAttribute("pageCount", result.totalCapped() ? null : (int) ((result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("fmt", new HazardFormat(snapshot));
        response.setHeader("Vary", "HX-Request");
        // a history restore without a cached page needs the whole page, not the table
        if (htmx != null && historyRestore == null) {
            return "hazards/list :: results";
        }
        model.addAttribute("regions", HazardPages.regionOptions(user.scope(), snapshot));
        model.addAttribute("industries", HazardPages.industryOptions(user.scope(), snapshot));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("statuses", HazardStatus.values());
        model.addAttribute("levels", ListingLevel.values());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("canReport", !cn.zhiben.hazards.internal.HazardRules.reportChannels(user).isEmpty());
        return "hazards/list";
    }

    static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("FOUND_DESC", "发现日期（新→旧）");
        SORTS.put("FOUND_ASC", "发现日期（旧→新）");
        SORTS.put("DEADLINE_ASC", "整改期限（近→远）");
        SORTS.put("NUMBER_DESC", "编号（新→旧）");
        SORTS.put("UPDATED_DESC", "最近办理");
    }

    /** The filtered list as .xlsx, with the page's session (the API has its own, for tokens). */
    @GetMapping("/export.xlsx")
    void export(@ModelAttribute HazardListParams filter, HttpServletResponse response) throws IOException {
        HazardQueries.Filter f = filter.toFilter();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("隐患清单.xlsx", StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.write(CurrentUser.require(), f, filter.sortOrDefault(), response.getOutputStream());
    }

    @GetMapping("/{id:" + UUID_PATTERN + "}")
    String detail(@PathVariable UUID id, Model model) {
        return pages.detail(model, id, FormState.none());
    }

    /** An attachment, if its hazard lies inside the user's scope (the same check as the API's download). */
    @GetMapping("/attachments/{attachmentId:" + UUID_PATTERN + "}")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId) {
        return HazardPages.file(service.download(attachmentId));
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        CurrentUser user = CurrentUser.require();
        var caller = callers.of(user);
        var groups = queries.awaiting(user, caller, pages.today(), 50);
        model.addAttribute("groups", groups);
        // each hazard once, as the home card counts it, even if it waits for two things
        model.addAttribute("total", queries.awaitingCount(user, caller, pages.today()));
        model.addAttribute("fmt", pages.format());
        model.addAttribute("today", pages.today());
        return "hazards/inbox";
    }

    /**
     * 责任倒查 (plan item 23): the hazards found by others that the enterprise's own checks missed, for the county and the
     * supervising units of the scope to see and close.
     */
    @GetMapping("/accountability")
    String accountability(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "true") boolean open, Model model) {
        CurrentUser user = CurrentUser.require();
        if (!seesAccountability(user)) {
            throw cn.zhiben.platform.web.ProblemException.forbidden("HAZARD_ACTION_FORBIDDEN", "责任倒查由监管部门查看和办结");
        }
        model.addAttribute("rows", queries.accountability(user.scope(), open, 200));
        model.addAttribute("open", open);
        model.addAttribute("fmt", pages.format());
        return "hazards/accountability";
    }

    /** The county and the supervising units see 责任倒查 (and the city office, which sees everything). */
    static boolean seesAccountability(CurrentUser u) {
        return u.can(cn.zhiben.platform.security.Permission.BUSINESS_READ) && switch (u.role()) {
            case CITY_OFFICE, COUNTY_OFFICE, MEMBER_UNIT, COUNTY_UNIT -> true;
            default -> false;
        };
    }

    /** 三公开: every business user sees every listing and de-listing, whatever their scope. */
    @GetMapping("/listings")
    String listings(Model model) {
        model.addAttribute("entries", queries.listingBoard(200, CurrentUser.require().scope()));
        model.addAttribute("fmt", pages.format());
        return "hazards/listings";
    }
}
