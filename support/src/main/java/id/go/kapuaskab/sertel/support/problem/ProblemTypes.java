package id.go.kapuaskab.sertel.support.problem;

import java.net.URI;

/**
 * The one URI namespace of every problem type we publish. A problem code such as
 * {@code request.invalid-transition} becomes {@code https://sertel.kapuaskab.go.id/problems/request.invalid-transition};
 * the list of codes is the documented contract in {@code docs/problems.md}.
 */
public final class ProblemTypes {

    public static final String BASE = "https://sertel.kapuaskab.go.id/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemTypes() {
    }

    public static URI uri(String code) {
        return URI.create(BASE + code);
    }
}
