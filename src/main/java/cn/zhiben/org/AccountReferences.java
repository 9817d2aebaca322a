package cn.zhiben.org;

import java.util.Optional;
import java.util.UUID;

/**
 * Platform accounts as organisation data refers to them (a leading-group member's account). Accounts belong to the
 * identity module, which depends on this one, so identity implements this interface.
 */
public interface AccountReferences {

    /** The username of an existing account. */
    Optional<String> username(UUID userId);

    /** The id of the account with this username (exact, case-sensitive as stored). */
    Optional<UUID> idOf(String username);
}
