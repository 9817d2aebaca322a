package cn.zhiben.campaign.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the actions and numbered measures out of the plan's text (section 四、主要任务, up to 五、方法步骤): each
 * "(一)开展……行动" heading starts an action, each "N." line a measure, and every other line continues the one before
 * (the source breaks sentences at page ends, so lines are joined without a separator). The numbering must run 1, 2, 3…
 * and 一, 二, 三… without gaps, or the text is refused.
 */
public final class PlanText {

    static final String NUMERALS = "一二三四五六七八九十";
    private static final Pattern ACTION = Pattern.compile("^[(（]([一二三四五六七八九十]{1,3})[)）](.+)$");
    private static final Pattern MEASURE = Pattern.compile("^(\\d{1,2})[.．](.*)$");

    private PlanText() {
    }

    public record ParsedMeasure(int no, String text) {
    }

    public record ParsedAction(int no, String numeral, String title, List<ParsedMeasure> measures) {
    }

    public static List<ParsedAction> parse(String document) {
        int start = document.indexOf("四、主要任务");
        int end = document.indexOf("五、方法步骤");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("plan text has no section 四、主要任务 … 五、方法步骤");
        }
        List<ParsedAction> actions = new ArrayList<>();
        List<ParsedMeasure> measures = null;
        StringBuilder current = null;
        int currentNo = 0;
        String[] lines = document.substring(start, end).split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher a = ACTION.matcher(line);
            Matcher m = MEASURE.matcher(line);
            if (a.matches()) {
                flush(measures, currentNo, current);
                current = null;
                int no = numeral(a.group(1));
                if (no != actions.size() + 1) {
                    throw new IllegalArgumentException("action (" + a.group(1) + ") out of order");
                }
                measures = new ArrayList<>();
                actions.add(new ParsedAction(no, a.group(1), a.group(2).strip(), measures));
            } else if (m.matches() && Integer.parseInt(m.group(1)) == currentNo + 1 && measures != null) {
                flush(measures, currentNo, current);
                currentNo = Integer.parseInt(m.group(1));
                current = new StringBuilder(m.group(2).strip());
            } else if (current != null) {
                current.append(line);
            } else {
                throw new IllegalArgumentException("text outside a measure: " + line);
            }
        }
        flush(measures, currentNo, current);
        return actions.stream().map(x -> new ParsedAction(x.no(), x.numeral(), x.title(), List.copyOf(x.measures()))).toList();
    }

    private static void flush(List<ParsedMeasure> measures, int no, StringBuilder text) {
        if (measures != null && text != null) {
            measures.add(new ParsedMeasure(no, text.toString()));
        }
    }

    /** 一 … 十二 as a number. */
    static int numeral(String s) {
        if (s.length() == 1) {
            return NUMERALS.indexOf(s.charAt(0)) + 1;
        }
        if (s.startsWith("十")) {
            return 10 + NUMERALS.indexOf(s.charAt(1)) + 1;
        }
        int tens = NUMERALS.indexOf(s.charAt(0)) + 1;
        return tens * 10 + (s.length() == 3 ? NUMERALS.indexOf(s.charAt(2)) + 1 : 0);
    }
}
