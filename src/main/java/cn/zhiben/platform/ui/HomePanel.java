package cn.zhiben.platform.ui;

/**
 * A section of the home page below the figures, contributed by a module for the signed-in user's scope: a Thymeleaf
 * fragment of the module's own templates, rendered with {@code panel} (this record) in scope.
 *
 * @param template the module's template, e.g. "hazards/home-panels"
 * @param fragment the fragment in it, e.g. "regions"
 * @param data     what the fragment shows, as {@code panel.data}
 */
public record HomePanel(String title, String template, String fragment, Object data, int order) {
}
