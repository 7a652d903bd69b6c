package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Small request helpers shared by the endpoint tests. */
final class Api {

    static final String PROBLEM = "application/problem+json";
    static final String TYPE = "https://sertel.kapuaskab.go.id/problems/";

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    /** A valid registration body for the institution, with fresh NIK, NIP and e-mail. */
    static Map<String, Object> registration(Fixtures.Inst inst) {
        Fixtures.PersonalNumbers numbers = Fixtures.personalNumbers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "  Siti   Rahmawati ");
        body.put("email", "siti." + UUID.randomUUID().toString().substring(0, 8) + "@" + inst.domain());
        body.put("nik", numbers.nik());
        body.put("nip", numbers.nip());
        body.put("phone", "0812-3456-7890");
        body.put("position", "Sandiman Ahli Pertama");
        body.put("employmentType", "PNS");
        body.put("institutionId", inst.id().toString());
        body.put("workUnitId", inst.unitId().toString());
        body.put("language", "id");
        return body;
    }
}
