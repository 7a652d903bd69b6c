package id.go.kapuaskab.sertel.notification.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.notification.Fixtures;
import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outside the test and local profiles only https targets are accepted (production's setting, in this application). */
@QuarkusTest
class TargetPolicyHttpsTest {

    @Inject
    WebhookConfig config;
    @Inject
    HostResolver resolver;

    @BeforeEach
    void requireHttps() {
        Fixtures.clean();
        WebhookConfig production = (WebhookConfig) Proxy.newProxyInstance(WebhookConfig.class.getClassLoader(),
                new Class<?>[] {WebhookConfig.class},
                (proxy, method, args) -> method.getName().equals("requireHttps") ? Boolean.TRUE : method.invoke(config, args));
        QuarkusMock.installMockForType(new TargetPolicy(resolver, production), TargetPolicy.class);
    }

    @Test
    void aPlainHttpTargetIsRefusedWhereHttpsIsRequired() {
        String client = TestTokens.integration("int-eoffice").scopes("events:subscribe").institutions(UUID.randomUUID()).sign();
        given().auth().oauth2(client).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", new String[] {"certificate.revoked"},
                        "contactEmail", "ops@kapuaskab.go.id"))
                .post("/api/v1/integrations/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("webhook.target-not-https")).body("title", equalTo("Target must be https"))
                .body("detail", equalTo("Webhooks are only sent to https addresses."));
    }
}
