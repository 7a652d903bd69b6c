package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfficerTest {

    @Inject
    Fixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void adminCreatesAVerifierWhoConfirmsTheAddressAndGetsTheInstitutionsInTheToken() {
        Fixtures.Person admin = fixtures.admin();
        Fixtures.Inst first = fixtures.institution();
        Fixtures.Inst second = fixtures.institution();
        String email = "verifikator-" + UUID.randomUUID().toString().substring(0, 8) + "@kapuaskab.go.id";

        String id = as(admin.token()).body(Map.of("email", email, "fullName", "Dewi Lestari", "role", "VERIFIER",
                        "institutionIds", List.of(first.id().toString()))).post("/api/v1/officers").then().statusCode(201)
                .body("status", equalTo("PENDING_EMAIL")).body("institutionIds", contains(first.id().toString()))
                .extract().path("id");
        anonymous().body(Map.of("token", Mails.tokenFor(email), "password", "verifikator-rahasia"))
                .post("/api/v1/applicants/email-confirmation").then().statusCode(200).body("status", equalTo("ACTIVE"));

        as(admin.token()).body(Map.of("institutionIds", List.of(first.id().toString(), second.id().toString())))
                .put("/api/v1/officers/" + id + "/institutions").then().statusCode(200).body("institutionIds.size()", equalTo(2));
        Response login = TokenEndpointTest.login(email, "verifikator-rahasia");
        login.then().statusCode(200);
        assertThat((List<Object>) TokenEndpointTest.jwtPart(login.path("access_token"), 1).get("inst"))
                .containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        as(admin.token()).get("/api/v1/officers").then().statusCode(200).body("id", hasItem(id));
        as(admin.token()).get("/api/v1/officers/" + id).then().statusCode(200).body("role", equalTo("VERIFIER"));
    }

    @Test
    void officerInputIsChecked() {
        Fixtures.Person admin = fixtures.admin();
        Fixtures.Inst inst = fixtures.institution();

        as(admin.token()).body(Map.of("email", admin.email(), "fullName", "X", "role", "ADMIN", "institutionIds", List.of(inst.id().toString())))
                .post("/api/v1/officers").then().statusCode(422).contentType(PROBLEM)
                .body("fieldErrors.code", contains("email.taken", "officer.admin-institutions"));
        as(admin.token()).body(Map.of("email", "x" + UUID.randomUUID() + "@kapuaskab.go.id", "fullName", "X", "role", "APPLICANT"))
                .post("/api/v1/officers").then().statusCode(422).body("fieldErrors[0].code", equalTo("officer.role"));
        as(admin.token()).body(Map.of("institutionIds", List.of(UUID.randomUUID().toString())))
                .put("/api/v1/officers/" + fixtures.verifier().id() + "/institutions").then().statusCode(422)
                .body("fieldErrors[0].code", equalTo("institution.unknown"));
        as(admin.token()).get("/api/v1/officers/" + fixtures.applicant(inst).id()).then().statusCode(404)
                .body("type", equalTo(TYPE + "officer.not-found"));
    }

    @Test
    void verifiersCannotManageOfficers() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        as(verifier.token()).body(Map.of("institutionIds", List.of(inst.id().toString())))
                .put("/api/v1/officers/" + verifier.id() + "/institutions").then().statusCode(403).contentType(PROBLEM);
    }
}
