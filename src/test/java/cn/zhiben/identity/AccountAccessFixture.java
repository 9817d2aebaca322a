package cn.zhiben.identity;

import cn.zhiben.support.UnscopedAccessFixture;
import cn.zhiben.support.FixtureCalls;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

/**
 * "account" of the access table: a township account made by the security administrator for the check, so that
 * resetting, locking and disabling it touches no one. Accounts are not scoped: every caller "sees" it. Value: id.
 */
class AccountAccessFixture extends UnscopedAccessFixture {

    private final MockMvc mvc;
    private final FixtureCalls calls;
    private String id;

    AccountAccessFixture(MockMvc mvc) {
        this.mvc = mvc;
        this.calls = new FixtureCalls(mvc);
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public void prepare() throws Exception {
        id = Accounts.create(mvc, calls.token("secadmin"), "TOWNSHIP", "140525100", null).id().toString();
    }

    @Override
    public Map<String, String> any() {
        return Map.of("id", id);
    }
}
