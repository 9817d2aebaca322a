package cn.zhiben.support;

import cn.zhiben.platform.security.CurrentUser;

import java.util.Map;
import java.util.Optional;

/**
 * Objects the endpoint access table fills into paths with ids (see docs/access-table.md). A row names a fixture; for each
 * demo account the check asks for an object inside the account's scope (an allowed account must get through, a
 * disallowed one must get 403) and one outside it (an allowed account must get 404).
 * <p>
 * Put one implementation per fixture name in your module's test package; nothing else registers it: the access test
 * finds every implementation under {@code cn.zhiben} on the test class path and creates it with the test application
 * context (constructor injection works). Values are path variables by name ({@code {id}}) and may also be used in a
 * row's request template as {@code ${name}}.
 */
public interface AccessFixture {

    /** The name rows use in their fixture column; unique across modules, so prefix it with your module's noun. */
    String name();

    /**
     * Makes this fixture's objects, once, before any request (no user is signed in: act as accounts with
     * {@code AccountDirectory.runAs}, through the real verbs). Objects must be ones no request of the table can change
     * in a way the other rows notice, e.g. in a final state where every verb is refused after the right was checked.
     */
    default void prepare() throws Exception {
    }

    /** An object this account can see; empty when it sees none (e.g. administrators, who see no business data). */
    Optional<Map<String, String>> inside(CurrentUser caller);

    /** An object that exists but lies outside this account's scope; empty when the account sees every object. */
    Optional<Map<String, String>> outside(CurrentUser caller);

    /** An existing object, for callers who see none (anonymous, administrators): they must be refused anyway. */
    Map<String, String> any();

    /**
     * Whether one object per account serves every row (the usual case). False for objects a row destroys: then
     * {@link #inside} and {@link #outside} are asked again for every request.
     */
    default boolean reusable() {
        return true;
    }

    /** After all rows: remove what must not stay (most fixtures leave their objects, like any other test data). */
    default void finish() throws Exception {
    }
}
