package cn.zhiben.campaign.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated document as structure — headings, paragraphs, tables — written once and rendered as .docx, PDF and
 * .xlsx alike, so the three always say the same thing.
 */
public final class Doc {

    public sealed interface Block permits Heading, Para, Table {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Para(String text) implements Block {
    }

    /** A table; its caption names the sheet in the workbook. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) implements Block {
    }

    private final String title;
    private final String subtitle;
    private final List<Block> blocks = new ArrayList<>();

    public Doc(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public Doc heading(String text) {
        blocks.add(new Heading(1, text));
        return this;
    }

    public Doc subheading(String text) {
        blocks.add(new Heading(2, text));
        return this;
    }

    public Doc para(String text) {
        blocks.add(new Para(text));
        return this;
    }

    public Doc table(String caption, List<String> headers, List<List<String>> rows) {
        blocks.add(new Table(caption, List.copyOf(headers), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }
}
