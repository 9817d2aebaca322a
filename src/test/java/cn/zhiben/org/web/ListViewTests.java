package cn.zhiben.org.web;

import cn.zhiben.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListViewTests {

    @Test
    void defaultsToTreeAndToFlatWhenFiltered() {
        assertThat(ListView.parse(null, false)).isEqualTo(ListView.TREE);
        assertThat(ListView.parse(" ", true)).isEqualTo(ListView.FLAT);
        assertThat(ListView.parse("Flat", false)).isEqualTo(ListView.FLAT);
    }

    @Test
    void rejectsUnknownViewsAndATreeThatIsFiltered() {
        assertThatThrownBy(() -> ListView.parse("graph", false)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("INVALID_PARAMETER");
        assertThatThrownBy(() -> ListView.parse("tree", true)).isInstanceOf(ProblemException.class);
    }
}
