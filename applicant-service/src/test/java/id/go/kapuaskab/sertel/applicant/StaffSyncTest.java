package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.applicant.peers.RealPeers;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff sync from a staffing system: new people registered as applicants, changes turned into data changes a verifier
 * approves (and the {@code applicant.data-changed} event that follows), idempotency, dry runs, per-person refusals.
 */
@QuarkusTest
class StaffSyncTest {

    @Inject
    Fixtures fixtures;
    @TestHTTPResource("/")
    URL self;

    private final String admin = TestTokens.admin(UUID.randomUUID());

    @Test
    void aReplayedBatchAnswersItsFirstResultsAndANewEventWithTheSameContentChangesNothing() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person moved = fixtures.applicant(inst);
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        Map<String, Object> first = event(Api.registration(inst));
        Map<String, Object> second = event(Api.registration(inst));
        Map<String, Object> change = event(Map.of("nip", fixtures.numbersOf(moved.id()).nip(), "position", "Sandiman Ahli Muda",
                "workUnitId", inst.otherUnitId().toString(), "reason", "Mutasi sesuai SK Kepala BKPSDM No. 800/123/2026"));
        List<Map<String, Object>> batch = List.of(first, second, change);

        JsonPath run = sync(simpeg.token(), batch, false).then().statusCode(200).body("dryRun", equalTo(false)).extract().jsonPath();
        assertThat(run.getList("results.outcome")).containsExactly("REGISTERED", "REGISTERED", "DATA_CHANGE_SUBMITTED");
        assertThat(run.getList("results.replayed")).containsOnly(false);
        assertThat(run.getList("results[2].changedFields")).containsExactlyInAnyOrder("position", "workUnitId");
        String registered = run.getString("results[0].applicantId");
        String dataChange = run.getString("results[2].dataChangeId");
        Mails.lastTo((String) first.get("email"), "EMAIL_VERIFICATION");

        Api.as(admin).get("/api/v1/applicants/" + registered).then().statusCode(200).body("status", equalTo("PENDING_EMAIL"))
                .body("fullName", equalTo("Siti Rahmawati"));
        JsonPath history = Api.as(admin).get("/api/v1/applicants/" + registered + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("[0].action")).isEqualTo("REGISTERED");
        assertThat(history.getString("[0].actorRole")).isEqualTo("INTEGRATION");
        assertThat(history.getString("[0].actorClientId")).isEqualTo(simpeg.id());

        JsonPath replay = sync(simpeg.token(), batch, false).then().statusCode(200).extract().jsonPath();
        assertThat(replay.getList("results.outcome")).isEqualTo(run.getList("results.outcome"));
        assertThat(replay.getList("results.applicantId")).isEqualTo(run.getList("results.applicantId"));
        assertThat(replay.getList("results.dataChangeId")).isEqualTo(run.getList("results.dataChangeId"));
        assertThat(replay.getList("results[2].changedFields")).containsExactlyInAnyOrder("position", "workUnitId");
        assertThat(replay.getList("results.replayed")).containsOnly(true);
        Mails.awaitCount((String) first.get("email"), 1);                    // no second confirmation mail

        List<Map<String, Object>> sameContent = batch.stream().map(StaffSyncTest::event).toList();
        JsonPath again = sync(simpeg.token(), sameContent, false).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.outcome")).containsOnly("UNCHANGED");
        assertThat(again.getList("results.replayed")).containsOnly(false);
        assertThat(again.getList("results.applicantId")).containsExactly(registered, run.getString("results[1].applicantId"), moved.id().toString());
        assertThat(again.getString("results[2].dataChangeId")).as("the open change of this client").isEqualTo(dataChange);
        Api.as(admin).queryParam("q", first.get("nik")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(1));

        List<Map<String, Object>> record = Api.as(admin).queryParam("clientId", simpeg.id()).get(RegionalSystems.SYNC).then().statusCode(200)
                .extract().path("$");
        assertThat(record).hasSize(9).extracting(e -> e.get("outcome")).containsExactlyInAnyOrder("REGISTERED", "REGISTERED",
                "DATA_CHANGE_SUBMITTED", "REGISTERED", "REGISTERED", "DATA_CHANGE_SUBMITTED", "UNCHANGED", "UNCHANGED", "UNCHANGED");
        assertThat(record).filteredOn(e -> ((String) e.get("detail")).startsWith("replay of an event already applied")).hasSize(3);
        assertThat(Api.as(admin).get(RegionalSystems.SYNC).asString()).doesNotContain((String) first.get("nip"), (String) first.get("nik"));
    }

    @Test
    void aRetiredHolderGetsOneRevocationRequestForTheVerifiersAndSomeoneWithoutACertificateNeedsNothing() {
        RealPeers.ensureStarted(self.toString());
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Inst elsewhere = fixtures.institution();
        Fixtures.Person holder = fixtures.applicant(inst);
        Fixtures.Person newcomer = fixtures.applicant(inst);
        Fixtures.Person stranger = fixtures.applicant(elsewhere);
        String serial = RegionalSystems.certificate(holder.id(), inst.id(), holder.email());
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        Map<String, Object> retired = event(Map.of("nip", fixtures.numbersOf(holder.id()).nip(), "leaving", "RETIRED",
                "reason", "SK BKN No. 00123/KEP/2026"));
        List<Map<String, Object>> batch = List.of(retired,
                event(Map.of("nip", fixtures.numbersOf(newcomer.id()).nip(), "leaving", "DECEASED")),
                event(Map.of("nip", Fixtures.personalNumbers().nip(), "leaving", "RETIRED")),
                event(Map.of("nip", fixtures.numbersOf(stranger.id()).nip(), "leaving", "DECEASED")));

        JsonPath preview = sync(simpeg.token(), List.of(retired), true).then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("results[0].outcome")).isEqualTo("REVOCATION_REQUESTED");
        assertThat(preview.getString("results[0].revocationRequestId")).isNull();
        assertThat(openRequests(holder.id())).isEmpty();

        JsonPath run = sync(simpeg.token(), batch, false).then().statusCode(200).extract().jsonPath();
        assertThat(run.getList("results.outcome")).containsExactly("REVOCATION_REQUESTED", "UNCHANGED", "UNCHANGED", "REFUSED");
        assertThat(run.getString("results[3].problem.code")).isEqualTo("staff-sync.institution-not-allowed");
        String request = run.getString("results[0].revocationRequestId");
        assertThat(request).isNotNull();
        List<Map<String, Object>> open = openRequests(holder.id());
        assertThat(open).singleElement().satisfies(r -> assertThat(r).containsEntry("requestId", request).containsEntry("type", "REVOCATION")
                .containsEntry("state", "SUBMITTED").containsEntry("certificateSerial", serial));
        assertThat(openRequests(newcomer.id())).isEmpty();
        Api.as(admin).get("/api/v1/applicants/" + holder.id()).then().statusCode(200).body("dataVersion", equalTo(1));

        JsonPath replay = sync(simpeg.token(), List.of(retired), false).then().statusCode(200).extract().jsonPath();
        assertThat(replay.getBoolean("results[0].replayed")).isTrue();
        assertThat(replay.getString("results[0].revocationRequestId")).isEqualTo(request);
        JsonPath later = sync(simpeg.token(), List.of(event(retired)), false).then().statusCode(200).extract().jsonPath();
        assertThat(later.getString("results[0].outcome")).isEqualTo("REVOCATION_REQUESTED");
        assertThat(later.getBoolean("results[0].replayed")).isFalse();
        assertThat(later.getString("results[0].revocationRequestId")).as("the request already open").isEqualTo(request);
        assertThat(openRequests(holder.id())).hasSize(1);

        RealPeers.stopRenewal();
        try {
            Fixtures.Person another = fixtures.applicant(inst);
            Map<String, Object> down = event(Map.of("nip", fixtures.numbersOf(another.id()).nip(), "leaving", "RETIRED"));
            sync(simpeg.token(), List.of(down), false).then().statusCode(200).body("results[0].outcome", equalTo("REFUSED"))
                    .body("results[0].problem.code", equalTo("integration.peer-unavailable")).body("results[0].problem.status", equalTo(503));
        } finally {
            RealPeers.startRenewal();
        }
    }

    @Test
    void anEventIdIsRequiredAndCannotBeReusedForOtherContent() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person known = fixtures.applicant(inst);
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        RegionalSystems.Client other = RegionalSystems.register(admin, "SIMPEG lain", List.of("applicants:sync"), inst.id());
        String nip = fixtures.numbersOf(known.id()).nip();
        Map<String, Object> promotion = event(Map.of("nip", nip, "position", "Sandiman Ahli Muda"));
        sync(simpeg.token(), List.of(promotion), false).then().statusCode(200).body("results[0].outcome", equalTo("DATA_CHANGE_SUBMITTED"));

        Map<String, Object> reused = new LinkedHashMap<>(promotion);
        reused.put("position", "Sandiman Ahli Madya");
        Map<String, Object> missing = new LinkedHashMap<>(Api.registration(inst));
        Map<String, Object> malformed = event(Api.registration(inst));
        malformed.put("eventId", "mutasi 2026 / 1");
        JsonPath r = sync(simpeg.token(), List.of(reused, missing, malformed), false).then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.outcome")).containsOnly("REFUSED");
        assertThat(r.getList("results.problem.code")).containsExactly("staff-sync.event-reused", "validation", "validation");
        assertThat(r.getList("results.problem.status")).containsExactly(409, 422, 422);
        assertThat(r.getString("results[1].problem.fieldErrors[0].field")).isEqualTo("eventId");
        assertThat(r.getString("results[2].problem.fieldErrors[0].code")).isEqualTo("event-id.format");
        Api.as(admin).queryParam("q", missing.get("nip")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));

        // event ids are per client: another staffing system's id that happens to be the same is its own event
        sync(other.token(), List.of(event(Api.registration(inst)), Map.of("eventId", promotion.get("eventId"), "nip", nip,
                "position", "Sandiman Ahli Muda")), false).then().statusCode(200)
                .body("results.outcome", equalTo(List.of("REGISTERED", "REFUSED")))
                .body("results[1].problem.code", equalTo("data-change.already-open"));
    }

    @Test
    void aDryRunAnswersWhatARealRunDoesAndChangesNothing() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person moved = fixtures.applicant(inst);
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        Map<String, Object> fresh = event(Api.registration(inst));
        List<Map<String, Object>> batch = List.of(fresh, event(Map.of("nip", fixtures.numbersOf(moved.id()).nip(), "position", "Sandiman Ahli Muda")));

        JsonPath preview = sync(simpeg.token(), batch, true).then().statusCode(200).body("dryRun", equalTo(true)).extract().jsonPath();
        assertThat(preview.getList("results.outcome")).containsExactly("REGISTERED", "DATA_CHANGE_SUBMITTED");
        assertThat(preview.getString("results[0].applicantId")).isNull();
        assertThat(preview.getString("results[1].dataChangeId")).isNull();
        assertThat(preview.getList("results[1].changedFields")).containsExactly("position");

        Api.as(admin).queryParam("q", fresh.get("nip")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));
        Api.as(verifier.token()).queryParam("institutionId", inst.id()).get("/api/v1/data-changes").then().statusCode(200).body("$", hasSize(0));
        Api.as(admin).get("/api/v1/applicants/" + moved.id()).then().statusCode(200).body("dataVersion", equalTo(1))
                .body("position", equalTo("Pranata Komputer Ahli Pertama"));
        List<Map<String, Object>> dry = Api.as(admin).queryParam("clientId", simpeg.id()).get(RegionalSystems.SYNC).then().extract().path("$");
        assertThat(dry).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("operation", "STAFF_SYNC_DRY_RUN"));

        JsonPath real = sync(simpeg.token(), batch, false).then().statusCode(200).extract().jsonPath();
        assertThat(real.getList("results.outcome")).isEqualTo(preview.getList("results.outcome"));
        Mails.lastTo((String) fresh.get("email"), "EMAIL_VERIFICATION");
        Mails.awaitCount((String) fresh.get("email"), 1);                  // none from the dry run
        Api.as(verifier.token()).queryParam("institutionId", inst.id()).get("/api/v1/data-changes").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aSyncedMoveIsADataChangeAVerifierApprovesAndTheEventTellsBothInstitutions() {
        Fixtures.Inst from = fixtures.institution();
        Fixtures.Inst to = fixtures.institution();
        Fixtures.Person person = fixtures.applicant(from);
        Fixtures.Person verifier = fixtures.verifier(from.id());
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG Kabupaten Kapuas", List.of("applicants:sync"), from.id(), to.id());
        String newEmail = "budi.santoso." + UUID.randomUUID().toString().substring(0, 6) + "@" + to.domain();
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("eventId", "simpeg-mutasi-" + UUID.randomUUID());
        move.put("nip", fixtures.numbersOf(person.id()).nip());
        move.put("nik", fixtures.numbersOf(person.id()).nik());
        move.put("fullName", "Budi  Santoso");                      // the same name, written differently: not a change
        move.put("email", newEmail);
        move.put("position", "Analis Kepegawaian Ahli Muda");
        move.put("institutionId", to.id().toString());
        move.put("workUnitId", to.otherUnitId().toString());

        JsonPath run = sync(simpeg.token(), List.of(move), false).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("results[0].outcome")).isEqualTo("DATA_CHANGE_SUBMITTED");
        assertThat(run.getList("results[0].changedFields")).containsExactlyInAnyOrder("email", "position", "institutionId", "workUnitId");
        String id = run.getString("results[0].dataChangeId");
        Api.as(admin).get("/api/v1/applicants/" + person.id()).then().statusCode(200).body("institution.id", equalTo(from.id().toString()))
                .body("dataVersion", equalTo(1));

        JsonPath queued = Api.as(verifier.token()).get("/api/v1/data-changes/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(queued.getString("status")).isEqualTo("SUBMITTED");
        assertThat(queued.getString("submittedByClient")).isEqualTo(simpeg.id());
        assertThat(queued.getString("reason")).contains("SIMPEG Kabupaten Kapuas");
        assertThat(queued.getBoolean("subjectChange")).isTrue();
        assertThat(queued.getList("documents")).isEmpty();
        Api.as(person.token()).post("/api/v1/data-changes/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo(Api.TYPE + "data-change.not-own"));

        int before = MessageReceiver.EVENTS.size();
        Api.as(verifier.token()).post("/api/v1/data-changes/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("resultVersion", equalTo(2));
        Api.as(admin).get("/api/v1/applicants/" + person.id()).then().statusCode(200).body("institution.id", equalTo(to.id().toString()))
                .body("position", equalTo("Analis Kepegawaian Ahli Muda")).body("email", equalTo(newEmail));

        List<JsonNode> events = awaitEvents(person.id(), 2, before);
        assertThat(events).extracting(e -> e.path("institutionId").asText()).containsExactlyInAnyOrder(from.id().toString(), to.id().toString());
        for (JsonNode e : events) {
            assertThat(e.path("type").asText()).isEqualTo("applicant.data-changed");
            assertThat(e.path("subject").asText()).isEqualTo(person.id().toString());
            assertThat(Instant.parse(e.path("occurredAt").asText())).isBefore(Instant.now().plusSeconds(1));
            JsonNode data = e.path("data");
            assertThat(data.path("applicantId").asText()).isEqualTo(person.id().toString());
            assertThat(data.path("dataVersion").asInt()).isEqualTo(2);
            assertThat(data.path("subjectChanged").asBoolean()).isTrue();
            assertThat(data.path("dataChangeId").asText()).isEqualTo(id);
            assertThat(data.path("previousInstitutionId").asText()).isEqualTo(from.id().toString());
            assertThat(e.toString()).doesNotContain(fixtures.numbersOf(person.id()).nik(), fixtures.numbersOf(person.id()).nip(), "81234567890",
                    newEmail, "Budi");
        }
        assertThat(events.get(0).path("eventId").asText()).isNotEqualTo(events.get(1).path("eventId").asText());

        // the old event again, after the verifier's approval: its first answer, and no change proposing the old values
        JsonPath replay = sync(simpeg.token(), List.of(move), false).then().statusCode(200).extract().jsonPath();
        assertThat(replay.getString("results[0].outcome")).isEqualTo("DATA_CHANGE_SUBMITTED");
        assertThat(replay.getBoolean("results[0].replayed")).isTrue();
        assertThat(replay.getString("results[0].dataChangeId")).isEqualTo(id);
        Api.as(verifier.token()).queryParam("institutionId", from.id()).get("/api/v1/data-changes").then().statusCode(200).body("$", hasSize(0));
        JsonPath after = sync(simpeg.token(), List.of(event(move)), false).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("results[0].outcome")).isEqualTo("UNCHANGED");
        assertThat(after.getString("results[0].dataChangeId")).isNull();
    }

    @Test
    void refusalsArePerPersonInTheCallersLanguageAndLeaveNoTrace() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Inst elsewhere = fixtures.institution();
        Fixtures.Person known = fixtures.applicant(inst);
        Fixtures.Person busy = fixtures.applicant(inst);
        Fixtures.Person stranger = fixtures.applicant(elsewhere);
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        Api.as(busy.token()).body(DataChangeTest.change(1, Map.of("phone", "+62 813 1111 2222"), List.of()))
                .post("/api/v1/applicants/me/data-changes").then().statusCode(201);
        Map<String, Object> fine = event(Api.registration(inst));
        Map<String, Object> badNik = event(Api.registration(inst));
        badNik.put("nik", "6203010000000000");
        Map<String, Object> otherInstitution = event(Api.registration(elsewhere));
        List<Map<String, Object>> batch = List.of(
                badNik,
                fine,
                event(Map.of("nip", fixtures.numbersOf(known.id()).nip(), "nik", Fixtures.personalNumbers().nik(), "position", "Lurah")),
                event(Map.of("nip", fixtures.numbersOf(busy.id()).nip(), "position", "Sandiman Ahli Muda")),
                event(Map.of("nip", fixtures.numbersOf(stranger.id()).nip(), "position", "Sandiman Ahli Muda")),
                otherInstitution,
                event(Map.of("position", "Sandiman Ahli Muda")));

        Response answer = Api.as(simpeg.token()).header("Accept-Language", "en").body(Map.of("people", batch)).post(RegionalSystems.SYNC);
        JsonPath r = answer.then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("results.outcome")).containsExactly("REFUSED", "REGISTERED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(problems(r, "code")).containsExactly("validation", null, "staff-sync.nik-mismatch", "data-change.already-open",
                "staff-sync.institution-not-allowed", "staff-sync.institution-not-allowed", "validation");
        assertThat(problems(r, "status")).containsExactly(422, null, 409, 409, 403, 403, 422);
        assertThat(r.getString("results[0].problem.fieldErrors[0].field")).isEqualTo("nik");
        assertThat(r.getString("results[0].problem.type")).isEqualTo(Api.TYPE + "validation");
        assertThat(r.getString("results[2].problem.title")).isEqualTo("NIK does not match");
        assertThat(r.getString("results[6].problem.fieldErrors[0].code")).isEqualTo("nip.key");
        assertThat(r.getList("results.applicantId")).containsExactly(null, r.getString("results[1].applicantId"), null, null, null, null, null);
        assertThat(answer.asString()).doesNotContain("6203010000000000", (String) fine.get("nip"), fixtures.numbersOf(stranger.id()).nip());

        Api.as(admin).queryParam("q", badNik.get("nip")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));
        Api.as(admin).queryParam("q", otherInstitution.get("nip")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));
        Api.as(admin).get("/api/v1/applicants/" + known.id()).then().body("position", equalTo("Pranata Komputer Ahli Pertama"));
        Api.as(admin).get("/api/v1/applicants/" + stranger.id()).then().body("dataVersion", equalTo(1));

        // a refused event may come again once its cause is gone: it was not kept as done
        JsonPath retry = sync(simpeg.token(), List.of(batch.get(3)), false).then().statusCode(200).extract().jsonPath();
        assertThat(retry.getBoolean("results[0].replayed")).isFalse();
        assertThat(retry.getString("results[0].problem.code")).isEqualTo("data-change.already-open");
    }

    @Test
    void onlyASystemWithTheScopeMaySyncAndABatchIsAtMostAHundred() {
        Fixtures.Inst inst = fixtures.institution();
        RegionalSystems.Client eoffice = RegionalSystems.register(admin, "e-Office", List.of("status:read"), inst.id());
        RegionalSystems.Client simpeg = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), inst.id());
        List<Map<String, Object>> one = List.of(event(Api.registration(inst)));
        sync(eoffice.token(), one, false).then().statusCode(403).body("type", equalTo(Api.TYPE + "integration.scope-missing"));
        sync(TestTokens.verifier(UUID.randomUUID(), inst.id()), one, false).then().statusCode(403).body("type", equalTo(Api.TYPE + "forbidden"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(event(Map.of("nip", Fixtures.personalNumbers().nip())));
        }
        sync(simpeg.token(), tooMany, false).then().statusCode(422).body("type", equalTo(Api.TYPE + "validation"))
                .body("fieldErrors[0].field", equalTo("people"));
        Api.as(TestTokens.user(UUID.randomUUID(), "ADMIN").amr("pwd").sign()).get(RegionalSystems.SYNC).then().statusCode(403)
                .body("type", equalTo(Api.TYPE + "auth.step-up-required"));

        Map<String, Object> bell = event(Api.registration(inst));
        bell.put("position", "Sandiman\u0007Ahli");
        sync(simpeg.token(), List.of(bell), false).then().statusCode(422).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "validation")).body("fieldErrors[0].code", equalTo("control-character"));
        Api.as(admin).queryParam("q", bell.get("nip")).get("/api/v1/applicants").then().statusCode(200).body("total", equalTo(0));
    }

    /** The item as a staffing system sends it: with an event id of its own (a copy; a new id for a copied event). */
    private static Map<String, Object> event(Map<String, Object> item) {
        Map<String, Object> e = new LinkedHashMap<>(item);
        e.put("eventId", "simpeg-" + UUID.randomUUID());
        return e;
    }

    /** A member of each result's problem, null where there is none (a GPath over the list would leave those out). */
    private static List<Object> problems(JsonPath r, String member) {
        List<Map<String, Object>> results = r.getList("results");
        List<Object> found = new ArrayList<>();
        for (Map<String, Object> x : results) {
            found.add(x.get("problem") == null ? null : ((Map<?, ?>) x.get("problem")).get(member));
        }
        return found;
    }

    private static List<Map<String, Object>> openRequests(UUID applicant) {
        return given().baseUri(RealPeers.renewalUrl()).auth().oauth2(TestTokens.service("applicant-service", "APPLICANT_SERVICE"))
                .contentType("application/json").body(Map.of("applicantIds", List.of(applicant.toString()))).post("/internal/requests/open")
                .then().statusCode(200).extract().path("items");
    }

    private static Response sync(String token, List<Map<String, Object>> people, boolean dryRun) {
        return Api.as(token).body(Map.of("dryRun", dryRun, "people", people)).post(RegionalSystems.SYNC);
    }

    private static List<JsonNode> awaitEvents(UUID applicant, int count, int after) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<JsonNode> found = MessageReceiver.EVENTS.subList(after, MessageReceiver.EVENTS.size()).stream()
                    .filter(e -> applicant.toString().equals(e.path("subject").asText())).toList();
            if (found.size() >= count || Instant.now().isAfter(deadline)) {
                assertThat(found).hasSize(count);
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
