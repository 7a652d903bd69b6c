package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** Revocation as relying parties see it: through our CRL and OCSP responder, checked by openssl and by Java's PKIX. */
@QuarkusTest
class RevocationTest {

    @jakarta.inject.Inject
    Db db;

    private static final String TYPES = "https://sertel.kapuaskab.go.id/problems/";

    @Test
    void opensslOcspSaysGoodThenRevokedAndTheCrlListsIt() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        String serial = issued.path("serial");
        List<X509Certificate> cas = Certs.parseAll(issued.path("chainPem"));
        Path leaf = Openssl.file("leaf", (String) issued.path("certificatePem"));
        Path issuing = Openssl.file("issuing", Certs.pem(cas.get(0)));
        Path root = Openssl.file("root", Certs.pem(cas.get(1)));

        Openssl.Result good = ocsp(issuing, root, leaf);
        assertThat(good.exit()).as(good.output()).isZero();
        assertThat(good.output()).contains("Response verify OK").contains(": good").contains("This Update:").contains("Next Update:")
                .doesNotContain("WARNING");

        Instant invalidity = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID requestId = UUID.randomUUID();
        revoke(serial, Map.of("requestId", requestId.toString(), "reason", "keyCompromise", "invalidityDate", invalidity.toString()))
                .then().statusCode(200).contentType(ContentType.JSON).body("status", equalTo("REVOKED"));

        Openssl.Result revoked = ocsp(issuing, root, leaf);
        assertThat(revoked.exit()).as(revoked.output()).isZero();
        assertThat(revoked.output()).contains("Response verify OK").contains(": revoked").contains("Reason: keyCompromise")
                .contains("Revocation Time:");

        byte[] crlDer = given().get("/pki/crl/sertel-issuing-ca.crl").then().statusCode(200).contentType("application/pkix-crl")
                .extract().asByteArray();
        Path crl = Openssl.file("crl", crlDer);
        Path chain = Openssl.file("chain", (String) issued.path("chainPem"));
        Openssl.Result crlCheck = Openssl.run("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", chain.toString(), "-verify",
                "-noout", "-text");
        assertThat(crlCheck.exit()).as(crlCheck.output()).isZero();
        assertThat(crlCheck.output()).contains("verify OK").containsIgnoringCase("Serial Number: " + serial)
                .contains("Key Compromise").contains("Invalidity Date").contains("X509v3 CRL Number").contains("Next Update");

        X509CRLEntry entry = Certs.crl(crlDer).getRevokedCertificate(new BigInteger(serial, 16));
        assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);

        revoke(serial, Map.of("requestId", requestId.toString(), "reason", "keyCompromise", "invalidityDate", invalidity.toString()))
                .then().statusCode(200);
        revoke(serial, Map.of("requestId", UUID.randomUUID().toString(), "reason", "superseded")).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "certificate.already-revoked"));
    }

    @Test
    void javaPkixValidatesTheChainWithRevocationChecking() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        List<X509Certificate> cas = Certs.parseAll(issued.path("chainPem"));
        X509Certificate leaf = Certs.parse(issued.path("certificatePem"));

        validate(leaf, cas);

        revoke(issued.path("serial"), Map.of("reason", "affiliationChanged")).then().statusCode(200);
        assertThatThrownBy(() -> validate(leaf, cas)).isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> assertThat(((CertPathValidatorException) e).getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
    }

    @Test
    void anAdminRevokesOrSuspendsOnlyWithASecondFactor() {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        String serial = issued.path("serial");
        String passwordOnly = TestTokens.user(UUID.randomUUID(), "ADMIN").amr("pwd").sign();

        given().auth().oauth2(passwordOnly).contentType("application/json").body(Map.of("reason", "keyCompromise"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(TYPES + "auth.step-up-required"));
        given().auth().oauth2(passwordOnly).post("/api/v1/certificates/" + serial + "/suspend").then().statusCode(403)
                .body("type", equalTo(TYPES + "auth.step-up-required"));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/certificates/" + serial).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void suspensionIsOnHoldUntilAnAdminResumesIt() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        String serial = issued.path("serial");
        List<X509Certificate> cas = Certs.parseAll(issued.path("chainPem"));
        String admin = TestTokens.admin(UUID.randomUUID());
        BigInteger before = crlNumber();

        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("revocationReason", equalTo("certificateHold"));
        assertThat(crlNumber()).isGreaterThan(before);
        SingleResp held = ocsp(cas.get(0), new BigInteger(serial, 16), null).getResponses()[0];
        assertThat(held.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) held.getCertStatus()).getRevocationReason()).isEqualTo(CRLReason.certificateHold);
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/suspend").then().statusCode(409)
                .body("type", equalTo(TYPES + "certificate.already-suspended"));

        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/resume").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertThat(ocsp(cas.get(0), new BigInteger(serial, 16), null).getResponses()[0].getCertStatus()).isNull();
        assertThat(Certs.crl(crlBytes()).getRevokedCertificate(new BigInteger(serial, 16))).isNull();
        given().auth().oauth2(admin).post("/api/v1/certificates/" + serial + "/resume").then().statusCode(409)
                .body("type", equalTo(TYPES + "certificate.not-suspended"));
    }

    @Test
    void adminRevokesWithReasonAndUnknownReasonsAreRefused() {
        String serial = Issue.withCsr(Csrs.p256()).post().path("serial");
        String admin = TestTokens.admin(UUID.randomUUID());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "becauseISaidSo"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(422)
                .body("type", equalTo(TYPES + "revocation.unknown-reason"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("reason", "privilegeWithdrawn", "invalidityDate", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(422)
                .body("type", equalTo(TYPES + "revocation.invalidity-date-in-future"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "privilegeWithdrawn"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(200).body("status", equalTo("REVOKED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "privilegeWithdrawn"))
                .post("/api/v1/certificates/" + serial + "/revoke").then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "unspecified"))
                .post("/api/v1/certificates/ffff0000/revoke").then().statusCode(404)
                .body("type", equalTo(TYPES + "certificate.not-found"));
    }

    @Test
    void ocspEchoesTheNonceAnswersUnknownAndServesGet() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        X509Certificate issuing = Certs.parseAll(issued.path("chainPem")).get(0);
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);

        BasicOCSPResp good = ocsp(issuing, new BigInteger((String) issued.path("serial"), 16), nonce);
        assertThat(good.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
        assertThat(good.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuing.getPublicKey()))).isTrue();
        SingleResp single = good.getResponses()[0];
        assertThat(single.getCertStatus()).isNull();
        assertThat(single.getThisUpdate()).isNotNull();
        assertThat(single.getNextUpdate()).isAfter(single.getThisUpdate());

        BasicOCSPResp unknown = ocsp(issuing, new BigInteger("123456789abcdef", 16), null);
        assertThat(unknown.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);

        OCSPReq req = request(issuing, new BigInteger((String) issued.path("serial"), 16), null);
        String b64 = java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(req.getEncoded()), java.nio.charset.StandardCharsets.US_ASCII);
        byte[] viaGet = given().urlEncodingEnabled(false).get("/pki/ocsp/" + b64).then().statusCode(200)
                .contentType("application/ocsp-response").extract().asByteArray();
        OCSPResp resp = new OCSPResp(viaGet);
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        assertThat(((BasicOCSPResp) resp.getResponseObject()).getResponses()[0].getCertStatus()).isNull();
    }

    @Test
    void malformedOcspRequestsGetAnOcspErrorStatus() throws Exception {
        byte[] answer = given().contentType("application/ocsp-request").body(new byte[] {0x30, 0x03, 0x01, 0x02})
                .post("/pki/ocsp").then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
        assertThat(new OCSPResp(answer).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        byte[] garbageGet = given().get("/pki/ocsp/!!!notbase64").then().statusCode(200).extract().asByteArray();
        assertThat(new OCSPResp(garbageGet).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        byte[] empty = given().get("/pki/ocsp").then().statusCode(200).extract().asByteArray();
        assertThat(new OCSPResp(empty).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void answersWithoutANonceAreSignedOnceAndAChangeByAnotherReplicaReachesThemWithinSeconds() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        String serial = issued.path("serial");
        X509Certificate issuer = Certs.parseAll(issued.path("chainPem")).get(0);
        BigInteger number = new BigInteger(serial, 16);

        byte[] first = ocspBytes(issuer, number, null);
        assertThat(ocspBytes(issuer, number, null)).as("the same signed answer again").isEqualTo(first);
        assertThat(ocspBytes(issuer, number, new byte[] {1, 2, 3})).as("a nonce is always signed afresh").isNotEqualTo(first);

        // another replica revokes it: the change reaches this replica's cache through status_changed_at
        assertThat(db.update("UPDATE certificate SET status = 'REVOKED', revoked_at = now(), revocation_reason = 'keyCompromise', "
                + "status_changed_at = now() WHERE serial = ?", serial)).isEqualTo(1);
        long deadline = System.currentTimeMillis() + 15_000;
        SingleResp answer = ocsp(issuer, number, null).getResponses()[0];
        while (!(answer.getCertStatus() instanceof RevokedStatus) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            answer = ocsp(issuer, number, null).getResponses()[0];
        }
        assertThat(answer.getCertStatus()).isInstanceOf(RevokedStatus.class);
    }

    @Test
    void aCachedAnswerIsSentWithTheHeadersOfASignedOneWhateverTheBodysFraming() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        X509Certificate issuer = Certs.parseAll(issued.path("chainPem")).get(0);
        byte[] request = request(issuer, new BigInteger((String) issued.path("serial"), 16), null).getEncoded();

        Response signed = given().contentType("application/ocsp-request").body(request).post("/pki/ocsp");  // a miss: signed
        Response cached = given().contentType("application/ocsp-request").header("X-Request-Id", "ocsp-cached-1")
                .body(request).post("/pki/ocsp");                                                        // served from memory
        for (Response r : List.of(signed, cached)) {
            r.then().statusCode(200).contentType("application/ocsp-response").header("Cache-Control", "no-store");
        }
        cached.then().header("X-Request-Id", "ocsp-cached-1");
        assertThat(cached.asByteArray()).isEqualTo(signed.asByteArray());

        byte[] chunked = given().contentType("application/ocsp-request").body(new java.io.ByteArrayInputStream(request))
                .post("/pki/ocsp").then().statusCode(200).extract().asByteArray();
        assertThat(chunked).as("a chunked body, read by the edge first").isEqualTo(signed.asByteArray());

        // the JDK's client asks for HTTP/2 by default (an h2c upgrade on the POST): a miss, then the cached answer
        byte[] another = request(issuer, new BigInteger((String) Issue.withCsr(Csrs.p256()).post().path("serial"), 16), null).getEncoded();
        var jdk = java.net.http.HttpClient.newHttpClient();
        List<byte[]> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var answer = jdk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + RestAssured.port + "/pki/ocsp"))
                    .header("Content-Type", "application/ocsp-request").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(another))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(new OCSPResp(answer.body()).getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
            answers.add(answer.body());
        }
        assertThat(answers.get(1)).isEqualTo(answers.get(0));

        String b64 = java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(request), java.nio.charset.StandardCharsets.US_ASCII);
        Response viaGet = given().urlEncodingEnabled(false).get("/pki/ocsp/" + b64);
        viaGet.then().statusCode(200).contentType("application/ocsp-response").header("Cache-Control", "public, max-age=300");
        assertThat(viaGet.asByteArray()).isEqualTo(signed.asByteArray());
    }

    @Test
    void postsTheRouteDoesNotReadAreAnsweredByTheRestLayerAlike() throws Exception {
        Response issued = Issue.withCsr(Csrs.p256()).post();
        X509Certificate issuer = Certs.parseAll(issued.path("chainPem")).get(0);
        byte[] request = request(issuer, new BigInteger((String) issued.path("serial"), 16), null).getEncoded();
        byte[] signed = given().contentType("application/ocsp-request").body(request).post("/pki/ocsp").then().statusCode(200)
                .extract().asByteArray();

        byte[] continued = given().contentType("application/ocsp-request").header("Expect", "100-continue").body(request)
                .post("/pki/ocsp").then().statusCode(200).contentType("application/ocsp-response").header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertThat(continued).as("Expect: 100-continue goes to OcspResource, with the same answer").isEqualTo(signed);

        byte[] overLong = given().contentType("application/ocsp-request").body(new byte[8193])       // > max-request-bytes
                .post("/pki/ocsp").then().statusCode(200).contentType("application/ocsp-response").extract().asByteArray();
        assertThat(new OCSPResp(overLong).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    private static byte[] ocspBytes(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        return given().contentType("application/ocsp-request").body(request(issuer, serial, nonce).getEncoded())
                .post("/pki/ocsp").then().statusCode(200).extract().asByteArray();
    }

    private static Openssl.Result ocsp(Path issuing, Path root, Path leaf) {
        return Openssl.run("ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(),
                "-url", "http://127.0.0.1:" + RestAssured.port + "/pki/ocsp",
                "-CAfile", root.toString(), "-verify_other", issuing.toString());
    }

    private static Response revoke(String serial, Map<String, String> body) {
        return given().auth().oauth2(Issue.renewalToken()).contentType(ContentType.JSON).body(body)
                .post("/internal/certificates/" + serial + "/revocation");
    }

    private static OCSPReq request(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.getEncoded()), serial);
        OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce).getEncoded())));
        }
        return b.build();
    }

    private static BasicOCSPResp ocsp(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        byte[] answer = given().contentType("application/ocsp-request").body(request(issuer, serial, nonce).getEncoded())
                .post("/pki/ocsp").then().statusCode(200).extract().asByteArray();
        OCSPResp resp = new OCSPResp(answer);
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) resp.getResponseObject();
    }

    private static byte[] crlBytes() {
        return given().get("/pki/crl/sertel-issuing-ca.crl").then().statusCode(200).extract().asByteArray();
    }

    private static BigInteger crlNumber() throws Exception {
        X509CRL crl = Certs.crl(crlBytes());
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        return org.bouncycastle.asn1.ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets()).getValue();
    }

    private static void validate(X509Certificate leaf, List<X509Certificate> cas) throws Exception {
        X509CRL issuingCrl = Certs.crl(crlBytes());
        X509CRL rootCrl = Certs.crl(given().get("/pki/crl/sertel-root-ca.crl").then().statusCode(200).extract().asByteArray());
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(cas.get(1), null)));
        params.setRevocationEnabled(true);
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(issuingCrl, rootCrl))));
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, cas.get(0)));
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }
}
