package cn.zhiben.people.internal;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 三违 → off the job retraining → exam → back on the post (晋市安委发〔2024〕6号 四(五)18); hours and pass mark configurable. */
class RetrainingCaseTests {

    private static final Actor ACTOR = new Actor(UUID.randomUUID(), "安全科", "ENTERPRISE");
    private static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");
    private static final LocalDate ON = LocalDate.of(2026, 12, 1);

    private static RetrainingCase violation() {
        return RetrainingCase.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), RetrainingCause.VIOLATION,
                ViolationKind.OPERATION, ON, "未执行敲帮问顶", ACTOR, AT);
    }

    private static String code(Throwable t) {
        return ((ProblemException) t).code();
    }

    @Test
    void returningToThePostWithoutAPassedExamIsRefused() {
        RetrainingCase c = violation();
        assertThatThrownBy(() -> c.returnToPost(ON.plusDays(2), ACTOR, AT))
                .satisfies(t -> assertThat(code(t)).isEqualTo("RETRAINING_EXAM_NOT_PASSED"));
        c.startRetraining(ACTOR, AT, null);
        c.logTraining(BigDecimal.valueOf(8), ACTOR, AT, "操作规程");
        c.recordExam(79, 80, 8, ACTOR, AT);
        assertThat(c.status()).isEqualTo(RetrainingStatus.RETRAINING);
        assertThatThrownBy(() -> c.returnToPost(ON.plusDays(2), ACTOR, AT))
                .satisfies(t -> assertThat(code(t)).isEqualTo("RETRAINING_EXAM_NOT_PASSED"));
    }

    @Test
    void theExamWaitsForTheMinimumHours() {
        RetrainingCase c = violation();
        c.startRetraining(ACTOR, AT, null);
        c.logTraining(BigDecimal.valueOf(4), ACTOR, AT, null);
        assertThatThrownBy(() -> c.recordExam(95, 80, 8, ACTOR, AT))
                .satisfies(t -> assertThat(code(t)).isEqualTo("RETRAINING_HOURS_SHORT"));
    }

    @Test
    void aPassedExamLetsThePersonReturnAndEveryStepIsOnTheTimeline() {
        RetrainingCase c = violation();
        c.startRetraining(ACTOR, AT, null);
        c.logTraining(BigDecimal.valueOf(8), ACTOR, AT, null);
        c.recordExam(70, 80, 8, ACTOR, AT);
        c.recordExam(85, 80, 8, ACTOR, AT);
        c.returnToPost(ON.plusDays(5), ACTOR, AT);
        assertThat(c.status()).isEqualTo(RetrainingStatus.RETURNED);
        assertThat(c.appended()).extracting(RetrainingTransition::action).containsExactly(RetrainingAction.RECORD,
                RetrainingAction.START_RETRAINING, RetrainingAction.LOG_TRAINING, RetrainingAction.EXAM_FAILED,
                RetrainingAction.EXAM_PASSED, RetrainingAction.RETURN_TO_POST);
        assertThatThrownBy(() -> c.close("离职", ACTOR, AT))
                .satisfies(t -> assertThat(code(t)).isEqualTo("RETRAINING_ILLEGAL_TRANSITION"));
    }
}
