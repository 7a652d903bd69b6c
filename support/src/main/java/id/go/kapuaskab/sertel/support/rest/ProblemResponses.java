package id.go.kapuaskab.sertel.support.rest;

import id.go.kapuaskab.sertel.support.problem.Problem;
import id.go.kapuaskab.sertel.support.problem.ProblemTypes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** Wraps a {@link Problem} into a JAX-RS response with the problem media type and language headers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response.ResponseBuilder builder(Problem problem, Locale locale) {
        return Response.status(problem.getStatus())
                .type(ProblemTypes.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(problem);
    }
}
