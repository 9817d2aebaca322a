package cn.zhiben.monitoring.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Devices and monitoring points: who may set them up (the enterprise for itself, supervising departments and offices
 * inside their scope), what a valid point is, and the device secret shown once. Thresholds are not entered here: they
 * come from the versioned rule data by kind and location; only process points carry their own design values.
 */
@Service
public class PointService {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Set<Role> MANAGERS = EnumSet.of(Role.CITY_OFFICE, Role.MEMBER_UNIT, Role.COUNTY_OFFICE,
            Role.COUNTY_UNIT, Role.ENTERPRISE);

    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final PointRegistry registry;
    private final AuditLog audit;
    private final Clock clock;

    PointService(JdbcClient jdbc, EnterpriseDirectory enterprises, PointRegistry registry, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the user may set up devices and points at all (inside their scope). */
    public static boolean mayManage(CurrentUser user) {
        return user.ready() && MANAGERS.contains(user.role());
    }

    public record NewDevice(UUID enterpriseId, String code, String name) {
    }

    /** @param secret shown once; only its hash is kept */
    public record CreatedDevice(UUID id, String code, String secret) {
    }

    @Transactional
    public CreatedDevice createDevice(NewDevice d) {
        return createDevice(d, DeviceSecrets.generate(), false);
    }

    /** With a given secret: demo devices get a documented one. */
    @Transactional
    public CreatedDevice createDevice(NewDevice d, String secret, boolean demo) {
        CurrentUser user = requireManager();
        EnterpriseRef e = enterpriseInScope(user, d.enterpriseId());
        String code = requireCode(d.code(), "code", "设备编码");
        if (d.name() == null || d.name().isBlank()) {
            throw fieldProblem("name", "请填写设备名称");
        }
        if (jdbc.sql("select exists (select 1 from mon_device where code = :c)").param("c", code).query(Boolean.class).single()) {
            throw ProblemException.conflict("DEVICE_CODE_TAKEN", "设备编码 " + code + " 已被使用");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into mon_device (id, code, name, enterprise_id, enterprise_name, region_code, zone_code, industry_code,
                    secret_hash, enabled, demo, created_at, created_by)
                values (:id, :code, :name, :e, :en, :r, :z, :i, :hash, true, :demo, :at, :by)""")
                .param("id", id).param("code", code).param("name", d.name().strip()).param("e", e.id()).param("en", e.name())
                .param("r", e.regionCode()).param("z", e.zoneCode()).param("i", e.industryCode())
                .param("hash", DeviceSecrets.hash(secret)).param("demo", demo).param("at", Timestamp.from(clock.instant()))
                .param("by", user.username()).update();
        registry.refreshDevice(code);
        audit.record(AuditEntry.success(AuditAction.CREATE, "monitoring-device", id, Map.of("code", code, "enterprise", e.name())));
        return new CreatedDevice(id, code, secret);
    }

    /** A new secret for a device (the old one stops working at once). */
    @Transactional
    public CreatedDevice rotateSecret(UUID deviceId) {
        CurrentUser user = requireManager();
        var row = jdbc.sql("select code, enterprise_id from mon_device where id = :id").param("id", deviceId)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, UUID.class)}).optional()
                .orElseThrow(PointService::deviceNotFound);
        enterpriseInScope(user, (UUID) row[1], PointService::deviceNotFound);
        String secret = DeviceSecrets.generate();
        jdbc.sql("update mon_device set secret_hash = :h where id = :id").param("h", DeviceSecrets.hash(secret))
                .param("id", deviceId).update();
        registry.refreshDevice((String) row[0]);
        audit.record(AuditEntry.success(AuditAction.SECURITY, "monitoring-device", deviceId, Map.of("action", "rotate-secret")));
        return new CreatedDevice(deviceId, (String) row[0], secret);
    }

    public record NewPoint(String deviceCode, String code, String name, PointKind kind, String locationType,
                           String location, Double rangeMin, Double rangeMax, Double high, Double highHigh, Double low,
                           Double lowLow) {
    }

    @Transactional
    public UUID createPoint(NewPoint p) {
        CurrentUser user = requireManager();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Prepared prepared = prepare(user, p, "", problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "POINT_INVALID", "测点信息有误", problems);
        }
        UUID id = insert(prepared, false);
        audit.record(AuditEntry.success(AuditAction.CREATE, "monitoring-point", id,
                Map.of("code", prepared.code(), "kind", prepared.point().kind().name(), "enterprise", prepared.device().enterpriseName())));
        return id;
    }

    /** For demo data: a point of a demo device. */
    @Transactional
    public UUID createDemoPoint(NewPoint p) {
        CurrentUser user = requireManager();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Prepared prepared = prepare(user, p, "", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("demo point invalid: " + problems);
        }
        return insert(prepared, true);
    }

    /** Enables or disables a point (a disabled point's readings are refused as unknown). */
    @Transactional
    public void setEnabled(UUID pointId, boolean enabled) {
        CurrentUser user = requireManager();
        UUID ent = jdbc.sql("select enterprise_id from mon_point where id = :id").param("id", pointId).query(UUID.class)
                .optional().orElseThrow(PointService::pointNotFound);
        enterpriseInScope(user, ent, PointService::pointNotFound);
        jdbc.sql("update mon_point set enabled = :e, updated_at = :at, version = version + 1 where id = :id")
                .param("e", enabled).param("at", Timestamp.from(clock.instant())).param("id", pointId).update();
        registry.refresh(pointId);
        audit.record(AuditEntry.success(AuditAction.UPDATE, "monitoring-point", pointId, Map.of("enabled", enabled)));
    }

    /** All rows or none: every problem of every row is reported, nothing is stored while any remains. */
    @Transactional
    public int importPoints(List<PointSheet.Row> rows) {
        CurrentUser user = requireManager();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        List<Prepared> ok = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (PointSheet.Row r : rows) {
            String prefix = "第" + r.rowNumber() + "行 ";
            if (r.problem() != null) {
                problems.add(new ProblemException.FieldProblem(prefix.strip(), r.problem()));
                continue;
            }
            Prepared p = prepare(user, r.point(), prefix, problems);
            if (p != null) {
                if (!codes.add(p.code())) {
                    problems.add(new ProblemException.FieldProblem(prefix + "测点编码", "测点编码 " + p.code() + " 在表中重复"));
                    continue;
                }
                ok.add(p);
            }
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_EMPTY", "表格中没有测点数据");
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "POINT_IMPORT_INVALID",
                    "导入失败：" + problems.size() + " 处错误，未导入任何测点", problems);
        }
        for (Prepared p : ok) {
            insert(p, false);
        }
        audit.record(AuditEntry.success(AuditAction.IMPORT, "monitoring-point", null, Map.of("points", ok.size())));
        return ok.size();
    }

    private record Prepared(NewPoint point, String code, DeviceRow device, double min, double max) {
    }

    private record DeviceRow(UUID id, UUID enterpriseId, String enterpriseName, String region, String zone, String industry) {
    }

    private Prepared prepare(CurrentUser user, NewPoint p, String prefix, List<ProblemException.FieldProblem> problems) {
        int before = problems.size();
        String code = p.code() == null ? null : p.code().strip();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new ProblemException.FieldProblem(prefix + "code", "测点编码须为 2~64 位字母、数字、点、下划线或连字符"));
        } else if (jdbc.sql("select exists (select 1 from mon_point where code = :c)").param("c", code).query(Boolean.class).single()) {
            problems.add(new ProblemException.FieldProblem(prefix + "code", "测点编码 " + code + " 已存在"));
        }
        if (p.name() == null || p.name().isBlank()) {
            problems.add(new ProblemException.FieldProblem(prefix + "name", "请填写测点名称"));
        }
        if (p.location() == null || p.location().isBlank()) {
            problems.add(new ProblemException.FieldProblem(prefix + "location", "请填写安装位置"));
        }
        if (p.kind() == null) {
            problems.add(new ProblemException.FieldProblem(prefix + "kind", "请选择监测类型"));
        }
        DeviceRow device = jdbc.sql("""
                select id, enterprise_id, enterprise_name, region_code, zone_code, industry_code from mon_device where code = :c""")
                .param("c", p.deviceCode() == null ? "" : p.deviceCode().strip())
                .query((rs, n) -> new DeviceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional().filter(d -> user.scope().covers(d.enterpriseId(), d.region(), d.zone(), d.industry())).orElse(null);
        if (device == null) {
            problems.add(new ProblemException.FieldProblem(prefix + "deviceCode", "设备 " + p.deviceCode() + " 不存在或不在您的数据范围内"));
        }
        double min = 0;
        double max = 0;
        if (p.kind() != null) {
            min = p.rangeMin() == null ? p.kind().rangeMin() : p.rangeMin();
            max = p.rangeMax() == null ? p.kind().rangeMax() : p.rangeMax();
            if (!(max > min)) {
                problems.add(new ProblemException.FieldProblem(prefix + "rangeMax", "量程上限须大于下限"));
            }
            String lt = p.locationType() == null || p.locationType().isBlank() ? "*" : p.locationType().strip();
            if (!lt.equals("*") && PointKind.locationLabel(lt).equals(lt)) {
                problems.add(new ProblemException.FieldProblem(prefix + "locationType", "未知的位置类型 " + lt));
            }
            for (Double d : new Double[]{p.high(), p.highHigh(), p.low(), p.lowLow()}) {
                if (d != null && (d < min || d > max)) {
                    problems.add(new ProblemException.FieldProblem(prefix + "high", "报警设定值须在量程内"));
                    break;
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Prepared(p, code, device, min, max);
    }

    private UUID insert(Prepared p, boolean demo) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        NewPoint n = p.point();
        jdbc.sql("""
                insert into mon_point (id, code, name, enterprise_id, enterprise_name, region_code, zone_code, industry_code,
                    device_id, kind, location_type, location, unit, range_min, range_max, high, high_high, low, low_low,
                    enabled, demo, created_at, updated_at)
                values (:id, :code, :name, :e, :en, :r, :z, :i, :d, :kind, :lt, :loc, :unit, :min, :max, :h, :hh, :l, :ll,
                    true, :demo, :now, :now)""")
                .param("id", id).param("code", p.code()).param("name", n.name().strip()).param("e", p.device().enterpriseId())
                .param("en", p.device().enterpriseName()).param("r", p.device().region()).param("z", p.device().zone())
                .param("i", p.device().industry()).param("d", p.device().id()).param("kind", n.kind().name())
                .param("lt", n.locationType() == null || n.locationType().isBlank() ? "*" : n.locationType().strip())
                .param("loc", n.location().strip()).param("unit", n.kind().unit()).param("min", p.min()).param("max", p.max())
                .param("h", n.high()).param("hh", n.highHigh()).param("l", n.low()).param("ll", n.lowLow())
                .param("demo", demo).param("now", Timestamp.from(now)).update();
        registry.refresh(id);
        return id;
    }

    /** The right to set up devices and points, checked before anything is read from the request. */
    public CurrentUser requireManager() {
        CurrentUser user = CurrentUser.require();
        if (!mayManage(user)) {
            throw ProblemException.forbidden("MONITORING_SETUP_FORBIDDEN", "当前账号不能设置监测设备和测点");
        }
        return user;
    }

    private EnterpriseRef enterpriseInScope(CurrentUser user, UUID enterpriseId) {
        return enterpriseInScope(user, enterpriseId, () -> ProblemException.notFound("ENTERPRISE_NOT_FOUND", "企业不存在或不在您的数据范围内"));
    }

    private EnterpriseRef enterpriseInScope(CurrentUser user, UUID enterpriseId, java.util.function.Supplier<ProblemException> missing) {
        return enterprises.find(enterpriseId)
                .filter(e -> user.scope().covers(e.id(), e.regionCode(), e.zoneCode(), e.industryCode()))
                .orElseThrow(missing);
    }

    private static String requireCode(String code, String field, String label) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw fieldProblem(field, label + "须为 2~64 位字母、数字、点、下划线或连字符");
        }
        return code.strip();
    }

    private static ProblemException fieldProblem(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "DEVICE_INVALID", message,
                List.of(new ProblemException.FieldProblem(field, message)));
    }

    static ProblemException deviceNotFound() {
        return ProblemException.notFound("DEVICE_NOT_FOUND", "设备不存在或不在您的数据范围内");
    }

    static ProblemException pointNotFound() {
        return ProblemException.notFound("POINT_NOT_FOUND", "测点不存在或不在您的数据范围内");
    }
}
