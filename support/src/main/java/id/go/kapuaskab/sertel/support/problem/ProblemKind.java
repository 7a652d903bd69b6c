package id.go.kapuaskab.sertel.support.problem;

/**
 * What kind of failure a domain exception is, without naming HTTP: the edge mapper alone decides the
 * status code, so services stay free of transport types.
 */
public enum ProblemKind {
    /** The input is well-formed but breaks a rule (422). */
    INVALID(422),
    /** The input cannot be read at all (400). */
    MALFORMED(400),
    /** Credentials are missing or wrong (401). */
    UNAUTHENTICATED(401),
    /** The caller is known but may not do this (403). */
    FORBIDDEN(403),
    /** The thing does not exist, or the caller may not know that it does (404). */
    NOT_FOUND(404),
    /** The thing exists but its current state does not allow this (409). */
    CONFLICT(409),
    /** The thing existed and is gone for good (410). */
    GONE(410),
    /** A part of the request (an uploaded document) is larger than this service accepts (413). */
    TOO_LARGE(413),
    /** Too many attempts; see {@code Retry-After} (429). */
    TOO_MANY(429),
    /** A dependency is unreachable; try again later (503). */
    UNAVAILABLE(503);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
