package cn.zhiben.standards.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranking of search hits by character-bigram overlap, which works for Chinese whatever the database locale. */
class ClauseSearchTests {

    @Test
    void closerSummaryRanksHigher() {
        double close = ClauseSearch.similarity("粉尘清理", "粉尘清理制度不落实，作业现场积尘严重。");
        double far = ClauseSearch.similarity("粉尘清理", "铝镁金属粉尘、木质粉尘的干式除尘系统没有锁气卸灰装置。");
        assertThat(close).isGreaterThan(far).isGreaterThan(0);
    }

    @Test
    void identicalTextsScoreOneAndUnrelatedZero() {
        assertThat(ClauseSearch.similarity("瓦斯 抽采", "瓦斯抽采")).isEqualTo(1.0);
        assertThat(ClauseSearch.similarity("瓦斯", "积水")).isZero();
        assertThat(ClauseSearch.similarity("", "积水")).isZero();
        assertThat(ClauseSearch.similarity("水", "水")).isEqualTo(1.0);
    }

    @Test
    void likePatternsAreEscaped() {
        assertThat(LibraryRepository.escapeLike("10%_\\")).isEqualTo("10\\%\\_\\\\");
        assertThat(LibraryRepository.textArray(java.util.List.of("a", "b\"c"))).isEqualTo("{\"a\",\"b\\\"c\"}");
    }
}
