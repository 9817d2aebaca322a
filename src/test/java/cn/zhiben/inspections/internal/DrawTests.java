package cn.zhiben.inspections.internal;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The draw of 双随机一公开 (国办发〔2015〕58号) over generated inputs: reproducible from what it stores, at least two officers
 * per inspection (行政处罚法 Art. 42), no officer with a recorded conflict (Art. 43), not the previous inspection's
 * officers, quotas kept — and a refusal only when no draw could satisfy the rules (checked by an independent flow).
 */
class DrawTests {

    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 3, 31);

    @Test
    void tenThousandGeneratedDrawsAreReproducibleAndKeepPairingAvoidanceAndQuotas() {
        Random gen = new Random(20261203L);
        int made = 0;
        Map<String, Integer> refused = new HashMap<>();
        for (int n = 0; n < 10_000; n++) {
            Draw.Inputs in = generate(gen);
            byte[] seed = new byte[32];
            gen.nextBytes(seed);
            Draw.Result result;
            try {
                result = Draw.run(in, seed);
            } catch (ProblemException e) {
                refused.merge(e.code(), 1, Integer::sum);
                assertRefusalIsRight(in, e);
                continue;
            }
            made++;
            // the same inputs and seed give the same draw: what verify relies on
            assertThat(Draw.run(in, seed.clone())).isEqualTo(result);
            check(in, result);
        }
        assertThat(made).as("draws made (refused: %s)", refused).isGreaterThan(6_000);
        assertThat(refused).containsKeys("DRAW_TOO_FEW_OFFICERS", "DRAW_AVOIDANCE_UNSATISFIABLE");
    }

    @Test
    void aRandomGroupPicksEachCandidateEquallyOften() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(new UUID(0, i + 1));
        }
        List<Draw.Candidate> candidates = ids.stream().map(id -> candidate(id, List.of())).toList();
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "全部", Draw.Selection.RANDOM, 1, ids)), candidates,
                officers(2, Map.of()), List.of(), 0, null);
        Map<UUID, Integer> counts = new HashMap<>();
        Random gen = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            byte[] seed = new byte[32];
            gen.nextBytes(seed);
            counts.merge(Draw.run(in, seed).picks().get(0).enterpriseId(), 1, Integer::sum);
        }
        // expected 1000 each; the seeds are fixed, so this is not flaky — a biased shuffle lands far outside
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(900, 1100));
    }

    @Test
    void anEmptyCandidateListIsRefused() {
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "全部", Draw.Selection.RANDOM, 3, List.of())), List.of(),
                officers(4, Map.of()), List.of(), 0, null);
        assertThatThrownBy(() -> Draw.run(in, new byte[32]))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("DRAW_NO_CANDIDATES"));
    }

    @Test
    void tooFewOfficersAreRefused() {
        UUID a = new UUID(0, 1);
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "全部", Draw.Selection.RANDOM, 1, List.of(a))),
                List.of(candidate(a, List.of())), officers(1, Map.of()), List.of(), 0, null);
        assertThatThrownBy(() -> Draw.run(in, new byte[32]))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("DRAW_TOO_FEW_OFFICERS"));
    }

    @Test
    void theOfficersOfTheLastInspectionAndThoseWithAConflictAreNotDrawnForTheEnterprise() {
        UUID a = new UUID(0, 1);
        List<Draw.Person> officers = officers(4, Map.of(0, Set.of(a)));
        Draw.Candidate c = candidate(a, List.of(officers.get(1).id()));
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "全部", Draw.Selection.RANDOM, 1, List.of(a))), List.of(c),
                officers, List.of(), 0, null);
        for (int s = 0; s < 50; s++) {
            byte[] seed = HexFormat.of().parseHex("%064x".formatted(s));
            assertThat(Draw.run(in, seed).picks().get(0).officers())
                    .containsExactlyInAnyOrder(officers.get(2).id(), officers.get(3).id());
        }
    }

    @Test
    void aJointOrCrossInspectionIsLedByAnOfficerOfTheOrganisingUnitWithOfficersOfTheOthers() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(new UUID(0, i + 1));
        }
        List<Draw.Person> officers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            officers.add(new Draw.Person(new UUID(2, i + 1), "人员" + i, "Z" + i, List.of(), List.of(), true, i < 2));
        }
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "全部", Draw.Selection.RANDOM, 6, ids)),
                ids.stream().map(id -> candidate(id, List.of())).toList(), officers, List.of(), 0, null);
        Draw.Result r = Draw.run(in, new byte[32]);
        Set<UUID> leads = Set.of(officers.get(0).id(), officers.get(1).id());
        assertThat(r.picks()).hasSize(6).allSatisfy(p -> {
            assertThat(p.officers()).hasSize(2);
            assertThat(leads).contains(p.officers().get(0));
            assertThat(leads).doesNotContain(p.officers().get(1));
        });
        // the two leads share the six inspections evenly
        assertThat(r.picks().stream().filter(p -> p.officers().get(0).equals(officers.get(0).id())).count()).isEqualTo(3);
    }

    @Test
    void dueSelectionTakesThoseLongestWithoutAnInspection() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        UUID c = new UUID(0, 3);
        List<Draw.Candidate> candidates = List.of(
                new Draw.Candidate(a, "甲", "140525", "mine.coal", "GRADE_1", "HIGH", true, LocalDate.of(2026, 3, 1), List.of()),
                new Draw.Candidate(b, "乙", "140525", "mine.coal", "NONE", "HIGH", true, null, List.of()),
                new Draw.Candidate(c, "丙", "140525", "mine.coal", "GRADE_1", "HIGH", false, LocalDate.of(2026, 11, 1), List.of()));
        Draw.Inputs in = inputs(List.of(new Draw.Group(1, "到期", Draw.Selection.DUE, 5, List.of(a, b, c))), candidates,
                officers(2, Map.of()), List.of(), 0, null);
        Draw.Result r = Draw.run(in, new byte[32]);
        assertThat(r.picks()).extracting(Draw.Pick::enterpriseId).containsExactly(b, a);
        assertThat(r.shortfalls()).containsExactly(new Draw.Shortfall(1, 5, 2));
    }

    // ---- checks ----

    private static void check(Draw.Inputs in, Draw.Result r) {
        Map<UUID, Draw.Candidate> byId = new HashMap<>();
        in.candidates().forEach(c -> byId.put(c.id(), c));
        Map<UUID, Draw.Person> officers = new HashMap<>();
        in.officers().forEach(o -> officers.put(o.id(), o));
        Map<UUID, Draw.Person> experts = new HashMap<>();
        in.experts().forEach(o -> experts.put(o.id(), o));
        Set<UUID> seen = new HashSet<>();
        Map<UUID, Integer> load = new HashMap<>();
        for (Draw.Pick p : r.picks()) {
            assertThat(seen.add(p.enterpriseId())).as("enterprise drawn once").isTrue();
            Draw.Group g = in.groups().stream().filter(x -> x.ord() == p.group()).findFirst().orElseThrow();
            assertThat(g.candidateIds()).contains(p.enterpriseId());
            Draw.Candidate c = byId.get(p.enterpriseId());
            assertThat(p.officers()).hasSize(in.officersPerInspection()).doesNotHaveDuplicates();
            for (UUID o : p.officers()) {
                Draw.Person person = officers.get(o);
                assertThat(person.available()).isTrue();
                assertThat(person.avoid()).as("conflict of interest").doesNotContain(c.id());
                assertThat(c.previousOfficers()).as("same officer twice in a row").doesNotContain(o);
                load.merge(o, 1, Integer::sum);
            }
            assertThat(p.experts()).hasSize(in.expertsPerInspection()).doesNotHaveDuplicates();
            for (UUID x : p.experts()) {
                Draw.Person e = experts.get(x);
                assertThat(e.available()).isTrue();
                assertThat(e.avoid()).doesNotContain(c.id());
                assertThat(e.specialities()).anyMatch(s -> c.industryCode().startsWith(s));
            }
        }
        if (in.maxPerOfficer() != null) {
            assertThat(load.values()).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(in.maxPerOfficer()));
        }
        // each group took its quota or everything still available to it
        Set<UUID> before = new HashSet<>();
        for (Draw.Group g : in.groups()) {
            long available = g.candidateIds().stream().filter(id -> !before.contains(id)).count();
            long picked = r.picks().stream().filter(p -> p.group() == g.ord()).count();
            assertThat(picked).isEqualTo(Math.min(g.quota(), available));
            r.picks().stream().filter(p -> p.group() == g.ord()).forEach(p -> before.add(p.enterpriseId()));
        }
    }

    /** A refusal must be right: no assignment satisfies the rules (independent Ford–Fulkerson on the loosest cap). */
    private static void assertRefusalIsRight(Draw.Inputs in, ProblemException e) {
        Set<UUID> taken = new HashSet<>();
        List<UUID> picked = new ArrayList<>();
        // the enterprises are the same whatever the seed decides about which; for feasibility what matters is which
        // ones were picked — re-derive them with the production selection by a draw without officers' constraints
        switch (e.code()) {
            case "DRAW_NO_CANDIDATES" -> {
                assertThat(in.groups().stream().allMatch(g -> g.candidateIds().isEmpty())).isTrue();
                return;
            }
            case "DRAW_TOO_FEW_OFFICERS" -> {
                assertThat(in.officers().stream().filter(Draw.Person::available).count()).isLessThan(in.officersPerInspection());
                return;
            }
            case "DRAW_AVOIDANCE_UNSATISFIABLE", "DRAW_OFFICER_QUOTA_TOO_LOW", "DRAW_TOO_FEW_EXPERTS" -> {
            }
            default -> fail("unexpected refusal " + e.code());
        }
        for (Draw.Group g : in.groups()) {
            for (UUID id : g.candidateIds()) {
                if (taken.add(id)) {
                    picked.add(id);
                }
            }
        }
        // generated groups take every candidate (quota ≥ size), so the picked set is known without the seed
        Map<UUID, Draw.Candidate> byId = new HashMap<>();
        in.candidates().forEach(c -> byId.put(c.id(), c));
        boolean expertsFail = e.code().equals("DRAW_TOO_FEW_EXPERTS");
        List<Draw.Person> people = (expertsFail ? in.experts() : in.officers()).stream().filter(Draw.Person::available).toList();
        int need = expertsFail ? in.expertsPerInspection() : in.officersPerInspection();
        int cap = expertsFail || in.maxPerOfficer() == null ? picked.size() : in.maxPerOfficer();
        boolean[][] ok = new boolean[picked.size()][people.size()];
        for (int i = 0; i < picked.size(); i++) {
            Draw.Candidate c = byId.get(picked.get(i));
            for (int j = 0; j < people.size(); j++) {
                Draw.Person p = people.get(j);
                ok[i][j] = !p.avoid().contains(c.id()) && (expertsFail
                        ? p.specialities().stream().anyMatch(s -> c.industryCode().startsWith(s))
                        : !(in.avoidRepeatOfficers() && c.previousOfficers().contains(p.id())));
            }
        }
        assertThat(maxFlow(ok, need, cap)).as("refused although an assignment exists").isLessThan(need * picked.size());
    }

    private static int maxFlow(boolean[][] ok, int need, int cap) {
        int k = ok.length;
        int m = k == 0 ? 0 : ok[0].length;
        int n = k + m + 2;
        int s = k + m;
        int t = s + 1;
        int[][] capacity = new int[n][n];
        for (int i = 0; i < k; i++) {
            capacity[s][i] = need;
            for (int j = 0; j < m; j++) {
                capacity[i][k + j] = ok[i][j] ? 1 : 0;
            }
        }
        for (int j = 0; j < m; j++) {
            capacity[k + j][t] = cap;
        }
        int flow = 0;
        while (dfs(capacity, s, t, new boolean[n])) {
            flow++;
        }
        return flow;
    }

    private static boolean dfs(int[][] c, int v, int t, boolean[] seen) {
        if (v == t) {
            return true;
        }
        seen[v] = true;
        for (int w = 0; w < c.length; w++) {
            if (c[v][w] > 0 && !seen[w] && dfs(c, w, t, seen)) {
                c[v][w]--;
                c[w][v]++;
                return true;
            }
        }
        return false;
    }

    // ---- generated inputs ----

    /**
     * Up to 9 enterprises in up to 3 groups (each group's quota covers its candidates, so the set drawn is known
     * without the seed and the refusal check can be exact), 0–7 officers with random conflicts and previous
     * inspections, sometimes experts, sometimes a per-officer maximum.
     */
    private static Draw.Inputs generate(Random gen) {
        int k = 1 + gen.nextInt(9);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ids.add(new UUID(gen.nextLong(), gen.nextLong()));
        }
        ids.sort((x, y) -> x.toString().compareTo(y.toString()));
        int m = gen.nextInt(20) == 0 ? gen.nextInt(3) : 3 + gen.nextInt(6);
        List<UUID> officerIds = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            officerIds.add(new UUID(gen.nextLong(), gen.nextLong()));
        }
        List<Draw.Candidate> candidates = new ArrayList<>();
        for (UUID id : ids) {
            List<UUID> previous = new ArrayList<>();
            if (gen.nextInt(4) == 0 && m >= 2) {
                previous.add(officerIds.get(gen.nextInt(m)));
                previous.add(officerIds.get(gen.nextInt(m)));
            }
            String industry = gen.nextBoolean() ? "mine.coal" : "hazchem.production";
            candidates.add(new Draw.Candidate(id, "企业" + id.toString().substring(0, 4), "140525", industry, "NONE",
                    "HIGH", true, null, List.copyOf(new HashSet<>(previous))));
        }
        List<Draw.Person> officers = new ArrayList<>();
        for (UUID oid : officerIds) {
            List<UUID> avoid = new ArrayList<>();
            for (UUID id : ids) {
                if (gen.nextInt(8) == 0) {
                    avoid.add(id);
                }
            }
            officers.add(new Draw.Person(oid, "执法" + oid.toString().substring(0, 4), "Z" + oid.toString().substring(0, 6),
                    avoid, List.of(), gen.nextInt(15) != 0, false));
        }
        List<Draw.Group> groups = new ArrayList<>();
        int g = 1 + gen.nextInt(3);
        for (int x = 0; x < g; x++) {
            List<UUID> members = new ArrayList<>();
            for (UUID id : ids) {
                if (x == 0 || gen.nextBoolean()) {
                    members.add(id);
                }
            }
            groups.add(new Draw.Group(x + 1, "组" + (x + 1), gen.nextInt(4) == 0 ? Draw.Selection.DUE : Draw.Selection.RANDOM,
                    Math.max(1, members.size()), members));
        }
        int experts = gen.nextInt(4) == 0 ? 1 : 0;
        List<Draw.Person> pool = new ArrayList<>();
        if (experts > 0) {
            for (int j = 0; j < 2 + gen.nextInt(4); j++) {
                UUID id = new UUID(gen.nextLong(), gen.nextLong());
                pool.add(new Draw.Person(id, "专家" + j, null, gen.nextBoolean() ? List.of() : List.of(ids.get(gen.nextInt(k))),
                        gen.nextBoolean() ? List.of("mine") : List.of("mine", "hazchem"), gen.nextInt(5) != 0, false));
            }
        }
        Integer max = gen.nextInt(4) == 0 ? 2 + gen.nextInt(4) : null;
        return new Draw.Inputs(Draw.ALGORITHM, UUID.randomUUID(), FROM, TO, 2, experts, max, true, groups,
                candidates, officers, pool);
    }

    private static Draw.Candidate candidate(UUID id, List<UUID> previous) {
        return new Draw.Candidate(id, "企业" + id.getLeastSignificantBits(), "140525", "mine.coal", "NONE", "HIGH", true,
                null, previous);
    }

    private static List<Draw.Person> officers(int n, Map<Integer, Set<UUID>> conflicts) {
        List<Draw.Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Draw.Person(new UUID(1, i + 1), "执法人员" + i, "Z" + i,
                    List.copyOf(conflicts.getOrDefault(i, Set.of())), List.of(), true, false));
        }
        return out;
    }

    private static Draw.Inputs inputs(List<Draw.Group> groups, List<Draw.Candidate> candidates, List<Draw.Person> officers,
                                      List<Draw.Person> experts, int expertsPer, Integer max) {
        return new Draw.Inputs(Draw.ALGORITHM, UUID.randomUUID(), FROM, TO, 2, expertsPer, max, true, groups, candidates,
                officers, experts);
    }
}
