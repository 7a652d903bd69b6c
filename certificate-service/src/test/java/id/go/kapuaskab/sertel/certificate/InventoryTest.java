package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InventoryTest {

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void applicantsSeeTheirOwnVerifiersTheirInstitutionsAdminsAll() {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String a = Issue.withCsr(Csrs.p256(), holder, institution).post().path("serial");
        String b = Issue.withCsr(Csrs.p256(), holder, institution).post().path("serial");
        String colleague = Issue.withCsr(Csrs.p256(), UUID.randomUUID(), institution).post().path("serial");
        Issue.withCsr(Csrs.p256()).post().then().statusCode(201);

        given().auth().oauth2(TestTokens.applicant(holder, institution)).get("/api/v1/certificates").then().statusCode(200)
                .body("total", equalTo(2)).body("items.serial", everyItem(isIn(List.of(a, b))))
                .body("items[0].holderId", equalTo(holder.toString()));
        given().auth().oauth2(TestTokens.applicant(holder, institution)).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/certificates").then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(2))
                .body("page", equalTo(1)).body("size", equalTo(1));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), institution)).get("/api/v1/certificates").then().statusCode(200)
                .body("total", equalTo(3)).body("items.serial", everyItem(isIn(List.of(a, b, colleague))));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/certificates").then()
                .statusCode(200).body("total", equalTo(0));
        int all = given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/certificates").then().statusCode(200)
                .extract().path("total");
        assertThat(all).isGreaterThanOrEqualTo(4);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("size", 1000).get("/api/v1/certificates").then()
                .statusCode(422).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/inventory.invalid-page"));
    }

    @Test
    void oneCertificateAsJsonPemChainOrDerByAccept() throws Exception {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        Response issued = Issue.withCsr(Csrs.p256(), holder, institution).post();
        String serial = issued.path("serial");
        String token = TestTokens.applicant(holder, institution);

        given().auth().oauth2(token).get("/api/v1/certificates/" + serial).then().statusCode(200).contentType("application/json")
                .body("serial", equalTo(serial)).body("status", equalTo("ACTIVE")).body("commonName", equalTo("Budi Santoso"))
                .body("keyFingerprint", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        String pem = given().auth().oauth2(token).accept("application/x-pem-file").get("/api/v1/certificates/" + serial)
                .then().statusCode(200).contentType("application/x-pem-file").extract().asString();
        assertThat(pem).isEqualTo(issued.path("certificatePem"));
        String chain = given().auth().oauth2(token).accept("application/pem-certificate-chain").get("/api/v1/certificates/" + serial.toUpperCase())
                .then().statusCode(200).contentType("application/pem-certificate-chain").extract().asString();
        assertThat(Certs.parseAll(chain)).hasSize(3);
        byte[] der = given().auth().oauth2(token).accept("application/pkix-cert").get("/api/v1/certificates/" + serial)
                .then().statusCode(200).contentType("application/pkix-cert").extract().asByteArray();
        X509Certificate parsed = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
        assertThat(parsed.getSerialNumber().toString(16)).isEqualTo(serial);
        given().auth().oauth2(token).accept("image/png").get("/api/v1/certificates/" + serial).then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/certificates/abcdef0123").then().statusCode(404)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/certificate.not-found"));
    }

    @Test
    void expiryIsComputedFromTheClock() {
        UUID holder = UUID.randomUUID();
        String serial = Issue.withCsr(Csrs.p256(), holder, UUID.randomUUID()).post().path("serial");
        MutableClock.INSTANCE.advance(Duration.ofDays(732));
        given().auth().oauth2(Issue.notificationToken()).get("/internal/certificates/" + serial).then().statusCode(200)
                .body("status", equalTo("EXPIRED"));
    }

    @Test
    void expiringWalksActiveCertificatesInKeysetPages() {
        Instant base = Instant.parse("2031-03-01T00:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MutableClock.INSTANCE.set(base.plus(Duration.ofMinutes(i)));
            expected.add(Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial"));
        }
        MutableClock.INSTANCE.reset();
        String stillActive = expected.get(2);
        String revokedOne = expected.get(3);
        given().auth().oauth2(Issue.renewalToken()).contentType("application/json").body(java.util.Map.of("reason", "keyCompromise"))
                .post("/internal/certificates/" + revokedOne + "/revocation").then().statusCode(200);
        expected.remove(revokedOne);

        Instant from = base.plus(Duration.ofDays(700));
        Instant to = base.plus(Duration.ofDays(800));
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Issue.notificationToken()).queryParam("from", from.toString())
                    .queryParam("to", to.toString()).queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            Response page = request.get("/internal/certificates/expiring");
            page.then().statusCode(200).body("items.size()", is(org.hamcrest.Matchers.lessThanOrEqualTo(2)));
            walked.addAll(page.path("items.serial"));
            after = page.path("next");
            pages++;
        } while (after != null && pages < 10);

        assertThat(walked).containsExactlyElementsOf(expected).contains(stillActive);
        assertThat(pages).isEqualTo(2);
        given().auth().oauth2(Issue.notificationToken()).queryParam("from", to.toString()).queryParam("to", from.toString())
                .get("/internal/certificates/expiring").then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/inventory.invalid-window"));
        given().auth().oauth2(Issue.notificationToken()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("after", "garbage!").get("/internal/certificates/expiring").then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/inventory.invalid-cursor"));
    }

    @Test
    void theCurrentCertificateOfEachHolderIsTheActiveOneElseTheNewestInOneBatch() {
        UUID institution = UUID.randomUUID();
        UUID renewed = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        UUID activeBesideANewerRevoked = UUID.randomUUID();
        UUID never = UUID.randomUUID();
        String first = issued(renewed, institution, null);
        String second = issued(renewed, institution, first);
        String gone = issued(revoked, institution, null);
        revoke(gone);
        String kept = issued(activeBesideANewerRevoked, institution, null);
        revoke(issued(activeBesideANewerRevoked, institution, null));

        Response answer = current(List.of(never, activeBesideANewerRevoked, renewed, revoked, renewed));
        answer.then().statusCode(200).body("items", hasSize(3));
        assertThat(answer.jsonPath().getList("items.holderId")).containsExactly(activeBesideANewerRevoked.toString(), renewed.toString(),
                revoked.toString());
        assertThat(answer.jsonPath().getList("items.serial")).containsExactly(kept, second, gone);
        assertThat(answer.jsonPath().getList("items.status")).containsExactly("ACTIVE", "ACTIVE", "REVOKED");
        answer.then().body("items[1].institutionId", equalTo(institution.toString())).body("items[1].notBefore", startsWith("20"))
                .body("items[1].notAfter", startsWith("20"));

        MutableClock.INSTANCE.advance(Duration.ofDays(732));
        current(List.of(renewed)).then().statusCode(200).body("items[0].serial", equalTo(second)).body("items[0].status", equalTo("EXPIRED"));
        MutableClock.INSTANCE.reset();

        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(UUID.randomUUID());
        }
        current(tooMany).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/validation"));
        current(List.of()).then().statusCode(422);
        current(tooMany.subList(0, 100)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aHoldersOpenCertificatesAreThoseNeitherSupersededNorRevoked() {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String first = issued(holder, institution, null);
        String renewed = issued(holder, institution, first);
        String revoked = issued(holder, institution, null);
        revoke(revoked);
        String suspended = issued(holder, institution, null);
        revoke(suspended, "certificateHold");
        issued(UUID.randomUUID(), institution, null);                     // a colleague's

        assertThat(ofHolder(holder, null).jsonPath().getList("serial")).containsExactly(suspended, revoked, renewed, first);
        assertThat(ofHolder(holder, "false").jsonPath().getList("serial")).containsExactly(suspended, revoked, renewed, first);
        Response open = ofHolder(holder, "true");
        assertThat(open.jsonPath().getList("serial")).containsExactly(suspended, renewed);
        assertThat(open.jsonPath().getList("status")).containsExactly("SUSPENDED", "ACTIVE");
        open.then().body("[1].predecessorSerial", equalTo(first)).body("[1].successorSerial", nullValue());
        assertThat(ofHolder(UUID.randomUUID(), "true").jsonPath().getList("serial")).isEmpty();

        MutableClock.INSTANCE.advance(Duration.ofDays(732));      // still open, but past notAfter: read as EXPIRED
        assertThat(ofHolder(holder, "true").jsonPath().getList("status")).containsExactly("EXPIRED", "EXPIRED");

        given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).queryParam("holderId", holder.toString())
                .queryParam("open", "true").get("/internal/certificates").then().statusCode(403);
        given().auth().oauth2(Issue.renewalToken()).queryParam("open", "true").get("/internal/certificates").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(Issue.renewalToken()).queryParam("holderId", "not-a-uuid").queryParam("open", "true")
                .get("/internal/certificates").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("holderId", holder.toString()).queryParam("open", "true").get("/internal/certificates").then().statusCode(401);
    }

    private static Response ofHolder(UUID holder, String open) {
        var request = given().auth().oauth2(Issue.renewalToken()).queryParam("holderId", holder.toString());
        return (open == null ? request : request.queryParam("open", open)).get("/internal/certificates").then().statusCode(200).extract()
                .response();
    }

    private static Response current(List<UUID> holders) {
        return given().auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE")).contentType("application/json")
                .body(java.util.Map.of("holderIds", holders.stream().map(UUID::toString).toList())).post("/internal/certificates/current");
    }

    /** A P-256 certificate issued (201) to this holder, renewing {@code predecessor} unless it is null; its serial. */
    private static String issued(UUID holder, UUID institution, String predecessor) {
        Issue issue = Issue.withCsr(Csrs.p256(), holder, institution);
        return (predecessor == null ? issue : issue.set("predecessorSerial", predecessor)).post().then().statusCode(201)
                .extract().path("serial");
    }

    private static void revoke(String serial) {
        revoke(serial, "keyCompromise");
    }

    /** Revokes through renewal-service's internal call; {@code certificateHold} suspends. */
    private static void revoke(String serial, String reason) {
        given().auth().oauth2(Issue.renewalToken()).contentType("application/json").body(java.util.Map.of("reason", reason))
                .post("/internal/certificates/" + serial + "/revocation").then().statusCode(200);
    }

    @Test
    void publicChainAndCaCertificatesAreServedWithoutToken() {
        String chain = given().get("/pki/ca/chain.pem").then().statusCode(200).contentType("application/pem-certificate-chain")
                .extract().asString();
        assertThat(Certs.parseAll(chain)).hasSize(2);
        given().get("/pki/ca/sertel-issuing-ca.cer").then().statusCode(200).contentType("application/pkix-cert");
        given().get("/pki/ca/sertel-root-ca.pem").then().statusCode(200).body(startsWith("-----BEGIN CERTIFICATE-----"));
        byte[] p7 = given().get("/pki/ca/chain.p7c").then().statusCode(200).contentType(startsWith("application/pkcs7-mime"))
                .extract().asByteArray();
        Openssl.Result pkcs7 = Openssl.run("pkcs7", "-inform", "DER", "-in", Openssl.file("chain", p7).toString(), "-print_certs", "-noout");
        assertThat(pkcs7.exit()).as(pkcs7.output()).isZero();
        assertThat(pkcs7.output()).contains("Issuing CA").contains("Root CA");
        given().header("Accept-Language", "en").get("/pki/crl/nobody.crl").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://sertel.kapuaskab.go.id/problems/ca.unknown"))
                .body("title", equalTo("Unknown CA"));
        given().header("Authorization", "Bearer garbage").get("/pki/ca/chain.pem").then().statusCode(200);
        given().get("/pki/ca/chain.pem").then().header("Cache-Control", startsWith("public"));
        given().get("/api/v1/certificates/../../pki/ca/chain.pem").then().statusCode(is(org.hamcrest.Matchers.oneOf(200, 404)));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/nothing-here").then().statusCode(404).body("pkcs12", nullValue());
    }
}
