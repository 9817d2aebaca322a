package cn.zhiben.identity;

import cn.zhiben.support.FixtureCalls;
import cn.zhiben.support.UnscopedAccessFixture;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

/**
 * "admin-request" of the access table: a request for an audit administrator, filed by the security administrator and
 * rejected by the audit administrator, so that approving, rejecting or withdrawing it again changes nothing (409 after
 * the check of who may). Requests are not scoped. Value: id.
 */
class AdminRequestAccessFixture extends UnscopedAccessFixture {

    private final FixtureCalls calls;
    private String id;

    AdminRequestAccessFixture(MockMvc mvc) {
        this.calls = new FixtureCalls(mvc);
    }

    @Override
    public String name() {
        return "admin-request";
    }

    @Override
    public void prepare() {
        id = calls.postJson("secadmin", "/api/v1/users", Accounts.JSON.writeValueAsString(
                Accounts.body(Accounts.uniqueName("acc"), "AUDIT_ADMIN", null, null, null)), 202).get("id").asString();
        calls.postJson("auditadmin", "/api/v1/admin-requests/" + id + "/reject", "{\"reason\":\"访问表检查\"}", 200);
    }

    @Override
    public Map<String, String> any() {
        return Map.of("id", id);
    }
}
