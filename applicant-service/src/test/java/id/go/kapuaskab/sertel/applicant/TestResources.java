package id.go.kapuaskab.sertel.applicant;

import id.go.kapuaskab.sertel.applicant.peers.RealPeers;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of this service runs against; global, so all test classes share one application. The real
 * certificate-service and renewal-service ({@link RealPeers}) start only when a test needs them.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "sertel_applicant"))
@WithTestResource(value = MessageReceiver.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealPeers.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
