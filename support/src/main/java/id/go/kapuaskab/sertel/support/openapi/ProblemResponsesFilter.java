package id.go.kapuaskab.sertel.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts the error contract into every service's OpenAPI document, so no resource has to repeat it: a {@code Problem}
 * schema (RFC 9457, as {@link id.go.kapuaskab.sertel.support.problem.Problem} writes it) under
 * {@code application/problem+json} on every 4xx/5xx response an operation declares, and the error responses every
 * operation can give by the edge's rules, each where it applies: 400 (it takes parameters or a body), 401 and 403 (it
 * is secured), 404 (its path names something), 406 (it answers with a body), 415 and 422 (it takes a body), 429 (the gateway's
 * rate limit), 500 and 503. A response a resource documents itself keeps its description.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -100)
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    private static final Map<String, String> COMMON = Map.of(
            "400", "The request is malformed: not JSON, unknown or duplicate members, a bad parameter or encoding",
            "401", "No valid bearer token (missing, expired, revoked or not ours)",
            "403", "The caller's roles or institution do not allow this",
            "404", "Nothing with this id, or nothing the caller may see",
            "406", "The Accept header asks for a media type this operation cannot answer with",
            "415", "The body's Content-Type is not one this operation reads",
            "422", "Fields break a rule (validation); fieldErrors name each field and the rule",
            "429", "Too many requests; see Retry-After",
            "500", "An unexpected failure; the body reveals nothing internal, quote its requestId",
            "503", "A database or another service is unreachable; try again later");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
            components.addSchema(SCHEMA, ProblemSchema.create());
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> complete(path, item, operation, securedByDefault));
            }
        });
    }

    private static void complete(String path, PathItem item, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesBody = operation.getRequestBody() != null;
        boolean hasParameters = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        boolean secured = operation.getSecurity() == null ? securedByDefault
                : operation.getSecurity().stream().anyMatch(requirement -> !requirement.getSchemes().isEmpty());
        boolean answersWithBody = responses.getAPIResponses() != null && responses.getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null && !e.getValue().getContent().getMediaTypes().isEmpty());
        Map<String, Boolean> applies = new TreeMap<>(Map.of(
                "400", takesBody || hasParameters, "401", secured, "403", secured, "404", path.contains("{"),
                "406", answersWithBody, "415", takesBody, "422", takesBody, "429", true, "500", true, "503", true));
        applies.forEach((code, applicable) -> {
            if (applicable && !responses.hasAPIResponse(code)) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(COMMON.get(code)));
            }
        });
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                withProblem(code, response);
            }
        });
    }

    private static void withProblem(String code, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(COMMON.getOrDefault(code, "A problem (RFC 9457)"));
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        Content content = response.getContent();
        if (content.getMediaTypes() != null) {
            // an error is never answered as JSON or text, whatever the resource's @Produces says
            List.copyOf(content.getMediaTypes().keySet()).stream().filter(type -> !type.equals(PROBLEM_JSON))
                    .filter(type -> content.getMediaType(type).getSchema() == null
                            || content.getMediaType(type).getSchema().getRef() == null
                            || content.getMediaType(type).getSchema().getRef().equals(REF))
                    .forEach(content::removeMediaType);
        }
        MediaType problem = content.getMediaType(PROBLEM_JSON);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(REF));
        }
    }

    /** The {@code Problem} schema: the members every problem carries, extension members allowed. */
    static final class ProblemSchema {

        private ProblemSchema() {
        }

        static Schema create() {
            Schema fieldError = object("One invalid input field")
                    .addProperty("field", string("The JSON path as the caller sent it", "subject.email"))
                    .addProperty("code", string("A stable machine-readable reason", "pattern"))
                    .addProperty("message", string("The reason in the caller's language", "harus berupa alamat e-mail"));
            return object("An RFC 9457 problem. `type` is the stable contract (listed in docs/problems.md); `title` and "
                    + "`detail` are in the caller's language (Accept-Language id or en); other members (e.g. currentState) "
                    + "may follow as extensions.")
                    .addProperty("type", string("The problem type, a URI under our namespace",
                            "https://sertel.kapuaskab.go.id/problems/validation").format("uri"))
                    .addProperty("title", string("Short human summary", "Data tidak valid"))
                    .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("The HTTP status").example(422))
                    .addProperty("detail", string("What happened in this case", "Satu atau lebih isian tidak valid."))
                    .addProperty("instance", string("The request path", "/api/v1/applicants/registrations"))
                    .addProperty("code", string("The last segment of type", "validation"))
                    .addProperty("requestId", string("The X-Request-Id of the request; quote it to the operators",
                            "0b6f1c2e-6a8d-4c55-9a43-2f1f0d7e9b11"))
                    .addProperty("fieldErrors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                            .description("For validation problems: each invalid field").items(fieldError))
                    .addRequired("type").addRequired("title").addRequired("status");
        }

        private static Schema object(String description) {
            return OASFactory.createSchema().addType(SchemaType.OBJECT).description(description);
        }

        private static Schema string(String description, String example) {
            return OASFactory.createSchema().addType(SchemaType.STRING).description(description).example(example);
        }
    }
}
