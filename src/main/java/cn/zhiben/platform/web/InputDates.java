package cn.zhiben.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Dates as users and clients send them: yyyy-MM-dd with a four-digit year. ISO also allows "+999999999-12-31", which
 * parses but overflows as soon as a query turns it into an instant or adds a day to it (a 500); no date of this
 * platform's business lies outside the years 0000–9999.
 */
public final class InputDates {

    public static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private InputDates() {
    }

    /** @throws java.time.format.DateTimeParseException for anything but a real date written yyyy-MM-dd */
    public static LocalDate parse(String text) {
        return LocalDate.parse(text.strip(), FORMAT);
    }
}
