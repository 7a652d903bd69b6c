package id.go.kapuaskab.sertel.audit;

import id.go.kapuaskab.sertel.audit.rest.AuditResource;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

/** The trail's endpoints as a service declares them. */
@Path("/api/v1/audit/test")
@RolesAllowed("AUDITOR")
public class TestTrailResource extends AuditResource {

    TestTrailResource(AuditReader reader, CurrentCaller caller) {
        super(reader, caller);
    }
}
