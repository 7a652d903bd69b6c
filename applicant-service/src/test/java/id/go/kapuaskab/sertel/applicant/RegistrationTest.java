package id.go.kapuaskab.sertel.applicant;

import static id.go.kapuaskab.sertel.applicant.Api.PROBLEM;
import static id.go.kapuaskab.sertel.applicant.Api.TYPE;
import static id.go.kapuaskab.sertel.applicant.Api.anonymous;
import static id.go.kapuaskab.sertel.applicant.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistrationTest {

    private static final String PASSWORD = "kata-sandi-rahasia";

    @Inject
    Fixtures fixtures;

    @Inject
    AccountRepository accounts;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void selfRegistrationConfirmedByMailThenActivatedByAVerifierOfTheInstitution() {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> body = Api.registration(inst);
        String email = (String) body.get("email");

        String id = anonymous().body(body).post("/api/v1/applicants/registrations").then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("PENDING_EMAIL"))
                .body("fullName", equalTo("Siti Rahmawati"))
                .body("phone", equalTo("+6281234567890"))
                .body("dataVersion", equalTo(1))
                .body("selfRegistered", equalTo(true))
                .extract().path("id");
        TokenEndpointTest.login(email, PASSWORD).then().statusCode(400);

        String token = Mails.tokenFor(email);
        anonymous().body(Map.of("token", token, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(200).body("status", equalTo("PENDING_ACTIVATION"));
        TokenEndpointTest.login(email, PASSWORD).then().statusCode(400)
                .body("type", equalTo(TYPE + "auth.account-not-active"));

        Fixtures.Person verifier = fixtures.verifier(inst.id());
        as(verifier.token()).post("/api/v1/applicants/" + id + "/activation").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(verifier.token()).post("/api/v1/applicants/" + id + "/activation").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo(TYPE + "applicant.not-pending-activation"));

        Response login = TokenEndpointTest.login(email, PASSWORD);
        login.then().statusCode(200);
        assertThat(TokenEndpointTest.jwtPart(login.path("access_token"), 1)).containsEntry("inst", List.of(inst.id().toString()))
                .containsEntry("sub", id);
        as(verifier.token()).get("/api/v1/applicants/" + id + "/history").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("REGISTERED", "EMAIL_CONFIRMED", "ACTIVATED"))
                .body("[2].actorId", equalTo(verifier.id().toString()));
    }

    @Test
    void registrationByAVerifierIsActiveOnceTheEmailIsConfirmed() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(inst.id());
        Map<String, Object> body = Api.registration(inst);
        String email = (String) body.get("email");

        as(verifier.token()).body(body).post("/api/v1/applicants").then().statusCode(201).body("selfRegistered", equalTo(false));
        anonymous().body(Map.of("token", Mails.tokenFor(email), "password", PASSWORD)).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        TokenEndpointTest.login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void verifierCannotRegisterForAnotherInstitution() {
        Fixtures.Inst mine = fixtures.institution();
        Fixtures.Inst other = fixtures.institution();
        Fixtures.Person verifier = fixtures.verifier(mine.id());
        Map<String, Object> body = Api.registration(other);

        as(verifier.token()).body(body).post("/api/v1/applicants").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "institution.not-assigned"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail((String) body.get("email")))).isEmpty();
    }

    @Test
    void confirmationTokensWorkOnceAndExpire() {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> first = Api.registration(inst);
        Map<String, Object> second = Api.registration(inst);
        anonymous().body(first).post("/api/v1/applicants/registrations").then().statusCode(201);
        anonymous().body(second).post("/api/v1/applicants/registrations").then().statusCode(201);
        String token = Mails.tokenFor((String) first.get("email"));

        anonymous().body(Map.of("token", token, "password", "short")).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(422).body("fieldErrors.field", hasItem("password"));
        anonymous().body(Map.of("token", token, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation").then().statusCode(200);
        anonymous().body(Map.of("token", token, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(410).contentType(PROBLEM).body("type", equalTo(TYPE + "email-token.used"));
        anonymous().body(Map.of("token", "x".repeat(43), "password", PASSWORD)).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(404).body("type", equalTo(TYPE + "email-token.unknown"));

        String expiring = Mails.tokenFor((String) second.get("email"));
        MutableClock.INSTANCE.advance(Duration.ofHours(49));
        anonymous().body(Map.of("token", expiring, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation")
                .then().statusCode(410).body("type", equalTo(TYPE + "email-token.expired"));
    }

    @Test
    void resendRetiresTheOldLinkAndAnswersTheSameForUnknownAddresses() {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> body = Api.registration(inst);
        String email = (String) body.get("email");
        anonymous().body(body).post("/api/v1/applicants/registrations").then().statusCode(201);
        String old = Mails.tokenFor(email);

        anonymous().body(Map.of("email", email)).post("/api/v1/applicants/email-confirmation/resend").then().statusCode(202);
        anonymous().body(Map.of("email", "nobody@" + inst.domain())).post("/api/v1/applicants/email-confirmation/resend").then().statusCode(202);

        Mails.awaitCount(email, 2);
        String fresh = Mails.tokenFor(email);
        assertThat(fresh).isNotEqualTo(old);
        anonymous().body(Map.of("token", old, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation").then().statusCode(410);
        anonymous().body(Map.of("token", fresh, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation").then().statusCode(200);
    }

    @Test
    void everyRuleBreakIsAFieldErrorWithoutThePersonalNumbers() {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> body = Api.registration(inst);
        body.put("fullName", "Dr. Siti Rahmawati, S.Kom.");
        body.put("email", "siti@gmail.com");
        body.put("nik", "6203019913900001");
        body.put("nip", "199008122015033003");
        body.put("phone", "12345");
        body.put("workUnitId", fixtures.institution().unitId().toString());

        Response r = given().header("Accept-Language", "en").contentType(ContentType.JSON).body(body).post("/api/v1/applicants/registrations");
        r.then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo(TYPE + "validation"))
                .body("fieldErrors.field", containsInAnyOrder("fullName", "email", "nik", "nip", "phone", "workUnitId"))
                .body("fieldErrors.find { it.field == 'nik' }.code", equalTo("nik.birth-date"))
                .body("fieldErrors.find { it.field == 'nip' }.code", equalTo("nip.gender"))
                .body("fieldErrors.find { it.field == 'fullName' }.code", equalTo("name.title"))
                .body("fieldErrors.find { it.field == 'email' }.code", equalTo("email.domain"))
                .body("fieldErrors.find { it.field == 'email' }.message", containsString("official address"));
        assertThat(r.asString()).doesNotContain("6203019913900001", "199008122015033003", "12345");
    }

    @Test
    void nipMustMatchTheNikAndBothMustBeUnique() {
        Fixtures.Inst inst = fixtures.institution();
        Fixtures.Person existing = fixtures.applicant(inst);
        String takenNik = QuarkusTransaction.requiringNew().call(() -> accounts.getEntityManager()
                .createQuery("select a.nik from Applicant a where a.id = ?1", String.class).setParameter(1, existing.id()).getSingleResult());

        Map<String, Object> mismatch = Api.registration(inst);
        String nip = (String) mismatch.get("nip");
        mismatch.put("nip", nip.substring(0, 6) + (nip.startsWith("01", 6) ? "02" : "01") + nip.substring(8));
        anonymous().body(mismatch).post("/api/v1/applicants/registrations").then().statusCode(422)
                .body("fieldErrors.find { it.field == 'nip' }.code", equalTo("nip.birth-date-mismatch"));
        String genderSwapped = nip.substring(0, 14) + (nip.charAt(14) == '1' ? '2' : '1') + nip.substring(15);
        mismatch.put("nip", genderSwapped);
        anonymous().body(mismatch).post("/api/v1/applicants/registrations").then().statusCode(422)
                .body("fieldErrors.find { it.field == 'nip' }.code", equalTo("nip.gender-mismatch"));

        Map<String, Object> duplicate = Api.registration(inst);
        duplicate.put("nik", takenNik);
        duplicate.remove("nip");
        duplicate.put("employmentType", "NON_ASN");
        anonymous().body(duplicate).post("/api/v1/applicants/registrations").then().statusCode(422)
                .body("fieldErrors.find { it.field == 'nik' }.code", equalTo("nik.taken"))
                .body(not(containsString(takenNik)));

        Map<String, Object> pnsWithoutNip = Api.registration(inst);
        pnsWithoutNip.remove("nip");
        anonymous().body(pnsWithoutNip).post("/api/v1/applicants/registrations").then().statusCode(422)
                .body("fieldErrors.find { it.field == 'nip' }.code", equalTo("nip.required"));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws InterruptedException {
        Fixtures.Inst inst = fixtures.institution();
        Map<String, Object> body = Api.registration(inst);
        String email = (String) body.get("email");

        anonymous().body("{\"fullName\": \"Budi\",").post("/api/v1/applicants/registrations").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(TYPE + "malformed-request"));
        body.put("isAdmin", true);
        anonymous().body(body).post("/api/v1/applicants/registrations").then().statusCode(400).contentType(PROBLEM)
                .body("fieldErrors[0].field", equalTo("isAdmin")).body("fieldErrors[0].code", equalTo("unknown-field"));
        body.remove("isAdmin");
        body.put("employmentType", "CONTRACTOR");
        anonymous().body(body).post("/api/v1/applicants/registrations").then().statusCode(400).contentType(PROBLEM)
                .body("fieldErrors[0].field", equalTo("employmentType"));
        body.put("employmentType", "PNS");
        given().contentType(ContentType.XML).body("<applicant/>").post("/api/v1/applicants/registrations").then().statusCode(415)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"fullName\":\"" + "a".repeat(1_100_000) + "\"}")
                .post("/api/v1/applicants/registrations").then().statusCode(413).contentType(PROBLEM);
        anonymous().post("/api/v1/applicants/registrations").then().statusCode(422).contentType(PROBLEM);
        body.put("fullName", "");
        anonymous().body(body).post("/api/v1/applicants/registrations").then().statusCode(422)
                .body("fieldErrors.field", hasItem("fullName"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail(email))).isEmpty();
        Thread.sleep(300);
        assertThat(Mails.countTo(email)).isZero();
    }
}
