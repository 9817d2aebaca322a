package cn.zhiben.notifications.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.ListingLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.zhiben.notifications.internal.HazardMessages.Audience.ENTERPRISE;
import static cn.zhiben.notifications.internal.HazardMessages.Audience.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 9: each audience reads its own wording. */
class HazardMessagesTests {

    private static final UUID ID = UUID.randomUUID();
    private static final UUID ENT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-03T02:00:00Z");
    private static final String NAME = "泽州示范巴公煤业";

    private final HazardEvents.HazardReported reported = new HazardEvents.HazardReported(ID, "140525-2026-0001", ENT, "140525100",
            "mine.coal", Grade.MAJOR, Channel.SELF_INSPECTION, LocalDate.parse("2026-11-01"), AT, null);
    private final HazardEvents.HazardOverdue overdue = new HazardEvents.HazardOverdue(ID, "140525-2026-0001", ENT, "140525100",
            "mine.coal", LocalDate.parse("2026-11-20"), "市级", AT, null);
    private final HazardEvents.HazardReviewOverdue reviewOverdue = new HazardEvents.HazardReviewOverdue(ID, "140525-2026-0001", ENT,
            "140525100", "mine.coal", LocalDate.parse("2026-11-20"), "市级", AT, null);
    private final HazardEvents.HazardListed listed = new HazardEvents.HazardListed(ID, "140525-2026-0001", ENT, "140525100",
            "mine.coal", ListingLevel.COUNTY, "泽安办督〔2026〕15号", LocalDate.parse("2026-12-20"), AT, null);

    private List<HazardMessages.Message> to(HazardMessages.Audience audience) {
        return List.of(HazardMessages.reported(reported, NAME, audience), HazardMessages.overdue(overdue, NAME, audience),
                HazardMessages.reviewOverdue(reviewOverdue, NAME, audience), HazardMessages.listed(listed, NAME, audience));
    }

    @Test
    void theEnterpriseIsToldWhatItMustDoAboutItsOwnHazardNotToSuperviseIt() {
        List<HazardMessages.Message> own = new java.util.ArrayList<>(to(ENTERPRISE));
        own.add(HazardMessages.extensionDecided(new HazardEvents.ExtensionDecided(ID, "140525-2026-0001", ENT, true,
                LocalDate.parse("2026-11-03"), AT)));
        own.add(HazardMessages.signedOff(new HazardEvents.HazardSignedOff(ID, "140525-2026-0001", ENT, ListingLevel.COUNTY, AT)));
        assertThat(own).allSatisfy(m -> assertThat(m.body()).contains("贵单位").doesNotContain("督促").doesNotContain(NAME));
        assertThat(own.get(3).body()).contains("泽安办督〔2026〕15号").contains("2026-12-20");
        assertThat(own.get(4).body()).contains("延至 2026-11-03");
        assertThat(own.get(5).body()).contains("县级挂牌督办结束");
    }

    @Test
    void regulatorsAreToldWhichEnterpriseAndWhatToSupervise() {
        assertThat(to(REGULATOR)).allSatisfy(m -> assertThat(m.body()).contains(NAME).doesNotContain("贵单位"));
        assertThat(to(REGULATOR)).extracting(HazardMessages.Message::body)
                .allSatisfy(b -> assertThat(b).containsAnyOf("督促", "督办", "审核"));
        assertThat(HazardMessages.reported(reported, NAME, REGULATOR).title()).isEqualTo("重大事故隐患上报：140525-2026-0001");
        assertThat(HazardMessages.reportedSms(reported, NAME)).startsWith("【治本】").contains("140525-2026-0001").doesNotContain("督促");
    }

    @Test
    void demoDatesMoveWithTheStory() {
        assertThat(DemoMessageDates.moveDates("整改期限延至 2027-01-17。发现日期 2026-12-01", 75))
                .isEqualTo("整改期限延至 2026-11-03。发现日期 2026-09-17");
        assertThat(DemoMessageDates.moveDates("督办文号 晋安办督〔2026〕4号", 75)).isEqualTo("督办文号 晋安办督〔2026〕4号");
    }
}
