package cn.zhiben.tipoffs.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardIntake;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.org.EnterpriseRef;
import cn.zhiben.org.IndustryCatalog;
import cn.zhiben.org.RegionCatalog;
import cn.zhiben.people.ResidentIdNumber;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.RegionCodes;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.tipoffs.TipoffsProperties;
import cn.zhiben.tipoffs.internal.TipoffCodes.AccidentLevel;
import cn.zhiben.tipoffs.internal.TipoffCodes.Category;
import cn.zhiben.tipoffs.internal.TipoffCodes.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The tip-off verbs: intake (public and staff), triage, verification, hazards, reply, deadlines. */
@Service
public class TipoffService {

    static final String CITY = "140500";
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
    private static final Pattern BANK_ACCOUNT = Pattern.compile("^\\d{12,30}$");
    private final SecureRandom random = new SecureRandom();

    private final TipoffRepository repo;
    private final IdentityVault vault;
    private final TipoffAttachments attachments;
    private final RateLimiter limiter;
    private final ProofOfWork pow;
    private final TipoffRouting routing;
    private final TipoffsProperties props;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final EnterpriseDirectory enterprises;
    private final RegionCatalog regions;
    private final IndustryCatalog industries;
    private final HazardIntake hazards;
    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final IdentitySeal seal;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    TipoffService(TipoffRepository repo, IdentityVault vault, TipoffAttachments attachments, RateLimiter limiter,
                  ProofOfWork pow, TipoffRouting routing, TipoffsProperties props, AuditLog audit, Clock clock,
                  JdbcClient jdbc, EnterpriseDirectory enterprises, RegionCatalog regions, IndustryCatalog industries,
                  HazardIntake hazards, Notifier notifier, AccountDirectory accounts, IdentitySeal seal,
                  org.springframework.transaction.PlatformTransactionManager tm) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(tm);
        this.repo = repo;
        this.vault = vault;
        this.attachments = attachments;
        this.limiter = limiter;
        this.pow = pow;
        this.routing = routing;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.regions = regions;
        this.industries = industries;
        this.hazards = hazards;
        this.notifier = notifier;
        this.accounts = accounts;
        this.seal = seal;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    }

    // ---- intake ----

    /** What a reporter tells; identity fields only when not anonymous. */
    public record Submission(TipoffCodes.Channel channel, Category category, boolean anonymous, String enterpriseName,
                             String enterpriseAddress, String place, LocalDate occurredOn, String description,
                             String regionCode, String industryCode, String name, String idNumber, String phone,
                             String bankName, String bankAccount) {
    }

    /** Handed out once: the reporter follows the case with both. */
    public record Receipt(String number, String trackingCode, String secret) {
    }

    public ProofOfWork.Challenge challenge(String client) {
        limiter.hit("challenge:" + clientKey(client), props.submitsPerHour() * 20, Duration.ofHours(1));
        return pow.issue();
    }

    /** A member of the public, without login: rate-limited per address and carrying a solved challenge. */
    @Transactional
    public Receipt submitPublic(Submission s, String challenge, String answer, List<TipoffAttachments.Upload> uploads,
                                String client) {
        limiter.hit("submit:" + clientKey(client), props.submitsPerHour(), Duration.ofHours(1));
        if (s.channel() != TipoffCodes.Channel.ONLINE) {
            throw ProblemException.badRequest("TIPOFF_CHANNEL_INVALID", "网上举报的渠道只能是网上举报");
        }
        validate(s, uploads);
        pow.verify(challenge, answer);
        return create(s, uploads, Actor.reporter(), null, false,
                new AuditEntry.Actor(null, "public", "PUBLIC", "—"));
    }

    /** Staff register a tip-off taken by the 12350 hotline, a letter or a visit. */
    @Transactional
    public Receipt registerByStaff(Submission s, List<TipoffAttachments.Upload> uploads, boolean demo) {
        CurrentUser u = CurrentUser.require();
        if (!TipoffRules.mayRegister(u)) {
            throw TipoffRules.denied("当前账号不能登记举报");
        }
        if (s.channel() == null || s.channel() == TipoffCodes.Channel.ONLINE) {
            throw ProblemException.badRequest("TIPOFF_CHANNEL_INVALID", "请选择 12350 热线、来信或来访");
        }
        validate(s, uploads);
        if ((u.role() == Role.COUNTY_OFFICE || u.role() == Role.COUNTY_UNIT)
                && !RegionCodes.contains(u.scope().regionCode(), s.regionCode())) {
            throw ProblemException.badRequest("TIPOFF_REGION_OUTSIDE", "只能登记本县（市、区）的举报");
        }
        return create(s, uploads, Actor.of(u), u.id(), demo, null);
    }

    private void validate(Submission s, List<TipoffAttachments.Upload> uploads) {
        if (s.category() == null) {
            throw ProblemException.badRequest("TIPOFF_CATEGORY_REQUIRED", "请选择举报事项类别");
        }
        requireText(s.enterpriseName(), 200, "TIPOFF_ENTERPRISE_REQUIRED", "请填写被举报单位名称或地址");
        requireText(s.description(), 5000, "TIPOFF_DESCRIPTION_REQUIRED", "请描述举报的事实");
        optionalText(s.enterpriseAddress(), 300);
        optionalText(s.place(), 300);
        if (s.occurredOn() != null && s.occurredOn().isAfter(today())) {
            throw ProblemException.badRequest("TIPOFF_DATE_IN_FUTURE", "发生时间不能晚于今天");
        }
        String region = s.regionCode() == null || s.regionCode().isBlank() ? CITY : s.regionCode();
        if (!region.equals(CITY) && (!RegionCodes.contains(CITY, region) || regions.find(region).isEmpty())) {
            throw ProblemException.badRequest("TIPOFF_REGION_INVALID", "所在县（市、区）不存在");
        }
        if (s.industryCode() != null && !s.industryCode().isBlank() && industries.find(s.industryCode()).isEmpty()) {
            throw ProblemException.badRequest("TIPOFF_INDUSTRY_INVALID", "行业领域不存在");
        }
        if (!s.anonymous()) {
            requireText(s.name(), 50, "TIPOFF_NAME_REQUIRED", "实名举报请填写姓名");
            if (s.phone() == null || !MOBILE.matcher(s.phone().trim()).matches()) {
                throw ProblemException.badRequest("TIPOFF_PHONE_INVALID", "实名举报请填写 11 位手机号码");
            }
            if (s.idNumber() != null && !s.idNumber().isBlank()) {
                ResidentIdNumber.validate(s.idNumber(), today()).ifPresent(why -> {
                    throw ProblemException.badRequest("TIPOFF_ID_NUMBER_INVALID", why);
                });
            }
            if (s.bankAccount() != null && !s.bankAccount().isBlank()
                    && !BANK_ACCOUNT.matcher(s.bankAccount().replace(" ", "")).matches()) {
                throw ProblemException.badRequest("TIPOFF_BANK_ACCOUNT_INVALID", "银行账号应为 12 至 30 位数字");
            }
            optionalText(s.bankName(), 100);
        }
        if (uploads.size() > props.maxAttachments()) {
            throw ProblemException.badRequest("TIPOFF_TOO_MANY_ATTACHMENTS", "附件最多 " + props.maxAttachments() + " 个");
        }
    }

    private Receipt create(Submission s, List<TipoffAttachments.Upload> uploads, Actor actor, UUID registeredBy,
                           boolean demo, AuditEntry.Actor auditActor) {
        Instant now = clock.instant();
        LocalDate today = today();
        String region = s.regionCode() == null || s.regionCode().isBlank() ? CITY : s.regionCode();
        String industry = s.industryCode() == null || s.industryCode().isBlank() ? null : s.industryCode();
        UUID id = UUID.randomUUID();
        String number = nextNumber(region, today);
        String code = randomCode(10);
        String secret = randomCode(12);
        Tipoff.Facts f = new Tipoff.Facts(s.channel(), s.category(), s.anonymous(), s.enterpriseName().trim(),
                trim(s.enterpriseAddress()), trim(s.place()), s.occurredOn(), s.description().trim(), region, industry);
        Tipoff t = Tipoff.receive(id, number, code, f, actor, now, today, today.plusDays(props.acceptDays()), registeredBy, demo);
        repo.insert(t, hash(secret), now);
        if (!s.anonymous()) {
            vault.store(id, new IdentityVault.ReporterIdentity(s.name().trim(), ResidentIdNumber.normalise(blankToNull(s.idNumber())),
                    s.phone().trim(), blankToNull(s.bankName()), s.bankAccount() == null ? null : blankToNull(s.bankAccount().replace(" ", ""))));
        }
        attachments.storeAll(id, uploads);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", number);
        facts.put("channel", s.channel().name());
        facts.put("category", s.category().name());
        facts.put("anonymous", s.anonymous());
        facts.put("attachments", uploads.size());
        AuditEntry entry = AuditEntry.success(AuditAction.CREATE, "tipoff", id, facts);
        audit.record(auditActor == null ? entry : entry.by(auditActor));
        notifyOffices(t, "新举报待受理", "举报 " + number + "（" + s.category().label() + "）待受理，受理期限 " + t.acceptDue + "。");
        return new Receipt(number, code, secret);
    }

    private String nextNumber(String region, LocalDate today) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "tip-number:" + region + ":" + today.getYear())
                .query(Object.class).single();
        String prefix = "JB" + region + "-" + today.getYear() + "-";
        int next = jdbc.sql("select count(*) from tip_tipoff where number like :p").param("p", prefix + "%")
                .query(Integer.class).single() + 1;
        return prefix + String.format("%05d", next);
    }

    // ---- public status ----

    /** What the reporter sees with code and secret: progress, the reply and the reward — nothing about the unit's staff. */
    public record PublicStatus(String number, String status, String statusLabel, LocalDate receivedOn, String finding,
                               String reply, LocalDate repliedOn, String reward, List<Step> steps) {
    }

    public record Step(String label, LocalDate on) {
    }

    /** Every attempt counts against the address and against the code, so neither codes nor secrets can be guessed. */
    @Transactional(readOnly = true)
    public PublicStatus status(String trackingCode, String secret, String client) {
        limiter.hit("status:" + clientKey(client), props.statusChecksPerHour(), Duration.ofHours(1));
        String code = trackingCode == null ? "" : trackingCode.trim().toUpperCase();
        if (code.isEmpty() || code.length() > 20 || secret == null || secret.isBlank() || secret.length() > 40) {
            throw ProblemException.badRequest("TIPOFF_TRACKING_REQUIRED", "请填写查询码和查询密码");
        }
        limiter.hit("status-code:" + code, props.statusChecksPerHour(), Duration.ofHours(1));
        Optional<Tipoff> t = repo.findByTrackingCode(code).filter(x -> MessageDigest.isEqual(
                hash(secret.trim().toUpperCase()).getBytes(StandardCharsets.US_ASCII),
                jdbc.sql("select secret_hash from tip_tipoff where id = :id").param("id", x.id).query(String.class).single()
                        .getBytes(StandardCharsets.US_ASCII)));
        Tipoff x = t.orElseThrow(() -> ProblemException.notFound("TIPOFF_TRACKING_NOT_FOUND", "查询码或查询密码不正确"));
        List<Step> steps = repo.timeline(x.id).stream()
                .filter(tr -> tr.from() != tr.to() || tr.action() == TipoffAction.HAND_OVER)
                .map(tr -> new Step(tr.action() == TipoffAction.HAND_OVER ? "已转交其他单位核查" : tr.to().label(),
                        LocalDate.ofInstant(tr.at(), PlatformConfiguration.ZONE)))
                .toList();
        String reward = jdbc.sql("select status, amount_fen from tip_reward where tipoff_id = :t").param("t", x.id)
                .query((rs, n) -> switch (rs.getString(1)) {
                    case "PAID" -> "奖励 " + Money.yuan(rs.getLong(2)) + " 已发放";
                    case "APPROVED" -> "奖励 " + Money.yuan(rs.getLong(2)) + " 已批准，待发放";
                    case "PROPOSED" -> "奖励审核中";
                    default -> "不予奖励";
                }).optional().orElse(null);
        boolean concluded = x.status == TipoffStatus.CLOSED;
        return new PublicStatus(x.number, x.status.name(), x.status.label(), x.receivedOn,
                concluded && x.finding != null ? x.finding.label() : null, x.reply, x.repliedOn, reward, steps);
    }

    // ---- triage and verification ----

    public record AcceptCommand(UUID unitId, Boolean countyLevel, UUID enterpriseId, String regionCode, String industryCode,
                                String note, Integer version) {
    }

    @Transactional
    public void accept(UUID id, AcceptCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.ACCEPT);
        Tipoff.Routing r = routingFor(u, t, c.unitId(), c.countyLevel(), c.enterpriseId(), c.regionCode(), c.industryCode());
        t.accept(Actor.of(u), clock.instant(), today(), r, today().plusDays(props.verifyDays()), c.note());
        saveAndAudit(t, "accept", Map.of("unit", r.unitName() == null ? r.unitId().toString() : r.unitName()));
        notifyUnit(t, "举报交办", "举报 " + t.number + " 已交由贵单位核查，核查期限 " + t.verifyDue + "。");
    }

    @Transactional
    public void handOver(UUID id, AcceptCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.HAND_OVER);
        Tipoff.Routing r = routingFor(u, t, c.unitId(), c.countyLevel(), c.enterpriseId(), c.regionCode(), c.industryCode());
        t.handOver(Actor.of(u), clock.instant(), r, c.note());
        saveAndAudit(t, "hand-over", Map.of("unit", r.unitName() == null ? r.unitId().toString() : r.unitName()));
        notifyUnit(t, "举报转交", "举报 " + t.number + " 已转交贵单位核查，核查期限 " + t.verifyDue + "。");
    }

    /**
     * The routing of an accept or hand-over: the unit given, or the one the industry mapping suggests; the enterprise if
     * it is on record (its place and industry then win over what the reporter said).
     */
    private Tipoff.Routing routingFor(CurrentUser u, Tipoff t, UUID unitId, Boolean countyLevel, UUID enterpriseId,
                                      String regionCode, String industryCode) {
        String region = regionCode == null || regionCode.isBlank() ? t.regionCode : regionCode;
        String industry = industryCode == null || industryCode.isBlank() ? t.industryCode : industryCode;
        if (enterpriseId != null) {
            EnterpriseRef e = enterprises.find(enterpriseId).filter(x -> u.role() == Role.CITY_OFFICE
                            || u.scope().coversRegion(x.regionCode(), x.zoneCode()) || u.role() == Role.MEMBER_UNIT
                            || u.role() == Role.COUNTY_UNIT)
                    .orElseThrow(() -> ProblemException.badRequest("TIPOFF_ENTERPRISE_INVALID", "企业不存在或不在本辖区"));
            region = e.regionCode();
            industry = e.industryCode();
        }
        if (!region.equals(CITY) && regions.find(region).isEmpty()) {
            throw ProblemException.badRequest("TIPOFF_REGION_INVALID", "所在县（市、区）不存在");
        }
        if (industry != null && industries.find(industry).isEmpty()) {
            throw ProblemException.badRequest("TIPOFF_INDUSTRY_INVALID", "行业领域不存在");
        }
        String county = routing.countyOf(region);
        UUID unit = unitId;
        String unitName;
        String unitRegion;
        if (unit == null) {
            var s = routing.suggest(region, industry).orElseThrow(() -> ProblemException.badRequest("TIPOFF_UNIT_REQUIRED",
                    "无法按行业领域确定承办单位，请选择承办单位"));
            unit = s.unitId();
            unitName = s.unitName();
            unitRegion = Boolean.FALSE.equals(countyLevel) ? null : s.unitRegionCode();
        } else {
            unitName = routing.unit(unit).map(cn.zhiben.org.CommitteeUnit::name)
                    .orElseThrow(() -> ProblemException.badRequest("TIPOFF_UNIT_INVALID", "承办单位不存在"));
            unitRegion = Boolean.TRUE.equals(countyLevel) || (countyLevel == null && county != null) ? county : null;
            if (Boolean.TRUE.equals(countyLevel) && county == null) {
                throw ProblemException.badRequest("TIPOFF_COUNTY_UNKNOWN", "举报所在县（市、区）不明，只能交市级单位办理");
            }
        }
        Tipoff.Routing r = new Tipoff.Routing(unit, unitName, unitRegion, enterpriseId, region, industry);
        TipoffRules.requireRoutingAllowed(u, r);
        return r;
    }

    public record ReasonCommand(String reason, Integer version) {
    }

    @Transactional
    public void reject(UUID id, ReasonCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.REJECT);
        t.reject(Actor.of(u), clock.instant(), today(), c.reason(), today());
        saveAndAudit(t, "reject", Map.of());
    }

    @Transactional
    public void transfer(UUID id, ReasonCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.TRANSFER);
        t.transfer(Actor.of(u), clock.instant(), today(), c.reason());
        saveAndAudit(t, "transfer", Map.of());
    }

    public record MergeCommand(String into, Integer version) {
    }

    /** Links a duplicate to the first tip-off on the same matter (given by its number); only the first may be rewarded. */
    @Transactional
    public void merge(UUID id, MergeCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.MERGE);
        if (c.into() == null || c.into().isBlank()) {
            throw ProblemException.badRequest("TIPOFF_MERGE_TARGET_REQUIRED", "请填写首次举报的编号");
        }
        Tipoff first = jdbc.sql("select t.* from tip_tipoff t where t.number = :n and " + TipoffRules.scope(u).where())
                .param("n", c.into().trim()).params(TipoffRules.scope(u).params()).query(TipoffRepository::map).optional()
                .orElseThrow(() -> ProblemException.badRequest("TIPOFF_MERGE_TARGET_INVALID", "首次举报不存在或不在您的办理范围内"));
        t.mergeInto(first, Actor.of(u), clock.instant(), today());
        saveAndAudit(t, "merge", Map.of("into", first.number));
    }

    public record ConcludeCommand(Finding finding, String conclusion, Map<AccidentLevel, Integer> concealedDeaths,
                                  Integer version) {
    }

    @Transactional
    public void conclude(UUID id, ConcludeCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.CONCLUDE);
        t.conclude(Actor.of(u), clock.instant(), today(), c.finding(), c.conclusion(), c.concealedDeaths(),
                today().plusDays(props.replyDays()));
        saveAndAudit(t, "conclude", Map.of("finding", c.finding().name()));
    }

    @Transactional
    public void reply(UUID id, ReasonCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.REPLY);
        t.replyToReporter(Actor.of(u), clock.instant(), today(), c.reason());
        saveAndAudit(t, "reply", Map.of());
        vault.phoneForNotification(t.id).ifPresent(phone -> notifier.sms(phone, "举报人",
                "您的举报（查询码 " + t.trackingCode + "）已办结，请凭查询码和查询密码查看答复。", "tipoff-reply:" + t.id));
    }

    public record HazardCommand(Grade grade, UUID clauseId, String description, String location, LocalDate foundOn,
                                String foundBy, Shutdown shutdown, LocalDate deadline, Integer version) {
    }

    /**
     * A substantiated tip-off about an enterprise on record becomes a hazard (channel 群众举报查实, plan item 25), once:
     * the hazards module is idempotent on this tip-off's id, and the hazard links back to it.
     */
    @Transactional
    public HazardIntake.Registered registerHazard(UUID id, HazardCommand c) {
        CurrentUser u = CurrentUser.require();
        Tipoff t = load(id, u, c.version());
        TipoffRules.require(u, t, TipoffAction.REGISTER_HAZARD);
        if (!t.hazardRegistrable()) {
            throw new IllegalTransitionException(t.status, TipoffAction.REGISTER_HAZARD);
        }
        HazardIntake.Registered r = hazards.register(new HazardIntake.ExternalFinding("tipoffs", t.id.toString(),
                "举报 " + t.number, "/tipoffs/" + t.id, t.enterpriseId, Channel.TIP_OFF, c.grade(), c.clauseId(),
                c.description() == null || c.description().isBlank() ? t.conclusion : c.description(),
                c.location() == null || c.location().isBlank() ? (t.place == null ? t.enterpriseName : t.place) : c.location(),
                c.foundOn() == null ? t.concludedOn : c.foundOn(),
                c.foundBy() == null || c.foundBy().isBlank() ? u.unitName() + " " + u.displayName() : c.foundBy(),
                c.shutdown(), c.deadline()));
        t.hazardRegistered(Actor.of(u), clock.instant(), r.hazardId(), r.number());
        saveAndAudit(t, "register-hazard", Map.of("hazard", r.number()));
        return r;
    }

    // ---- deadlines ----

    /** Marks overdue tip-offs and tells the level above (the city office for county work, itself for city work). */
    public int markOverdue() {
        int n = 0;
        for (UUID id : repo.dueBefore(today())) {
            n += Boolean.TRUE.equals(tx.execute(st -> mark(id))) ? 1 : 0;
        }
        return n;
    }

    private Boolean mark(UUID id) {
        Tipoff t = repo.findUnscoped(id).orElseThrow();
        boolean county = t.unitRegionCode != null || (t.status == TipoffStatus.RECEIVED && routing.countyOf(t.regionCode) != null);
        String to = county ? "市安委办" : "市安委办（市级承办逾期）";
        if (!t.escalateIfOverdue(today(), clock.instant(), to)) {
            return false;
        }
        repo.save(t);
        notifier.inbox(accounts.accountsWithRole(Role.CITY_OFFICE, null), "举报逾期",
                "举报 " + t.number + " 逾期", "举报 " + t.number + "「" + t.status.label() + "」已超过期限，请督办。",
                "/tipoffs/" + t.id, "tipoff-overdue:" + t.id + ":" + t.status.name());
        return true;
    }

    // ---- helpers ----

    Tipoff load(UUID id, CurrentUser u, Integer version) {
        if (!TipoffRules.mayRead(u)) {
            throw TipoffRules.denied("当前账号不能办理举报");
        }
        repo.lock(id);
        Tipoff t = repo.find(id, TipoffRules.scope(u)).orElseThrow(TipoffRepository::notFound);
        if (version != null && version != t.version) {
            throw ProblemException.conflict("TIPOFF_VERSION_CONFLICT", "举报已被他人办理，请刷新后重试");
        }
        return t;
    }

    private void saveAndAudit(Tipoff t, String verb, Map<String, ?> facts) {
        repo.save(t);
        Map<String, Object> m = new LinkedHashMap<>(facts);
        m.put("verb", verb);
        m.put("status", t.status.name());
        audit.record(AuditEntry.success(AuditAction.TRANSITION, "tipoff", t.id, m));
    }

    private void notifyOffices(Tipoff t, String title, String body) {
        String county = routing.countyOf(t.regionCode);
        List<UUID> to = new java.util.ArrayList<>(accounts.accountsWithRole(Role.CITY_OFFICE, null));
        if (county != null) {
            to.addAll(accounts.accountsWithRole(Role.COUNTY_OFFICE, county));
        }
        notifier.inbox(to, "举报", title, body, "/tipoffs/" + t.id, "tipoff-received:" + t.id);
    }

    private void notifyUnit(Tipoff t, String title, String body) {
        notifier.inbox(accounts.officeAccounts(t.unitId, t.unitRegionCode), "举报", title, body, "/tipoffs/" + t.id,
                "tipoff-routed:" + t.id + ":" + t.unitId + ":" + t.unitRegionCode);
    }

    private String clientKey(String client) {
        return limiter.clientKey(client);
    }

    private String randomCode(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(String s, int max, String code, String message) {
        if (s == null || s.isBlank()) {
            throw ProblemException.badRequest(code, message);
        }
        if (s.length() > max) {
            throw ProblemException.badRequest("TIPOFF_TEXT_TOO_LONG", "内容过长（不超过 " + max + " 字）");
        }
    }

    private static void optionalText(String s, int max) {
        if (s != null && s.length() > max) {
            throw ProblemException.badRequest("TIPOFF_TEXT_TOO_LONG", "内容过长（不超过 " + max + " 字）");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return trim(s);
    }
}
