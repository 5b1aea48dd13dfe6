package org.leadrouter.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON as PHP's json_encode writes it for VTiger: non-ASCII as {@code \\uXXXX} and slashes as
 * {@code \/}, so clients that do not really parse JSON fail here as they would in production.
 */
final class PhpJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectMapper WRITER = new ObjectMapper(phpFactory());

    private static JsonFactory phpFactory() {
        JsonFactory factory = new JsonFactory();
        factory.setCharacterEscapes(new PhpEscapes());
        return factory;
    }

    private PhpJson() {
    }

    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode answer", e);
        }
    }

    private static final class PhpEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table;

        PhpEscapes() {
            table = standardAsciiEscapesForJSON();
            table['/'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == '/') {
                return new SerializedString("\\/");
            }
            // json_encode writes lower-case hex, one escape per UTF-16 unit.
            return ch > 127 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
