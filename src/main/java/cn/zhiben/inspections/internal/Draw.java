package cn.zhiben.inspections.internal;

import cn.zhiben.platform.web.ProblemException;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The random draw of 双随机一公开 (国办发〔2015〕58号: objects drawn from a directory, inspectors from the enforcement staff
 * list, by lottery; results published), as a pure function of its stored inputs and seed, so that anyone can re-run it:
 * {@code run(inputs, seed)} always gives the same result. Algorithm ZB-DRAW-1 (docs/inspections.md, decision 0020):
 * <ol>
 *   <li>each target group in order picks its quota from its candidates not yet picked (ascending id order):
 *       RANDOM by a partial Fisher–Yates shuffle with the stream "enterprises/{group}", DUE by the oldest last inspection;</li>
 *   <li>each picked enterprise gets {@code officersPerInspection} distinct officers (行政处罚法 Art. 42: at least two)
 *       among those without a recorded conflict with it (Art. 43, 回避) and, if {@code avoidRepeatOfficers}, not on its
 *       previous inspection; each enterprise's eligible officers are shuffled with the stream "officers/{index}" and the
 *       assignment is a maximum flow in which no officer carries more than c inspections, c rising from ⌈p·k/m⌉ (even
 *       load) to the plan's maximum — the first c that lets every enterprise be served; when the organising unit's
 *       officers are marked lead (joint and cross inspections), one lead ("officers/lead/{index}") and p − 1 of the
 *       others are assigned that way, separately;</li>
 *   <li>experts the same way ("experts/{index}"), among those available in the period whose speciality covers the
 *       enterprise's industry.</li>
 * </ol>
 * A draw that cannot be made is refused with a stable code: DRAW_NO_CANDIDATES, DRAW_TOO_FEW_OFFICERS,
 * DRAW_AVOIDANCE_UNSATISFIABLE, DRAW_OFFICER_QUOTA_TOO_LOW, DRAW_TOO_FEW_EXPERTS.
 */
public final class Draw {

    public static final String ALGORITHM = "ZB-DRAW-1";

    private Draw() {
    }

    public enum Selection {
        /** a uniformly random subset (双随机) */
        RANDOM,
        /** the enterprises due for a routine inspection, longest without one first (plan item 20 frequencies) */
        DUE
    }

    /** What a draw is made from, frozen when it is made and stored as canonical JSON with its hash. */
    public record Inputs(String algorithm, UUID planId, LocalDate periodFrom, LocalDate periodTo, int officersPerInspection,
                         int expertsPerInspection, Integer maxPerOfficer, boolean avoidRepeatOfficers, List<Group> groups,
                         List<Candidate> candidates, List<Person> officers, List<Person> experts) {
    }

    /** A target of the plan: which candidates, how chosen, how many. */
    public record Group(int ord, String label, Selection selection, int quota, List<UUID> candidateIds) {
    }

    /**
     * @param due               due for a routine inspection by the frequency rule (DUE groups)
     * @param lastInspectedOn   this unit's last inspection of it, if any
     * @param previousOfficers  the officers of that inspection
     */
    public record Candidate(UUID id, String name, String regionCode, String industryCode, String grade, String riskClass,
                            boolean due, LocalDate lastInspectedOn, List<UUID> previousOfficers) {
    }

    /**
     * An officer or an expert.
     *
     * @param avoid        enterprises with a recorded conflict of interest
     * @param specialities experts: industry codes they cover (dot-hierarchical); officers: empty
     * @param available    experts: in term and not unavailable during the period; officers: certificate valid
     * @param lead         officers of the organising unit of a joint or cross inspection: each inspection is led by one
     *                     of them, its other officers come from the participating units
     */
    public record Person(UUID id, String name, String certificateNo, List<UUID> avoid, List<String> specialities,
                         boolean available, boolean lead) {
    }

    public record Result(List<Pick> picks, List<Shortfall> shortfalls) {
    }

    /** One inspection: the enterprise, its group, its officers (the first leads) and experts. */
    public record Pick(UUID enterpriseId, int group, List<UUID> officers, List<UUID> experts) {
    }

    /** A group that had fewer candidates than its quota. */
    public record Shortfall(int group, int quota, int picked) {
    }

    public static Result run(Inputs in, byte[] seed) {
        if (!ALGORITHM.equals(in.algorithm())) {
            throw ProblemException.unprocessable("DRAW_ALGORITHM_UNKNOWN", "未知的抽取算法版本：" + in.algorithm());
        }
        Map<UUID, Candidate> byId = new HashMap<>();
        in.candidates().forEach(c -> byId.put(c.id(), c));
        List<UUID> picked = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        Set<UUID> taken = new HashSet<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Group g : in.groups()) {
            List<UUID> pool = new ArrayList<>(g.candidateIds().stream().filter(id -> !taken.contains(id)).toList());
            List<UUID> chosen;
            if (g.selection() == Selection.RANDOM) {
                chosen = new DrawRandom(seed, "enterprises/" + g.ord()).pick(pool, g.quota());
            } else {
                chosen = pool.stream().map(byId::get).filter(Candidate::due)
                        .sorted(Comparator.comparing(Candidate::lastInspectedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(c -> c.id().toString()))
                        .limit(g.quota()).map(Candidate::id).toList();
            }
            if (chosen.size() < g.quota()) {
                shortfalls.add(new Shortfall(g.ord(), g.quota(), chosen.size()));
            }
            for (UUID id : chosen) {
                taken.add(id);
                picked.add(id);
                groupOf.add(g.ord());
            }
        }
        if (picked.isEmpty()) {
            throw ProblemException.unprocessable("DRAW_NO_CANDIDATES", "抽查对象名录为空：没有符合计划条件的企业，无法抽取");
        }
        int p = in.officersPerInspection();
        if (p < 2) {
            // 行政处罚法 Art. 42: enforcement by at least two officers
            throw ProblemException.unprocessable("DRAW_TOO_FEW_OFFICERS", "每次检查至少须两名执法人员");
        }
        List<Person> officers = in.officers().stream().filter(Person::available).toList();
        if (officers.size() < p) {
            throw ProblemException.unprocessable("DRAW_TOO_FEW_OFFICERS",
                    "执法人员不足：每次检查须 " + p + " 名持有效执法证的执法人员，本单位名录库中只有 " + officers.size() + " 名");
        }
        Eligibility officerRule = (person, c) -> !person.avoid().contains(c.id())
                && !(in.avoidRepeatOfficers() && c.previousOfficers() != null && c.previousOfficers().contains(person.id()));
        List<List<UUID>> officerPicks;
        List<Person> leads = officers.stream().filter(Person::lead).toList();
        if (leads.isEmpty()) {
            officerPicks = assign(picked, byId, officers, p, in.maxPerOfficer(), seed, "officers/", officerRule,
                    "DRAW_AVOIDANCE_UNSATISFIABLE", "执法人员");
        } else {
            // one officer of the organising unit leads each inspection; the others come from the participating units
            List<List<UUID>> first = assign(picked, byId, leads, 1, in.maxPerOfficer(), seed, "officers/lead/", officerRule,
                    "DRAW_AVOIDANCE_UNSATISFIABLE", "组织单位执法人员");
            List<List<UUID>> rest = assign(picked, byId, officers.stream().filter(o -> !o.lead()).toList(), p - 1,
                    in.maxPerOfficer(), seed, "officers/", officerRule, "DRAW_AVOIDANCE_UNSATISFIABLE", "参加单位执法人员");
            officerPicks = new ArrayList<>();
            for (int i = 0; i < picked.size(); i++) {
                List<UUID> both = new ArrayList<>(first.get(i));
                both.addAll(rest.get(i));
                officerPicks.add(List.copyOf(both));
            }
        }
        List<List<UUID>> expertPicks;
        int e = in.expertsPerInspection();
        if (e > 0) {
            List<Person> experts = in.experts().stream().filter(Person::available).toList();
            expertPicks = assign(picked, byId, experts, e, null, seed, "experts/",
                    (person, c) -> !person.avoid().contains(c.id()) && person.specialities().stream()
                            .anyMatch(s -> c.industryCode().equals(s) || c.industryCode().startsWith(s + ".")),
                    "DRAW_TOO_FEW_EXPERTS", "专家");
        } else {
            expertPicks = picked.stream().map(x -> List.<UUID>of()).toList();
        }
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            picks.add(new Pick(picked.get(i), groupOf.get(i), officerPicks.get(i), expertPicks.get(i)));
        }
        return new Result(List.copyOf(picks), List.copyOf(shortfalls));
    }

    interface Eligibility {
        boolean eligible(Person person, Candidate candidate);
    }

    /** Each enterprise gets {@code need} distinct people, balanced as evenly as the constraints allow. */
    private static List<List<UUID>> assign(List<UUID> enterprises, Map<UUID, Candidate> byId, List<Person> people, int need,
                                           Integer maxPerPerson, byte[] seed, String stream, Eligibility rule,
                                           String failCode, String what) {
        int k = enterprises.size();
        int m = people.size();
        if (m < need) {
            throw ProblemException.unprocessable(failCode.equals("DRAW_TOO_FEW_EXPERTS") ? failCode : "DRAW_TOO_FEW_OFFICERS",
                    what + "不足：每次检查须 " + need + " 名，可抽取的只有 " + m + " 名");
        }
        List<List<Integer>> eligible = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Candidate c = byId.get(enterprises.get(i));
            List<Integer> list = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (rule.eligible(people.get(j), c)) {
                    list.add(j);
                }
            }
            new DrawRandom(seed, stream + i).shuffle(list);
            if (list.size() < need) {
                throw ProblemException.unprocessable(failCode, "「" + c.name() + "」回避后可抽取的" + what + "只有 "
                        + list.size() + " 名，不足 " + need + " 名");
            }
            eligible.add(list);
        }
        int even = (need * k + m - 1) / m;
        int max = maxPerPerson == null ? k : maxPerPerson;
        if (even > max) {
            throw ProblemException.unprocessable("DRAW_OFFICER_QUOTA_TOO_LOW", what + "每人最多检查 " + max + " 家，"
                    + m + " 名" + what + "无法完成 " + k + " 家企业的检查");
        }
        for (int cap = even; cap <= max; cap++) {
            List<List<UUID>> out = flow(eligible, people, need, cap);
            if (out != null) {
                return out;
            }
        }
        throw ProblemException.unprocessable(failCode.equals("DRAW_TOO_FEW_EXPERTS") ? failCode : "DRAW_AVOIDANCE_UNSATISFIABLE",
                "在回避和每人检查数量的限制下，无法为每家企业配齐 " + need + " 名" + what);
    }

    /**
     * Maximum flow source → enterprise (need) → person (1 per pair) → sink (cap), by shortest augmenting paths in the
     * shuffled order; null if not every enterprise can be served. People of an enterprise are listed in shuffled order.
     */
    private static List<List<UUID>> flow(List<List<Integer>> eligible, List<Person> people, int need, int cap) {
        int k = eligible.size();
        int m = people.size();
        int source = k + m;
        int sink = source + 1;
        int n = sink + 1;
        List<int[]> edges = new ArrayList<>(); // {from, to, capacity}
        List<List<Integer>> adj = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            adj.add(new ArrayList<>());
        }
        Map<Long, Integer> pairEdge = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            addEdge(edges, adj, source, i, need);
        }
        for (int i = 0; i < k; i++) {
            for (int j : eligible.get(i)) {
                pairEdge.put(((long) i << 32) | j, edges.size());
                addEdge(edges, adj, i, k + j, 1);
            }
        }
        for (int j = 0; j < m; j++) {
            addEdge(edges, adj, k + j, sink, cap);
        }
        int total = 0;
        int[] via = new int[n];
        while (true) {
            Arrays.fill(via, -1);
            via[source] = -2;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            while (!queue.isEmpty() && via[sink] == -1) {
                int v = queue.poll();
                for (int ei : adj.get(v)) {
                    int[] e = edges.get(ei);
                    if (e[2] > 0 && via[e[1]] == -1) {
                        via[e[1]] = ei;
                        queue.add(e[1]);
                    }
                }
            }
            if (via[sink] == -1) {
                break;
            }
            for (int v = sink; v != source; ) {
                int ei = via[v];
                edges.get(ei)[2] -= 1;
                edges.get(ei ^ 1)[2] += 1;
                v = edges.get(ei)[0];
            }
            total++;
        }
        if (total < need * k) {
            return null;
        }
        List<List<UUID>> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<UUID> chosen = new ArrayList<>();
            for (int j : eligible.get(i)) {
                if (edges.get(pairEdge.get(((long) i << 32) | j))[2] == 0) {
                    chosen.add(people.get(j).id());
                }
            }
            out.add(List.copyOf(chosen));
        }
        return out;
    }

    private static void addEdge(List<int[]> edges, List<List<Integer>> adj, int from, int to, int capacity) {
        adj.get(from).add(edges.size());
        edges.add(new int[]{from, to, capacity});
        adj.get(to).add(edges.size());
        edges.add(new int[]{to, from, 0});
    }
}
