package cn.zhiben.hazards.internal;

import cn.zhiben.hazards.Channel;
import cn.zhiben.hazards.Grade;
import cn.zhiben.hazards.HazardEvents;
import cn.zhiben.hazards.HazardStatus;
import cn.zhiben.hazards.ListingLevel;
import cn.zhiben.hazards.Shutdown;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.zhiben.hazards.HazardStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history import's aggregate factory: which past facts are consistent, and what an imported hazard looks like. */
class HazardHistoryTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final LocalDate EARLIEST = LocalDate.of(2023, 1, 1);
    static final UUID CLAUSE = UUID.randomUUID();
    static final HazardActor IMPORTER = new HazardActor(UUID.randomUUID(), "泽州县安委办", cn.zhiben.platform.security.Role.COUNTY_OFFICE);

    static Hazard.Facts facts(Grade grade, String found, boolean clause) {
        return new Hazard.Facts(UUID.randomUUID(), "140525100", null, "mine.coal", Channel.SUPERVISION, grade,
                clause ? CLAUSE : null, "描述", "部位", found == null ? null : LocalDate.parse(found), "检查组", Shutdown.NONE, false);
    }

    static Hazard.History history(HazardStatus status, String deadline, String rectified, String signedOff, String level,
                                  String listedOn, String listingDeadline, String basis) {
        return new Hazard.History(status, d(deadline), d(rectified), d(signedOff),
                level == null ? null : ListingLevel.valueOf(level), level == null ? null : "泽安办督〔2023〕5号", d(listedOn),
                d(listingDeadline), basis, "台账.xlsx 第 2 行");
    }

    static LocalDate d(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    /**
     * Rows: grade, clause?, found, status, deadline, rectified, signed off, listing level, listed on, listing deadline,
     * basis text, the field a problem names (empty: consistent). Each rule's source is on its check in Hazard.
     */
    @ParameterizedTest(name = "{0} {3} found {2}: {11}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MAJOR   | true  | 2023-05-10 | SIGNED_OFF  | 2023-12-31 | 2024-02-20 | 2024-03-15 | COUNTY | 2023-05-20 | 2023-12-31 | -    | -
            MAJOR   | false | 2023-11-02 | RECTIFYING  | 2024-06-30 | -          | -          | -      | -          | -          | 综合判定 | -
            GENERAL | false | 2025-04-01 | CLOSED      | -          | 2025-04-10 | -          | -      | -          | -          | -    | -
            MAJOR   | true  | 2023-06-01 | REPORTED    | -          | -          | -          | -      | -          | -          | -    | -
            MAJOR   | true  | 2023-06-01 | RECTIFYING  | -          | -          | -          | CITY   | 2023-06-05 | 2023-09-30 | -    | -
            MAJOR   | false | 2023-11-02 | RECTIFYING  | 2024-06-30 | -          | -          | -      | -          | -          | -    | clauseId
            GENERAL | true  | 2023-11-02 | RECTIFYING  | 2024-06-30 | -          | -          | -      | -          | -          | -    | clauseId
            GENERAL | false | 2024-01-02 | CLOSED      | -          | 2024-01-05 | 2024-01-06 | -      | -          | -          | -    | signedOffOn
            GENERAL | false | 2024-01-02 | SIGNED_OFF  | -          | 2024-01-05 | -          | -      | -          | -          | -    | status
            GENERAL | false | 2024-01-02 | RECTIFYING  | 2024-02-01 | -          | -          | COUNTY | 2024-01-03 | 2024-02-01 | -    | listingLevel
            MAJOR   | true  | 2024-01-02 | COMPLETED   | 2024-02-01 | -          | -          | -      | -          | -          | -    | rectifiedOn
            MAJOR   | true  | 2024-01-02 | RECTIFYING  | 2024-02-01 | 2024-01-20 | -          | -      | -          | -          | -    | rectifiedOn
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF  | 2024-02-01 | 2024-01-20 | -          | -      | -          | -          | -    | signedOffOn
            MAJOR   | true  | 2024-01-02 | COMPLETED   | 2024-02-01 | 2024-01-20 | 2024-01-25 | -      | -          | -          | -    | signedOffOn
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF  | 2024-02-01 | 2024-01-20 | 2024-01-19 | -      | -          | -          | -    | signedOffOn
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF  | 2024-02-01 | 2024-01-20 | 2024-01-25 | CITY   | 2024-01-28 | 2024-03-01 | -    | signedOffOn
            MAJOR   | true  | 2024-01-02 | RECTIFYING  | 2024-02-01 | -          | -          | CITY   | 2024-01-01 | 2024-03-01 | -    | listedOn
            MAJOR   | true  | 2024-01-02 | RECTIFYING  | 2024-02-01 | -          | -          | CITY   | 2024-01-10 | 2024-01-09 | -    | listingDeadline
            MAJOR   | true  | 2024-01-02 | RECTIFYING  | 2023-12-01 | -          | -          | -      | -          | -          | -    | deadline
            MAJOR   | true  | 2024-01-02 | RECTIFYING  | -          | -          | -          | -      | -          | -          | -    | deadline
            MAJOR   | true  | 2022-12-31 | RECTIFYING  | 2024-01-01 | -          | -          | -      | -          | -          | -    | foundOn
            MAJOR   | true  | 2026-12-04 | RECTIFYING  | 2027-01-01 | -          | -          | -      | -          | -          | -    | foundOn
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF  | 2024-02-01 | 2024-01-20 | 2026-12-04 | -      | -          | -          | -    | signedOffOn
            MAJOR   | true  | 2024-01-02 | PENDING_ACKNOWLEDGEMENT | - | -      | -          | -      | -          | -          | -    | status
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF  | 2024-02-01 | 2024-01-20 | 2024-01-25 | PROVINCE | 2024-01-03 | 2024-03-01 | - | -
            MAJOR   | true  | 2024-01-02 | SIGNED_OFF_PENDING_DELISTING | 2024-02-01 | 2024-01-20 | - | CITY | 2024-01-03 | 2024-03-01 | - | status
            MAJOR   | true  | 2024-01-02 | WITHDRAWN   | -          | -          | -          | -      | -          | -          | -    | status
            """)
    void pastFactsAreConsistentOrNamedAsTheFieldThatIsWrong(Grade grade, boolean clause, String found, HazardStatus status,
                                                            String deadline, String rectified, String signedOff, String level,
                                                            String listedOn, String listingDeadline, String basis, String field) {
        List<Hazard.HistoryProblem> problems = Hazard.historyProblems(facts(grade, found, clause),
                history(status, deadline, rectified, signedOff, level, listedOn, listingDeadline, basis), TODAY, EARLIEST);
        if (field == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(Hazard.HistoryProblem::field).containsExactly(field);
        }
    }

    @Test
    void anImportedHazardCarriesTheLedgersStepsOnTheirDatesAndTellsNobody() {
        Instant now = Instant.parse("2026-12-03T02:00:00Z");
        Hazard h = Hazard.imported(UUID.randomUUID(), "140525-2023-000001", facts(Grade.MAJOR, "2023-05-10", true),
                history(SIGNED_OFF, "2023-12-31", "2024-02-20", "2024-03-15", "COUNTY", "2023-05-20", "2023-10-31", null),
                IMPORTER, now, TODAY, EARLIEST);
        assertThat(h.status()).isEqualTo(SIGNED_OFF);
        // the sign-off ended the listing (issue 10 item 3): no longer listed, ended at the county level on that day
        assertThat(h.listingLevel()).isNull();
        assertThat(h.listingEndedLevel()).isEqualTo(ListingLevel.COUNTY);
        assertThat(h.listingEndedOn).isEqualTo(LocalDate.of(2024, 3, 15));
        // the earlier listing deadline binds, as when a hazard is listed in the platform
        assertThat(h.deadline()).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(h.overdue()).isFalse();
        assertThat(h.newTransitions()).extracting(Transition::action).containsExactly(HazardAction.REGISTER, HazardAction.LIST,
                HazardAction.COMPLETE, HazardAction.SIGN_OFF, HazardAction.IMPORT);
        assertThat(h.newTransitions()).extracting(t -> t.at().atZone(PlatformConfiguration.ZONE).toLocalDate().toString())
                .containsExactly("2023-05-10", "2023-05-20", "2024-02-20", "2024-03-15", "2026-12-03");
        assertThat(h.newTransitions()).extracting(Transition::from).containsExactly(null, RECTIFYING, RECTIFYING, COMPLETED, SIGNED_OFF);
        assertThat(h.newTransitions()).extracting(Transition::to).containsExactly(RECTIFYING, RECTIFYING, COMPLETED, SIGNED_OFF, SIGNED_OFF);
        assertThat(h.newTransitions().subList(0, 4)).allMatch(t -> Hazard.LEDGER_ROLE.equals(t.actorRole()) && t.actorId() == null);
        assertThat(h.newTransitions().get(4).actorName()).isEqualTo("泽州县安委办");
        assertThat(h.pendingEvents()).singleElement().isInstanceOf(HazardEvents.HazardImported.class);
    }

    @Test
    void anOpenImportedHazardPastItsDeadlineIsOverdueWithoutEscalation() {
        Hazard h = Hazard.imported(UUID.randomUUID(), "140525-2023-000002", facts(Grade.MAJOR, "2023-11-02", false),
                history(RECTIFYING, "2024-06-30", null, null, null, null, null, "综合判定"), IMPORTER,
                Instant.parse("2026-12-03T02:00:00Z"), TODAY, EARLIEST);
        assertThat(h.overdue()).isTrue();
        assertThat(h.overdueSince).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(h.escalatedTo).isNull();
        assertThat(h.newTransitions()).extracting(Transition::action).containsExactly(HazardAction.REGISTER, HazardAction.IMPORT);
        assertThat(h.newTransitions().get(1).reason()).contains("导入时已超过整改期限 2024-06-30");
        // the daily job finds nothing more to do: it is already marked
        assertThat(h.markOverdue(Instant.now(), TODAY)).isFalse();
        assertThat(h.pendingEvents()).noneMatch(e -> e instanceof HazardEvents.HazardOverdue);
    }

    @Test
    void theFactoryRefusesWhatTheRulesReport() {
        assertThatThrownBy(() -> Hazard.imported(UUID.randomUUID(), "x", facts(Grade.GENERAL, "2024-01-02", false),
                history(SIGNED_OFF, null, "2024-01-05", "2024-01-06", null, null, null, null), IMPORTER, Instant.now(), TODAY, EARLIEST))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("HAZARD_HISTORY_INCONSISTENT"));
    }
}
