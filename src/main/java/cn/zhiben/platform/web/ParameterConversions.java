package cn.zhiben.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How request parameters become values, where Spring's defaults let bad input through to a 500.
 * <p>
 * Dates: yyyy-MM-dd with a four-digit year ({@link InputDates}).
 * <p>
 * Multi-valued request parameters ({@code status=REPORTED,RECTIFYING}, {@code status=A&status=B}) without blank items.
 * Spring turns a blank item into a null element ({@code status=,} gave {@code [null]}), which no query expects; here a
 * blank item is skipped, as an empty parameter ({@code status=}) already means "no filter". Any other item still
 * converts or fails as before (a 400 naming the parameter).
 */
@Configuration(proxyBeanMethods = false)
class ParameterConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                return InputDates.parse(text);
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
        if (registry instanceof ConversionService conversions) {
            // added after Spring's own String/String[] -> Collection converters, so it is asked first
            registry.addConverter(new Converter(conversions));
        }
    }

    static final class Converter implements ConditionalGenericConverter {
        private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);
        private final ConversionService conversions;

        Converter(ConversionService conversions) {
            this.conversions = conversions;
        }

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, Collection.class), new ConvertiblePair(String[].class, Collection.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            TypeDescriptor element = targetType.getElementTypeDescriptor();
            return element == null || element.getType() == String.class || conversions.canConvert(STRING, element);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            List<String> items = new ArrayList<>();
            if (source instanceof String s) {
                for (String item : StringUtils.commaDelimitedListToStringArray(s)) {
                    items.add(item.trim());
                }
            } else {
                items.addAll(List.of((String[]) source));
            }
            TypeDescriptor element = targetType.getElementTypeDescriptor();
            Collection<Object> out = CollectionFactory.createCollection(targetType.getType(),
                    element == null ? null : element.getType(), items.size());
            for (String item : items) {
                if (item == null || item.isBlank()) {
                    continue;
                }
                Object value = element == null || element.getType() == String.class ? item : conversions.convert(item, STRING, element);
                if (value != null) {
                    out.add(value);
                }
            }
            return out;
        }
    }
}
