package cn.zhiben.standards;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Publishing makes a version immutable (in code and in the database) and supersedes its predecessor from a date. */
class StandardPublishingWebTests extends StandardsTestSupport {

    private final List<String> codes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        codes.forEach(this::deleteStandard);
    }

    private UUID importDraft(String token, String code, String from, UUID supersedes) throws Exception {
        String file = json(code, "\"water\"", from, supersedes == null ? null : supersedes.toString(),
                clauseJson("1.1", "1", "测试条款甲") + "," + clauseJson("1.2", "1", "测试条款乙"));
        String body = importFile(token, "v.json", file.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json(body).get("id").asString());
    }

    @Test
    void newVersionSupersedesTheOldOneFromItsDateAndOldJudgementsStillResolve() throws Exception {
        String city = token("city");
        String code = uniqueCode();
        codes.add(code);
        UUID v1 = importDraft(city, code, "2026-01-01", null);
        mvc.perform(auth(post("/api/v1/standards/versions/" + v1 + "/publish"), city)).andExpect(status().isOk());
        UUID v2 = importDraft(city, code, "2026-07-01", v1);
        mvc.perform(auth(post("/api/v1/standards/versions/" + v2 + "/publish"), city))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supersedes.id").value(v1.toString()));
        mvc.perform(auth(get("/api/v1/standards/versions/" + v1), city))
                .andExpect(jsonPath("$.version.effectiveTo").value("2026-06-30"))
                .andExpect(jsonPath("$.version.supersededBy.id").value(v2.toString()))
                .andExpect(jsonPath("$.chain[0].id").value(v1.toString()))
                .andExpect(jsonPath("$.chain[1].id").value(v2.toString()));
        assertThat(count("select count(*) from audit_log where action = 'UPDATE' and entity_type = 'std_version' and entity_id = '" + v1 + "'"))
                .isEqualTo(1);
        mvc.perform(auth(get("/api/v1/standards").param("industry", "water").param("date", "2026-06-30"), city))
                .andExpect(jsonPath("$.standards[?(@.version.id == '" + v1 + "')]").isNotEmpty())
                .andExpect(jsonPath("$.standards[?(@.version.id == '" + v2 + "')]").isEmpty());
        mvc.perform(auth(get("/api/v1/standards").param("industry", "water").param("date", "2026-07-01"), city))
                .andExpect(jsonPath("$.standards[?(@.version.id == '" + v1 + "')]").isEmpty())
                .andExpect(jsonPath("$.standards[?(@.version.id == '" + v2 + "')]").isNotEmpty());
        // compare: same numbers, same text
        mvc.perform(auth(get("/api/v1/standards/compare").param("from", v1.toString()).param("to", v2.toString()), city))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(2))
                .andExpect(jsonPath("$.added").isEmpty()).andExpect(jsonPath("$.removed").isEmpty());

        // a third version overlapping the second is refused at publication
        UUID v3 = importDraft(city, code, "2026-09-01", null);
        mvc.perform(auth(post("/api/v1/standards/versions/" + v3 + "/publish"), city))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VERSION_OVERLAP"));
        mvc.perform(auth(delete("/api/v1/standards/versions/" + v3), city)).andExpect(status().isNoContent());
        assertThat(count("select count(*) from std_version where id = '" + v3 + "'")).isZero();
        // published versions cannot be deleted
        mvc.perform(auth(delete("/api/v1/standards/versions/" + v2), city))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VERSION_PUBLISHED"));
        // the superseded version cannot be superseded twice
        String again = json(code, "\"water\"", "2026-08-01", v1.toString(), clauseJson("1.1", "1", "甲"));
        importFile(city, "again.json", again.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.hasItem("被替代的版本已被其他版本替代")));
    }

    @Test
    void onlyTheImportingUnitOrTheCityOfficeMayDeleteADraft() throws Exception {
        String code = uniqueCode();
        codes.add(code);
        UUID draft = importDraft(token("city"), code, "2026-01-01", null);
        mvc.perform(auth(delete("/api/v1/standards/versions/" + draft), token("yingji"))).andExpect(status().isNotFound());
        mvc.perform(auth(delete("/api/v1/standards/versions/" + draft), token("zezhou"))).andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/standards/versions/" + draft + "/publish"), token("zezhou"))).andExpect(status().isForbidden());
        mvc.perform(auth(post("/api/v1/standards/versions/" + UUID.randomUUID() + "/publish"), token("city")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("VERSION_NOT_FOUND"));
        assertThat(count("select count(*) from std_version where id = '" + draft + "'")).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesToChangePublishedContent() {
        UUID coal = version("coal-2021");
        UUID clause41 = clause("coal-2021", "4.1");
        assertThatThrownBy(() -> jdbc.sql("update std_clause set summary = '改写' where id = :id").param("id", clause41).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> jdbc.sql("delete from std_clause where id = :id").param("id", clause41).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("""
                insert into std_clause (id, version_id, category_code, clause_no, summary, confidence, sort_order, origin)
                values (gen_random_uuid(), :v, '4', '4.99', '插入', 'CONFIRMED', 1, 'STANDARD')""").param("v", coal).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot gain clauses");
        assertThatThrownBy(() -> jdbc.sql("update std_version set name = '改名' where id = :id").param("id", coal).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> jdbc.sql("update std_version set status = 'DRAFT' where id = :id").param("id", coal).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from std_version where id = :id").param("id", coal).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update std_category set name = '改名' where version_id = :id").param("id", coal).update())
                .isInstanceOf(DataAccessException.class);
        // an already ended version cannot be given another end
        assertThatThrownBy(() -> jdbc.sql("update std_version set effective_to = date '2025-12-31' where id = :id")
                .param("id", version("fire-2017")).update()).isInstanceOf(DataAccessException.class);
        // the one change allowed — ending an open version — works, here rolled back
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            assertThat(jdbc.sql("update std_version set effective_to = date '2030-12-31' where id = :id").param("id", coal).update())
                    .isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("select effective_to from std_version where id = :id").param("id", coal)
                .query(LocalDate.class).optional()).isEmpty();
    }
}
