package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.service.CaRegistry;
import id.go.kapuaskab.sertel.certificate.service.InventoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;

/** The inventory for people: applicants see their own, verifiers their institutions', admins all. */
@Path("/api/v1/certificates")
@Tag(name = "certificates", description = "Inventory and download of issued certificates")
@SecurityRequirement(name = "jwt")
public class CertificateResource {

    private final InventoryService inventory;
    private final CaRegistry cas;
    private final CurrentCaller callers;
    private final Clock clock;

    CertificateResource(InventoryService inventory, CaRegistry cas, CurrentCaller callers, Clock clock) {
        this.inventory = inventory;
        this.cas = cas;
        this.callers = callers;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List certificates the caller may see, newest first", description = """
            An applicant gets their own (token `sub`), a verifier those of the institutions in the token's `inst`, an admin all.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = Dtos.Page.class),
            examples = @ExampleObject(name = "page", value = OpenApiExamples.PAGE)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a person's role")
    @APIResponse(responseCode = "422", description = "inventory.invalid-page")
    public Dtos.Page list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        InventoryService.Page result = inventory.list(callers.get(), page, size);
        return new Dtos.Page(result.items().stream().map(c -> Dtos.View.of(c, clock)).toList(), result.page(), result.size(), result.total());
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, Pem.CHAIN, Pem.PEM_FILE, Pem.DER})
    @Operation(summary = "One certificate: JSON, or by Accept the PEM (x-pem-file), the PEM with its chain (pem-certificate-chain) or DER (pkix-cert)")
    @APIResponse(responseCode = "200", description = "The certificate", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dtos.View.class),
                    examples = @ExampleObject(name = "certificate", value = OpenApiExamples.VIEW)),
            @Content(mediaType = Pem.CHAIN, examples = @ExampleObject(name = "chain", value = OpenApiExamples.CHAIN)),
            @Content(mediaType = Pem.PEM_FILE, examples = @ExampleObject(name = "pem", value = OpenApiExamples.PEM)),
            @Content(mediaType = Pem.DER, examples = @ExampleObject(name = "der", value = OpenApiExamples.DER))})
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "certificate.not-yours: another holder's or another institution's")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    @APIResponse(responseCode = "406", description = "No representation matches Accept")
    public Response one(@PathParam("serial") String serial, HttpHeaders headers) {
        Certificate c = inventory.get(callers.get(), serial);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(Dtos.View.of(c, clock), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (accepted.isCompatible(MediaType.valueOf(Pem.CHAIN))) {
                List<java.security.cert.X509Certificate> chain = new ArrayList<>(cas.require(c.caName).chain());
                return Response.ok(Pem.certificate(c.der) + Pem.certificates(chain), Pem.CHAIN).build();
            }
            if (accepted.isCompatible(MediaType.valueOf(Pem.PEM_FILE))) {
                return Response.ok(Pem.certificate(c.der), Pem.PEM_FILE).build();
            }
            if (accepted.isCompatible(MediaType.valueOf(Pem.DER))) {
                return Response.ok(c.der, Pem.DER).header("Content-Disposition", "attachment; filename=\"" + c.serial + ".cer\"").build();
            }
        }
        return Response.ok(Dtos.View.of(c, clock), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
