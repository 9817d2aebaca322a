package cn.zhiben.hazards.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HazardAuditVocabularyTests {

    private final HazardAuditVocabulary vocabulary = new HazardAuditVocabulary(null);

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "action, sign-off, 审核销号",
            "action, SIGN_OFF, 审核销号",
            "action, CONFIRM_DELISTING, 确认摘牌（督办结束）",
            "action, return, 退回修改",
            "action, progress, 报告整改进展",
            "action, request-sign-off, 申请销号",
            "action, dismiss-duplicate, 确认不是重复",
            "action, merge, 合并重复隐患",
            "job, overdue, 逾期升级",
            "status, SIGNED_OFF, 已销号",
            "grade, MAJOR, 重大",
            "channel, SELF_INSPECTION, 企业自查"})
    void readsTheVerbsAndStatesOfTheAuditEntriesInChinese(String field, String raw, String label) {
        assertThat(vocabulary.value("hazard", field, raw)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"action, unknown-verb", "status, NOT_A_STATE"})
    void leavesWhatItDoesNotKnowAsWritten(String field, String raw) {
        assertThat(vocabulary.value("hazard", field, raw)).isNull();
    }
}
