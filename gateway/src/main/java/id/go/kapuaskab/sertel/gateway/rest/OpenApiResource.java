package id.go.kapuaskab.sertel.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kapuaskab.sertel.gateway.service.OpenApiAggregator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/openapi")
@Tag(name = "gateway", description = "The gateway's own endpoints")
public class OpenApiResource {

    private final OpenApiAggregator aggregator;

    OpenApiResource(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The whole public API as one OpenAPI document",
            description = "Merged from every service behind the gateway; internal service-to-service endpoints are left out. Swagger UI at /swagger-ui shows it.")
    @APIResponse(responseCode = "200", description = "OpenAPI 3.1 document")
    public ObjectNode openapi() {
        return aggregator.document();
    }
}
