package io.recouvra.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chart's data as JSON for a {@code <script type="application/json">} block, written unescaped by the template
 * ({@code th:utext}): {@code < > & '} are written as {@code \u003c}..., so that no value (a customer's name) can close
 * the block or open markup; the page's static script parses it.
 */
final class ChartJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    private ChartJson() {
    }

    static String of(Object data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data not writable as JSON", e);
        }
    }

    private static final class HtmlSafe extends CharacterEscapes {

        private final int[] escapes;

        HtmlSafe() {
            escapes = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
