package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import id.go.kapuaskab.sertel.certificate.domain.IssuanceResult;
import id.go.kapuaskab.sertel.certificate.service.InventoryService;
import id.go.kapuaskab.sertel.certificate.service.IssuanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The CA as renewal-service, notification-service and applicant-service see it; the gateway never routes here. */
@Path("/internal/certificates")
@Tag(name = "internal: certificates", description = "Service to service; roles as in docs/ARCHITECTURE.md")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class InternalCertificateResource {

    private final IssuanceService issuance;
    private final InventoryService inventory;
    private final CurrentCaller callers;
    private final Clock clock;

    InternalCertificateResource(IssuanceService issuance, InventoryService inventory, CurrentCaller callers, Clock clock) {
        this.issuance = issuance;
        this.inventory = inventory;
        this.callers = callers;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a certificate (the one signing path)", description = """
            Exactly one of `csr` and `keyGeneration`. The request id is the idempotency key: a replay with the same content \
            answers 200 with the same certificate; other content under the same id is 409 `issuance.request-id-conflict`; \
            the replay of a server-generated key is 409 `issuance.key-already-delivered` (the PKCS#12 is given once). \
            With `predecessorSerial` the predecessor becomes SUPERSEDED; a certificate has at most one successor \
            (409 `issuance.predecessor-superseded` for a second renewal of it).""")
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(schema = @Schema(implementation = Dtos.IssueResponse.class)))
    @APIResponse(responseCode = "200", description = "Replay of an issued request", content = @Content(schema = @Schema(implementation = Dtos.IssueResponse.class)))
    @APIResponse(responseCode = "400", description = "csr.malformed or unreadable JSON (problem+json)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not renewal-service")
    @APIResponse(responseCode = "409", description = "issuance.request-id-conflict, issuance.key-already-delivered, "
            + "issuance.predecessor-superseded")
    @APIResponse(responseCode = "422", description = "csr.*, keygen.*, issuance.unknown-profile, issuance.key-source, "
            + "issuance.predecessor-unknown, validation")
    @APIResponse(responseCode = "503", description = "ca.validity-exhausted: the issuing CA's remaining validity is shorter than the "
            + "profile's (a replay is still answered)")
    public Response issue(@NotNull @Valid Dtos.IssueRequest body) {
        IssuanceResult r = issuance.issue(callers.get(), IssueRequests.command(body));
        Dtos.IssueResponse answer = new Dtos.IssueResponse(r.certificate().serial, r.certificate().statusAt(clock), r.certificate().notBefore,
                r.certificate().notAfter, Pem.certificate(r.certificate().der), Pem.certificates(r.chain()),
                r.pkcs12() == null ? null : Base64.getEncoder().encodeToString(r.pkcs12()));
        return Response.status(r.created() ? 201 : 200).entity(answer).header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Operation(summary = "Certificates of one holder, newest first",
            description = "Every certificate of the holder, or with open=true only those neither superseded nor revoked (stored ACTIVE"
                    + " or SUSPENDED; one past its notAfter reads EXPIRED): all that renewal-service's guards for issuance, renewal"
                    + " and revocation look at, however often the holder renewed before.")
    @APIResponse(responseCode = "200", description = "The holder's certificates (possibly none)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not renewal-service")
    @APIResponse(responseCode = "400", description = "holderId not a UUID (invalid-parameter)")
    @APIResponse(responseCode = "422", description = "holderId missing")
    public List<Dtos.Summary> byHolder(@QueryParam("holderId") @NotNull UUID holderId,
                                       @Parameter(description = "only the certificates neither superseded nor revoked")
                                       @QueryParam("open") @DefaultValue("false") boolean open) {
        return inventory.byHolder(holderId, open).stream().map(c -> Dtos.Summary.of(c, clock)).toList();
    }

    @POST
    @Path("/current")
    @RolesAllowed(Caller.APPLICANT_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current certificate of each holder (at most 100)", description = """
            For applicant-service's status lookups of regional systems: per holder the ACTIVE certificate (by this service's \
            clock), else the newest one whatever its state, so the caller can tell "expired" or "revoked" from "never had one". \
            Holders without any certificate are left out; the rest come in the order asked. One query for the whole batch.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two holders", value = """
            {"holderIds":["e530e18e-8872-4fcb-ac74-8d2632b63c5b","0b7f9c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b"]}""")))
    @APIResponse(responseCode = "200", description = "The current certificates", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Dtos.CurrentAnswer.class), examples = @ExampleObject(name = "one holder has one", value = """
            {"items":[{"holderId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b","serial":"f7ad60f85aa519f05d562e5184486299","status":"ACTIVE",
             "institutionId":"3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f","notBefore":"2026-11-24T03:00:00Z","notAfter":"2028-11-24T03:00:00Z"}]}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not applicant-service")
    @APIResponse(responseCode = "422", description = "`validation`: no holder ids, more than 100, or a null one")
    public Dtos.CurrentAnswer current(@NotNull @Valid Dtos.CurrentQuery body) {
        var current = inventory.current(body.holderIds());
        List<Dtos.Current> items = new ArrayList<>();
        for (UUID holder : new LinkedHashSet<>(body.holderIds())) {
            if (current.containsKey(holder)) {
                items.add(Dtos.Current.of(current.get(holder), clock));
            }
        }
        return new Dtos.CurrentAnswer(items);
    }

    @GET
    @Path("/expiring")
    @RolesAllowed({Caller.NOTIFICATION_SERVICE, Caller.RENEWAL_SERVICE})
    @Operation(summary = "ACTIVE certificates with from <= notAfter < to", description = """
            Ordered by (notAfter, serial) and keyset-paginated: pass `next` of one answer as `after` of the next call. \
            Superseded, suspended and revoked certificates are left out; `status` is EXPIRED once notAfter has passed.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = Dtos.ExpiringPage.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Neither notification-service nor renewal-service (which counts the certificates nobody renews)")
    @APIResponse(responseCode = "422", description = "inventory.invalid-window, inventory.invalid-limit, inventory.invalid-cursor")
    public Dtos.ExpiringPage expiring(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                      @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit) {
        InventoryService.Slice slice = inventory.expiring(from, to, after, limit);
        return new Dtos.ExpiringPage(slice.items().stream()
                .map(c -> new Dtos.Expiring(c.serial, c.holderId, c.institutionId, c.notAfter, c.statusAt(clock))).toList(), slice.next());
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({Caller.RENEWAL_SERVICE, Caller.NOTIFICATION_SERVICE})
    @Operation(summary = "One certificate")
    @APIResponse(responseCode = "200", description = "The certificate", content = @Content(schema = @Schema(implementation = Dtos.Summary.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Neither renewal-service nor notification-service")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    public Dtos.Summary one(@PathParam("serial") String serial) {
        return Dtos.Summary.of(inventory.get(callers.get(), serial), clock);
    }
}
