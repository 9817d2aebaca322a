package cn.zhiben.campaign.internal;

import cn.zhiben.hazards.HazardDirectory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hazard figures a report cites for its period and its addressee's region and industries, as the hazards module
 * counts them (see {@link HazardDirectory.Figures}): found, of which major; major signed off; general closed; and, at
 * the time of filing, major still open, overdue and listed for supervision.
 */
public record Figures(long found, long majorFound, long signedOff, long closed, long openMajor, long overdue, long listed) {

    public static Figures of(HazardDirectory.Figures f) {
        return new Figures(f.found(), f.majorFound(), f.signedOff(), f.closed(), f.openMajor(), f.overdue(), f.listed());
    }

    /** Label -> value, in the order documents and pages show them. */
    public Map<String, Long> labelled() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("排查发现隐患", found);
        m.put("其中重大事故隐患", majorFound);
        m.put("重大事故隐患销号", signedOff);
        m.put("一般隐患整改关闭", closed);
        m.put("未销号重大事故隐患", openMajor);
        m.put("逾期未整改隐患", overdue);
        m.put("挂牌督办隐患", listed);
        return m;
    }

    public boolean anyNegative() {
        return found < 0 || majorFound < 0 || signedOff < 0 || closed < 0 || openMajor < 0 || overdue < 0 || listed < 0;
    }

    public boolean consistent() {
        return !anyNegative() && majorFound <= found;
    }
}
