package id.go.kapuaskab.sertel.support.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type services throw for an expected failure. It names a problem {@code code} (whose
 * localized title and detail live in the service's {@code problems*.properties}), the arguments of the
 * detail text, and optional extension members. It carries no HTTP types: {@code ProblemMappers}
 * translates it at the edge.
 */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final Object[] args;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Duration retryAfter;
    private String challenge;

    public DomainException(ProblemKind kind, String code, Object... args) {
        this(kind, code, List.of(), args);
    }

    public DomainException(ProblemKind kind, String code, List<FieldError> fieldErrors, Object... args) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * Adds an extension member to the problem body, e.g. {@code currentState}. A name of the problem's own members
     * ({@link Problem#RESERVED}, such as {@code status}) is refused at once, where the exception is made.
     */
    public DomainException with(String name, Object value) {
        extensions.put(Problem.requireExtensionName(name), value);
        return this;
    }

    /** Asks the client to wait this long before retrying ({@code Retry-After}). */
    public DomainException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** For {@link ProblemKind#UNAUTHENTICATED}: the authentication scheme the caller should use, e.g. {@code Basic realm="sertel"}. */
    public DomainException challenge(String scheme) {
        this.challenge = scheme;
        return this;
    }

    public String challengeOrNull() {
        return challenge;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    public Duration retryAfterOrNull() {
        return retryAfter;
    }

    public static DomainException notFound(String code, Object... args) {
        return new DomainException(ProblemKind.NOT_FOUND, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return new DomainException(ProblemKind.CONFLICT, code, args);
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(ProblemKind.INVALID, code, args);
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(ProblemKind.FORBIDDEN, code, args);
    }

    /** A single-field validation failure, reported in {@code fieldErrors} as well. */
    public static DomainException invalidField(String field, String code, Object... args) {
        return new DomainException(ProblemKind.INVALID, "validation",
                List.of(new FieldError(field, code, null)), args);
    }
}
