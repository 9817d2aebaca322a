package cn.zhiben.identity;

import java.util.UUID;

/** An expert's assignments changed: its data scope with them (the identity module rebuilds signed-in principals). */
public record ExpertAssignmentsChanged(UUID expertUserId) {
}
