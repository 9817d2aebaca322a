package cn.zhiben.campaign.internal;

import cn.zhiben.campaign.CampaignEvents;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.Role;
import cn.zhiben.platform.web.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An evaluation (总结评估, plan 五(四)): the office's scheme — items with weights, scoring rules and the evidence each
 * needs, and the counties, units and key enterprises evaluated — then self-assessment by each target, scoring by the
 * work team (the city office's accounts) with reasons, and results. A published result is frozen: a correction is a
 * new result version with a reason, and publishing it supersedes the earlier one. {@link #actionsFor} is the one rule.
 */
public class Evaluation {

    public enum Status {
        DRAFT("制定中"), OPEN("评估中"), CLOSED("已结束");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Group {
        COUNTY("县（市、区）"), UNIT("市直部门和单位"), ENTERPRISE("重点行业领域企业");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ResultStatus {
        DRAFT("评分中"), PUBLISHED("已发布"), SUPERSEDED("已被更正");

        private final String label;

        ResultStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Item(UUID id, int no, String title, UUID measureId, BigDecimal maxPoints, EvaluationRule rule,
                       BigDecimal deductionPoints, String evidenceRequired) {
    }

    public record Target(UUID id, Group group, Addressee addressee, UUID enterpriseId, String enterpriseName,
                         boolean selfSubmitted, Instant selfSubmittedAt, String selfSubmittedBy) {

        /** Whether this account speaks for the target (an office or unit, or the enterprise's own account). */
        public boolean heldBy(CurrentUser user) {
            if (enterpriseId != null) {
                return user != null && user.ready() && user.role() == Role.ENTERPRISE && enterpriseId.equals(user.enterpriseId());
            }
            return addressee.heldBy(user);
        }
    }

    public record Result(UUID id, int no, ResultStatus status, String reason, Instant createdAt, String createdBy,
                         Instant publishedAt, String publishedBy) {
    }

    final UUID id;
    final UUID programmeId;
    final int year;
    String title;
    LocalDate selfDueOn;
    Status status;
    int version;
    final List<Item> items;
    final List<Target> targets;
    final List<Result> results;
    final List<Transition> transitions = new ArrayList<>();
    final List<Object> events = new ArrayList<>();

    Evaluation(UUID id, UUID programmeId, int year, String title, LocalDate selfDueOn, Status status, int version,
               List<Item> items, List<Target> targets, List<Result> results) {
        this.id = id;
        this.programmeId = programmeId;
        this.year = year;
        this.title = title;
        this.selfDueOn = selfDueOn;
        this.status = status;
        this.version = version;
        this.items = new ArrayList<>(items);
        this.targets = new ArrayList<>(targets);
        this.results = new ArrayList<>(results);
    }

    public Optional<Result> draft() {
        return results.stream().filter(r -> r.status() == ResultStatus.DRAFT).findFirst();
    }

    public Optional<Result> published() {
        return results.stream().filter(r -> r.status() == ResultStatus.PUBLISHED).findFirst();
    }

    public Optional<Result> result(int no) {
        return results.stream().filter(r -> r.no() == no).findFirst();
    }

    /** What this caller may do to the scheme now, and — for a target it speaks for — to that target. */
    public Set<EvaluationAction> actionsFor(Actor actor, Target target, LocalDate today) {
        Set<EvaluationAction> out = EnumSet.noneOf(EvaluationAction.class);
        if (actor.role() == Role.CITY_OFFICE) {
            switch (status) {
                case DRAFT -> out.addAll(List.of(EvaluationAction.EDIT, EvaluationAction.OPEN));
                case OPEN -> {
                    if (draft().isPresent()) {
                        out.add(EvaluationAction.SCORE);
                        out.add(EvaluationAction.PUBLISH);
                    } else if (published().isPresent()) {
                        out.add(EvaluationAction.CORRECT);
                        out.add(EvaluationAction.CLOSE);
                    }
                }
                case CLOSED -> {
                }
            }
        }
        if (target != null && target.heldBy(actor.user()) && status == Status.OPEN && !target.selfSubmitted()
                && !today.isAfter(selfDueOn)) {
            out.add(EvaluationAction.SELF_ASSESS);
            out.add(EvaluationAction.SUBMIT_SELF);
        }
        return out;
    }

    void require(Actor actor, Target target, LocalDate today, EvaluationAction action) {
        boolean self = action == EvaluationAction.SELF_ASSESS || action == EvaluationAction.SUBMIT_SELF;
        if (self && (target == null || !target.heldBy(actor.user()))) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "只能对本单位进行自评");
        }
        if (!self && actor.role() != Role.CITY_OFFICE) {
            throw ProblemException.forbidden("CAMPAIGN_FORBIDDEN", "评估方案和评分由市安委办（工作专班）负责");
        }
        if (!actionsFor(actor, target, today).contains(action)) {
            if (self && target.selfSubmitted()) {
                throw new CampaignConflict("EVALUATION_SELF_SUBMITTED", "自评已提交，不能再修改");
            }
            if (self && today.isAfter(selfDueOn)) {
                throw new CampaignConflict("EVALUATION_SELF_CLOSED", "自评已于 " + selfDueOn + " 截止");
            }
            if ((action == EvaluationAction.SCORE || action == EvaluationAction.PUBLISH) && published().isPresent()
                    && draft().isEmpty()) {
                throw new CampaignConflict("EVALUATION_RESULT_PUBLISHED",
                        "评估结果已发布，不能修改；如需更正，请新建更正版本并说明理由");
            }
            throw CampaignConflict.illegal("EVALUATION_ILLEGAL_TRANSITION", "评估", status.label(), action.label());
        }
    }

    void open(Actor actor, Instant at, LocalDate today) {
        require(actor, null, today, EvaluationAction.OPEN);
        if (items.isEmpty() || targets.isEmpty()) {
            throw new CampaignConflict("EVALUATION_INCOMPLETE", "评估方案须至少有一个评估项目和一个评估对象");
        }
        BigDecimal sum = items.stream().map(Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new CampaignConflict("EVALUATION_WEIGHTS_NOT_100", "各评估项目分值合计须为 100 分，现为 " + Scoring.plain(sum) + " 分");
        }
        move(Status.OPEN, EvaluationAction.OPEN, actor, at, null);
        results.add(new Result(UUID.randomUUID(), 1, ResultStatus.DRAFT, null, at, actor.name(), null, null));
    }

    /** Publishes the draft result; a result published before it is superseded. */
    Result publish(Actor actor, Instant at, LocalDate today, long scored) {
        require(actor, null, today, EvaluationAction.PUBLISH);
        long needed = (long) items.size() * targets.size();
        if (scored < needed) {
            throw new CampaignConflict("EVALUATION_INCOMPLETE", "还有 " + (needed - scored) + " 项评分未完成，不能发布");
        }
        Result d = draft().orElseThrow();
        results.replaceAll(r -> r.status() == ResultStatus.PUBLISHED ? new Result(r.id(), r.no(), ResultStatus.SUPERSEDED,
                r.reason(), r.createdAt(), r.createdBy(), r.publishedAt(), r.publishedBy()) : r);
        Result p = new Result(d.id(), d.no(), ResultStatus.PUBLISHED, d.reason(), d.createdAt(), d.createdBy(), at, actor.name());
        results.replaceAll(r -> r.id().equals(d.id()) ? p : r);
        transitions.add(step(status, status, EvaluationAction.PUBLISH, actor, at,
                "第 " + d.no() + " 版结果" + (d.reason() == null ? "" : "（更正：" + d.reason() + "）")));
        events.add(new CampaignEvents.EvaluationPublished(id, year, d.no(), d.reason(), at));
        return p;
    }

    /** A correction of the published result: a new draft version, with the reason why. */
    Result correct(Actor actor, Instant at, LocalDate today, String reason) {
        require(actor, null, today, EvaluationAction.CORRECT);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("CAMPAIGN_NOTE_REQUIRED", "更正评估结果须说明理由");
        }
        int no = results.stream().mapToInt(Result::no).max().orElse(0) + 1;
        Result r = new Result(UUID.randomUUID(), no, ResultStatus.DRAFT, reason.strip(), at, actor.name(), null, null);
        results.add(r);
        transitions.add(step(status, status, EvaluationAction.CORRECT, actor, at, "第 " + no + " 版：" + reason.strip()));
        return r;
    }

    void close(Actor actor, Instant at, LocalDate today) {
        require(actor, null, today, EvaluationAction.CLOSE);
        move(Status.CLOSED, EvaluationAction.CLOSE, actor, at, null);
    }

    Target submitSelf(Actor actor, Target t, Instant at, LocalDate today, long entries) {
        require(actor, t, today, EvaluationAction.SUBMIT_SELF);
        if (entries < items.size()) {
            throw new CampaignConflict("EVALUATION_SELF_INCOMPLETE", "还有 " + (items.size() - entries) + " 个项目未自评");
        }
        Target done = new Target(t.id(), t.group(), t.addressee(), t.enterpriseId(), t.enterpriseName(), true, at, actor.name());
        targets.replaceAll(x -> x.id().equals(t.id()) ? done : x);
        transitions.add(step(status, status, EvaluationAction.SUBMIT_SELF, actor, at, null));
        return done;
    }

    Optional<Target> target(UUID targetId) {
        return targets.stream().filter(t -> t.id().equals(targetId)).findFirst();
    }

    Optional<Item> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    private void move(Status to, EvaluationAction action, Actor actor, Instant at, String reason) {
        transitions.add(step(status, to, action, actor, at, reason));
        status = to;
    }

    static Transition step(Status from, Status to, EvaluationAction action, Actor actor, Instant at, String reason) {
        return new Transition(from == null ? null : from.name(), to.name(), action.name(), action.label(), actor.userId(),
                actor.name(), actor.role() == null ? null : actor.role().name(), false, at, reason);
    }

    public UUID id() {
        return id;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public int year() {
        return year;
    }

    public String title() {
        return title;
    }

    public LocalDate selfDueOn() {
        return selfDueOn;
    }

    public Status status() {
        return status;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public int version() {
        return version;
    }
}
