package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.peers.EventReceiver;
import id.go.kapuaskab.sertel.renewal.service.IssueCalls;
import id.go.kapuaskab.sertel.renewal.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over to the real certificate-service: renewal end to end, outages, replays, server-generated keys. */
@QuarkusTest
class IssuanceWithRealCaTest {

    private static final String PASSPHRASE = "Kapuas-Sertel-2026!";

    @Inject
    EntityManager em;

    @Inject
    IssueCalls issueCalls;

    @Inject
    CertificateClient ca;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void renewsFromSubmissionToACertificateThatOpensslVerifies() {
        Flow.Person applicant = Flow.applicant();
        Openssl.Csr oldKey = Openssl.newCsr(applicant.email());
        String oldSerial = Flow.firstCertificate(applicant, oldKey.pem());
        Instant notAfter = Instant.parse(Ca.certificate(oldSerial).getString("notAfter"));
        MutableClock.INSTANCE.set(notAfter.minus(Duration.ofDays(10)));

        // a renewal with a key the CA has certified before is refused at submission, with the CA's problem
        String id = Flow.createCsrRequest(applicant, "RENEWAL", oldKey.pem());
        Flow.post(applicant.token(), Flow.REQUESTS + "/" + id + "/submit", null).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/csr.key-reused"));

        given(applicant).body(Map.of("csr", applicant.newCsr())).put(Flow.REQUESTS + "/" + id).then().statusCode(200);
        Flow.throughReview(applicant, id);
        JsonPath done = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));
        String newSerial = done.getString("request.issuedSerial");
        assertThat(newSerial).isNotEqualTo(oldSerial);
        assertThat(done.getString("request.certificateSerial")).isEqualTo(oldSerial);

        Openssl.Result verify = Ca.verify(Ca.certificatePem(applicant, newSerial));
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("OK");
        assertThat(Ca.certificate(oldSerial).getString("status")).isEqualTo("SUPERSEDED");
        assertThat(Ca.certificate(newSerial).getString("predecessorSerial")).isEqualTo(oldSerial);
    }

    @Test
    void aKeyCertifiedMeanwhileReturnsTheApprovedRequestToTheApplicantWhoCanSubmitAgain() {
        Flow.Person first = Flow.applicant();
        Flow.Person second = Flow.applicant();
        Openssl.Csr shared = Openssl.newCsr(first.email());
        String late = Flow.createCsrRequest(second, "ISSUANCE", Openssl.csr(shared.key(), second.email()));
        Flow.submit(second, late);

        // the same public key is certified for someone else while the request waits for its review
        Flow.firstCertificate(first, shared.pem());
        Flow.Person a = Flow.verifier(second.institution());
        Flow.claim(a, late);
        Flow.recordChecks(a, late);
        Flow.approve(Flow.verifier(second.institution()), late).then().statusCode(200).body("state", equalTo("ISSUING"));

        JsonPath returned = Flow.awaitState(late, "RETURNED", Duration.ofSeconds(30));
        assertThat(returned.getString("request.reason")).isEqualTo("csr.key-reused");
        assertThat(returned.getList("history.to")).containsSubsequence("APPROVED", "ISSUING", "RETURNED");
        assertThat(EventReceiver.of(UUID.fromString(late)).stream().map(e -> e.path("type").asText()).toList()).contains("REQUEST_RETURNED");
        assertThat(Ca.serialsOf(second.id())).isEmpty();

        given(second).body(Map.of("csr", second.newCsr())).put(Flow.REQUESTS + "/" + late).then().statusCode(200);
        Flow.throughReview(second, late);
        assertThat(Flow.awaitState(late, "COMPLETED", Duration.ofSeconds(30)).getString("request.issuedSerial")).isNotNull();
    }

    @Test
    void aCertificateRenewedMeanwhileByAnotherCallerReturnsTheApprovedRenewalInsteadOfLeavingItStuck() {
        Flow.Person applicant = Flow.applicant();
        String oldSerial = Flow.firstCertificate(applicant);
        MutableClock.INSTANCE.set(Instant.parse(Ca.certificate(oldSerial).getString("notAfter")).minus(Duration.ofDays(10)));
        String id = Flow.createCsrRequest(applicant, "RENEWAL", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.Person a = Flow.verifier(applicant.institution());
        Flow.claim(a, id);
        Flow.recordChecks(a, id);

        // another caller of the CA (a second deployment, an operator's hand) renews the same certificate first
        CertificateRequest request = QuarkusTransaction.requiringNew().call(() -> em.find(CertificateRequest.class, UUID.fromString(id)));
        CaRecords.Issue ours = issueCalls.body(request, applicant.newCsr());
        String otherSerial = ca.issue(new CaRecords.Issue(UUID.randomUUID(), ours.holderId(), ours.profile(), ours.subject(), ours.csr(),
                null, ours.predecessorSerial())).serial();

        Flow.approve(Flow.verifier(applicant.institution()), id).then().statusCode(200).body("state", equalTo("ISSUING"));
        JsonPath returned = Flow.awaitState(id, "RETURNED", Duration.ofSeconds(30));
        assertThat(returned.getString("request.reason")).isEqualTo("issuance.predecessor-superseded");
        assertThat(returned.getList("history.to")).containsSubsequence("APPROVED", "ISSUING", "RETURNED");
        assertThat(EventReceiver.of(UUID.fromString(id)).stream().map(e -> e.path("type").asText()).toList()).contains("REQUEST_RETURNED");
        assertThat(Ca.serialsOf(applicant.id())).containsExactlyInAnyOrder(oldSerial, otherSerial);
        assertThat(Ca.certificate(oldSerial).getString("successorSerial")).isEqualTo(otherSerial);

        // submitting again cannot succeed (the guard refuses a superseded certificate); the applicant cancels it
        Flow.post(applicant.token(), Flow.REQUESTS + "/" + id + "/submit", null).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("request.no-renewable-certificate"));
        Flow.post(applicant.token(), Flow.REQUESTS + "/" + id + "/cancel", null).then().statusCode(200).body("state", equalTo("CANCELLED"));
    }

    @Test
    void whileTheCaIsDownNothingIsLostAndExactlyOneCertificateIsIssuedWhenItIsBack() {
        Flow.Person csrApplicant = Flow.applicant();
        String csrRequest = Flow.createCsrRequest(csrApplicant, "ISSUANCE", csrApplicant.newCsr());
        Flow.Person keyApplicant = Flow.applicant();
        String keyRequest = Flow.create(keyApplicant, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.submit(csrApplicant, csrRequest);
        Flow.submit(keyApplicant, keyRequest);
        Flow.Person checker = Flow.verifier(csrApplicant.institution());
        Flow.claim(checker, csrRequest);
        Flow.recordChecks(checker, csrRequest);
        Flow.Person keyChecker = Flow.verifier(keyApplicant.institution());
        Flow.claim(keyChecker, keyRequest);
        Flow.recordChecks(keyChecker, keyRequest);

        RealCa.stopProcess();
        try {
            Flow.approve(Flow.verifier(csrApplicant.institution()), csrRequest).then().statusCode(200).body("state", equalTo("ISSUING"));
            Flow.approve(Flow.verifier(keyApplicant.institution()), keyRequest).then().statusCode(200).body("state", equalTo("APPROVED"));

            // admins see it stuck with its attempts and last error; the applicant cannot cancel it
            Map<String, Object> stuck = awaitStuckWithError(csrRequest);
            assertThat((Integer) stuck.get("attempts")).isGreaterThanOrEqualTo(1);
            assertThat((String) stuck.get("lastError")).isNotBlank();
            assertThat(stuck.get("work")).isEqualTo("CA_ISSUE");
            Flow.post(csrApplicant.token(), Flow.REQUESTS + "/" + csrRequest + "/cancel", null).then().statusCode(409)
                    .body("code", equalTo("request.invalid-transition")).body("currentState", equalTo("ISSUING"));

            // collecting a server-generated key needs the CA now: 503, and the request stays APPROVED
            Flow.post(keyApplicant.token(), Flow.REQUESTS + "/" + keyRequest + "/collect", Map.of("passphrase", PASSPHRASE))
                    .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("request.ca-unavailable"));
            assertThat(Flow.detail(keyRequest).getString("request.state")).isEqualTo("APPROVED");
        } finally {
            RealCa.startProcess();
        }
        JsonPath done = Flow.awaitState(csrRequest, "COMPLETED", Duration.ofSeconds(60));
        assertThat(Ca.serialsOf(csrApplicant.id())).containsExactly(done.getString("request.issuedSerial"));
        assertThat(Flow.detail(csrRequest).getList("history.to")).containsSubsequence("APPROVED", "ISSUING", "COMPLETED");

        collectsTheKeyOnceAndOpensslOpensIt(keyApplicant, keyRequest);
    }

    private void collectsTheKeyOnceAndOpensslOpensIt(Flow.Person applicant, String id) {
        String path = Flow.REQUESTS + "/" + id + "/collect";
        Flow.post(applicant.token(), path, Map.of("passphrase", "short")).then().statusCode(422)
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/keygen.passphrase-too-short"));
        assertThat(Flow.detail(id).getString("request.state")).isEqualTo("APPROVED");

        JsonPath collected = Flow.post(applicant.token(), path, Map.of("passphrase", PASSPHRASE)).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("request.state", equalTo("COMPLETED")).extract().jsonPath();
        byte[] p12 = Base64.getDecoder().decode(collected.getString("certificate.pkcs12"));
        Openssl.Result opened = Openssl.run("pkcs12", "-in", Openssl.file("p12", p12).toString(), "-passin", "pass:" + PASSPHRASE,
                "-nodes");
        assertThat(opened.exit()).as(opened.output()).isZero();
        assertThat(opened.output()).contains("BEGIN CERTIFICATE").contains("PRIVATE KEY");
        Openssl.Result wrong = Openssl.run("pkcs12", "-in", Openssl.file("p12", p12).toString(), "-passin", "pass:wrong-passphrase", "-nodes");
        assertThat(wrong.exit()).isNotZero();
        Openssl.Result verify = Ca.verify(collected.getString("certificate.certificatePem"));
        assertThat(verify.exit()).as(verify.output()).isZero();

        Flow.post(applicant.token(), path, Map.of("passphrase", PASSPHRASE)).then().statusCode(409)
                .body("currentState", equalTo("COMPLETED"));
        assertThat(Ca.serialsOf(applicant.id())).containsExactly(collected.getString("certificate.serial"));
    }

    @Test
    void aLostCommitAfterTheCaSignedIsReplayedToTheSameCertificate() {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.throughReview(applicant, id);
        String serial = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30)).getString("request.issuedSerial");

        // the database as a crash between the CA's signature and our commit would have left it
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE request SET state = 'ISSUING', issued_serial = NULL, completed_at = NULL WHERE id = ?1")
                    .setParameter(1, UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("DELETE FROM sop_step_duration WHERE request_id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("""
                    UPDATE outbox_item SET status = 'PENDING', finished_at = NULL, next_attempt_at = now() + interval '1 hour'
                    WHERE reference = ?1 AND topic = 'ca.issue'""").setParameter(1, id).executeUpdate();
        });
        Flow.post(Flow.admin().token(), Flow.REQUESTS + "/" + id + "/issuance/retry", null).then().statusCode(200);

        JsonPath replayed = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));
        assertThat(replayed.getString("request.issuedSerial")).isEqualTo(serial);
        assertThat(Ca.serialsOf(applicant.id())).containsExactly(serial);
    }

    @Test
    void anApprovedRevocationRevokesAtTheCa() {
        Flow.Person applicant = Flow.applicant();
        String serial = Flow.firstCertificate(applicant);
        String id = Flow.create(applicant, Map.of("type", "REVOCATION", "certificateSerial", serial, "reason", "keyCompromise"));
        Flow.throughReview(applicant, id);
        JsonPath done = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));
        assertThat(done.getString("request.certificateSerial")).isEqualTo(serial);
        JsonPath revoked = Ca.certificate(serial);
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("revocationReason")).isEqualTo("keyCompromise");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitStuckWithError(String id) {
        String admin = Flow.admin().token();
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> stuck = Flow.get(admin, Flow.REQUESTS + "/stuck").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> s : stuck) {
                if (id.equals(((Map<String, Object>) s.get("request")).get("id")) && s.get("lastError") != null) {
                    return s;
                }
            }
            Flow.sleep(100);
        }
        throw new AssertionError("request " + id + " never showed up stuck with an error");
    }

    private static io.restassured.specification.RequestSpecification given(Flow.Person p) {
        return io.restassured.RestAssured.given().auth().oauth2(p.token()).contentType("application/json");
    }
}
