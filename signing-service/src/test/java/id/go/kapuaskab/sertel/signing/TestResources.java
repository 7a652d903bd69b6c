package id.go.kapuaskab.sertel.signing;

import id.go.kapuaskab.sertel.signing.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The real parts every test of this service runs against, global so all test classes share one application:
 * embedded PostgreSQL, the test token issuer, and the real certificate-service (CA, TSA, OCSP, CRLs) as a process.
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "sertel_signing"))
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealCa.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
