package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds issue calls as renewal-service makes them. */
public final class Issue {

    public static final String PROFILE = "document-signing";
    public static final String NIK = "6203015608900001";
    /** The applicant's official e-mail, which {@link Csrs} names in every CSR unless told otherwise. */
    public static final String EMAIL = "budi@kapuaskab.go.id";

    public final Map<String, Object> body = new LinkedHashMap<>();
    public final Map<String, Object> subject = new LinkedHashMap<>();

    private Issue(UUID holder, UUID institution) {
        body.put("requestId", UUID.randomUUID().toString());
        body.put("holderId", holder.toString());
        body.put("profile", PROFILE);
        subject.put("commonName", "Budi Santoso");
        subject.put("email", EMAIL);
        subject.put("nik", NIK);
        subject.put("institutionId", institution.toString());
        subject.put("organization", "Dinas Kominfo Kabupaten Kapuas");
        subject.put("organizationalUnit", "Bidang Persandian");
        body.put("subject", subject);
        body.put("keyGeneration", null);
        body.put("predecessorSerial", null);
    }

    public static Issue withCsr(String csr) {
        return withCsr(csr, UUID.randomUUID(), UUID.randomUUID());
    }

    public static Issue withCsr(String csr, UUID holder, UUID institution) {
        Issue i = new Issue(holder, institution);
        i.body.put("csr", csr);
        return i;
    }

    public static Issue withKeyGeneration(String passphrase, String keyType) {
        Issue i = new Issue(UUID.randomUUID(), UUID.randomUUID());
        i.body.put("csr", null);
        Map<String, Object> kg = new HashMap<>();
        kg.put("passphrase", passphrase);
        kg.put("keyType", keyType);
        i.body.put("keyGeneration", kg);
        return i;
    }

    public Issue set(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public String requestId() {
        return (String) body.get("requestId");
    }

    public String holderId() {
        return (String) body.get("holderId");
    }

    public String institutionId() {
        return (String) subject.get("institutionId");
    }

    public Response post() {
        return post(renewalToken());
    }

    public Response post(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/internal/certificates");
    }

    public static String renewalToken() {
        return TestTokens.service("renewal-service", "RENEWAL_SERVICE");
    }

    public static String notificationToken() {
        return TestTokens.service("notification-service", "NOTIFICATION_SERVICE");
    }
}
