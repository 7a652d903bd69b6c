package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import id.go.kapuaskab.sertel.applicant.repository.HistoryRepository;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataChangeTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    Fixtures fixtures;

    @Inject
    HistoryRepository history;

    static Map<String, Object> change(int version, Map<String, Object> changes, List<Map<String, String>> documents) {
        return Map.of("dataVersion", version, "changes", changes, "reason", "Mutasi jabatan sesuai SK Bupati", "documents", documents);
    }

    static Map<String, String> doc(String name, byte[] content) {
        return Map.of("fileName", name, "content", Base64.getEncoder().encodeToString(content));
    }

    @Test
    void approvedChangeIsAppliedWithANewVersionAndHistory() throws Exception {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());

        String id = as(me.token()).body(change(1, Map.of("position", "Sandiman Ahli Pertama", "phone", "+62 813 1111 2222"),
                        List.of(doc("../sk mutasi.png", PNG), doc("sk.pdf", PDF))))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("subjectChange", equalTo(false))
                .body("changes.phone", equalTo("+6281311112222"))
                .body("currentValues.position", equalTo("Pranata Komputer Ahli Pertama"))
                .body("documents", hasSize(2))
                .body("documents[0].mediaType", equalTo("image/png"))
                .body("documents[0].fileName", equalTo("sk mutasi.png"))
                .body("documents[1].sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF))))
                .extract().path("id");
        as(me.token()).get("/api/v1/applicants/me").then().body("openDataChangeId", equalTo(id));
        as(verifier.token()).get("/api/v1/data-changes").then().statusCode(200).body("id", hasItem(id));
        String docId = as(verifier.token()).get("/api/v1/data-changes/" + id).then().statusCode(200).extract().path("documents[1].id");
        byte[] downloaded = as(verifier.token()).get("/api/v1/data-changes/" + id + "/documents/" + docId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);

        as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("resultVersion", equalTo(2)).body("decidedBy", equalTo(verifier.id().toString()));
        as(me.token()).get("/api/v1/applicants/me").then()
                .body("dataVersion", equalTo(2)).body("subjectVersion", equalTo(1))
                .body("position", equalTo("Sandiman Ahli Pertama")).body("phone", equalTo("+6281311112222"));
        as(verifier.token()).get("/api/v1/applicants/" + me.id() + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("DATA_CHANGED"))
                .body("[-1].dataVersion", equalTo(2))
                .body("[-1].actorId", equalTo(verifier.id().toString()))
                .body("[-1].reason", equalTo("Mutasi jabatan sesuai SK Bupati"))
                .body("[-1].changes.position.from", equalTo("Pranata Komputer Ahli Pertama"))
                .body("[-1].changes.position.to", equalTo("Sandiman Ahli Pertama"));
        as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo(TYPE + "data-change.not-open"));
    }

    @Test
    void subjectChangeRaisesTheSubjectVersionAndTheLoginEmail() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        String newEmail = "baru-" + UUID.randomUUID().toString().substring(0, 8) + "@" + inst.domain();

        String id = as(me.token()).body(change(1, Map.of("fullName", "Budi  Santoso Wibowo", "email", newEmail, "workUnitId",
                        inst.otherUnitId().toString()), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201)
                .body("subjectChange", equalTo(true)).body("changes.fullName", equalTo("Budi Santoso Wibowo"))
                .extract().path("id");
        as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(200);

        as(me.token()).get("/api/v1/applicants/me").then().body("dataVersion", equalTo(2)).body("subjectVersion", equalTo(2))
                .body("email", equalTo(newEmail)).body("workUnit.name", equalTo("Sekretariat"));
        given().auth().oauth2(TestTokens.service("renewal-service", "RENEWAL_SERVICE")).get("/internal/applicants/" + me.id())
                .then().statusCode(200).body("subjectVersion", equalTo(2)).body("unitName", equalTo("Sekretariat"))
                .body("fullName", equalTo("Budi Santoso Wibowo"));
    }

    @Test
    void oneOpenChangeAtATimeAndTheApplicantMayCancelIt() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);

        String id = as(me.token()).body(change(1, Map.of("position", "Analis Keamanan Informasi"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");
        as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "data-change.already-open")).body("dataChangeId", equalTo(id));
        as(me.token()).body(Map.of("dataVersion", 1)).post("/api/v1/applicants/me/confirmation").then().statusCode(409)
                .body("type", equalTo(TYPE + "confirmation.data-change-open"));

        as(me.token()).post("/api/v1/data-changes/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(me.token()).post("/api/v1/data-changes/" + id + "/cancel").then().statusCode(409);
        as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201);
        as(me.token()).get("/api/v1/applicants/me/data-changes").then().statusCode(200).body("status", org.hamcrest.Matchers.contains("SUBMITTED", "CANCELLED"));
    }

    @Test
    void rejectionNeedsAReasonAndChangesNothing() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        String id = as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");

        as(verifier.token()).body("{}").post("/api/v1/data-changes/" + id + "/reject").then().statusCode(422)
                .body("fieldErrors[0].field", equalTo("reason"));
        as(verifier.token()).body(Map.of("reason", "SK mutasi tidak terlampir")).post("/api/v1/data-changes/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decisionReason", equalTo("SK mutasi tidak terlampir"));
        as(me.token()).get("/api/v1/applicants/me").then().body("dataVersion", equalTo(1)).body("position", equalTo("Pranata Komputer Ahli Pertama"));
    }

    @Test
    void staleVersionAndInvalidValuesAreRefusedAndNothingIsWritten() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);

        as(me.token()).body(change(2, Map.of("position", "Sandiman"), List.of())).post("/api/v1/applicants/me/data-changes")
                .then().statusCode(409).body("type", equalTo(TYPE + "conflict.stale-version")).body("currentDataVersion", equalTo(1));
        as(me.token()).body(change(1, Map.of("nik", "123", "email", "budi@gmail.com", "nip", ""), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(422)
                .body("fieldErrors.field", org.hamcrest.Matchers.containsInAnyOrder("changes.nik", "changes.email", "changes.nip"))
                .body(not(org.hamcrest.Matchers.containsString("\"123\"")));
        as(me.token()).body(change(1, Map.of(), List.of())).post("/api/v1/applicants/me/data-changes").then().statusCode(422)
                .body("fieldErrors[0].code", equalTo("changes.empty"));
        as(me.token()).body(change(1, Map.of("position", "Pranata Komputer Ahli Pertama"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(422).body("fieldErrors[0].code", equalTo("changes.no-difference"));
        as(me.token()).body(Map.of("dataVersion", 1, "changes", Map.of("role", "ADMIN"), "reason", "x"))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(400).body("fieldErrors[0].field", equalTo("changes.role"));
        as(me.token()).body("{\"dataVersion\":1,\"changes\":{\"position\":\"Sandiman\"},\"reason\":\"x\",\"documents\":[{\"fileName\":\"a.pdf\",\"content\":\""
                + "A".repeat(1_100_000) + "\"}]}").post("/api/v1/applicants/me/data-changes").then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(me.token()).contentType("multipart/form-data").multiPart("file", "a.pdf", PDF)
                .post("/api/v1/applicants/me/data-changes").then().statusCode(415).contentType(PROBLEM);
        as(me.token()).get("/api/v1/applicants/me/data-changes").then().body("", hasSize(0));
    }

    @Test
    void ofTwoConcurrentSubmissionsExactlyOneIsOpened() throws Exception {
        Fixtures.Person me = fixtures.applicant(fixtures.institution());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String position : List.of("Sandiman Ahli Pertama", "Analis Keamanan Informasi")) {
                results.add(pool.submit(() -> as(me.token()).body(change(1, Map.of("position", position), List.of()))
                        .post("/api/v1/applicants/me/data-changes").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        as(me.token()).get("/api/v1/applicants/me/data-changes").then().body("", hasSize(1));
    }

    @Test
    void documentsAreCheckedByContentNotByName() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[600 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of(doc("sk.pdf", script), doc("big.pdf", big))))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(422)
                .body("fieldErrors.field", org.hamcrest.Matchers.contains("documents[0].content", "documents[1].content"))
                .body("fieldErrors.code", org.hamcrest.Matchers.contains("document.type", "document.too-large"));
        as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of(Map.of("fileName", "a.pdf", "content", "%%% not base64"))))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(422).body("fieldErrors[0].code", equalTo("document.base64"));
        as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of(doc("1.png", PNG), doc("2.png", PNG), doc("3.png", PNG), doc("4.png", PNG))))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(422).body("fieldErrors[0].code", equalTo("documents.too-many"));
        as(me.token()).get("/api/v1/applicants/me/data-changes").then().body("", hasSize(0));
    }

    @Test
    void verifiersOfOtherInstitutionsSeeNothingAndCannotDecide() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Inst other = fixtures.institution();
        Fixtures.Person me = fixtures.applicant(inst);
        Fixtures.Person stranger = fixtures.applicant(inst);
        Fixtures.Person foreignVerifier = fixtures.verifier(other.id());
        String id = as(me.token()).body(change(1, Map.of("position", "Sandiman"), List.of(doc("a.png", PNG))))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201).extract().path("id");
        String docId = as(me.token()).get("/api/v1/data-changes/" + id).then().statusCode(200).extract().path("documents[0].id");

        for (String path : List.of("/api/v1/data-changes/" + id, "/api/v1/data-changes/" + id + "/documents/" + docId)) {
            as(foreignVerifier.token()).get(path).then().statusCode(404).contentType(PROBLEM).body("type", equalTo(TYPE + "data-change.not-found"));
            as(stranger.token()).get(path).then().statusCode(404);
        }
        as(foreignVerifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(404);
        as(foreignVerifier.token()).body(Map.of("reason", "no")).post("/api/v1/data-changes/" + id + "/reject").then().statusCode(404);
        as(stranger.token()).post("/api/v1/data-changes/" + id + "/cancel").then().statusCode(404);
        as(foreignVerifier.token()).get("/api/v1/data-changes").then().statusCode(200).body("id", not(hasItem(id)));
        as(foreignVerifier.token()).queryParam("institutionId", inst.id()).get("/api/v1/data-changes").then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo(TYPE + "institution.not-assigned"));
        as(me.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(403);
        as(me.token()).get("/api/v1/data-changes/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void theHistoryIsAppendOnlyInTheDatabase() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        String id = as(verifier.token()).body(Api.registration(inst)).post("/api/v1/applicants").then().statusCode(201).extract().path("id");
        UUID applicantId = UUID.fromString(id);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> history.getEntityManager()
                .createNativeQuery("UPDATE applicant_history SET reason = 'forged' WHERE applicant_id = ?1").setParameter(1, applicantId)
                .executeUpdate())).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> history.getEntityManager()
                .createNativeQuery("DELETE FROM applicant_history WHERE applicant_id = ?1").setParameter(1, applicantId)
                .executeUpdate())).hasStackTraceContaining("append-only");
        assertThat(QuarkusTransaction.requiringNew().call(() -> history.of(applicantId))).hasSize(1);
    }
}
