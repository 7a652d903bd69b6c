package id.go.kapuaskab.sertel.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.go.kapuaskab.sertel.signing.Holders.Holder;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What signing refuses, each with its own problem: bad documents, unusable certificates, keys that are not the caller's. */
@QuarkusTest
class RefusalsTest {

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";
    private static final UUID INSTITUTION = UUID.randomUUID();

    @Inject
    Db db;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void refusesMalformedEncryptedAndOversizedDocuments() {
        Holder h = Holders.certified(INSTITUTION, "Joko Susilo");
        Sign.post(h.token(), Pdfs.broken(), Holders.PASSPHRASE, null, null).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "document.malformed"));
        Sign.post(h.token(), "Surat biasa, bukan PDF".getBytes(StandardCharsets.UTF_8), Holders.PASSPHRASE, null, null).then().statusCode(422)
                .body("type", equalTo(TYPES + "document.not-pdf"));
        Sign.post(h.token(), Pdfs.encrypted(), Holders.PASSPHRASE, null, null).then().statusCode(422)
                .body("type", equalTo(TYPES + "document.encrypted"));
        Sign.post(h.token(), Pdfs.larger(1024 * 1024), Holders.PASSPHRASE, null, null).then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "document.too-large"));
        Sign.verify(h.token(), Pdfs.broken()).then().statusCode(422).body("type", equalTo(TYPES + "document.malformed"));
        Sign.verify(h.token(), Pdfs.encrypted()).then().statusCode(422).body("type", equalTo(TYPES + "document.encrypted"));
        Sign.post(h.token(), Pdfs.letter(), null, null, null).then().statusCode(422)
                .body("type", equalTo(TYPES + "validation")).body("fieldErrors.field", hasItem("passphrase"));
        Sign.post(h.token(), Pdfs.letter(), Holders.PASSPHRASE, null, "{\"page\":2,\"x\":1,\"y\":1,\"width\":100,\"height\":50}")
                .then().statusCode(422).body("fieldErrors.field", hasItem("visible.page"));
        assertThat(db.count("SELECT failed_attempts FROM signing_key WHERE id = ?", h.keyId())).isZero();
    }

    @Test
    void aBrokenMultipartBodyOrContentTypeIsAProblemNotAServerError() {
        String token = TestTokens.applicant(UUID.randomUUID(), INSTITUTION);
        for (String path : List.of("/api/v1/signatures", "/api/v1/signatures/verification")) {
            RestAssured.given().auth().oauth2(token).header("Accept-Language", "en")
                    .contentType("multipart/form-data; boundary=walk").body("--walk\r\nnot a part\r\n--walk--".getBytes(StandardCharsets.UTF_8))
                    .post(path).then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                            org.hamcrest.Matchers.lessThan(500))).contentType("application/problem+json");
            RestAssured.given().auth().oauth2(token).header("Accept-Language", "en")
                    .contentType("application/;;json").body("{}".getBytes(StandardCharsets.UTF_8))
                    .post(path).then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                            org.hamcrest.Matchers.lessThan(500))).contentType("application/problem+json");
        }
    }

    @Test
    void refusesRevokedSuspendedAndExpiredCertificatesBeforeTryingThePassphrase() {
        Holder revoked = Holders.certified(INSTITUTION, "Kurnia Revoked");
        Sign.ok(revoked.token(), Pdfs.letter(), Holders.PASSPHRASE);       // the CA now has a cached "good" answer for it
        Holders.revoke(revoked.serial(), "keyCompromise");
        Sign.post(revoked.token(), Pdfs.letter(), "bukan kata sandinya", null, null).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "signing.certificate-revoked"));

        Holder suspended = Holders.certified(INSTITUTION, "Lina Suspended");
        Holders.revoke(suspended.serial(), "certificateHold");
        Sign.post(suspended.token(), Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing.certificate-suspended"));
        assertThat(db.count("SELECT failed_attempts FROM signing_key WHERE id = ?", revoked.keyId())).isZero();

        Holder expiring = Holders.certified(INSTITUTION, "Made Expired");
        MutableClock.INSTANCE.advance(Duration.ofDays(3 * 365));
        Sign.post(expiring.token(), Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing.certificate-expired"));
    }

    @Test
    void refusesAnotherHoldersKeyAndHoldersWithoutACertifiedKey() {
        Holder owner = Holders.certified(INSTITUTION, "Nanda Pemilik");
        String someoneElse = TestTokens.applicant(UUID.randomUUID(), INSTITUTION);
        Sign.post(someoneElse, Pdfs.letter(), Holders.PASSPHRASE, owner.id(), null).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "signing.not-your-key"));
        Sign.post(someoneElse, Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing.no-certified-key"));
        UUID awaiting = UUID.randomUUID();
        Holders.createKey(UUID.randomUUID(), awaiting, INSTITUTION, Holders.PASSPHRASE).then().statusCode(201);
        Sign.post(TestTokens.applicant(awaiting, INSTITUTION), Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing.no-certified-key"));
    }

    @Test
    void refusesIntegrationClientsWithoutTheScopeOrOutsideTheirInstitutions() {
        Holder h = Holders.certified(INSTITUTION, "Oki Integrasi");
        String noScope = TestTokens.user(UUID.randomUUID(), "INTEGRATION").institutions(INSTITUTION).claim("scope", "documents:read").sign();
        String elsewhere = TestTokens.user(UUID.randomUUID(), "INTEGRATION").institutions(UUID.randomUUID()).claim("scope", "documents:sign").sign();
        String allowed = TestTokens.user(UUID.randomUUID(), "INTEGRATION").institutions(INSTITUTION).claim("scope", "documents:sign").sign();
        Sign.post(noScope, Pdfs.letter(), Holders.PASSPHRASE, h.id(), null).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "signing.scope-missing"));
        Sign.post(elsewhere, Pdfs.letter(), Holders.PASSPHRASE, h.id(), null).then().statusCode(403)
                .body("type", equalTo(TYPES + "signing.institution-not-allowed"));
        Sign.post(allowed, Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(422)
                .body("fieldErrors.field", hasItem("holderId"));
        Sign.post(allowed, Pdfs.letter(), Holders.PASSPHRASE, UUID.randomUUID(), null).then().statusCode(403)
                .body("type", equalTo(TYPES + "signing.institution-not-allowed"));
    }
}
