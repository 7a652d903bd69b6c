package id.go.kapuaskab.sertel.support.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.go.kapuaskab.sertel.support.json.UnsafeTextException;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import id.go.kapuaskab.sertel.support.problem.Messages;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a body Jackson could not read means to the caller: which problem, and which member to name. Unreadable JSON,
 * a member twice, an unknown member or a value of the wrong type are {@code malformed-request} (400); text with a
 * control character is readable but breaks a rule, so {@code validation} (422). Field paths are written as the caller
 * wrote them: {@code subject.email}, {@code items[2].matches}.
 */
final class JsonFailures {

    /** Jackson's wording for {@code STRICT_DUPLICATE_DETECTION}; the member's name is the only part we take. */
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);

    record Verdict(String code, int status, List<FieldError> fields) {
    }

    private JsonFailures() {
    }

    static Verdict judge(JsonProcessingException e, Locale locale) {
        UnsafeTextException unsafe = find(e, UnsafeTextException.class);
        if (unsafe != null) {
            return new Verdict("validation", 422, List.of(field(jsonPath(unsafe), "control-character", locale)));
        }
        String duplicate = duplicatePath(e);
        if (duplicate != null) {
            return new Verdict("malformed-request", 400, List.of(field(duplicate, "duplicate-field", locale)));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Verdict("malformed-request", 400, List.of(field(jsonPath(u), "unknown-field", locale)));
        }
        if (e instanceof JsonMappingException m && !(e instanceof JsonParseException) && !m.getPath().isEmpty()
                && find(e, JsonParseException.class) == null) {
            return new Verdict("malformed-request", 400, List.of(field(jsonPath(m), "invalid-value", locale)));
        }
        return new Verdict("malformed-request", 400, List.of());
    }

    private static FieldError field(String path, String code, Locale locale) {
        return new FieldError(path, code, Messages.field(code, locale, path));
    }

    /** The path of a member given twice: where the parser stood, plus the repeated name. */
    private static String duplicatePath(JsonProcessingException e) {
        JsonParseException parse = find(e, JsonParseException.class);
        if (parse == null || parse.getOriginalMessage() == null) {
            return null;
        }
        Matcher m = DUPLICATE.matcher(parse.getOriginalMessage());
        if (!m.find()) {
            return null;
        }
        JsonParser parser = parse.getProcessor();
        String parent = parser != null && parser.getParsingContext() != null
                ? contextPath(parser.getParsingContext().getParent()) : "";
        return parent.isEmpty() ? m.group(1) : parent + "." + m.group(1);
    }

    private static String contextPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String segment = c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName();
            if (segment == null) {
                continue;
            }
            if (!c.inArray() && !path.isEmpty() && path.charAt(0) != '[') {
                path.insert(0, '.');
            }
            path.insert(0, segment);
        }
        return path.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
