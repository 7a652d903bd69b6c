package id.go.kapuaskab.sertel.support.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 9457 problem details body. {@code type} is always under {@link ProblemTypes#BASE} and is the
 * stable contract; {@code title} and {@code detail} are human text in the caller's language and may
 * change. Extension members ({@code code}, {@code fieldErrors}, {@code requestId} and per-problem
 * extras such as {@code currentState}) are flattened into the top-level object as RFC 9457 §3.2 allows. An extra may
 * never take the name of a member this class writes itself ({@link #RESERVED}): the body would carry, say, two
 * {@code status} members, and a client reading the second would take the request's state for the HTTP status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "fieldErrors"})
public final class Problem {

    /** The RFC 9457 members and our own fixed ones; no extension member may use these names. */
    public static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code", "requestId",
            "fieldErrors");

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final String code;
    private final String requestId;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;

    Problem(String code, String title, int status, String detail, String instance, String requestId,
            List<FieldError> fieldErrors, Map<String, Object> extensions) {
        this.type = ProblemTypes.uri(code);
        this.code = code;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.fieldErrors = fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        this.extensions.keySet().forEach(Problem::requireExtensionName);
    }

    /** Fails fast on an extension member that would collide with a member of the problem itself. */
    public static String requireExtensionName(String name) {
        if (name == null || RESERVED.contains(name)) {
            throw new IllegalArgumentException("Problem extension member '" + name + "' collides with a standard member; "
                    + "name it after what it is, e.g. currentStatus");
        }
        return name;
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public String getCode() {
        return code;
    }

    public String getRequestId() {
        return requestId;
    }

    public List<FieldError> getFieldErrors() {
        return fieldErrors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
