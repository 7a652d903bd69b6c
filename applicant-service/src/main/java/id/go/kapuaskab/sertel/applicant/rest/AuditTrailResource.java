package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.audit.AuditReader;
import id.go.kapuaskab.sertel.audit.rest.AuditResource;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This service's audit trail for auditors: account changes (roles, deactivation, second factor, lockouts), applicant
 * data and data-change requests, institutions (endpoints in sertel-audit).
 */
@Path("/api/v1/audit/applicant")
@RolesAllowed(Caller.AUDITOR)
@Tag(name = "audit", description = "Auditors: the tamper-evident audit trail, its checkpoints and its verification")
public class AuditTrailResource extends AuditResource {

    AuditTrailResource(AuditReader reader, CurrentCaller caller) {
        super(reader, caller);
    }
}
