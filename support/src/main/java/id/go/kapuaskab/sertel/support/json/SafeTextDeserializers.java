package id.go.kapuaskab.sertel.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import id.go.kapuaskab.sertel.support.text.UnsafeText;
import java.io.IOException;

/**
 * Every {@code String} a JSON body yields — members of records, elements of lists and arrays, values and keys of maps,
 * strings inside untyped values — passes {@link UnsafeText#inMultiLine}. Registered for {@code String} as a custom
 * deserializer, so Jackson's collection, array and map deserializers use it instead of their built-in shortcut.
 */
final class SafeTextDeserializers {

    private SafeTextDeserializers() {
    }

    /** Jackson's own string reading (with its coercion rules), then the check. */
    static final class Values extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(super.deserialize(p, ctxt), p);
        }
    }

    /** Map keys are text the caller chose, too. */
    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(key, ctxt.getParser());
        }
    }

    private static String checked(String text, JsonParser p) throws UnsafeTextException {
        if (UnsafeText.inMultiLine(text)) {
            throw new UnsafeTextException(p);
        }
        return text;
    }
}
