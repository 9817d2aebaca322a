package cn.zhiben.people.internal;

import cn.zhiben.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static cn.zhiben.people.internal.RetrainingStatus.*;

/**
 * Off-the-job retraining of a 三违 offender or of a worker who failed a 逢查必考 exam: off the post, retrained, examined,
 * and back on the post only after a passed exam (晋市安委发〔2024〕6号 四(五)18: "对'三违'人员开展脱产培训，经考试合格后方可重新
 * 上岗"; 17: "对考核不合格人员必须重新组织脱产培训"). The status changes only through the verbs below, each checking the
 * current status, refusing an illegal move with a 409 and appending a {@link RetrainingTransition}. The minimum hours
 * and pass mark are configuration (no national rule: our inference, docs/people.md).
 */
public class RetrainingCase {

    final UUID id;
    final UUID personId;
    final UUID employmentId;
    final RetrainingCause cause;
    final ViolationKind violationKind;
    final LocalDate occurredOn;
    final String description;

    RetrainingStatus status;
    BigDecimal trainedHours;
    int examAttempts;
    Integer lastScore;
    LocalDate returnedOn;
    int version;

    private final List<RetrainingTransition> appended = new ArrayList<>();

    RetrainingCase(UUID id, UUID personId, UUID employmentId, RetrainingCause cause, ViolationKind violationKind,
                   LocalDate occurredOn, String description, RetrainingStatus status, BigDecimal trainedHours,
                   int examAttempts, Integer lastScore, LocalDate returnedOn, int version) {
        this.id = id;
        this.personId = personId;
        this.employmentId = employmentId;
        this.cause = cause;
        this.violationKind = violationKind;
        this.occurredOn = occurredOn;
        this.description = description;
        this.status = status;
        this.trainedHours = trainedHours;
        this.examAttempts = examAttempts;
        this.lastScore = lastScore;
        this.returnedOn = returnedOn;
        this.version = version;
    }

    /** A new case: the person is taken off the post at once. */
    static RetrainingCase open(UUID id, UUID personId, UUID employmentId, RetrainingCause cause, ViolationKind kind,
                               LocalDate occurredOn, String description, Actor actor, Instant at) {
        if ((cause == RetrainingCause.VIOLATION) != (kind != null)) {
            throw new IllegalArgumentException("a 三违 names its kind, a failed exam does not");
        }
        RetrainingCase c = new RetrainingCase(id, personId, employmentId, cause, kind, occurredOn, description, OFF_POST,
                BigDecimal.ZERO, 0, null, null, 0);
        c.record(null, OFF_POST, RetrainingAction.RECORD, actor, at, description);
        return c;
    }

    public UUID id() {
        return id;
    }

    public RetrainingStatus status() {
        return status;
    }

    public BigDecimal trainedHours() {
        return trainedHours;
    }

    public int version() {
        return version;
    }

    /** Rows appended since the case was loaded, in order. */
    public List<RetrainingTransition> appended() {
        return Collections.unmodifiableList(appended);
    }

    void startRetraining(Actor actor, Instant at, String note) {
        move(OFF_POST, RETRAINING, RetrainingAction.START_RETRAINING, actor, at, note);
    }

    void logTraining(BigDecimal hours, Actor actor, Instant at, String content) {
        require(RETRAINING, RetrainingAction.LOG_TRAINING);
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(200)) > 0) {
            throw ProblemException.badRequest("RETRAINING_HOURS_INVALID", "培训学时应大于 0 且不超过 200");
        }
        trainedHours = trainedHours.add(hours);
        record(RETRAINING, RETRAINING, RetrainingAction.LOG_TRAINING, actor, at, hours.stripTrailingZeros().toPlainString()
                + " 学时" + (content == null || content.isBlank() ? "" : "：" + content.strip()));
    }

    /** The exam after retraining; it may only be sat once the minimum hours are done. */
    void recordExam(int score, int passScore, int minHours, Actor actor, Instant at) {
        require(RETRAINING, RetrainingAction.EXAM_PASSED);
        if (score < 0 || score > 100) {
            throw ProblemException.badRequest("RETRAINING_SCORE_INVALID", "考试成绩应在 0～100 之间");
        }
        if (trainedHours.compareTo(BigDecimal.valueOf(minHours)) < 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "RETRAINING_HOURS_SHORT", "脱产培训已记录 "
                    + trainedHours.stripTrailingZeros().toPlainString() + " 学时，不少于 " + minHours + " 学时后方可考试");
        }
        examAttempts++;
        lastScore = score;
        if (score >= passScore) {
            move(RETRAINING, EXAM_PASSED, RetrainingAction.EXAM_PASSED, actor, at, "成绩 " + score + " 分（合格线 " + passScore + "）");
        } else {
            record(RETRAINING, RETRAINING, RetrainingAction.EXAM_FAILED, actor, at,
                    "成绩 " + score + " 分（合格线 " + passScore + "），须继续培训后补考");
        }
    }

    /** Back on the post: only after a passed exam. */
    void returnToPost(LocalDate on, Actor actor, Instant at) {
        if (status == OFF_POST || status == RETRAINING) {
            throw new ProblemException(HttpStatus.CONFLICT, "RETRAINING_EXAM_NOT_PASSED",
                    "尚未经脱产培训考试合格，不能恢复上岗（晋市安委发〔2024〕6号 四(五)18）");
        }
        if (on.isBefore(occurredOn)) {
            throw ProblemException.badRequest("RETRAINING_RETURN_DATE_INVALID", "复岗日期不能早于发生日期");
        }
        move(EXAM_PASSED, RETURNED, RetrainingAction.RETURN_TO_POST, actor, at, null);
        returnedOn = on;
    }

    /** The case ends without a return (the person left the enterprise or was moved off such work). */
    void close(String reason, Actor actor, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("RETRAINING_REASON_REQUIRED", "请说明终结原因");
        }
        if (!status.open()) {
            throw illegal(RetrainingAction.CLOSE);
        }
        move(status, CLOSED, RetrainingAction.CLOSE, actor, at, reason.strip());
    }

    private void require(RetrainingStatus expected, RetrainingAction action) {
        if (status != expected) {
            throw illegal(action);
        }
    }

    private void move(RetrainingStatus from, RetrainingStatus to, RetrainingAction action, Actor actor, Instant at, String reason) {
        require(from, action);
        status = to;
        record(from, to, action, actor, at, reason);
    }

    private void record(RetrainingStatus from, RetrainingStatus to, RetrainingAction action, Actor actor, Instant at, String reason) {
        appended.add(new RetrainingTransition(from, to, action, actor.userId(), actor.name(), actor.role(), at, reason));
    }

    private ProblemException illegal(RetrainingAction action) {
        return new ProblemException(HttpStatus.CONFLICT, "RETRAINING_ILLEGAL_TRANSITION",
                "再培训当前状态为「" + status.label() + "」，不能执行「" + action.label() + "」");
    }
}
