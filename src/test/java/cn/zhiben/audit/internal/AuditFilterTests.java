package cn.zhiben.audit.internal;

import cn.zhiben.audit.AuditVocabulary;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    void summarisesDiffsAndFactsInTheVocabularyOfTheModuleThatWroteThem() {
        var json = JsonMapper.builder().build();
        AuditVocabulary users = new AuditVocabulary() {
            public Map<String, String> entityTypes() {
                return Map.of("user", "账号");
            }

            public String field(String type, String field) {
                return Map.of("role", "角色", "unitId", "所属单位").get(field);
            }

            public String value(String type, String field, String raw) {
                return Map.of("EXPERT", "专家", "u1", "泽州县应急管理局").get(raw);
            }
        };
        AuditReadable.Session session = new AuditReadable.Session(List.of(users));
        assertThat(session.summary("user", json.readTree("{\"role\":[\"CITY_OFFICE\",\"EXPERT\"],\"unitId\":[null,\"u1\"],\"change\":\"unlock\",\"active\":true}"), null))
                .isEqualTo("角色：CITY_OFFICE → 专家；所属单位：空 → 泽州县应急管理局；change：unlock；active：是");
        assertThat(session.typeLabel("user")).isEqualTo("账号");
        assertThat(session.typeLabel("gadget")).isEqualTo("gadget");
        assertThat(session.summary("user", null, null)).isEmpty();
        assertThat(AuditQueries.roleLabel("AUDIT_ADMIN")).isEqualTo("审计管理员");
        assertThat(AuditQueries.roleLabel("system")).isEqualTo("system");
        assertThat(AuditQueries.actionLabel("REJECTED_WRITE")).isEqualTo("被拒绝的写操作");
    }
}
