package id.go.kapuaskab.sertel.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string held a character {@link id.go.kapuaskab.sertel.support.text.UnsafeText} refuses. A mapping exception, so
 * Jackson prepends the path of the member as the exception travels out of nested objects, lists and maps; the edge
 * mapper names that path in {@code fieldErrors}.
 */
public class UnsafeTextException extends JsonMappingException {

    UnsafeTextException(JsonParser parser) {
        super(parser, "Text holds a control character or a lone surrogate");
    }
}
