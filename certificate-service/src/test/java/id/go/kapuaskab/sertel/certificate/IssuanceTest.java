package id.go.kapuaskab.sertel.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.go.kapuaskab.sertel.testsupport.Openssl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IssuanceTest {

    @Inject
    Db db;

    @Test
    void issuesTheDocumentSigningProfileFromTheSnapshotNotTheCsr() throws Exception {
        Issue issue = Issue.withCsr(Csrs.p256());
        Response r = issue.post();
        r.then().statusCode(201).contentType("application/json")
                .body("status", equalTo("ACTIVE"))
                .body("pkcs12", nullValue())
                .body("serial", notNullValue());

        X509Certificate cert = Certs.parse(r.path("certificatePem"));
        X509CertificateHolder h = new X509CertificateHolder(cert.getEncoded());
        assertThat(h.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("Budi Santoso");
        assertThat(h.getSubject().getRDNs(BCStyle.O)[0].getFirst().getValue().toString()).isEqualTo("Dinas Kominfo Kabupaten Kapuas");
        assertThat(h.getSubject().getRDNs(BCStyle.OU)[0].getFirst().getValue().toString()).isEqualTo("Bidang Persandian");
        assertThat(h.getSubject().getRDNs(BCStyle.L)[0].getFirst().getValue().toString()).isEqualTo("Kapuas");
        assertThat(h.getSubject().getRDNs(BCStyle.ST)[0].getFirst().getValue().toString()).isEqualTo("Kalimantan Tengah");
        assertThat(h.getSubject().getRDNs(BCStyle.C)[0].getFirst().getValue().toString()).isEqualTo("ID");
        assertThat(h.getSubject().getRDNs(BCStyle.SERIALNUMBER)[0].getFirst().getValue().toString()).isEqualTo(issue.holderId());
        assertThat(h.getSubject().toString()).doesNotContain("Mallory").doesNotContain(Issue.NIK);
        assertThat(new String(cert.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(Issue.NIK);

        Extension ku = h.getExtension(Extension.keyUsage);
        assertThat(ku.isCritical()).isTrue();
        assertThat(KeyUsage.getInstance(ku.getParsedValue()).hasUsages(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)).isTrue();
        assertThat(KeyUsage.getInstance(ku.getParsedValue()).hasUsages(KeyUsage.keyCertSign)).isFalse();
        ExtendedKeyUsage eku = ExtendedKeyUsage.getInstance(h.getExtension(Extension.extendedKeyUsage).getParsedValue());
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.id_kp_emailProtection)).isTrue();
        assertThat(eku.hasKeyPurposeId(KeyPurposeId.getInstance(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")))).isTrue();
        Extension bc = h.getExtension(Extension.basicConstraints);
        assertThat(bc.isCritical()).isTrue();
        assertThat(BasicConstraints.getInstance(bc.getParsedValue()).isCA()).isFalse();
        GeneralName san = GeneralNames.getInstance(h.getExtension(Extension.subjectAlternativeName).getParsedValue()).getNames()[0];
        assertThat(san.getTagNo()).isEqualTo(GeneralName.rfc822Name);
        assertThat(san.getName().toString()).isEqualTo("budi@kapuaskab.go.id");
        assertThat(h.getExtension(Extension.subjectKeyIdentifier)).isNotNull();
        assertThat(h.getExtension(Extension.authorityKeyIdentifier)).isNotNull();
        assertThat(CertificatePolicies.getInstance(h.getExtension(Extension.certificatePolicies).getParsedValue()).getPolicyInformation())
                .hasSize(1);
        String crlUrl = CRLDistPoint.getInstance(h.getExtension(Extension.cRLDistributionPoints).getParsedValue())
                .getDistributionPoints()[0].getDistributionPoint().getName().toASN1Primitive().toString();
        assertThat(crlUrl).contains("http://localhost:8080/pki/crl/sertel-issuing-ca.crl");
        var aia = AuthorityInformationAccess.getInstance(h.getExtension(Extension.authorityInfoAccess).getParsedValue()).getAccessDescriptions();
        assertThat(aia[0].getAccessLocation().getName().toString()).isEqualTo("http://localhost:8080/pki/ocsp");
        assertThat(aia[1].getAccessLocation().getName().toString()).isEqualTo("http://localhost:8080/pki/ca/sertel-issuing-ca.cer");

        Instant notBefore = cert.getNotBefore().toInstant();
        assertThat(notBefore).isBefore(Instant.now().minus(Duration.ofMinutes(4)));
        assertThat(Duration.between(notBefore, cert.getNotAfter().toInstant()).toDays()).isBetween(730L, 731L);
        assertThat(cert.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64 + 1);
        assertThat(new BigInteger((String) r.path("serial"), 16)).isEqualTo(cert.getSerialNumber());
    }

    @Test
    void opensslVerifiesTheChainStrictly() {
        Response r = Issue.withCsr(Csrs.p256()).post();
        Path leaf = Openssl.file("leaf", (String) r.path("certificatePem"));
        Path chain = Openssl.file("chain", (String) r.path("chainPem"));
        List<X509Certificate> cas = Certs.parseAll(r.path("chainPem"));
        Path root = Openssl.file("root", Certs.pem(cas.get(1)));
        Path issuing = Openssl.file("issuing", Certs.pem(cas.get(0)));

        Openssl.Result verify = Openssl.run("verify", "-x509_strict", "-purpose", "smimesign", "-CAfile", root.toString(),
                "-untrusted", issuing.toString(), leaf.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains(": OK");
        Openssl.Result withChainFile = Openssl.run("verify", "-x509_strict", "-CAfile", chain.toString(), leaf.toString());
        assertThat(withChainFile.exit()).as(withChainFile.output()).isZero();
    }

    @Test
    void sameRequestIdAndContentReturnsTheSameCertificate() {
        Issue issue = Issue.withCsr(Csrs.p256());
        String serial = issue.post().then().statusCode(201).extract().path("serial");

        issue.post().then().statusCode(200).body("serial", equalTo(serial));
        assertThat(db.count("SELECT count(*) FROM certificate WHERE request_id = ?", UUID.fromString(issue.requestId()))).isEqualTo(1);
        assertThat(db.column("SELECT detail::jsonb ->> 'note' FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REPLAYED'",
                UUID.fromString(issue.requestId()))).as("the signature made before the replay was found is accounted for")
                .singleElement().asString().matches("signed again under serial [0-9a-f]+ and discarded: never stored or sent");
    }

    @Test
    void concurrentCallsWithOneRequestIdSignOnce() throws Exception {
        Issue issue = Issue.withCsr(Csrs.p256());
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        String token = Issue.renewalToken();
        for (int i = 0; i < callers; i++) {
            Callable<Response> call = () -> {
                start.await();
                return issue.post(token);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        for (Future<Response> f : answers) {
            Response r = f.get();
            statuses.add(r.statusCode());
            serials.add(r.path("serial"));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(serials).containsOnly(serials.get(0));
        UUID requestId = UUID.fromString(issue.requestId());
        assertThat(db.count("SELECT count(*) FROM certificate WHERE request_id = ?", requestId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'ISSUED'", requestId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text)", requestId))
                .as("one record of the issue, the replays' own records besides").isEqualTo(1 + statuses.stream().filter(s -> s == 200).count());
    }

    @Test
    void anIntentLeftByACrashBeforeIssue21IsCompletedWithItsReservedSerial() {
        Issue issue = Issue.withCsr(Csrs.p256());
        String serial = issue.post().then().statusCode(201).extract().path("serial");
        UUID requestId = UUID.fromString(issue.requestId());
        // what an older version left when it crashed between its two transactions: the intent alone, in state INTENT
        db.update("DELETE FROM certificate WHERE serial = ?", serial);
        db.update("UPDATE issuance SET state = 'INTENT', completed_at = NULL WHERE request_id = ?", requestId);

        issue.post().then().statusCode(201).body("serial", equalTo(serial));

        assertThat(db.column("SELECT state FROM issuance WHERE request_id = ?", requestId)).containsExactly("ISSUED");
        assertThat(db.count("SELECT count(*) FROM certificate WHERE serial = ? AND request_id = ?", serial, requestId)).isEqualTo(1);
        issue.post().then().statusCode(200).body("serial", equalTo(serial));
    }

    @Test
    void concurrentCallsWithOneKeyCertifyItOnce() throws Exception {
        KeyPair keys = Csrs.ec("secp256r1");
        String csr = Csrs.pem(keys);
        int callers = 6;
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            issues.add(Issue.withCsr(csr));                                            // one key, six request ids
        }
        List<Integer> statuses = new ArrayList<>();
        for (Response r : postAtOnce(issues, Issue.renewalToken())) {
            statuses.add(r.statusCode());
            if (r.statusCode() == 422) {
                r.then().contentType("application/problem+json").body("code", equalTo("csr.key-reused"));
            }
        }

        assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
        UUID winner = UUID.fromString(issues.get(statuses.indexOf(201)).requestId());
        Object fingerprint = db.column("SELECT key_fingerprint FROM certificate WHERE request_id = ?", winner).get(0);
        assertThat(db.count("SELECT count(*) FROM certificate WHERE key_fingerprint = ?", fingerprint)).isEqualTo(1);
        for (Issue issue : issues) {
            UUID requestId = UUID.fromString(issue.requestId());
            long issued = db.count("SELECT count(*) FROM certificate WHERE request_id = ?", requestId);
            assertThat(db.count("SELECT count(*) FROM issuance WHERE request_id = ?", requestId)).as("an intent only with its certificate")
                    .isEqualTo(issued);
            assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = ?", requestId,
                    issued == 1 ? "ISSUED" : "REFUSED")).isEqualTo(1);
        }
    }

    @Test
    void aReplayIsAnsweredEvenWhenANewSignatureCouldNotBeMade() {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String old = Issue.withCsr(Csrs.p256(), holder, institution).post().then().statusCode(201).extract().path("serial");
        Issue renewal = Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", old);
        String renewed = renewal.post().then().statusCode(201).extract().path("serial");
        // the predecessor no longer passes the check a new signature needs (as a CA near its end, or a key store down)
        db.update("UPDATE certificate SET holder_id = ? WHERE serial = ?", UUID.randomUUID(), old);

        renewal.post().then().statusCode(200).body("serial", equalTo(renewed));
        assertThat(db.column("SELECT detail::jsonb ->> 'note' FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REPLAYED'",
                UUID.fromString(renewal.requestId()))).as("nothing was signed for the replay").containsExactly((Object) null);
        Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", old).post().then().statusCode(422)
                .body("code", equalTo("issuance.predecessor-unknown"));
    }

    @Test
    void renewalSupersedesThePredecessorAndLinksBoth() {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String old = Issue.withCsr(Csrs.p256(), holder, institution).post().then().statusCode(201).extract().path("serial");

        String renewed = Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", old).post()
                .then().statusCode(201).extract().path("serial");

        given().auth().oauth2(Issue.renewalToken()).get("/internal/certificates/" + old).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("successorSerial", equalTo(renewed));
        given().auth().oauth2(Issue.renewalToken()).get("/internal/certificates/" + renewed).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("predecessorSerial", equalTo(old));
        given().auth().oauth2(Issue.renewalToken()).queryParam("holderId", holder.toString()).get("/internal/certificates")
                .then().statusCode(200).body("size()", equalTo(2)).body("[0].serial", equalTo(renewed));
    }

    @Test
    void aCertificateIsRenewedOnceEvenByConcurrentRenewals() throws Exception {
        UUID holder = UUID.randomUUID();
        UUID institution = UUID.randomUUID();
        String old = Issue.withCsr(Csrs.p256(), holder, institution).post().then().statusCode(201).extract().path("serial");
        int callers = 4;
        List<Issue> renewals = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            renewals.add(Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", old));   // four keys, four request ids
        }
        String token = Issue.renewalToken();
        List<Integer> statuses = new ArrayList<>();
        for (Response r : postAtOnce(renewals, token)) {
            statuses.add(r.statusCode());
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        String successor = renewals.get(statuses.indexOf(201)).post(token).then().statusCode(200).extract().path("serial");
        given().auth().oauth2(token).get("/internal/certificates/" + old).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("successorSerial", equalTo(successor));
        assertThat(db.count("SELECT count(*) FROM certificate WHERE predecessor_serial = ?", old)).isEqualTo(1);
        Issue late = Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", old);
        late.post(token).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("issuance.predecessor-superseded")).body("detail", containsString(successor));
        assertThat(db.count("SELECT count(*) FROM audit_record WHERE reference = CAST(? AS text) AND outcome = 'REFUSED'",
                UUID.fromString(late.requestId()))).isEqualTo(1);
        // the successor is what the holder renews next
        Issue.withCsr(Csrs.p256(), holder, institution).set("predecessorSerial", successor).post(token).then().statusCode(201);
    }

    @Test
    void predecessorOfAnotherHolderIsRefused() {
        String other = Issue.withCsr(Csrs.p256()).post().then().statusCode(201).extract().path("serial");
        Issue.withCsr(Csrs.p256()).set("predecessorSerial", other).post().then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/issuance.predecessor-unknown"));
    }

    @Test
    void serverGeneratedKeyComesOnceAsPkcs12ThatOpensslOpens() throws Exception {
        String passphrase = "kopi-pagi-di-sungai-kapuas";
        Issue issue = Issue.withKeyGeneration(passphrase, "EC_P256");
        Response r = issue.post();
        r.then().statusCode(201).body("pkcs12", notNullValue());
        byte[] p12 = Base64.getDecoder().decode((String) r.path("pkcs12"));

        Path file = Openssl.file("keygen", p12);
        Openssl.Result info = Openssl.run("pkcs12", "-info", "-in", file.toString(), "-passin", "pass:" + passphrase, "-nodes");
        assertThat(info.exit()).as(info.output()).isZero();
        assertThat(info.output()).contains("AES-256-CBC").contains("hmacWithSHA256").contains("BEGIN PRIVATE KEY")
                .contains("subject=").contains("Budi Santoso");
        Openssl.Result wrong = Openssl.run("pkcs12", "-in", file.toString(), "-passin", "pass:wrong-passphrase", "-nokeys");
        assertThat(wrong.exit()).isNotZero();

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(p12), passphrase.toCharArray());
        String alias = ks.aliases().nextElement();
        assertThat(ks.getKey(alias, passphrase.toCharArray())).isNotNull();
        assertThat(((X509Certificate) ks.getCertificate(alias)).getSerialNumber().toString(16)).isEqualTo(r.path("serial"));

        issue.post().then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/issuance.key-already-delivered"));
        assertThat(db.count("SELECT count(*) FROM certificate WHERE request_id = ? AND key_generated", UUID.fromString(issue.requestId())))
                .isEqualTo(1);
    }

    @Test
    void passphraseMustBeLongAndFreeOfNikAndName() {
        Issue.withKeyGeneration("short", "EC_P256").post().then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/keygen.passphrase-too-short"));
        Response withNik = Issue.withKeyGeneration("x" + Issue.NIK + "y", "EC_P256").post();
        withNik.then().statusCode(422).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/keygen.passphrase-personal-data"));
        assertThat(withNik.asString()).doesNotContain(Issue.NIK);
        Issue.withKeyGeneration("saya-Santoso-2026!", "EC_P256").post().then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/keygen.passphrase-personal-data"));
    }

    @Test
    void rsaKeysAreCertifiedToo() {
        KeyPair rsa = Csrs.rsa(2048, 65537);
        Issue.withCsr(Csrs.pem(rsa)).post().then().statusCode(201);
    }

    /** Posts every call from its own thread, released together; the answers in the calls' order. */
    private static List<Response> postAtOnce(List<Issue> calls, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (Issue call : calls) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.post(token);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : answers) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
