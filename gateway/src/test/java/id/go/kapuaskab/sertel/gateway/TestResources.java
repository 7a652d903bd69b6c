package id.go.kapuaskab.sertel.gateway;

import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The gateway's tests share one application: the test issuer's JWKS and the echoing backends. */
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Backends.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {
    private TestResources() {
    }
}
