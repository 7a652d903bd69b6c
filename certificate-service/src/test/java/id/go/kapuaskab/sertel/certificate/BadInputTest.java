package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** Every bad input of the issue call: its own problem type, nothing stored, nothing signed, the refusal audited. */
@QuarkusTest
class BadInputTest {

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";

    @Inject
    Db db;

    @Test
    void rejectsGarbageCsr() {
        refused(Issue.withCsr("this is not a certificate request"), 400, "csr.malformed");
    }

    @Test
    void rejectsTruncatedCsr() {
        String pem = Csrs.p256();
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        byte[] half = java.util.Arrays.copyOf(der, der.length / 2);
        refused(Issue.withCsr(Base64.getEncoder().encodeToString(half)), 400, "csr.malformed");
        refused(Issue.withCsr(pem.substring(0, pem.length() / 2)), 400, "csr.malformed");
    }

    @Test
    void rejectsOversizedCsr() {
        refused(Issue.withCsr("A".repeat(20_000)), 422, "csr.too-large");
    }

    @Test
    void rejectsCsrSignedByAnotherKey() {
        KeyPair named = Csrs.ec("secp256r1");
        KeyPair other = Csrs.ec("secp256r1");
        refused(Issue.withCsr(Csrs.signedByOther(named, other.getPrivate())), 422, "csr.signature-invalid");
    }

    @Test
    void rejectsRsa1024() {
        refused(Issue.withCsr(Csrs.pem(Csrs.rsa(1024, 65537))), 422, "csr.key-too-small");
    }

    @Test
    void rejectsUnknownCurve() {
        refused(Issue.withCsr(Csrs.pem(Csrs.ec("secp256k1"))), 422, "csr.key-type-not-allowed");
    }

    @Test
    void rejectsEcPointOffTheCurve() {
        Response r = refused(Issue.withCsr(Csrs.offCurvePoint()), 422, "csr.weak-key");
        r.then().body("reason", equalTo("point is not a valid point of the curve"));
    }

    @Test
    void rejectsRsaExponentOtherThan65537() {
        Response r = refused(Issue.withCsr(Csrs.pem(Csrs.rsa(2048, 3))), 422, "csr.weak-key");
        r.then().body("reason", equalTo("public exponent is not 65537"));
    }

    @Test
    void rejectsRsaModulusWithSmallPrimeFactor() throws Exception {
        // the check needs no real second prime: any 2048-bit modulus divisible by 7919 is refused
        java.security.SecureRandom random = new java.security.SecureRandom();
        BigInteger n;
        do {
            n = new BigInteger(2036, random).setBit(0).multiply(BigInteger.valueOf(7919));
        } while (n.bitLength() != 2048);
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(n, BigInteger.valueOf(65537)));
        KeyPair signer = Csrs.ec("secp256r1");
        Response r = refused(Issue.withCsr(Csrs.pem(Csrs.build(spki, signer.getPrivate(), Issue.EMAIL))), 422, "csr.weak-key");
        r.then().body("reason", equalTo("modulus has a small prime factor"));
    }

    @Test
    void rejectsCsrWithReusedKey() {
        KeyPair keys = Csrs.ec("secp256r1");
        Issue.withCsr(Csrs.pem(keys)).post().then().statusCode(201);
        Issue again = Issue.withCsr(Csrs.pem(keys));
        refused(again, 422, "csr.key-reused");
        assertThat(db.column("SELECT detail::jsonb ->> 'note' FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REFUSED'",
                UUID.fromString(again.requestId()))).as("the certificate signed before the key was found taken is accounted for")
                .singleElement().asString().matches("signed under serial [0-9a-f]+ and discarded: never stored or sent");
    }

    @Test
    void rejectsReusedRequestIdWithDifferentContent() {
        Issue first = Issue.withCsr(Csrs.p256());
        String serial = first.post().then().statusCode(201).extract().path("serial");
        Issue second = Issue.withCsr(Csrs.p256()).set("requestId", first.requestId());

        second.post().then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "issuance.request-id-conflict"));
        assertThat(db.count("SELECT count(*) FROM certificate WHERE request_id = ?", UUID.fromString(first.requestId()))).isEqualTo(1);
        assertThat(db.column("SELECT serial FROM certificate WHERE request_id = ?", UUID.fromString(first.requestId()))).containsExactly(serial);
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REFUSED' AND detail::jsonb ->> 'problem' = ?",
                UUID.fromString(first.requestId()), "issuance.request-id-conflict")).isEqualTo(1);
    }

    @Test
    void aReusedRequestIdIsAConflictEvenWhenItsOtherContentCouldNotBeSigned() {
        Issue first = Issue.withCsr(Csrs.p256());
        first.post().then().statusCode(201);
        // other content under the same id, with a predecessor nobody has: the id is what the caller got wrong first
        Issue second = Issue.withCsr(Csrs.p256()).set("requestId", first.requestId()).set("predecessorSerial", "7e57ab1e");

        second.post().then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "issuance.request-id-conflict"));
        assertThat(db.column("SELECT detail::jsonb ->> 'note' FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REFUSED'",
                UUID.fromString(first.requestId()))).as("nothing was signed for it").containsExactly((Object) null);
    }

    @Test
    void rejectsUnknownProfile() {
        refused(Issue.withCsr(Csrs.p256()).set("profile", "code-signing"), 422, "issuance.unknown-profile");
    }

    @Test
    void rejectsBothOrNeitherKeySource() {
        Issue both = Issue.withKeyGeneration("a-long-passphrase-here", "EC_P256").set("csr", Csrs.p256());
        refused(both, 422, "issuance.key-source");
        refused(Issue.withCsr(null), 422, "issuance.key-source");
    }

    @Test
    void rejectsUnknownKeyGenerationType() {
        refused(Issue.withKeyGeneration("a-long-passphrase-here", "RSA_1024"), 400, null)
                .then().body("type", equalTo(TYPES + "malformed-request")).body("fieldErrors[0].field", equalTo("keyGeneration.keyType"));
    }

    @Test
    void missingSubjectFieldsAreValidationErrors() {
        Issue issue = Issue.withCsr(Csrs.p256());
        issue.subject.remove("commonName");
        issue.subject.put("email", "not-an-email");
        issue.post().then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "validation"))
                .body("fieldErrors.field", hasItem("subject.commonName"))
                .body("fieldErrors.field", hasItem("subject.email"));
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        Issue issue = Issue.withCsr(Csrs.pem(Csrs.rsa(1024, 65537)));
        given().auth().oauth2(Issue.renewalToken()).header("Accept-Language", "en").contentType(ContentType.JSON).body(issue.body)
                .post("/internal/certificates").then().statusCode(422).header("Content-Language", "en")
                .body("title", equalTo("Key too short"))
                .body("detail", equalTo("The 1024-bit RSA key is shorter than the minimum of 2048 bits."));
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(issue.body)
                .post("/internal/certificates").then().statusCode(422).header("Content-Language", "id")
                .body("title", equalTo("Kunci terlalu pendek"));
    }

    @Test
    void csrCheckAnswersLikeTheIssueCall() {
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(Map.of("csr", Csrs.p256(), "profile", Issue.PROFILE, "email", Issue.EMAIL))
                .post("/internal/csr-checks").then().statusCode(204);
        KeyPair used = Csrs.ec("secp256r1");
        Issue.withCsr(Csrs.pem(used)).post().then().statusCode(201);
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(Map.of("csr", Csrs.pem(used), "profile", Issue.PROFILE, "email", Issue.EMAIL))
                .post("/internal/csr-checks").then().statusCode(422).body("type", equalTo(TYPES + "csr.key-reused"));
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON)
                .body(Map.of("csr", Csrs.pem(Csrs.ec("secp256k1")), "profile", Issue.PROFILE, "email", Issue.EMAIL))
                .post("/internal/csr-checks").then().statusCode(422).body("type", equalTo(TYPES + "csr.key-type-not-allowed"));
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(Map.of("csr", "garbage", "profile", Issue.PROFILE, "email", Issue.EMAIL))
                .post("/internal/csr-checks").then().statusCode(400).body("type", equalTo(TYPES + "csr.malformed"));
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON)
                .body(Map.of("csr", Csrs.pem(Csrs.ec("secp256r1"), "siti@kapuaskab.go.id"), "profile", Issue.PROFILE, "email", Issue.EMAIL))
                .post("/internal/csr-checks").then().statusCode(422).body("type", equalTo(TYPES + "csr.email-mismatch"));
        given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(Map.of("csr", Csrs.p256(), "profile", Issue.PROFILE))
                .post("/internal/csr-checks").then().statusCode(422).body("fieldErrors.field", hasItem("email"));
    }

    @Test
    void aCsrMustNameTheApplicantsOwnEmail() {
        refused(Issue.withCsr(Csrs.pem(Csrs.ec("secp256r1"), null)), 422, "csr.email-mismatch")
                .then().body("detail", containsString(Issue.EMAIL));
        refused(Issue.withCsr(Csrs.pem(Csrs.ec("secp256r1"), "siti@kapuaskab.go.id")), 422, "csr.email-mismatch");
        Issue.withCsr(Csrs.withSubjectEmail(Csrs.ec("secp256r1"), Issue.EMAIL)).post().then().statusCode(201);
        Issue.withCsr(Csrs.pem(Csrs.ec("secp256r1"), Issue.EMAIL.toUpperCase(java.util.Locale.ROOT))).post().then().statusCode(201);
    }

    @Test
    void aCopiedCsrNeitherIssuesToTheCopierNorBlocksItsOwner() {
        KeyPair budis = Csrs.ec("secp256r1");
        String csr = Csrs.pem(budis);
        Issue copier = Issue.withCsr(csr);
        copier.subject.put("email", "mallory@kapuaskab.go.id");
        refused(copier, 422, "csr.email-mismatch");
        Issue.withCsr(csr).post().then().statusCode(201);
    }

    /** Posts, checks the problem, and checks that nothing was stored and the refusal was audited. */
    private Response refused(Issue issue, int status, String code) {
        long certificatesBefore = db.count("SELECT count(*) FROM certificate");
        Response r = issue.post();
        r.then().statusCode(status).contentType("application/problem+json");
        UUID requestId = UUID.fromString(issue.requestId());
        if (code != null) {
            r.then().body("type", equalTo(TYPES + code)).body("code", equalTo(code));
            assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REFUSED' AND detail::jsonb ->> 'problem' = ?",
                    requestId, code)).as("refusal audited").isEqualTo(1);
        }
        assertThat(db.count("SELECT count(*) FROM certificate WHERE request_id = ?", requestId)).as("nothing stored").isZero();
        assertThat(db.count("SELECT count(*) FROM issuance WHERE request_id = ?", requestId)).as("no intent left").isZero();
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'ISSUED'", requestId))
                .as("nothing signed").isZero();
        assertThat(db.count("SELECT count(*) FROM certificate")).isGreaterThanOrEqualTo(certificatesBefore);
        return r;
    }
}
