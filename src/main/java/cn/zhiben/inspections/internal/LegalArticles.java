package cn.zhiben.inspections.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The articles a decision may cite (insp_legal_article), with the maximum fines they set and their confidence mark. */
@Component
public class LegalArticles {

    private final JdbcClient jdbc;

    LegalArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param unitMaxFen    highest fine on an organisation in any situation of the article, null if none is fixed
     * @param uncappedUnit  fines an organisation without a fixed maximum (multiples, per day)
     * @param confidence    V verified in the primary text, P secondary copies, M unconfirmed
     */
    public record Article(String code, String law, String article, String summary, Long unitMaxFen, Long personMaxFen,
                          boolean perDay, boolean uncappedUnit, String confidence) {

        public String citation() {
            return "《" + law.replaceFirst("（.*）$", "") + "》" + article;
        }

        public boolean finesUnits() {
            return unitMaxFen != null || uncappedUnit;
        }

        public boolean finesPersons() {
            return personMaxFen != null;
        }
    }

    public List<Article> all() {
        return jdbc.sql("""
                select code, law, article, summary, unit_max_fen, person_max_fen, per_day, uncapped_unit, confidence
                from insp_legal_article order by sort_order""")
                .query((rs, n) -> new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getBoolean(7), rs.getBoolean(8), rs.getString(9)))
                .list();
    }

    public Map<String, Article> byCode(Collection<String> codes) {
        return all().stream().filter(a -> codes.contains(a.code()))
                .collect(Collectors.toMap(Article::code, Function.identity()));
    }
}
