package id.go.kapuaskab.sertel.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.applicant.config.DemoConfig;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.service.DemoData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    DemoConfig config;

    @Inject
    AccountRepository accounts;

    @Inject
    InstitutionRepository institutions;

    @Test
    void isOffOutsideTheLocalProfile() {
        assertThat(config.enabled()).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail("pemohon1@kapuaskab.go.id"))).isEmpty();
    }

    @Test
    void seedsTheDemoLoginsOnceAndIsIdempotent() {
        demo.seed();
        long before = QuarkusTransaction.requiringNew().call(() -> accounts.count());
        demo.seed();
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.count())).isEqualTo(before);

        String kominfo = QuarkusTransaction.requiringNew().call(() -> institutions.findByCode("KOMINFO").orElseThrow().id.toString());
        Response applicant = TokenEndpointTest.login("pemohon1@kapuaskab.go.id", "sertel-demo");
        applicant.then().statusCode(200);
        assertThat(TokenEndpointTest.jwtPart(applicant.path("access_token"), 1)).containsEntry("inst", List.of(kominfo));
        Api.as(applicant.path("access_token")).get("/api/v1/applicants/me").then().statusCode(200)
                .body("fullName", equalTo("Budi Santoso")).body("workUnit.name", equalTo("Bidang Persandian"))
                .body("employmentType", equalTo("PNS")).body("status", equalTo("ACTIVE"));
        for (String verifier : List.of("verifikator1@kapuaskab.go.id", "verifikator2@kapuaskab.go.id")) {
            Response login = TokenEndpointTest.login(verifier, "sertel-demo");
            login.then().statusCode(200);
            assertThat(TokenEndpointTest.jwtPart(login.path("access_token"), 1)).containsEntry("inst", List.of(kominfo))
                    .containsEntry("groups", List.of("VERIFIER"));
        }
    }
}
