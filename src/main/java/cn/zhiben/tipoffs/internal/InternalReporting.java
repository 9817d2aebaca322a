package cn.zhiben.tipoffs.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.Permission;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The enterprise's own reporting channel (内部吹哨人, 治本攻坚三年行动实施方案 item 31: enterprises reward employees who
 * report hazards to them, major ones especially; 安全生产法 Art. 59: workers report hazards to the enterprise). An employee
 * uses the enterprise's link without an account, anonymously or named; the enterprise's own accounts handle the report
 * and record the reward they give. Supervising departments see per-enterprise figures — received, handled, major,
 * rewarded, hazards from them — never a report's reporter (our design: the channel is the enterprise's, the department
 * watches that it is used).
 */
@Service
public class InternalReporting {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final IdentitySeal seal;
    private final RateLimiter limiter;
    private final ProofOfWork pow;
    private final TipoffsProperties props;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InternalReporting(JdbcClient jdbc, EnterpriseDirectory enterprises, IdentitySeal seal, RateLimiter limiter, ProofOfWork pow,
                      TipoffsProperties props, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.seal = seal;
        this.limiter = limiter;
        this.pow = pow;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
    }

    /** Only the enterprise's own accounts handle its internal reports. */
    public static boolean isEnterprise(CurrentUser u) {
        return u.ready() && u.role() == Role.ENTERPRISE && u.enterpriseId() != null;
    }

    /** Departments with business data see the per-enterprise figures of their scope. */
    public static boolean maySeeIndicators(CurrentUser u) {
        return u.can(Permission.BUSINESS_READ) && u.scope().business() && u.role() != Role.ENTERPRISE;
    }

    private static CurrentUser requireEnterprise() {
        CurrentUser u = CurrentUser.require();
        if (!isEnterprise(u)) {
            throw ProblemException.forbidden("INTERNAL_REPORT_FORBIDDEN", "内部报告由企业自己的账号办理");
        }
        return u;
    }

    public record Channel(String enterpriseName, String token, String path) {
    }

    /** The enterprise's channel link, made on first ask. */
    @Transactional
    public Channel channel() {
        CurrentUser u = requireEnterprise();
        EnterpriseRef e = enterprises.find(u.enterpriseId()).orElseThrow();
        byte[] b = new byte[18];
        random.nextBytes(b);
        jdbc.sql("insert into tip_internal_channel (enterprise_id, token, created_at) values (:e, :t, :at) on conflict do nothing")
                .param("e", e.id()).param("t", Base64.getUrlEncoder().withoutPadding().encodeToString(b))
                .param("at", Timestamp.from(clock.instant())).update();
        String token = jdbc.sql("select token from tip_internal_channel where enterprise_id = :e").param("e", e.id())
                .query(String.class).single();
        return new Channel(e.name(), token, "/tipoffs/public/internal/" + token);
    }

    /** The enterprise behind a channel link (for the public form's heading); empty for an unknown link. */
    public Optional<String> enterpriseNameOf(String token) {
        return enterpriseOf(token).flatMap(enterprises::find).map(EnterpriseRef::name);
    }

    private Optional<UUID> enterpriseOf(String token) {
        if (token == null || token.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql("select enterprise_id from tip_internal_channel where token = :t").param("t", token)
                .query(UUID.class).optional();
    }

    public record Submission(boolean anonymous, String name, String contact, String description, String place) {
    }

    /** An employee's report through the enterprise's link: the same limits as public tip-offs. */
    @Transactional
    public String submit(String token, Submission s, String challenge, String answer, String client) {
        limiter.hit("internal:" + limiter.clientKey(client), props.submitsPerHour(), Duration.ofHours(1));
        UUID enterpriseId = enterpriseOf(token)
                .orElseThrow(() -> ProblemException.notFound("INTERNAL_CHANNEL_NOT_FOUND", "报告渠道不存在，请向企业索取正确的链接"));
        if (s.description() == null || s.description().isBlank() || s.description().length() > 5000) {
            throw ProblemException.badRequest("INTERNAL_REPORT_DESCRIPTION_REQUIRED", "请描述发现的事故隐患（不超过 5000 字）");
        }
        if (s.place() != null && s.place().length() > 300) {
            throw ProblemException.badRequest("TIPOFF_TEXT_TOO_LONG", "内容过长（不超过 300 字）");
        }
        if (!s.anonymous() && (s.name() == null || s.name().isBlank() || s.name().length() > 50
                || (s.contact() != null && s.contact().length() > 100))) {
            throw ProblemException.badRequest("INTERNAL_REPORT_NAME_REQUIRED", "署名报告请填写姓名（联系方式可选）");
        }
        pow.verify(challenge, answer);
        EnterpriseRef e = enterprises.find(enterpriseId).orElseThrow();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "tip-internal:" + enterpriseId)
                .query(Object.class).single();
        int n = jdbc.sql("select count(*) from tip_internal_report where enterprise_id = :e and extract(year from received_at at time zone 'Asia/Shanghai') = :y")
                .param("e", enterpriseId).param("y", today.getYear()).query(Integer.class).single() + 1;
        String number = "NB-" + e.uscc().substring(Math.max(0, e.uscc().length() - 6)) + "-" + today.getYear() + "-" + String.format("%04d", n);
        String sealed = s.anonymous() ? null : seal.seal(id, JSON.writeValueAsString(Map.of("name", s.name().trim(),
                "contact", s.contact() == null ? "" : s.contact().trim())));
        jdbc.sql("""
                insert into tip_internal_report (id, enterprise_id, region_code, zone_code, industry_code, number, anonymous,
                    reporter_sealed, description, place, status, received_at)
                values (:id, :e, :r, :z, :i, :n, :anon, :sealed, :d, :p, 'RECEIVED', :at)""")
                .param("id", id).param("e", enterpriseId).param("r", e.regionCode()).param("z", e.zoneCode())
                .param("i", e.industryCode()).param("n", number).param("anon", s.anonymous()).param("sealed", sealed)
                .param("d", s.description().trim()).param("p", s.place() == null || s.place().isBlank() ? null : s.place().trim())
                .param("at", Timestamp.from(now)).update();
        audit.record(AuditEntry.success(AuditAction.CREATE, "internal-report", id, Map.of("number", number, "anonymous", s.anonymous()))
                .by(new AuditEntry.Actor(null, "public", "PUBLIC", "—")));
        return number;
    }

    public record Report(UUID id, String number, boolean anonymous, String reporterName, String reporterContact,
                         String description, String place, boolean major, String status, String handlingNote, UUID hazardId,
                         Long rewardFen, String rewardNote, LocalDate rewardedOn, Instant receivedAt) {
    }

    /** The enterprise's own reports, with the names of those who signed (they reported to the enterprise, by name). */
    public List<Report> reports() {
        CurrentUser u = requireEnterprise();
        return jdbc.sql("select * from tip_internal_report where enterprise_id = :e order by received_at desc limit 500")
                .param("e", u.enterpriseId()).query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String sealed = rs.getString("reporter_sealed");
                    Map<?, ?> who = sealed == null ? Map.of() : JSON.readValue(seal.open(id, sealed), Map.class);
                    long reward = rs.getLong("reward_fen");
                    Long rewardFen = rs.wasNull() ? null : reward;
                    Timestamp received = rs.getTimestamp("received_at");
                    return new Report(id, rs.getString("number"), rs.getBoolean("anonymous"), (String) who.get("name"),
                            (String) who.get("contact"), rs.getString("description"), rs.getString("place"), rs.getBoolean("major"),
                            rs.getString("status"), rs.getString("handling_note"), rs.getObject("hazard_id", UUID.class), rewardFen,
                            rs.getString("reward_note"), rs.getObject("rewarded_on", LocalDate.class), received.toInstant());
                }).list();
    }

    public record Handling(Boolean hazard, Boolean major, String note, UUID hazardId) {
    }

    /** The enterprise records what it did: a hazard (major or not, perhaps reported as hazard id) or not a hazard. */
    @Transactional
    public void handle(UUID id, Handling h) {
        CurrentUser u = requireEnterprise();
        String status = own(u, id);
        if (!status.equals("RECEIVED")) {
            throw ProblemException.conflict("INTERNAL_REPORT_ALREADY_HANDLED", "该报告已处理");
        }
        if (h.hazard() == null || h.note() == null || h.note().isBlank() || h.note().length() > 2000) {
            throw ProblemException.badRequest("INTERNAL_REPORT_HANDLING_INCOMPLETE", "请选择是否属于事故隐患并填写处理情况");
        }
        jdbc.sql("update tip_internal_report set status = :s, major = :m, handling_note = :n, hazard_id = :h, handled_at = :at where id = :id")
                .param("s", h.hazard() ? "HANDLED" : "NOT_A_HAZARD").param("m", h.hazard() && Boolean.TRUE.equals(h.major()))
                .param("n", h.note().trim()).param("h", h.hazard() ? h.hazardId() : null).param("at", Timestamp.from(clock.instant()))
                .param("id", id).update();
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "internal-report", id, Map.of("status", h.hazard() ? "HANDLED" : "NOT_A_HAZARD")));
    }

    public record Reward(Long amountFen, String note, LocalDate rewardedOn) {
    }

    /** The enterprise's reward for a report that proved a hazard (its own scheme; amounts are the enterprise's). */
    @Transactional
    public void reward(UUID id, Reward r) {
        CurrentUser u = requireEnterprise();
        String status = own(u, id);
        if (!status.equals("HANDLED")) {
            throw ProblemException.conflict("INTERNAL_REPORT_NOT_A_HAZARD", "只有确认为事故隐患的报告才能记录奖励");
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
        if (r.amountFen() == null || r.amountFen() <= 0 || r.rewardedOn() == null || r.rewardedOn().isAfter(today)
                || (r.note() != null && r.note().length() > 500)) {
            throw ProblemException.badRequest("INTERNAL_REWARD_INCOMPLETE", "请填写奖励金额（分，大于 0）和发放日期（不晚于今天）");
        }
        int n = jdbc.sql("update tip_internal_report set reward_fen = :f, reward_note = :n, rewarded_on = :on where id = :id and reward_fen is null")
                .param("f", r.amountFen()).param("n", r.note()).param("on", r.rewardedOn()).param("id", id).update();
        if (n == 0) {
            throw ProblemException.conflict("INTERNAL_REWARD_EXISTS", "该报告已记录奖励");
        }
        audit.record(AuditEntry.success(AuditAction.UPDATE, "internal-report", id, Map.of("rewardFen", r.amountFen())));
    }

    private String own(CurrentUser u, UUID id) {
        return jdbc.sql("select status from tip_internal_report where id = :id and enterprise_id = :e for update")
                .param("id", id).param("e", u.enterpriseId()).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("INTERNAL_REPORT_NOT_FOUND", "报告不存在"));
    }

    public record Indicator(UUID enterpriseId, String enterpriseName, String regionCode, String industryCode, long received,
                            long handled, long major, long hazards, long rewarded, long rewardFen, Instant lastReceivedAt) {
    }

    /** Per enterprise in the department's scope: whether the channel is used, and what came of it, in a year. */
    public List<Indicator> indicators(int year) {
        CurrentUser u = CurrentUser.require();
        if (!maySeeIndicators(u)) {
            throw ProblemException.forbidden("INTERNAL_REPORT_FORBIDDEN", "当前账号不能查看企业内部报告情况");
        }
        DataScope.Sql scope = u.scope().toSql("r.enterprise_id", "r.region_code", "r.zone_code", "r.industry_code");
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        p.put("y", year);
        return jdbc.sql("""
                select r.enterprise_id, r.region_code, r.industry_code, count(*), count(*) filter (where status = 'HANDLED'),
                       count(*) filter (where major), count(hazard_id), count(reward_fen), coalesce(sum(reward_fen), 0), max(received_at)
                from tip_internal_report r
                where extract(year from r.received_at at time zone 'Asia/Shanghai') = :y""" + " and " + scope.where()
                + " group by r.enterprise_id, r.region_code, r.industry_code order by count(*) desc limit 500")
                .params(p).query((rs, i) -> {
                    UUID e = rs.getObject(1, UUID.class);
                    return new Indicator(e, enterprises.find(e).map(EnterpriseRef::name).orElse(""), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getTimestamp(10).toInstant());
                }).list();
    }
}
