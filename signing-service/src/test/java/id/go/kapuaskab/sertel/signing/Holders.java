package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.signing.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holders with kept keys, made the way the workflow will: renewal-service's identity asks this service for a key and
 * its CSR, the real CA (certificate-service as a process) issues the certificate, and the certificate is bound.
 */
public final class Holders {

    public static final String PASSPHRASE = "kata sandi yang panjang";

    /** A holder of an institution with one key. {@code serial} is null while the key awaits its certificate. */
    public record Holder(UUID id, UUID institution, UUID keyId, String serial, String name) {

        public String token() {
            return TestTokens.applicant(id, institution);
        }
    }

    private Holders() {
    }

    public static String renewalToken() {
        return TestTokens.service("renewal-service", "RENEWAL_SERVICE");
    }

    /** The holder's official e-mail: what the key's CSR names and the CA checks against the approved data. */
    public static String emailOf(UUID holder) {
        return "holder-" + holder.toString().substring(0, 8) + "@kapuaskab.go.id";
    }

    public static Response createKey(UUID requestId, UUID holder, UUID institution, String passphrase) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId.toString());
        body.put("holderId", holder.toString());
        body.put("institutionId", institution.toString());
        body.put("email", emailOf(holder));
        body.put("passphrase", passphrase);
        body.put("keyType", "EC_P256");
        return given().auth().oauth2(renewalToken()).contentType(ContentType.JSON).body(body).post("/internal/signing-keys");
    }

    public static Holder certified(UUID institution, String name) {
        UUID holder = UUID.randomUUID();
        Response created = createKey(UUID.randomUUID(), holder, institution, PASSPHRASE).then().statusCode(201).extract().response();
        UUID keyId = UUID.fromString(created.path("keyId"));
        Response issued = issue(holder, institution, name, created.path("csr"));
        bind(keyId, issued.path("certificatePem"), issued.path("chainPem")).then().statusCode(200);
        return new Holder(holder, institution, keyId, issued.path("serial"), name);
    }

    /** The real CA issues a document-signing certificate for the CSR, subject from "approved data". */
    public static Response issue(UUID holder, UUID institution, String name, String csr) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("commonName", name);
        subject.put("email", emailOf(holder));
        subject.put("nik", "6203015608900001");
        subject.put("institutionId", institution.toString());
        subject.put("organization", "Dinas Kominfo Kabupaten Kapuas");
        subject.put("organizationalUnit", "Bidang Persandian");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", UUID.randomUUID().toString());
        body.put("holderId", holder.toString());
        body.put("profile", "document-signing");
        body.put("subject", subject);
        body.put("csr", csr);
        return given().auth().oauth2(renewalToken()).contentType(ContentType.JSON).body(body)
                .post(RealCa.url() + "/internal/certificates").then().statusCode(201).extract().response();
    }

    public static Response bind(UUID keyId, String certificatePem, String chainPem) {
        return given().auth().oauth2(renewalToken()).contentType(ContentType.JSON)
                .body(Map.of("certificatePem", certificatePem, "chainPem", chainPem))
                .post("/internal/signing-keys/" + keyId + "/certificate");
    }

    /** Revokes (or with {@code certificateHold} suspends) at the real CA. */
    public static void revoke(String serial, String reason) {
        given().auth().oauth2(renewalToken()).contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "reason", reason))
                .post(RealCa.url() + "/internal/certificates/" + serial + "/revocation").then().statusCode(200);
    }

    public static List<String> chainPem() {
        String pem = given().get(RealCa.url() + "/pki/ca/chain.pem").then().statusCode(200).extract().asString();
        return List.of(pem);
    }
}
