package cn.zhiben.org.internal;

import cn.zhiben.org.EnterpriseScale;
import cn.zhiben.org.EnterpriseStatus;
import cn.zhiben.org.Industry;
import cn.zhiben.org.Region;
import cn.zhiben.org.SpecialOperation;
import cn.zhiben.org.StandardizationGrade;
import cn.zhiben.org.Uscc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a draft field by field and reports every problem at once; the API, the forms and the import share it.
 * Pure: the reference data comes in as a snapshot.
 */
public final class EnterpriseValidator {

    /** Mainland mobile numbers: 11 digits, 13x–19x (numbering plan of the Ministry of Industry and Information Technology). */
    static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    /** Fixed lines with area code, e.g. 0356-1234567, optionally an extension. */
    static final Pattern FIXED_LINE = Pattern.compile("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$");
    /** An enterprise of the city lies within this distance of one of its county-level centres. */
    static final double MAX_KM_FROM_COUNTY_CENTRE = 60;
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_PERSON = 50;
    private static final String SWAPPED = "经纬度可能填反了：应先填经度（东经）、再填纬度（北纬）";

    private EnterpriseValidator() {
    }

    /** One problem with one field. */
    public record Problem(EnterpriseField field, String code, String message) {
    }

    /** Either data or problems. */
    public record Result(EnterpriseData data, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result validate(EnterpriseDraft d, EnterpriseReference ref) {
        List<Problem> problems = new ArrayList<>();

        String name = trim(d.name());
        if (name == null) {
            problems.add(required(EnterpriseField.NAME));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem(EnterpriseField.NAME, "VALIDATION_FAILED", "企业名称不能超过 " + MAX_NAME + " 个字"));
        } else if (hasMarkupOrControl(name)) {
            // registered names are Chinese characters, letters, digits and brackets; markup never belongs in one
            problems.add(new Problem(EnterpriseField.NAME, "VALIDATION_FAILED", "企业名称不能包含 < > 等符号或控制字符"));
        }

        String uscc = trim(d.uscc());
        if (uscc == null) {
            problems.add(required(EnterpriseField.USCC));
        } else {
            Uscc.validate(uscc).ifPresent(reason -> problems.add(new Problem(EnterpriseField.USCC, "ENTERPRISE_USCC_INVALID", reason)));
        }

        String regionCode = null;
        String region = trim(d.regionCode());
        if (region == null) {
            problems.add(required(EnterpriseField.REGION));
        } else {
            EnterpriseReference.Resolved<Region> r = ref.resolveRegion(region);
            if (!r.found()) {
                problems.add(new Problem(EnterpriseField.REGION, "REGION_NOT_FOUND", r.error()));
            } else if (r.value().level() != Region.Level.TOWNSHIP) {
                problems.add(new Problem(EnterpriseField.REGION, "ENTERPRISE_REGION_NOT_TOWNSHIP",
                        "所在区划须为乡镇（街道）一级，“" + ref.displayName(r.value()) + "”不是"));
            } else {
                regionCode = r.value().code();
            }
        }

        String zoneCode = null;
        String zone = trim(d.zoneCode());
        if (zone != null) {
            EnterpriseReference.Resolved<Region> z = ref.resolveRegion(zone);
            if (!z.found()) {
                problems.add(new Problem(EnterpriseField.ZONE, "REGION_NOT_FOUND", z.error()));
            } else if (z.value().level() != Region.Level.ZONE) {
                problems.add(new Problem(EnterpriseField.ZONE, "ENTERPRISE_ZONE_INVALID",
                        "所属园区须为开发区等管理区域，“" + ref.displayName(z.value()) + "”不是"));
            } else {
                zoneCode = z.value().code();
            }
        }

        String industryCode = null;
        String industry = trim(d.industryCode());
        if (industry == null) {
            problems.add(required(EnterpriseField.INDUSTRY));
        } else {
            EnterpriseReference.Resolved<Industry> i = ref.resolveIndustry(industry);
            if (!i.found()) {
                problems.add(new Problem(EnterpriseField.INDUSTRY, "INDUSTRY_NOT_FOUND", i.error()));
            } else if (!i.value().assignable() || !i.value().active()) {
                problems.add(new Problem(EnterpriseField.INDUSTRY, "INDUSTRY_NOT_ASSIGNABLE",
                        "“" + i.value().name() + "”是跨行业的专项领域或已停用，企业不能登记在其下，请选择具体行业"));
            } else {
                industryCode = i.value().code();
            }
        }

        EnterpriseScale scale = choice(d.scale(), EnterpriseField.SCALE, EnterpriseScale.parse(trim(d.scale())).orElse(null),
                "规上、规下", problems);
        EnterpriseStatus status = choice(d.status(), EnterpriseField.STATUS, EnterpriseStatus.parse(trim(d.status())).orElse(null),
                labels(EnterpriseStatus.values()), problems);
        StandardizationGrade grade = choice(d.standardizationGrade(), EnterpriseField.GRADE,
                StandardizationGrade.parse(trim(d.standardizationGrade())).orElse(null), labels(StandardizationGrade.values()), problems);

        String address = trim(d.address());
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.add(new Problem(EnterpriseField.ADDRESS, "VALIDATION_FAILED", "地址不能超过 " + MAX_ADDRESS + " 个字"));
        } else if (address != null && hasControl(address)) {
            problems.add(new Problem(EnterpriseField.ADDRESS, "VALIDATION_FAILED", "地址不能包含控制字符"));
        }

        BigDecimal[] coords = coordinates(trim(d.longitude()), trim(d.latitude()), ref, problems);

        String principalName = person(d.principalName(), EnterpriseField.PRINCIPAL_NAME, problems);
        String principalMobile = trim(d.principalMobile()) == null ? null : phone(d.principalMobile(), EnterpriseField.PRINCIPAL_MOBILE, problems);
        if (trim(d.principalMobile()) == null) {
            problems.add(required(EnterpriseField.PRINCIPAL_MOBILE));
        }
        String controllerName = person(d.controllerName(), EnterpriseField.CONTROLLER_NAME, problems);
        String controllerMobile = trim(d.controllerMobile()) == null ? null : phone(d.controllerMobile(), EnterpriseField.CONTROLLER_MOBILE, problems);
        if (controllerMobile != null && controllerName == null) {
            problems.add(new Problem(EnterpriseField.CONTROLLER_NAME, "VALIDATION_FAILED", "填写了实际控制人手机，请同时填写实际控制人姓名"));
        }

        Set<SpecialOperation> ops = EnumSet.noneOf(SpecialOperation.class);
        List<String> unknown = new ArrayList<>();
        for (String s : d.specialOperations()) {
            SpecialOperation.parse(s).ifPresentOrElse(ops::add, () -> unknown.add(s.trim()));
        }
        if (!unknown.isEmpty()) {
            problems.add(new Problem(EnterpriseField.SPECIAL_OPERATIONS, "VALIDATION_FAILED",
                    "无法识别的特殊作业：" + String.join("、", unknown) + "（可选：" + labels(SpecialOperation.values()) + "）"));
        }

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new EnterpriseData(name, uscc, regionCode, zoneCode, industryCode, scale, status, grade, address,
                coords[0], coords[1], principalName, principalMobile, controllerName, controllerMobile, List.copyOf(ops)), List.of());
    }

    /** The special operations of a spreadsheet cell: "粉尘涉爆、有限空间作业" (separated by 、 , ， ; ； or spaces). */
    public static List<String> splitList(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.trim().split("[、,，;；\\s]+"));
    }

    private static <E> E choice(String raw, EnterpriseField field, E parsed, String allowed, List<Problem> problems) {
        if (trim(raw) == null) {
            problems.add(required(field));
            return null;
        }
        if (parsed == null) {
            problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "“" + raw.trim() + "”无效，可选：" + allowed));
        }
        return parsed;
    }

    private static String labels(cn.zhiben.org.Labelled[] values) {
        StringBuilder sb = new StringBuilder();
        for (cn.zhiben.org.Labelled v : values) {
            sb.append(sb.isEmpty() ? "" : "、").append(v.label());
        }
        return sb.toString();
    }

    private static BigDecimal[] coordinates(String lonText, String latText, EnterpriseReference ref, List<Problem> problems) {
        if (lonText == null && latText == null) {
            return new BigDecimal[2];
        }
        if (lonText == null || latText == null) {
            EnterpriseField missing = lonText == null ? EnterpriseField.LONGITUDE : EnterpriseField.LATITUDE;
            problems.add(new Problem(missing, "VALIDATION_FAILED", "经度和纬度须同时填写或同时留空"));
            return new BigDecimal[2];
        }
        BigDecimal lon = number(lonText, EnterpriseField.LONGITUDE, problems);
        BigDecimal lat = number(latText, EnterpriseField.LATITUDE, problems);
        if (lon == null || lat == null) {
            return new BigDecimal[2];
        }
        if (Math.abs(lat.doubleValue()) > 90 && Math.abs(lon.doubleValue()) <= 90 && Math.abs(lat.doubleValue()) <= 180) {
            problems.add(new Problem(EnterpriseField.LONGITUDE, "VALIDATION_FAILED", SWAPPED));
            return new BigDecimal[2];
        }
        if (!inRange(lon, EnterpriseField.LONGITUDE, 180, problems) | !inRange(lat, EnterpriseField.LATITUDE, 90, problems)) {
            return new BigDecimal[2];
        }
        List<double[]> centres = ref.countyCentres();
        if (!centres.isEmpty() && nearestKm(centres, lon.doubleValue(), lat.doubleValue()) > MAX_KM_FROM_COUNTY_CENTRE) {
            boolean swapped = nearestKm(centres, lat.doubleValue(), lon.doubleValue()) <= MAX_KM_FROM_COUNTY_CENTRE;
            problems.add(new Problem(EnterpriseField.LONGITUDE, "ENTERPRISE_LOCATION_OUTSIDE_CITY", swapped
                    ? SWAPPED
                    : "坐标不在本市范围内（距最近的县级中心超过 " + (int) MAX_KM_FROM_COUNTY_CENTRE + " 公里），请使用 WGS84 经纬度"));
            return new BigDecimal[2];
        }
        return new BigDecimal[]{lon.setScale(6, RoundingMode.HALF_UP), lat.setScale(6, RoundingMode.HALF_UP)};
    }

    private static boolean inRange(BigDecimal v, EnterpriseField field, int limit, List<Problem> problems) {
        if (Math.abs(v.doubleValue()) > limit) {
            problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "超出有效范围（-" + limit + "～" + limit + "）"));
            return false;
        }
        return true;
    }

    private static BigDecimal number(String text, EnterpriseField field, List<Problem> problems) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "应为十进制度数，如 112.851274"));
            return null;
        }
    }

    static double nearestKm(List<double[]> centres, double lon, double lat) {
        double best = Double.MAX_VALUE;
        for (double[] c : centres) {
            double dLat = Math.toRadians(lat - c[1]);
            double dLon = Math.toRadians(lon - c[0]);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(c[1])) * Math.pow(Math.sin(dLon / 2), 2);
            best = Math.min(best, 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(a))));
        }
        return best;
    }

    private static String person(String raw, EnterpriseField field, List<Problem> problems) {
        String v = trim(raw);
        if (v == null) {
            if (field.required()) {
                problems.add(required(field));
            }
            return null;
        }
        if (v.length() > MAX_PERSON) {
            problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "不能超过 " + MAX_PERSON + " 个字"));
        } else if (hasMarkupOrControl(v)) {
            problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "不能包含 < > 等符号或控制字符"));
        }
        return v;
    }

    private static String phone(String raw, EnterpriseField field, List<Problem> problems) {
        String v = raw.replaceAll("[\\s\\u3000]", "");
        if (MOBILE.matcher(v).matches() || FIXED_LINE.matcher(v).matches()) {
            return v;
        }
        problems.add(new Problem(field, "VALIDATION_FAILED", field.label() + "格式不正确：应为 11 位手机号（如 13912345678）或带区号的固定电话（如 0356-2345678）"));
        return null;
    }

    private static Problem required(EnterpriseField field) {
        return new Problem(field, "VALIDATION_FAILED", field.label() + "不能为空");
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean hasMarkupOrControl(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || hasControl(s);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c));
    }
}
