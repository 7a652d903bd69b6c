package id.go.kapuaskab.sertel.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import id.go.kapuaskab.sertel.support.json.UnsafeTextException;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import id.go.kapuaskab.sertel.support.problem.Messages;
import id.go.kapuaskab.sertel.support.problem.Problem;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import id.go.kapuaskab.sertel.support.problem.Problems;
import id.go.kapuaskab.sertel.support.web.RequestIds;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The edge of every service: turns each exception into an RFC 9457 problem in the caller's language.
 * Domain failures keep their code; framework failures get the shared codes of
 * {@code sertel-problems.properties}; anything unexpected becomes a bare 500 that names only the request id.
 * The priorities sit above the framework's own mappers so no bare 4xx escapes.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int FIRST = Priorities.USER - 100;
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private final MessageInterpolator interpolator;

    public ProblemMappers(ValidatorFactory validators) {
        this.interpolator = validators.getMessageInterpolator();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response domain(DomainException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        Problem problem = Problems.of(e, locale, requestId(headers), path(uri));
        Response.ResponseBuilder response = ProblemResponses.builder(problem, locale);
        if (e.retryAfterOrNull() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfterOrNull().toSeconds()));
        }
        if (e.kind() == ProblemKind.UNAUTHENTICATED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.challengeOrNull() == null ? "Bearer" : e.challengeOrNull());
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, headers, uri);
        }
        Locale locale = locale(headers);
        List<FieldError> fields = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            fields.add(new FieldError(fieldOf(v.getPropertyPath()), codeOf(v), message(v, locale)));
        }
        fields.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::code));
        return problem("validation", 422, headers, uri, fields, Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        JsonFailures.Verdict verdict = JsonFailures.judge(e, locale(headers));
        return problem(verdict.code(), verdict.status(), headers, uri, verdict.fields(), Map.of());
    }

    /** A multipart body that is not one (no parts, a broken boundary): the caller's mistake, not a server error. */
    @ServerExceptionMapper(priority = FIRST)
    public Response multipart(org.jboss.resteasy.reactive.server.core.multipart.MultipartParser.MalformedMessageException e,
                              HttpHeaders headers, UriInfo uri) {
        return problem("malformed-request", 400, headers, uri, List.of(), Map.of());
    }

    /** Text with a control character: readable JSON that breaks a rule, named in {@code fieldErrors}. */
    @ServerExceptionMapper(priority = FIRST)
    public Response unsafeText(UnsafeTextException e, HttpHeaders headers, UriInfo uri) {
        return json(e, headers, uri);
    }

    /**
     * A body type Jackson cannot build is our bug, but quarkus-rest-jackson's own mapper for it answers a bare 500 with
     * no body: this one keeps it a problem.
     */
    @ServerExceptionMapper(priority = FIRST)
    public Response invalidDefinition(InvalidDefinitionException e, HttpHeaders headers, UriInfo uri) {
        return unexpected(e, headers, uri);
    }

    /**
     * quarkus-rest-jackson ships its own mapper for this subtype (a plain JSON body naming the attribute), which
     * would win over {@link #json} by being more specific: this one keeps such failures problem+json.
     */
    @ServerExceptionMapper(priority = FIRST)
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return json(e, headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, AuthenticationCompletionException.class}, priority = FIRST)
    public Response authenticationFailed(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return unauthorized(headers, uri);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem("forbidden", 403, headers, uri, List.of(), Map.of());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps some parse failures (a truncated body) in a plain 400
            return json(json, headers, uri);
        }
        if (e instanceof NotFoundException) {
            // JAX-RS answers an unconvertible query or path parameter with 404; the caller sent a bad value
            String code = e.getCause() instanceof IllegalArgumentException ? "invalid-parameter" : "not-found";
            return problem(code, code.equals("not-found") ? 404 : 400, headers, uri, List.of(), Map.of());
        }
        if (e instanceof NotAllowedException) {
            Response.ResponseBuilder builder = Response.fromResponse(problem("method-not-allowed", 405, headers, uri, List.of(), Map.of()));
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return (allow == null ? builder : builder.header(HttpHeaders.ALLOW, allow)).build();
        }
        if (e instanceof NotSupportedException) {
            return problem("unsupported-media-type", 415, headers, uri, List.of(), Map.of());
        }
        if (e instanceof NotAcceptableException) {
            return problem("not-acceptable", 406, headers, uri, List.of(), Map.of());
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 413) {
            return problem("payload-too-large", 413, headers, uri, List.of(), Map.of());
        }
        if (status >= 400 && status < 500 && isServerSide(e)) {
            return problem("bad-request", status == 401 || status == 403 ? 400 : status, headers, uri, List.of(), Map.of());
        }
        return unexpected(e, headers, uri);
    }

    /**
     * Anything else is our failure (500), except the database being out of reach (a restart, a failover): that is a
     * dependency down, 503 with {@code Retry-After}, as the gateway answers for a service it cannot reach.
     */
    @ServerExceptionMapper(priority = FIRST + 1)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String requestId = requestId(headers);
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unreachable, request %s: %s", requestId, e.toString());
            return Response.fromResponse(problem("service-unavailable", 503, headers, uri, List.of(), Map.of()))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected failure, request %s", requestId);
        return problem("internal", 500, headers, uri, List.of(), Map.of());
    }

    private Response unauthorized(HttpHeaders headers, UriInfo uri) {
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String challenge = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Response.fromResponse(problem(presented ? "invalid-token" : "unauthenticated", 401, headers, uri, List.of(), Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    private Response problem(String code, int status, HttpHeaders headers, UriInfo uri, List<FieldError> fields,
                             Map<String, Object> extensions) {
        Locale locale = locale(headers);
        Problem problem = Problems.of(code, status, locale, requestId(headers), path(uri), fields, extensions);
        return ProblemResponses.builder(problem, locale).build();
    }

    /** A client-side REST exception (a call we made that failed) is our failure, never the caller's 4xx. */
    private static boolean isServerSide(WebApplicationException e) {
        return !e.getClass().getName().contains("Client");
    }

    /** The constraint's text in the caller's language, whatever locale the validator ran with. */
    private String message(ConstraintViolation<?> v, Locale locale) {
        MessageInterpolator.Context context = new MessageInterpolator.Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return v.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return v.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new jakarta.validation.ValidationException("unwrap not supported");
            }
        };
        try {
            return interpolator.interpolate(v.getMessageTemplate(), context, locale);
        } catch (RuntimeException ex) {
            return v.getMessage();
        }
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code create.body.subject.email} becomes {@code subject.email}, a member of a list element {@code people[0].nik};
     * a bare parameter keeps its name.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    // a node "in iterable" is a member of the element at this index of the previous node's list:
                    // people[0].nik, not people.nik[0]
                    if (node.isInIterable() && !field.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() == null || node.getName().startsWith("<")) {
                        break;
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                default -> {
                }
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return field.toString();
    }

    /** {@code NotBlank} becomes {@code not-blank}: a stable code per constraint. */
    static String codeOf(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Locale locale(HttpHeaders headers) {
        return Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String requestId(HttpHeaders headers) {
        Object mdc = MDC.get(RequestIds.MDC_KEY);
        if (mdc != null) {
            return mdc.toString();
        }
        return RequestIds.acceptOrCreate(headers.getHeaderString(RequestIds.HEADER));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
