package cn.zhiben.analytics.web;

import cn.zhiben.analytics.internal.Filter;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.web.InputDates;
import cn.zhiben.platform.web.ProblemException;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The filter parameters every analytics endpoint takes (page and API alike), checked here so bad input is a 400 with
 * a stable code: region (NBS code or management area), industry (with its sub-industries), grade, channel, status,
 * listing (PROVINCE/CITY/COUNTY/NONE), overdue, stock, open (true/false), from/to (found, yyyy-MM-dd), enterprise (id),
 * industryExact, doneFrom/doneTo (rectified between).
 */
public class FilterParams {

    private String region;
    private String industry;
    private String grade;
    private String channel;
    private String status;
    private String listing;
    private String overdue;
    private String stock;
    private String open;
    private String from;
    private String to;
    private String enterprise;
    private String industryExact;
    private String doneFrom;
    private String doneTo;

    public Filter toFilter(IndustryCatalog industries) {
        if (region != null && !region.isBlank() && !RegionCodes.isAdministrative(region)
                && !region.matches("[0-9]{6}-[A-Z]{1,10}")) {
            throw ProblemException.badRequest("INVALID_REGION", "地区代码格式不正确");
        }
        Set<String> ind = null;
        if (blank(industry) == null) {
            ind = null;
        } else {
            if (industries.find(industry).isEmpty()) {
                throw ProblemException.badRequest("UNKNOWN_INDUSTRY", "未知的行业代码");
            }
            ind = industries.withDescendants(Set.of(industry));
        }
        if (blank(industryExact) != null && industries.find(industryExact).isEmpty()) {
            throw ProblemException.badRequest("UNKNOWN_INDUSTRY", "未知的行业代码");
        }
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        if (f != null && t != null && f.isAfter(t)) {
            throw ProblemException.badRequest("INVALID_PERIOD", "开始日期不能晚于结束日期");
        }
        UUID e = null;
        if (blank(enterprise) != null) {
            try {
                e = UUID.fromString(enterprise.trim());
            } catch (IllegalArgumentException x) {
                throw ProblemException.badRequest("INVALID_ENTERPRISE", "企业标识格式不正确");
            }
        }
        return new Filter(blank(region), ind, enumName(grade, Grade.class, "grade"), enumName(channel, Channel.class, "channel"),
                enumName(status, HazardStatus.class, "status"), listingName(listing), bool(overdue, "overdue"),
                bool(stock, "stock"), bool(open, "open"), f, t, e, blank(industryExact), date(doneFrom, "doneFrom"),
                date(doneTo, "doneTo"));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String s, String name) {
        if (blank(s) == null) {
            return null;
        }
        LocalDate d;
        try {
            d = InputDates.parse(s.trim());
        } catch (java.time.DateTimeException x) {
            throw ProblemException.badRequest("INVALID_DATE", "日期格式应为 yyyy-MM-dd：" + name);
        }
        if (d.getYear() < 2000 || d.getYear() > 2100) {
            throw ProblemException.badRequest("INVALID_DATE", "日期超出范围（2000—2100年）：" + name);
        }
        return d;
    }

    private static Boolean bool(String s, String name) {
        if (blank(s) == null) {
            return null;
        }
        return switch (s.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("INVALID_FLAG", "参数 " + name + " 只能是 true 或 false");
        };
    }

    private static <E extends Enum<E>> String enumName(String s, Class<E> type, String name) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim()).name();
        } catch (IllegalArgumentException x) {
            throw ProblemException.badRequest("INVALID_" + name.toUpperCase(), "参数 " + name + " 的取值不正确");
        }
    }

    private static String listingName(String s) {
        if (blank(s) == null) {
            return null;
        }
        if (s.trim().equals("NONE")) {
            return "NONE";
        }
        return enumName(s, ListingLevel.class, "listing");
    }

    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getGrade() { return grade; }
    public void setGrade(String grade) { this.grade = grade; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getListing() { return listing; }
    public void setListing(String listing) { this.listing = listing; }
    public String getOverdue() { return overdue; }
    public void setOverdue(String overdue) { this.overdue = overdue; }
    public String getStock() { return stock; }
    public void setStock(String stock) { this.stock = stock; }
    public String getOpen() { return open; }
    public void setOpen(String open) { this.open = open; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String enterprise) { this.enterprise = enterprise; }
    public String getIndustryExact() { return industryExact; }
    public void setIndustryExact(String industryExact) { this.industryExact = industryExact; }
    public String getDoneFrom() { return doneFrom; }
    public void setDoneFrom(String doneFrom) { this.doneFrom = doneFrom; }
    public String getDoneTo() { return doneTo; }
    public void setDoneTo(String doneTo) { this.doneTo = doneTo; }
}
