package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InstitutionTest {

    @Inject
    Fixtures fixtures;

    @Test
    void adminManagesInstitutionsAndUnitsWhichArePublicToRead() {
        Fixtures.Person admin = fixtures.admin();
        String code = "UJI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        String id = as(admin.token()).body(Map.of("code", code.toLowerCase(), "name", " Dinas   Uji " + code, "emailDomains",
                        List.of("Uji.Kapuaskab.go.id"))).post("/api/v1/institutions").then().statusCode(201)
                .body("code", equalTo(code)).body("name", equalTo("Dinas Uji " + code))
                .body("emailDomains", contains("uji.kapuaskab.go.id")).body("active", equalTo(true)).body("version", equalTo(0))
                .extract().path("id");
        as(admin.token()).body(Map.of("name", "Bidang Persandian")).post("/api/v1/institutions/" + id + "/work-units").then().statusCode(201)
                .body("workUnits.name", contains("Bidang Persandian"));
        as(admin.token()).body(Map.of("name", "bidang persandian")).post("/api/v1/institutions/" + id + "/work-units").then().statusCode(422)
                .body("fieldErrors[0].code", equalTo("work-unit.name-taken"));

        anonymous().get("/api/v1/institutions").then().statusCode(200).body("id", hasItem(id));
        anonymous().get("/api/v1/institutions/" + id).then().statusCode(200).body("workUnits[0].name", equalTo("Bidang Persandian"));

        as(admin.token()).body(Map.of("code", code, "name", "Dinas Uji " + code, "emailDomains", List.of("uji.kapuaskab.go.id"),
                "active", false, "version", 0)).put("/api/v1/institutions/" + id).then().statusCode(200).body("active", equalTo(false));
        as(admin.token()).body(Map.of("code", code, "name", "Dinas Lain", "emailDomains", List.of("uji.kapuaskab.go.id"), "version", 0))
                .put("/api/v1/institutions/" + id).then().statusCode(409).contentType(PROBLEM).body("type", equalTo(TYPE + "conflict.stale-version"));
        anonymous().get("/api/v1/institutions").then().body("id", not(hasItem(id)));
        anonymous().get("/api/v1/institutions/" + id).then().statusCode(404);
        as(admin.token()).get("/api/v1/institutions?includeInactive=true").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void codesNamesAndDomainsAreChecked() {
        Fixtures.Person admin = fixtures.admin();
        Fixtures.Inst existing = fixtures.institution();

        as(admin.token()).body(Map.of("code", existing.code(), "name", "Dinas Baru " + UUID.randomUUID(), "emailDomains", List.of("not a domain", "ok.go.id")))
                .post("/api/v1/institutions").then().statusCode(422)
                .body("fieldErrors.field", contains("code", "emailDomains[0]"));
        as(admin.token()).body(Map.of("code", "X", "name", "", "emailDomains", List.of())).post("/api/v1/institutions").then().statusCode(422)
                .body("fieldErrors.field", contains("code", "emailDomains", "name"));
    }

    @Test
    void onlyAdminsChangeInstitutionsOrSeeInactiveOnes() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        Map<String, Object> body = Map.of("code", "NOPE", "name", "Dinas Nope", "emailDomains", List.of("nope.go.id"));

        as(verifier.token()).body(body).post("/api/v1/institutions").then().statusCode(403).contentType(PROBLEM);
        as(verifier.token()).get("/api/v1/institutions?includeInactive=true").then().statusCode(403).contentType(PROBLEM);
        anonymous().get("/api/v1/institutions?includeInactive=true").then().statusCode(401).contentType(PROBLEM);
        anonymous().body(body).post("/api/v1/institutions").then().statusCode(401).contentType(PROBLEM);
    }
}
