package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the workflow through the HTTP API, as clients do, for the tests of this module. */
final class Flow {

    static final String REQUESTS = "/api/v1/requests";

    /** A person with a token: an applicant (id = applicant id = certificate holder id, with the e-mail their CSRs name) or an officer. */
    record Person(UUID id, UUID institution, String token, String email) {

        /** A new P-256 key and a CSR naming this applicant's e-mail, as the CA requires. */
        String newCsr() {
            return Openssl.newCsr(email).pem();
        }
    }

    private Flow() {
    }

    static Person applicant() {
        return applicantIn(UUID.randomUUID());
    }

    static Person applicantIn(UUID institution) {
        UUID id = UUID.randomUUID();
        Map<String, Object> registered = FakeApplicants.register(id, institution,
                "Budi Santoso " + id.toString().substring(0, 4).replaceAll("[0-9]", "x"));
        return new Person(id, institution, TestTokens.applicant(id, institution), (String) registered.get("email"));
    }

    static Person verifier(UUID institution) {
        UUID id = UUID.randomUUID();
        return new Person(id, institution, TestTokens.verifier(id, institution), null);
    }

    static Person admin() {
        UUID id = UUID.randomUUID();
        return new Person(id, null, TestTokens.admin(id), null);
    }

    static Response post(String token, String path, Object body) {
        var spec = given().auth().oauth2(token).header("Accept-Language", "en");
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        }
        return spec.post(path);
    }

    static Response get(String token, String path) {
        return given().auth().oauth2(token).header("Accept-Language", "en").get(path);
    }

    static String create(Person p, Map<String, Object> body) {
        return post(p.token(), REQUESTS, body).then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    static String createCsrRequest(Person p, String type, String csr) {
        return create(p, Map.of("type", type, "csr", csr));
    }

    static void submit(Person p, String id) {
        post(p.token(), REQUESTS + "/" + id + "/submit", null).then().statusCode(200);
    }

    static void claim(Person officer, String id) {
        post(officer.token(), REQUESTS + "/" + id + "/claim", null).then().statusCode(200);
    }

    static Map<String, Object> allChecks(boolean matches, String outcome) {
        return Map.of("items", List.of(
                        Map.of("item", "FULL_NAME", "matches", matches, "note", "KTP"),
                        Map.of("item", "EMAIL", "matches", true),
                        Map.of("item", "NIK", "matches", true),
                        Map.of("item", "INSTITUTION", "matches", true),
                        Map.of("item", "UNIT", "matches", true)),
                "contact", Map.of("contactPerson", "Kasubbag Umum", "channel", "PHONE",
                        "contactedAt", Instant.now().minusSeconds(30).toString(), "outcome", outcome, "note", "confirmed by phone"));
    }

    static void recordChecks(Person officer, String id) {
        post(officer.token(), REQUESTS + "/" + id + "/checks", allChecks(true, "CONFIRMED")).then().statusCode(200);
    }

    static Response approve(Person officer, String id) {
        return post(officer.token(), REQUESTS + "/" + id + "/approve", null);
    }

    /** Submitted, claimed and checked by verifier A, approved by verifier B. */
    static void throughReview(Person applicant, String id) {
        submit(applicant, id);
        Person a = verifier(applicant.institution());
        claim(a, id);
        recordChecks(a, id);
        approve(verifier(applicant.institution()), id).then().statusCode(200);
    }

    static JsonPath detail(String id) {
        return get(admin().token(), REQUESTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitState(String id, String state, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath last = detail(id);
        while (!state.equals(last.getString("request.state")) && Instant.now().isBefore(deadline)) {
            sleep(100);
            last = detail(id);
        }
        assertThat(last.getString("request.state")).as("state of %s", id).isEqualTo(state);
        return last;
    }

    /** An applicant's first certificate, issued by the real CA through an ISSUANCE request; returns its serial. */
    static String firstCertificate(Person applicant) {
        return firstCertificate(applicant, applicant.newCsr());
    }

    static String firstCertificate(Person applicant, String csr) {
        String id = createCsrRequest(applicant, "ISSUANCE", csr);
        throughReview(applicant, id);
        return awaitState(id, "COMPLETED", Duration.ofSeconds(30)).getString("request.issuedSerial");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
