package id.go.kapuaskab.sertel.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The JSON every service reads, set once for the one {@link ObjectMapper} of each service (REST bodies and the REST
 * clients alike): a body means exactly what it says or is refused with a problem that names the member.
 * <ul>
 *   <li>a member given twice ({@code {"reason":"a","reason":"b"}}) is refused: which one wins is not the caller's
 *       guess to make, and a record creator failed on it with a bare 500;</li>
 *   <li>no silent conversions: {@code 1.5} or {@code "3"} for an integer, {@code "true"} or {@code 1} for a boolean,
 *       {@code 5} for a string or a number for an enum are refused, where Jackson would
 *       truncate or coerce (a truncated {@code dataVersion} confirms data the caller never saw);</li>
 *   <li>text with control characters or lone surrogates is refused (see {@code UnsafeText});</li>
 *   <li>nothing may follow the body's value, and nesting is bounded (a deep array must not cost a deep stack).</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Far deeper than any body or peer answer of ours, far shallower than a hostile one. */
    static final int MAX_NESTING = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules for a mapper built outside CDI, e.g. in a unit test. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        SimpleModule text = new SimpleModule("sertel-safe-text");
        text.addDeserializer(String.class, new SafeTextDeserializers.Values());
        text.addKeyDeserializer(String.class, new SafeTextDeserializers.Keys());
        mapper.registerModule(text);
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
