package cn.zhiben.standards.internal;

import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.internal.LibraryViews.SearchResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Search over clause summaries of published versions. PostgreSQL full-text search does not segment Chinese, so each
 * whitespace-separated term must occur as a substring (ILIKE). Hits are ranked here by character-bigram overlap with
 * the query, because pg_trgm yields no trigrams for CJK text under the embedded server's C locale.
 */
@Service
@Transactional(readOnly = true)
public class ClauseSearch {

    static final int LIMIT = 200;
    private final LibraryRepository repo;
    private final Library library;

    ClauseSearch(LibraryRepository repo, Library library) {
        this.repo = repo;
        this.library = library;
    }

    /**
     * @param industryCode only clauses concerning this field (null: all)
     * @param date         only clauses in force on this date (null: every version, superseded ones included)
     */
    public SearchResult search(String query, String industryCode, LocalDate date) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ProblemException.badRequest("QUERY_REQUIRED", "请输入检索词");
        }
        if (q.length() > 100) {
            throw ProblemException.badRequest("QUERY_TOO_LONG", "检索词不能超过100个字符");
        }
        if (industryCode != null) {
            library.requireIndustry(industryCode);
        }
        List<String> terms = Arrays.stream(q.split("\\s+")).filter(t -> !t.isEmpty()).distinct().limit(10).toList();
        Map<UUID, VersionRow> versions = repo.versions().stream().collect(Collectors.toMap(VersionRow::id, Function.identity()));
        List<ClauseRow> rows = repo.search(terms, q, LIMIT + 1);
        List<StandardClause> hits = rows.stream()
                .map(r -> r.toClause(versions.get(r.versionId())))
                .filter(c -> industryCode == null || Library.relevant(c, industryCode))
                .filter(c -> date == null || c.validOn(date))
                .sorted(java.util.Comparator.comparingDouble((StandardClause c) -> -similarity(q, c.summary())))
                .limit(LIMIT)
                .toList();
        return new SearchResult(q, date, industryCode, hits, rows.size() > LIMIT);
    }

    /** Dice coefficient of the character bigrams of two texts (whitespace ignored), 0..1. */
    static double similarity(String a, String b) {
        java.util.Map<String, Integer> x = bigrams(a);
        java.util.Map<String, Integer> y = bigrams(b);
        int total = x.values().stream().mapToInt(Integer::intValue).sum() + y.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 0;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / total;
    }

    private static java.util.Map<String, Integer> bigrams(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        int[] cps = t.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            out.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        if (cps.length == 1) {
            out.merge(t, 1, Integer::sum);
        }
        return out;
    }
}
