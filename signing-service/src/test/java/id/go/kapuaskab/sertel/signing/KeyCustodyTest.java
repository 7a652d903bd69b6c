package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.go.kapuaskab.sertel.signing.Holders.Holder;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

/**
 * Custody of kept keys: created once per request id with a CSR of their own, certified only with their own public key,
 * stored without passphrase or plain key, locked by five wrong passphrases, unlocked only by a verifier of the holder's
 * institution with a second factor (recorded), and re-wrapped when the holder changes the passphrase.
 */
@QuarkusTest
class KeyCustodyTest {

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";
    private static final UUID INSTITUTION = UUID.randomUUID();

    @Inject
    Db db;

    @Test
    void createsAKeyOncePerRequestIdWithACsrSignedByIt() throws Exception {
        UUID request = UUID.randomUUID();
        UUID holder = UUID.randomUUID();
        Response first = Holders.createKey(request, holder, INSTITUTION, Holders.PASSPHRASE).then().statusCode(201)
                .contentType(ContentType.JSON).extract().response();
        Response replay = Holders.createKey(request, holder, INSTITUTION, Holders.PASSPHRASE).then().statusCode(200).extract().response();
        assertThat(replay.<String>path("keyId")).isEqualTo(first.path("keyId"));
        assertThat(replay.<String>path("csr")).isEqualTo(first.path("csr"));

        PKCS10CertificationRequest csr = (PKCS10CertificationRequest) new PEMParser(new StringReader(first.path("csr"))).readObject();
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).build(csr.getSubjectPublicKeyInfo()))).isTrue();
        Path csrFile = Openssl.file("kept", first.<String>path("csr"));
        Openssl.Result text = Openssl.run("req", "-in", csrFile.toString(), "-noout", "-text");
        assertThat(text.output()).as("openssl reads the holder's e-mail in the CSR's SAN").contains("email:" + Holders.emailOf(holder));

        Holders.createKey(request, holder, INSTITUTION, "another passphrase here").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "signing-key.request-id-conflict"));
        Holders.createKey(request, UUID.randomUUID(), INSTITUTION, Holders.PASSPHRASE).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing-key.request-id-conflict"));
        Holders.createKey(UUID.randomUUID(), holder, INSTITUTION, "short").then().statusCode(422)
                .body("type", equalTo(TYPES + "signing-key.passphrase-too-short"));
    }

    @Test
    void keepsNeitherThePassphraseNorThePlainKey() {
        Holder h = Holders.certified(INSTITUTION, "Dewi Lestari");
        String row = String.valueOf(db.column("SELECT row_to_json(k)::text FROM signing_key k WHERE id = ?", h.keyId()).get(0));
        assertThat(row).doesNotContain(Holders.PASSPHRASE);
        assertThat(db.count("SELECT count(*) FROM signing_key WHERE id = ? AND kdf_memory_kib > 0 AND octet_length(kdf_salt) = 16"
                + " AND octet_length(wrap_nonce) = 12", h.keyId())).isOne();
        assertThat(db.count("SELECT count(*) FROM signing_key_event WHERE reason LIKE ?", "%" + Holders.PASSPHRASE + "%")).isZero();
        given().auth().oauth2(h.token()).get("/api/v1/signing-keys").then().statusCode(200)
                .body("items[0].id", equalTo(h.keyId().toString()))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("privateKeyWrapped")));
    }

    @Test
    void bindsOnlyACertificateOfTheKeysOwnPublicKey() {
        UUID holder = UUID.randomUUID();
        Response mine = Holders.createKey(UUID.randomUUID(), holder, INSTITUTION, Holders.PASSPHRASE).then().statusCode(201).extract().response();
        Response other = Holders.createKey(UUID.randomUUID(), holder, INSTITUTION, Holders.PASSPHRASE).then().statusCode(201).extract().response();
        Response issuedForOther = Holders.issue(holder, INSTITUTION, "Eko Prasetyo", other.path("csr"));

        Holders.bind(UUID.fromString(mine.path("keyId")), issuedForOther.path("certificatePem"), issuedForOther.path("chainPem"))
                .then().statusCode(422).body("type", equalTo(TYPES + "signing-key.certificate-mismatch"));
        Holders.bind(UUID.fromString(mine.path("keyId")), "not a certificate", issuedForOther.path("chainPem"))
                .then().statusCode(422).body("type", equalTo(TYPES + "signing-key.certificate-malformed"));
        Holders.bind(UUID.fromString(other.path("keyId")), issuedForOther.path("certificatePem"), issuedForOther.path("chainPem"))
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        Holders.bind(UUID.fromString(other.path("keyId")), issuedForOther.path("certificatePem"), issuedForOther.path("chainPem"))
                .then().statusCode(200);
        Holders.bind(UUID.randomUUID(), issuedForOther.path("certificatePem"), issuedForOther.path("chainPem"))
                .then().statusCode(404).body("type", equalTo(TYPES + "signing-key.not-found"));
    }

    @Test
    void fiveWrongPassphrasesLockTheKeyUntilAVerifierWithASecondFactorUnlocksIt() {
        Holder h = Holders.certified(INSTITUTION, "Fajar Nugroho");
        Sign.ok(h.token(), Pdfs.letter(), Holders.PASSPHRASE);              // the key is now kept opened (OpenedKeys)
        for (int left = 4; left >= 1; left--) {
            Sign.post(h.token(), Pdfs.letter(), "salah sekali kata sandinya", null, null).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo(TYPES + "signing-key.passphrase-wrong"))
                    .body("attemptsLeft", equalTo(left));
        }
        Sign.post(h.token(), Pdfs.letter(), "salah sekali kata sandinya", null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing-key.locked-now"));
        Sign.post(h.token(), Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing-key.locked"));

        String unlock = "/api/v1/signing-keys/" + h.keyId() + "/unlock";
        Map<String, String> reason = Map.of("reason", "Pemohon hadir dengan KTP; dikonfirmasi ke instansi");
        UUID verifierId = UUID.randomUUID();
        String withoutOtp = TestTokens.user(verifierId, "VERIFIER").institutions(INSTITUTION).claim("amr", List.of("pwd")).sign();
        String otherInstitution = TestTokens.user(verifierId, "VERIFIER").institutions(UUID.randomUUID()).claim("amr", List.of("pwd", "otp")).sign();
        String verifier = TestTokens.user(verifierId, "VERIFIER").institutions(INSTITUTION).claim("amr", List.of("pwd", "otp")).sign();
        given().auth().oauth2(withoutOtp).contentType(ContentType.JSON).body(reason).post(unlock).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "auth.step-up-required"));
        given().auth().oauth2(otherInstitution).contentType(ContentType.JSON).body(reason).post(unlock).then().statusCode(403)
                .body("type", equalTo(TYPES + "signing-key.other-institution"));
        given().auth().oauth2(h.token()).contentType(ContentType.JSON).body(reason).post(unlock).then().statusCode(403)
                .body("type", equalTo(TYPES + "forbidden"));
        given().auth().oauth2(verifier).contentType(ContentType.JSON).body(Map.of("reason", " ")).post(unlock).then().statusCode(422);
        given().auth().oauth2(verifier).contentType(ContentType.JSON).body(reason).post(unlock).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("failedAttempts", equalTo(0))
                .body("lastUnlock.by", equalTo(verifierId + " (VERIFIER)"))
                .body("lastUnlock.reason", equalTo(reason.get("reason")));
        given().auth().oauth2(verifier).contentType(ContentType.JSON).body(reason).post(unlock).then().statusCode(409)
                .body("type", equalTo(TYPES + "signing-key.not-locked"));
        assertThat(db.column("SELECT action FROM signing_key_event WHERE key_id = ? ORDER BY id", h.keyId()))
                .containsSubsequence("CREATED", "CERTIFICATE_BOUND", "WRONG_PASSPHRASE", "LOCKED", "UNLOCKED");

        Sign.ok(h.token(), Pdfs.letter(), Holders.PASSPHRASE);
    }

    @Test
    void theHolderChangesThePassphraseWithTheOldOne() {
        Holder h = Holders.certified(INSTITUTION, "Gita Permata");
        Sign.ok(h.token(), Pdfs.letter(), Holders.PASSPHRASE);              // kept opened under the old passphrase
        assertThat(PrometheusScrape.parse(given().get("/q/metrics").asString()).value("sertel_signing_opened_keys", Map.of()))
                .isPositive();
        String change = "/api/v1/signing-keys/" + h.keyId() + "/passphrase";
        String renewed = "kata sandi baru yang panjang";
        given().auth().oauth2(h.token()).contentType(ContentType.JSON)
                .body(Map.of("oldPassphrase", "bukan kata sandi lama", "newPassphrase", renewed)).post(change)
                .then().statusCode(422).body("type", equalTo(TYPES + "signing-key.passphrase-wrong")).body("attemptsLeft", equalTo(4));
        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), INSTITUTION)).contentType(ContentType.JSON)
                .body(Map.of("oldPassphrase", Holders.PASSPHRASE, "newPassphrase", renewed)).post(change)
                .then().statusCode(403).body("type", equalTo(TYPES + "signing-key.not-yours"));
        given().auth().oauth2(h.token()).contentType(ContentType.JSON)
                .body(Map.of("oldPassphrase", Holders.PASSPHRASE, "newPassphrase", "pendek")).post(change)
                .then().statusCode(422).body("type", equalTo(TYPES + "signing-key.passphrase-too-short"));
        given().auth().oauth2(h.token()).contentType(ContentType.JSON)
                .body(Map.of("oldPassphrase", Holders.PASSPHRASE, "newPassphrase", renewed)).post(change)
                .then().statusCode(200).body("failedAttempts", equalTo(0));

        Sign.post(h.token(), Pdfs.letter(), Holders.PASSPHRASE, null, null).then().statusCode(422)
                .body("type", equalTo(TYPES + "signing-key.passphrase-wrong"));
        Sign.ok(h.token(), Pdfs.letter(), renewed);
    }

    @Test
    void peopleSeeTheKeysTheirRoleAllows() {
        Holder mine = Holders.certified(INSTITUTION, "Hadi Wijaya");
        UUID elsewhere = UUID.randomUUID();
        Holder other = Holders.certified(elsewhere, "Indah Sari");
        given().auth().oauth2(mine.token()).get("/api/v1/signing-keys").then().statusCode(200)
                .body("items.holderId", everyItem(equalTo(mine.id().toString())));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), INSTITUTION)).get("/api/v1/signing-keys?size=100").then().statusCode(200)
                .body("items.id", hasItem(mine.keyId().toString()))
                .body("items.id", not(hasItem(other.keyId().toString())));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/signing-keys?size=100").then().statusCode(200)
                .body("items.id", hasItem(other.keyId().toString()));
        given().auth().oauth2(mine.token()).get("/api/v1/signing-keys?size=1000").then().statusCode(422)
                .contentType("application/problem+json");
        assertThat(new String(Pdfs.letter(), StandardCharsets.ISO_8859_1)).contains(Pdfs.TITLE);
    }
}
