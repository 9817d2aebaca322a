package cn.zhiben.campaign.internal;

import cn.zhiben.org.CommitteeUnit;
import cn.zhiben.org.UnitCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The city's plan as the platform loads it: actions and measures parsed from the plan's own text (a copy of
 * 晋市安委发〔2024〕6号 in the jar), the owners and targets of each measure from the two mapping files beside it, every
 * owner resolved to a member unit that exists. A name that matches no unit stops the load.
 */
@Component
public class ReferencePlan {

    static final String TEXT = "campaign/jincheng-action-plan-2024-2026.txt";
    static final String MEASURES = "campaign/jincheng-action-plan-2024-2026-measures.csv";
    static final String TARGETS = "campaign/jincheng-action-plan-2024-2026-targets.csv";
    public static final String CODE = "JC-ZBGJ-2024-2026";

    private final UnitCatalog units;

    ReferencePlan(UnitCatalog units) {
        this.units = units;
    }

    public record UnitRole(UUID unitId, String unitName, OwnerRole role) {
    }

    public record TargetDraft(int seq, LocalDate dueOn, boolean yearly, BigDecimal quantity, String quantityUnit,
                              String wording, String text) {
    }

    public record MeasureDraft(int no, String title, String text, Levels levels, OwnerRole officeRole,
                               List<UnitRole> units, String basis, List<TargetDraft> targets) {
    }

    public record ActionDraft(int no, String numeral, String title, List<MeasureDraft> measures) {
    }

    public record ScheduleDraft(ReportKind kind, Recurrence recurrence, String monthDay, LocalDate onceOn,
                                Audience audience, String source, boolean inferred) {
    }

    public record PlanDraft(String code, String title, String documentNumber, LocalDate issuedOn, LocalDate startsOn,
                            LocalDate endsOn, LocalDate reportingFrom, String source, List<ActionDraft> actions,
                            List<ScheduleDraft> schedules) {
    }

    /**
     * The 2024–2026 programme. Reporting through the platform starts in January 2026 (our assumption: the platform's
     * first year; the office may move it before activating the programme).
     */
    public PlanDraft load(String yearSummaryDay, String listsDay) {
        List<PlanText.ParsedAction> parsed = PlanText.parse(read(TEXT));
        Map<Integer, String[]> mapping = rows(MEASURES, 7);
        Map<Integer, List<TargetDraft>> targets = new LinkedHashMap<>();
        for (String[] t : rowList(TARGETS, 8)) {
            targets.computeIfAbsent(Integer.parseInt(t[0]), k -> new ArrayList<>()).add(new TargetDraft(
                    Integer.parseInt(t[1]), t[2].isBlank() ? null : LocalDate.parse(t[2]), Boolean.parseBoolean(t[3]),
                    t[4].isBlank() ? null : new BigDecimal(t[4]), t[5].isBlank() ? null : t[5], t[6], t[7]));
        }
        List<CommitteeUnit> all = units.all();
        List<ActionDraft> actions = new ArrayList<>();
        for (PlanText.ParsedAction a : parsed) {
            List<MeasureDraft> measures = new ArrayList<>();
            for (PlanText.ParsedMeasure m : a.measures()) {
                String[] row = mapping.get(m.no());
                if (row == null) {
                    throw new IllegalStateException("measure " + m.no() + " has no row in " + MEASURES);
                }
                Owners owners = owners(row, all);
                measures.add(new MeasureDraft(m.no(), row[1], m.text(), Levels.valueOf(row[2]), owners.officeRole,
                        List.copyOf(owners.units.values()), row[6], List.copyOf(targets.getOrDefault(m.no(), List.of()))));
            }
            actions.add(new ActionDraft(a.no(), a.numeral(), a.title(), List.copyOf(measures)));
        }
        if (mapping.size() != actions.stream().mapToInt(a -> a.measures().size()).sum()) {
            throw new IllegalStateException(MEASURES + " maps measures the plan text does not have");
        }
        String src = "晋市安委发〔2024〕6号 六(六)";
        List<ScheduleDraft> schedules = List.of(
                new ScheduleDraft(ReportKind.MONTHLY, Recurrence.MONTHLY, null, null, Audience.ALL,
                        src + "：每月1日前报送上月阶段性工作进展", false),
                new ScheduleDraft(ReportKind.YEAR_SUMMARY, Recurrence.YEARLY, yearSummaryDay, null, Audience.ALL,
                        src + "：每年12月5日前，报送年度工作总结", false),
                new ScheduleDraft(ReportKind.EVALUATION_REPORT, Recurrence.ONCE, null, LocalDate.of(2026, 11, 10), Audience.ALL,
                        src + "：2026年11月10日前，报送治本攻坚三年行动评估报告", false),
                new ScheduleDraft(ReportKind.SUB_PLAN, Recurrence.ONCE, null, LocalDate.of(2024, 2, 23), Audience.ALL,
                        "晋市安委发〔2024〕6号 五(一)、六(六)：行动方案2月23日前印发并报送市安委办备案", false),
                new ScheduleDraft(ReportKind.DUTY_LIST, Recurrence.YEARLY, listsDay, null, Audience.COUNTIES,
                        "晋市安委发〔2024〕6号 四(一)1：报上一级安委办备案（方案未定报送日期，由平台推定，市安委办可调整）", true),
                new ScheduleDraft(ReportKind.ANNUAL_TASK_LIST, Recurrence.YEARLY, listsDay, null, Audience.COUNTIES,
                        "晋市安委发〔2024〕6号 四(一)1：报上一级安委办备案（方案未定报送日期，由平台推定，市安委办可调整）", true));
        return new PlanDraft(CODE, "晋城市安全生产治本攻坚三年行动实施方案（2024—2026年）", "晋市安委发〔2024〕6号",
                LocalDate.of(2024, 2, 6), LocalDate.of(2024, 2, 6), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 1),
                "晋城市安全生产委员会 晋市安委发〔2024〕6号（2024年2月6日印发），措施责任分工由平台据原文整理、经市安委办核对",
                List.copyOf(actions), schedules);
    }

    private record Owners(OwnerRole officeRole, Map<UUID, UnitRole> units) {
    }

    private static Owners owners(String[] row, List<CommitteeUnit> all) {
        Map<UUID, UnitRole> out = new LinkedHashMap<>();
        OwnerRole office = null;
        OwnerRole[] roles = {OwnerRole.LEAD, OwnerRole.RESPONSIBLE, OwnerRole.COOPERATE};
        for (int c = 0; c < 3; c++) {
            OwnerRole role = roles[c];
            for (String token : row[3 + c].split(";")) {
                String name = token.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("@OFFICE")) {
                    office = office == null ? role : OwnerRole.stronger(office, role);
                    continue;
                }
                List<CommitteeUnit> matched = name.equals("@C1")
                        ? all.stream().filter(u -> u.category() == 1 && u.active()).toList()
                        : all.stream().filter(u -> u.name().equals(name) || u.shortName().equals(name)).toList();
                if (matched.isEmpty()) {
                    throw new IllegalStateException("measure " + row[0] + ": no member unit named " + name);
                }
                for (CommitteeUnit u : matched) {
                    out.merge(u.id(), new UnitRole(u.id(), u.name(), role),
                            (x, y) -> new UnitRole(x.unitId(), x.unitName(), OwnerRole.stronger(x.role(), y.role())));
                }
            }
        }
        return new Owners(office, out);
    }

    private static Map<Integer, String[]> rows(String path, int columns) {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        for (String[] r : rowList(path, columns)) {
            if (out.put(Integer.parseInt(r[0]), r) != null) {
                throw new IllegalStateException(path + ": measure " + r[0] + " twice");
            }
        }
        return out;
    }

    /** Rows of a '|'-separated file without its comment lines and header. */
    private static List<String[]> rowList(String path, int columns) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : read(path).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = Arrays.copyOf(line.split("\\|", -1), columns);
            if (line.split("\\|", -1).length != columns) {
                throw new IllegalStateException(path + ": expected " + columns + " columns: " + line);
            }
            out.add(cells);
        }
        return out;
    }

    static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
