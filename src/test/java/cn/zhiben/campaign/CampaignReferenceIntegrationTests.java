package cn.zhiben.campaign;

import cn.zhiben.campaign.internal.OwnerRole;
import cn.zhiben.campaign.internal.Programme;
import cn.zhiben.campaign.internal.ProgrammeRepository;
import cn.zhiben.campaign.internal.ProgrammeService;
import cn.zhiben.campaign.internal.Transition;
import cn.zhiben.campaign.internal.ReferencePlan;
import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.UnitCatalog;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The city's plan as the platform loads it on start: numbering, owners and targets checked against the plan and org data. */
class CampaignReferenceIntegrationTests extends IntegrationTest {

    @Autowired
    ProgrammeRepository programmes;
    @Autowired
    UnitCatalog units;
    @Autowired
    ProgrammeService programmeService;

    private Programme reference() {
        return programmes.findByCode(ReferencePlan.CODE).orElseThrow();
    }

    @Test
    void theLoadedPlanHasThirtySixMeasuresInTwelveActionsNumberedAsThePlan() {
        Programme p = reference();
        assertThat(p.documentNumber()).isEqualTo("晋市安委发〔2024〕6号");
        assertThat(p.endsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        List<ProgrammeRepository.ActionView> actions = programmes.structure(p.id());
        assertThat(actions).hasSize(12);
        assertThat(actions).extracting(ProgrammeRepository.ActionView::no).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        List<ProgrammeRepository.MeasureView> measures = actions.stream().flatMap(a -> a.measures().stream()).toList();
        assertThat(measures).extracting(ProgrammeRepository.MeasureView::no)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 36).boxed().toList());
        // each measure sits in the action the plan puts it in: 1-3 in (一), 6-14 in (三), 35-36 in (十二)
        Map<Integer, Integer> actionOf = measures.stream().collect(Collectors.toMap(ProgrammeRepository.MeasureView::no,
                ProgrammeRepository.MeasureView::actionNo));
        assertThat(actionOf).containsEntry(3, 1).containsEntry(6, 3).containsEntry(14, 3).containsEntry(21, 7)
                .containsEntry(25, 8).containsEntry(34, 11).containsEntry(36, 12);
        assertThat(measures.get(18).text()).contains("实现特种作业人员全部入网管理");
    }

    @Test
    void everyOwnerIsAMemberUnitThatExistsAndTheOfficeOwnsWhatThePlanGivesTheCommittee() {
        Map<UUID, CommitteeUnit> known = units.all().stream().collect(Collectors.toMap(CommitteeUnit::id, Function.identity()));
        List<ProgrammeRepository.MeasureView> measures = programmes.structure(reference().id()).stream()
                .flatMap(a -> a.measures().stream()).toList();
        for (ProgrammeRepository.MeasureView m : measures) {
            assertThat(known.keySet()).as("owners of measure %d", m.no())
                    .containsAll(m.owners().stream().map(ProgrammeRepository.OwnerView::unitId).toList());
            assertThat(m.owners().isEmpty() && m.officeRole() == null && m.levels().city())
                    .as("measure %d has an owner at city level", m.no()).isFalse();
        }
        Map<Integer, ProgrammeRepository.MeasureView> byNo = measures.stream()
                .collect(Collectors.toMap(ProgrammeRepository.MeasureView::no, Function.identity()));
        // 1: 市县两级党委政府 -> the offices; 4: 市安委会; 33: 县级政府 only
        assertThat(byNo.get(1).officeRole()).isEqualTo(OwnerRole.LEAD);
        assertThat(byNo.get(4).officeRole()).isEqualTo(OwnerRole.LEAD);
        assertThat(byNo.get(33).levels().city()).isFalse();
        // 9: 燃气行业管理部门牵头，公安、交通运输、商务、市场监管、消防 participate
        assertThat(names(byNo.get(9), known, OwnerRole.LEAD)).containsExactly("市城市管理局");
        assertThat(names(byNo.get(9), known, OwnerRole.COOPERATE))
                .containsExactlyInAnyOrder("市公安局", "市交通运输局", "市商务局", "市市场监督管理局", "市消防救援支队");
        // 17: 市级负有安全生产监管职责的部门 = every unit of Attachment 2's first category
        Set<String> categoryOne = known.values().stream().filter(u -> u.category() == 1).map(CommitteeUnit::name)
                .collect(Collectors.toSet());
        assertThat(categoryOne).hasSize(28);
        assertThat(names(byNo.get(17), known, OwnerRole.RESPONSIBLE)).containsExactlyInAnyOrderElementsOf(categoryOne);
        // the mapping is the platform's reading until the city office checks it
        assertThat(measures).allMatch(m -> !m.checked() || m.checkedBy() != null);
    }

    @Test
    void targetsCarryThePlansDatesAndYearlyQuantities() {
        Map<Integer, ProgrammeRepository.MeasureView> byNo = programmes.structure(reference().id()).stream()
                .flatMap(a -> a.measures().stream()).collect(Collectors.toMap(ProgrammeRepository.MeasureView::no, Function.identity()));
        assertThat(byNo.get(19).targets()).anySatisfy(t -> {
            assertThat(t.dueOn()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(t.text()).contains("特种作业人员全部入网管理");
        });
        assertThat(byNo.get(3).targets()).anySatisfy(t -> {
            assertThat(t.yearly()).isTrue();
            assertThat(t.quantity()).isEqualByComparingTo(BigDecimal.TEN);
            assertThat(t.quantityUnit()).isEqualTo("项");
        });
        assertThat(byNo.get(21).lastTargetDate()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(byNo.get(28).targets()).extracting(ProgrammeRepository.TargetView::dueOn)
                .containsExactly(LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31));
    }

    @Test
    void theLoadedPlansHistoryStartsWithItsLoadingUnderItsChineseName() {
        Transition first = programmeService.history(reference().id()).get(0);
        assertThat(first.action()).isEqualTo("LOAD");
        assertThat(first.actionLabel()).isEqualTo("载入");
    }

    @Test
    void everyMemberUnitAndEveryCountyReportsUnderThePlan() {
        List<ProgrammeRepository.Party> parties = programmes.parties(reference().id());
        long activeUnits = units.all().stream().filter(CommitteeUnit::active).count();
        assertThat(parties.stream().filter(x -> x.addressee().unitId() != null)).hasSize((int) activeUnits);
        assertThat(parties.stream().filter(x -> x.addressee().unitId() == null).map(x -> x.addressee().regionCode()))
                .containsExactlyInAnyOrder("140502", "140521", "140522", "140524", "140525", "140581");
    }

    private static List<String> names(ProgrammeRepository.MeasureView m, Map<UUID, CommitteeUnit> known, OwnerRole role) {
        return m.owners().stream().filter(o -> o.role() == role).map(o -> known.get(o.unitId()).name()).toList();
    }
}
