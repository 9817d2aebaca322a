package cn.zhiben.platform.ui;

/**
 * A figure on the home page, contributed by a module for the signed-in user's scope.
 *
 * @param value the figure, already formatted
 * @param href  where clicking it leads, or null
 */
public record HomeCard(String label, String value, String hint, String href, int order) {
}
