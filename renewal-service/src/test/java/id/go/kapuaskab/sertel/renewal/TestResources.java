package id.go.kapuaskab.sertel.renewal;

import id.go.kapuaskab.sertel.renewal.peers.EventReceiver;
import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import id.go.kapuaskab.sertel.renewal.peers.RealCa;
import id.go.kapuaskab.sertel.renewal.peers.TokenEndpoint;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.SmtpTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of this service runs against; global, so all test classes share one application:
 * PostgreSQL, the test issuer, the real certificate-service as a process, and in-test stand-ins for the token
 * endpoint, applicant-service's snapshot and notification-service's event intake.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "sertel_renewal"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TokenEndpoint.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeApplicants.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EventReceiver.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealCa.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
