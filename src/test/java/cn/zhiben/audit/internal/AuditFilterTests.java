package cn.zhiben.audit.internal;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTests {

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @CsvSource({
            "2026-11-29, from, 2026-11-28T16:00:00Z",
            "2026-11-29, to, 2026-11-29T16:00:00Z",
            "2026-11-29T08:30, from, 2026-11-29T00:30:00Z",
            "2026-11-29 08:30, from, 2026-11-29T00:30:00Z",
            "2026-11-29T08:30:15, to, 2026-11-29T00:30:15Z",
            "2026-11-29T08:30:00Z, from, 2026-11-29T08:30:00Z",
            "2026-11-29T08:30:00+08:00, from, 2026-11-29T00:30:00Z",
            "2026-11-29T08:30:00 08:00, from, 2026-11-29T00:30:00Z"})
    void readsTimesInBeijingUnlessAnOffsetIsGiven(String value, String which, String expected) {
        assertThat(AuditFilter.time(which, value, which.equals("to"))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"yesterday", "2026-13-01", "2026-11-29T25:00", "29/11/2026"})
    void refusesOtherTimes(String value) {
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, value, null, null, 0, 10))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(e.errors().get(0).field()).isEqualTo("from");
                });
    }

    @Test
    void refusesUnknownActionResultAndReversedRange() {
        assertThatThrownBy(() -> AuditFilter.parse(null, "HACK", null, null, null, null, null, null, 0, 10))
                .isInstanceOf(ProblemException.class).hasMessage("操作类型无效");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, "MAYBE", null, null, null, 0, 10))
                .isInstanceOf(ProblemException.class).hasMessage("结果只能是 SUCCESS 或 FAILURE");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, "2026-11-30", "2026-11-29", null, 0, 10))
                .isInstanceOf(ProblemException.class).hasMessage("结束时间须晚于开始时间");
        assertThatThrownBy(() -> AuditFilter.parse(null, null, null, null, null, null, null, null, 0, 500))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aSingleDayIsTheWholeDay() {
        AuditFilter f = AuditFilter.parse(null, null, null, null, null, "2026-11-29", "2026-11-29", null, 0, 10);
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-28T16:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
    }

    @Test
    void summarisesDiffsAndFacts() {
        var json = JsonMapper.builder().build();
        assertThat(AuditQueries.summary(json.readTree("{\"role\":[\"CITY_OFFICE\",\"EXPERT\"],\"unitId\":[null,\"u1\"],\"change\":\"unlock\"}"), null))
                .isEqualTo("role：CITY_OFFICE → EXPERT；unitId：空 → u1；change：unlock");
        assertThat(AuditQueries.summary(null, null)).isEmpty();
        assertThat(AuditQueries.roleLabel("AUDIT_ADMIN")).isEqualTo("审计管理员");
        assertThat(AuditQueries.roleLabel("system")).isEqualTo("system");
        assertThat(AuditQueries.actionLabel("REJECTED_WRITE")).isEqualTo("被拒绝的写操作");
    }
}
