package cn.zhiben.standards.internal;

import cn.zhiben.standards.ClauseOrigin;
import cn.zhiben.standards.StandardClause;
import cn.zhiben.standards.internal.LibraryViews.Change;
import cn.zhiben.standards.internal.LibraryViews.ClauseItem;
import cn.zhiben.standards.internal.LibraryViews.Comparison;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Two versions side by side: clauses added, removed and changed, matched by clause number. */
@Service
@Transactional(readOnly = true)
public class VersionComparison {

    private final Library library;

    VersionComparison(Library library) {
        this.library = library;
    }

    public Comparison compare(VersionRow from, VersionRow to) {
        Map<String, StandardClause> a = national(from);
        Map<String, StandardClause> b = national(to);
        List<ClauseItem> added = new ArrayList<>();
        List<ClauseItem> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, StandardClause> e : a.entrySet()) {
            StandardClause after = b.get(e.getKey());
            if (after == null) {
                removed.add(ClauseItem.of(e.getValue(), false, null));
                continue;
            }
            List<String> fields = differences(e.getValue(), after);
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new Change(e.getKey(), ClauseItem.of(e.getValue(), false, null), ClauseItem.of(after, false, null), fields));
            }
        }
        b.forEach((no, c) -> {
            if (!a.containsKey(no)) {
                added.add(ClauseItem.of(c, false, null));
            }
        });
        return new Comparison(library.summary(from), library.summary(to), added, removed, changed, unchanged);
    }

    private Map<String, StandardClause> national(VersionRow v) {
        Map<String, StandardClause> out = new LinkedHashMap<>();
        library.clauseRows(v.id()).stream().filter(r -> r.origin() == ClauseOrigin.STANDARD)
                .forEach(r -> out.put(r.clauseNo(), r.toClause(v)));
        return out;
    }

    /** Chinese names of the fields that differ. */
    static List<String> differences(StandardClause x, StandardClause y) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(x.summary(), y.summary())) {
            out.add("摘要");
        }
        if (!Objects.equals(x.categoryName(), y.categoryName())) {
            out.add("分类");
        }
        if (x.confidence() != y.confidence()) {
            out.add("可信度");
        }
        if (!Objects.equals(x.industryCodes(), y.industryCodes()) || x.allIndustries() != y.allIndustries()) {
            out.add("适用行业");
        }
        if (!Objects.equals(x.specialOperation(), y.specialOperation())) {
            out.add("专项作业");
        }
        return out;
    }
}
