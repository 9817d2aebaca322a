package cn.zhiben.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What a JSON body may not carry, refused while it is read, as a 400 naming the field: NUL (U+0000) in a string, which
 * PostgreSQL cannot store in text (the write failed with a database error instead), and dates outside the years
 * 0000–9999 ({@link InputDates}), which overflow in queries and in the database.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputChecks {

    @Bean
    JacksonModule jsonInputChecksModule() {
        return new SimpleModule("zhiben-input-checks")
                .addDeserializer(String.class, new NulFreeString())
                .addDeserializer(LocalDate.class, new FourDigitYearDate());
    }

    static final class NulFreeString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "NUL character in a string", s, String.class);
            }
            return s;
        }
    }

    static final class FourDigitYearDate extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            if (text.isBlank()) {
                return null;
            }
            try {
                return InputDates.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a date yyyy-MM-dd", text, LocalDate.class);
            }
        }
    }
}
