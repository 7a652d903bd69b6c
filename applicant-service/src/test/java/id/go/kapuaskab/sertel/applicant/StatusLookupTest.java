package id.go.kapuaskab.sertel.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import id.go.kapuaskab.sertel.applicant.peers.RealPeers;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status lookups of regional systems against the real certificate-service and renewal-service (processes): scope and
 * institution isolation between two clients, "not found" the same for unknown and out-of-scope people, the batch limit,
 * a peer down, and the admin's record of who asked about whom.
 */
@QuarkusTest
class StatusLookupTest {

    @Inject
    Fixtures fixtures;
    @TestHTTPResource("/")
    URL self;

    private final String admin = TestTokens.admin(UUID.randomUUID());

    @BeforeEach
    void peers() {
        RealPeers.ensureStarted(self.toString());
    }

    @Test
    void eachClientSeesOnlyItsInstitutionsAndAnUnknownPersonLooksLikeAnOutOfScopeOne() {
        Fixtures.Inst a = fixtures.institution();
        Fixtures.Inst b = fixtures.institution();
        Fixtures.Person holder = fixtures.applicant(a);
        Fixtures.Person newcomer = fixtures.applicant(a);
        Fixtures.Person stranger = fixtures.applicant(b);
        String serial = RegionalSystems.certificate(holder.id(), a.id(), holder.email());
        String renewal = RegionalSystems.openRenewal(holder.id(), a.id());
        RegionalSystems.certificate(stranger.id(), b.id(), stranger.email());
        Fixtures.PersonalNumbers holderNumbers = fixtures.numbersOf(holder.id());
        Fixtures.PersonalNumbers newcomerNumbers = fixtures.numbersOf(newcomer.id());
        Fixtures.PersonalNumbers strangerNumbers = fixtures.numbersOf(stranger.id());
        String unknownNip = Fixtures.personalNumbers().nip();
        RegionalSystems.Client eoffice = RegionalSystems.register(admin, "e-Office A", List.of("status:read"), a.id());
        RegionalSystems.Client portal = RegionalSystems.register(admin, "Portal B", List.of("status:read"), b.id());

        Response answer = RegionalSystems.lookup(eoffice.token(), List.of(Map.of("nip", holderNumbers.nip()), Map.of("nik", newcomerNumbers.nik()),
                Map.of("nip", strangerNumbers.nip()), Map.of("nip", unknownNip)));
        answer.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store").body("results", hasSize(4));
        JsonPath r = answer.jsonPath();
        assertThat(r.getList("results.index")).containsExactly(0, 1, 2, 3);
        assertThat(r.getList("results.found")).containsExactly(true, true, false, false);
        assertThat(r.getString("results[0].holderId")).isEqualTo(holder.id().toString());
        assertThat(r.getBoolean("results[0].activeCertificate")).isTrue();
        assertThat(r.getString("results[0].certificate.serial")).isEqualTo(serial);
        assertThat(r.getString("results[0].certificate.status")).isEqualTo("ACTIVE");
        assertThat(r.getString("results[0].certificate.notAfter")).isNotBlank();
        assertThat(r.getBoolean("results[0].renewalOpen")).isTrue();
        assertThat(r.getList("results[0].openRequests.type")).containsExactly("RENEWAL");
        assertThat(r.getString("results[1].holderId")).isEqualTo(newcomer.id().toString());
        assertThat(r.getBoolean("results[1].activeCertificate")).isFalse();
        assertThat(r.getMap("results[1]")).containsEntry("certificate", null).containsEntry("renewalOpen", false);
        Map<String, Object> outOfScope = new java.util.HashMap<>(r.getMap("results[2]"));
        Map<String, Object> unknown = new java.util.HashMap<>(r.getMap("results[3]"));
        outOfScope.remove("index");
        unknown.remove("index");
        assertThat(outOfScope).isEqualTo(unknown).containsEntry("found", false).containsEntry("holderId", null);
        assertThat(answer.asString()).doesNotContain(stranger.id().toString(), strangerNumbers.nip(), renewal);

        JsonPath theirs = RegionalSystems.lookup(portal.token(), List.of(Map.of("nip", holderNumbers.nip()), Map.of("nip", strangerNumbers.nip())))
                .then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("results.found")).containsExactly(false, true);
        assertThat(theirs.getString("results[1].holderId")).isEqualTo(stranger.id().toString());

        List<Map<String, Object>> record = Api.as(admin).queryParam("clientId", eoffice.id()).get(RegionalSystems.LOOKUPS)
                .then().statusCode(200).extract().path("$");
        assertThat(record).hasSize(4);
        assertThat(record).extracting(e -> e.get("index")).containsExactlyInAnyOrder(0, 1, 2, 3);
        Map<String, Object> strangerEntry = record.stream().filter(e -> Integer.valueOf(2).equals(e.get("index"))).findFirst().orElseThrow();
        assertThat(strangerEntry).containsEntry("applicantId", stranger.id().toString()).containsEntry("outcome", "NOT_FOUND")
                .containsEntry("person", "NIP **************" + strangerNumbers.nip().substring(14));
        assertThat((String) strangerEntry.get("detail")).contains("outside the client's institutions");
        Map<String, Object> unknownEntry = record.stream().filter(e -> Integer.valueOf(3).equals(e.get("index"))).findFirst().orElseThrow();
        assertThat(unknownEntry).containsEntry("applicantId", null);
        assertThat((String) record.stream().filter(e -> Integer.valueOf(0).equals(e.get("index"))).findFirst().orElseThrow().get("detail"))
                .contains(serial, "ACTIVE", "renewal open: true");
        String recordText = Api.as(admin).get(RegionalSystems.LOOKUPS).asString();
        for (String number : List.of(holderNumbers.nip(), newcomerNumbers.nik(), strangerNumbers.nip(), unknownNip)) {
            assertThat(recordText).doesNotContain(number);
        }
    }

    @Test
    void aBatchIsOneToAHundredPeopleEachByExactlyOneNumber() {
        Fixtures.Inst a = fixtures.institution();
        RegionalSystems.Client eoffice = RegionalSystems.register(admin, "e-Office", List.of("status:read"), a.id());
        List<Map<String, String>> people = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            people.add(Map.of("nip", Fixtures.personalNumbers().nip()));
        }
        Response tooMany = RegionalSystems.lookup(eoffice.token(), people);
        tooMany.then().statusCode(422).contentType(Api.PROBLEM).body("type", equalTo(Api.TYPE + "validation"))
                .body("fieldErrors[0].field", equalTo("people")).body("fieldErrors[0].code", equalTo("size"));
        assertThat(tooMany.asString()).doesNotContain(people.get(0).get("nip"));
        RegionalSystems.lookup(eoffice.token(), people.subList(0, 100)).then().statusCode(200).body("results", hasSize(100))
                .body("results.found", org.hamcrest.Matchers.everyItem(equalTo(false)));
        RegionalSystems.lookup(eoffice.token(), List.of()).then().statusCode(422);

        String nik = Fixtures.personalNumbers().nik();
        Api.as(eoffice.token()).body(Map.of("people", List.of(Map.of("nik", nik, "nip", Fixtures.personalNumbers().nip()), Map.of())))
                .post(RegionalSystems.LOOKUPS).then().statusCode(422).body("fieldErrors.field", equalTo(List.of("people[0]", "people[1]")))
                .body("fieldErrors[0].code", equalTo("person.one-number"));
        Response malformed = RegionalSystems.lookup(eoffice.token(), List.of(Map.of("nik", nik.substring(0, 15) + "X")));
        malformed.then().statusCode(422).body("fieldErrors[0].field", equalTo("people[0].nik")).body("fieldErrors[0].code", equalTo("pattern"));
        assertThat(malformed.asString()).doesNotContain(nik.substring(0, 15));
        Response control = Api.as(eoffice.token()).body("{\"people\":[{\"nik\":\"" + nik.substring(0, 15) + "\\u0000\"}]}").post(RegionalSystems.LOOKUPS);
        control.then().statusCode(422).contentType(Api.PROBLEM).body("fieldErrors[0].code", equalTo("control-character"));
        assertThat(control.asString()).doesNotContain(nik.substring(0, 15));
        List<Map<String, Object>> record = Api.as(admin).queryParam("clientId", eoffice.id()).queryParam("size", 100)
                .queryParam("page", 1).get(RegionalSystems.LOOKUPS).then().statusCode(200).extract().path("$");
        assertThat(record).as("only the accepted batch of 100 was recorded").isEmpty();
        Api.as(admin).queryParam("clientId", eoffice.id()).queryParam("size", 100).get(RegionalSystems.LOOKUPS).then().statusCode(200)
                .body("$", hasSize(100));
    }

    @Test
    void onlyARegisteredSystemWithTheScopeMayAskAndOnlyAnAdminWithASecondFactorReadsTheRecord() {
        Fixtures.Inst a = fixtures.institution();
        RegionalSystems.Client syncOnly = RegionalSystems.register(admin, "SIMPEG", List.of("applicants:sync"), a.id());
        List<Map<String, String>> one = List.of(Map.of("nip", Fixtures.personalNumbers().nip()));
        RegionalSystems.lookup(syncOnly.token(), one).then().statusCode(403).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "integration.scope-missing"));
        // a token claiming the scope is not enough: the registry must grant it too
        String claimed = TestTokens.integration(syncOnly.id(), "status:read", a.id()).sign();
        RegionalSystems.lookup(claimed, one).then().statusCode(403).body("type", equalTo(Api.TYPE + "integration.scope-missing"));
        RegionalSystems.lookup(TestTokens.integration("int-00000000000000000000", "status:read", a.id()).sign(), one).then().statusCode(403);
        RegionalSystems.lookup(TestTokens.applicant(UUID.randomUUID(), a.id()), one).then().statusCode(403)
                .body("type", equalTo(Api.TYPE + "forbidden"));
        Api.anonymous().body(Map.of("people", one)).post(RegionalSystems.LOOKUPS).then().statusCode(401);

        Api.as(TestTokens.user(UUID.randomUUID(), "ADMIN").amr("pwd").sign()).get(RegionalSystems.LOOKUPS).then().statusCode(403)
                .body("type", equalTo(Api.TYPE + "auth.step-up-required"));
        Api.as(syncOnly.token()).get(RegionalSystems.LOOKUPS).then().statusCode(403);
        Api.as(admin).queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2029-01-01T00:00:00Z").get(RegionalSystems.LOOKUPS)
                .then().statusCode(422).body("fieldErrors[0].code", equalTo("period.order"));
    }

    @Test
    void aPeerThatDoesNotAnswerIs503AndTheQuestionIsStillRecorded() {
        Fixtures.Inst a = fixtures.institution();
        Fixtures.Person holder = fixtures.applicant(a);
        RegionalSystems.Client eoffice = RegionalSystems.register(admin, "e-Office", List.of("status:read"), a.id());
        List<Map<String, String>> people = List.of(Map.of("nip", fixtures.numbersOf(holder.id()).nip()));
        RealPeers.stopRenewal();
        try {
            Response down = RegionalSystems.lookup(eoffice.token(), people);
            down.then().statusCode(503).contentType(Api.PROBLEM).header("Retry-After", notNullValue())
                    .body("type", equalTo(Api.TYPE + "integration.peer-unavailable"));
        } finally {
            RealPeers.startRenewal();
        }
        List<Map<String, Object>> record = Api.as(admin).queryParam("clientId", eoffice.id()).get(RegionalSystems.LOOKUPS)
                .then().statusCode(200).extract().path("$");
        assertThat(record).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("outcome", "UNAVAILABLE").containsEntry("applicantId", holder.id().toString());
        });
        RegionalSystems.lookup(eoffice.token(), people).then().statusCode(200).body("results[0].found", equalTo(true))
                .body("results[0].activeCertificate", equalTo(false));
    }
}
