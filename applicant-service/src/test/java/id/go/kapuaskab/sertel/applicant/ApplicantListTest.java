package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicantListTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ApplicantRepository applicants;

    @Test
    void verifierListsOnlyTheirInstitutionsWithMaskedNumbersAndBoundedPages() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Inst other = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        fixtures.applicant(inst);
        fixtures.applicant(inst);
        Fixtures.Person foreign = fixtures.applicant(other);
        Fixtures.Person verifier = fixtures.verifier(inst.id());

        as(verifier.token()).get("/api/v1/applicants?size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0))
                .body("items.institutionId", everyItem(equalTo(inst.id().toString())))
                .body("items.nikMasked", everyItem(matchesPattern("\\*{12}[0-9]{4}")))
                .body("items.id", not(org.hamcrest.Matchers.hasItem(foreign.id().toString())));
        as(verifier.token()).get("/api/v1/applicants?size=2&page=1").then().statusCode(200).body("items", hasSize(1));
        as(verifier.token()).get("/api/v1/applicants?size=101").then().statusCode(422).contentType(PROBLEM)
                .body("fieldErrors[0].field", equalTo("size"));
        as(verifier.token()).get("/api/v1/applicants?status=SLEEPING").then().statusCode(422)
                .body("fieldErrors[0].field", equalTo("status"));
        as(verifier.token()).queryParam("q", a.email().substring(0, 20)).get("/api/v1/applicants").then().statusCode(200)
                .body("items.id", contains(a.id().toString()));
        String nik = QuarkusTransaction.requiringNew().call(() -> applicants.findById(a.id()).nik);
        as(verifier.token()).queryParam("q", nik).get("/api/v1/applicants").then().statusCode(200)
                .body("items.id", contains(a.id().toString())).body(not(containsString(nik)));
        as(verifier.token()).get("/api/v1/applicants?status=PENDING_ACTIVATION").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void otherInstitutionsAreForbiddenAndTheirApplicantsDoNotExist() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Inst other = fixtures.institution();
        Fixtures.Person foreign = fixtures.applicant(other);
        Fixtures.Person verifier = fixtures.verifier(inst.id());

        as(verifier.token()).queryParam("institutionId", other.id()).get("/api/v1/applicants").then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(TYPE + "institution.not-assigned"));
        for (String path : new String[]{"/api/v1/applicants/" + foreign.id(), "/api/v1/applicants/" + foreign.id() + "/history",
                "/api/v1/applicants/" + java.util.UUID.randomUUID()}) {
            as(verifier.token()).get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo(TYPE + "applicant.not-found")).body(not(containsString(foreign.email())));
        }
        as(verifier.token()).post("/api/v1/applicants/" + foreign.id() + "/activation").then().statusCode(404);
    }

    @Test
    void aVerifierSeesNothingBeforeAnyAssignmentAndAnAdminSeesAll() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        Fixtures.Person unassigned = fixtures.verifier();
        Fixtures.Person admin = fixtures.admin();

        as(unassigned.token()).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));
        as(admin.token()).queryParam("institutionId", inst.id()).get("/api/v1/applicants").then().statusCode(200)
                .body("items.id", contains(a.id().toString()));
        as(admin.token()).get("/api/v1/applicants/" + a.id()).then().statusCode(200).body("nik", matchesPattern("[0-9]{16}"));
    }

    @Test
    void assignmentsComeFromTheDatabaseNotFromTheToken() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person a = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier();
        String tokenClaimingTheInstitution = id.go.kapuaskab.sertel.testsupport.TestTokens.verifier(verifier.id(), inst.id());

        as(tokenClaimingTheInstitution).get("/api/v1/applicants/" + a.id()).then().statusCode(404);
        as(tokenClaimingTheInstitution).queryParam("institutionId", inst.id()).get("/api/v1/applicants").then().statusCode(403);
    }
}
