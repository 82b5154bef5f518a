package io.recouvra.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the API reads a JSON body: nothing is guessed. A field given twice, a {@code null} inside a list, a date
 * that is a number ({@code 20250101}, which Jackson reads as a day count: year 57412) or a datetime cut to its
 * day, a year PostgreSQL cannot hold, text with a NUL character or half a surrogate pair (which PostgreSQL
 * refuses, or stores as {@code ?}), and a number with more digits than any amount or rate has ({@code 1e999999999})
 * are refused with a 400 naming the field ({@link ProblemResponses}).
 *
 * <p>Only the API's request bodies are read this way: the application's shared {@code ObjectMapper} (HTTP clients
 * of the insurer, the bureau, the agencies) is left as it is.
 */
@Component
class StrictJsonRequests implements WebMvcConfigurer {

    /** Integer digits an amount or rate may have: a billion billion euros is not an invoice. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** Decimals any amount or rate may have; fields then check their own (the currency's, a rate's). */
    static final int MAX_DECIMALS = 6;

    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            // replaced, not changed: the converter bean is shared with the application's HTTP clients
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                converters.set(i, new MappingJackson2HttpMessageConverter(strict(json.getObjectMapper())));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper mapper = shared.copy();
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (Class<?> collection : List.of(List.class, Set.class, Collection.class)) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        SimpleModule module = new SimpleModule(StrictJsonRequests.class.getName());
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(LocalDate.class, new Day());
        module.addDeserializer(BigDecimal.class, new Decimal());
        return mapper.registerModule(module);
    }

    /** A value the API does not take, with the reason; {@link ProblemResponses} names the field from its path. */
    static final class RefusedValue extends JsonMappingException {

        private final String reason;

        RefusedValue(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Why the text cannot be stored as it is, or null when it can. */
    static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain half of a surrogate pair (\\u" + Integer.toHexString(c) + "): not Unicode text";
            }
        }
        return null;
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String problem = text == null ? null : problemOf(text);
            if (problem != null) {
                throw new RefusedValue(parser, problem);
            }
            return text;
        }
    }

    private static final class Day extends StdScalarDeserializer<LocalDate> {

        Day() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "must be a date written as text (yyyy-MM-dd), such as \"2026-03-31\"");
            }
            if (!ISO_DAY.matcher(parser.getText()).matches()) {
                throw new RefusedValue(parser, "'" + parser.getText() + "' is not a date (yyyy-MM-dd)");
            }
            try {
                return LocalDate.parse(parser.getText());
            } catch (DateTimeException e) {
                throw new RefusedValue(parser, "'" + parser.getText() + "' is not a date (yyyy-MM-dd): no such day");
            }
        }
    }

    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {

        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                throw new RefusedValue(parser, "is out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
            }
            if (value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw new RefusedValue(parser, "has more than " + MAX_DECIMALS + " decimals");
            }
            return value;
        }
    }
}
