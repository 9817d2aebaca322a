package cn.zhiben.hazards.web;

import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.hazards.internal.HazardNames;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.Role;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** What the hazard templates call to show values: times in Asia/Shanghai, money in yuan, names for codes, tag colours. */
public final class HazardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(PlatformConfiguration.ZONE);
    private final HazardNames.Snapshot names;

    HazardFormat(HazardNames.Snapshot names) {
        this.names = names;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Fen as yuan with two decimals and thousands separators, e.g. 180,000.00. */
    public String yuan(long fen) {
        return new DecimalFormat("#,##0.00").format(BigDecimal.valueOf(fen, 2));
    }

    public String role(String roleName) {
        if (roleName == null) {
            return "系统";
        }
        try {
            return Role.valueOf(roleName).label();
        } catch (IllegalArgumentException e) {
            return roleName;
        }
    }

    public String region(String code) {
        return names.region(code);
    }

    public String industry(String code) {
        return names.industry(code);
    }

    /** Tag colour of a status: waiting for the enterprise amber, running blue, waiting for review amber, done green. */
    public String statusClass(HazardStatus s) {
        return switch (s) {
            case PENDING_DEPARTMENT_CONFIRMATION, PENDING_PRINCIPAL_CONFIRMATION, PENDING_ACKNOWLEDGEMENT -> "amber";
            case REPORTED, RECTIFYING -> "blue";
            case COMPLETED, EVALUATED, SIGN_OFF_REQUESTED, SIGNED_OFF_PENDING_DELISTING -> "violet";
            case SIGNED_OFF, CLOSED -> "green";
            case MERGED, WITHDRAWN -> "";
        };
    }

    public String shutdown(String name) {
        try {
            return name == null ? "" : Shutdown.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** Tag colour of a listing level: province and city red, county amber. */
    public String levelClass(cn.zhiben.hazards.ListingLevel level) {
        return level == null ? "" : level == cn.zhiben.hazards.ListingLevel.COUNTY ? "amber" : "red";
    }

    public String evaluationKind(String kind) {
        return "THIRD_PARTY".equals(kind) ? "第三方评估" : "企业自行评估";
    }

    public String stage(String stage) {
        return AttachmentStage.labelOf(stage);
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return BigDecimal.valueOf(bytes * 10 / (1024 * 1024), 1) + " MB";
    }

    public boolean image(String contentType) {
        return contentType != null && contentType.startsWith("image/");
    }
}
