package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.renewal.peers.EventReceiver;
import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SOP timeline of a renewal against the standard times, the monthly summary, the histograms, and the verifiers' queue. */
@QuarkusTest
class TimelineTest {

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void stepOneIsTakenBeforeTheRequestIsLockedSoItSurvivesNotificationServiceBeingDownLater() {
        Flow.Person p = Flow.applicant();
        String serial = Flow.firstCertificate(p);
        Instant t0 = Instant.parse(Ca.certificate(serial).getString("notAfter")).minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        EventReceiver.reminderSent(serial, 30, t0.minusSeconds(600));
        MutableClock.INSTANCE.set(t0);
        FakeApplicants.update(p.id(), "confirmedVersion", 1);
        try {
            // down when the renewal is created: asked again at submission, where it answers
            EventReceiver.remindersDown(true);
            String id = Flow.createCsrRequest(p, "RENEWAL", p.newCsr());
            EventReceiver.remindersDown(false);
            Flow.submit(p, id);
            // down again for the rest: completion needs nothing of it
            EventReceiver.remindersDown(true);
            Flow.Person a = Flow.verifier(p.institution());
            Flow.claim(a, id);
            Flow.recordChecks(a, id);
            Flow.approve(Flow.verifier(p.institution()), id).then().statusCode(200);
            Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));

            given().auth().oauth2(p.token()).get(Flow.REQUESTS + "/" + id + "/timeline").then().statusCode(200)
                    .body("steps[0].status", equalTo("DONE"))
                    .body("steps[0].completedAt", equalTo(t0.minusSeconds(600).toString()));
        } finally {
            EventReceiver.remindersDown(false);
        }
    }

    @Test
    void anAnswerOfNoReminderAtCreationIsKeptSoSubmittingDoesNotAskAgain() {
        Flow.Person p = Flow.applicant();
        String serial = Flow.firstCertificate(p);
        Instant t0 = Instant.parse(Ca.certificate(serial).getString("notAfter")).minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        MutableClock.INSTANCE.set(t0);
        String id = Flow.createCsrRequest(p, "RENEWAL", p.newCsr());
        Flow.submit(p, id);
        assertThat(EventReceiver.reminderQuestions(serial)).isEqualTo(1);
        given().auth().oauth2(p.token()).get(Flow.REQUESTS + "/" + id + "/timeline").then().statusCode(200)
                .body("steps[0].completedAt", equalTo(null));
    }

    @Test
    void aRenewalIsMappedOntoTheEightStepsOfTheSop() {
        Flow.Person p = Flow.applicant();
        String serial = Flow.firstCertificate(p);
        Instant t0 = Instant.parse(Ca.certificate(serial).getString("notAfter")).minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);

        // the 30-day reminder left 5 minutes before the login (step 1 → step 2); one after the request does not count
        EventReceiver.reminderSent(serial, 30, t0.minusSeconds(300));
        EventReceiver.reminderSent(serial, 14, t0.plus(Duration.ofDays(6)));
        // the applicant logs in, finds the data changed (step 4, a new position) and confirms it (step 3)
        MutableClock.INSTANCE.set(t0);
        FakeApplicants.update(p.id(), "dataVersion", 2);
        FakeApplicants.update(p.id(), "confirmedVersion", 2);
        FakeApplicants.update(p.id(), "confirmedAt", t0.plusSeconds(120));
        String token = TestTokens.user(p.id(), "APPLICANT").institutions(p.institution()).claim("auth_time", t0.getEpochSecond()).sign();
        Flow.Person applicant = new Flow.Person(p.id(), p.institution(), token, p.email());
        MutableClock.INSTANCE.set(t0.plusSeconds(480));                                   // step 5 takes 6 minutes
        String id = Flow.createCsrRequest(applicant, "RENEWAL", applicant.newCsr());
        MutableClock.INSTANCE.set(t0.plusSeconds(490));                                   // step 6 takes 10 s
        Flow.submit(applicant, id);
        Flow.Person a = Flow.verifier(p.institution());
        MutableClock.INSTANCE.set(t0.plusSeconds(3600));
        Flow.claim(a, id);
        MutableClock.INSTANCE.set(t0.plusSeconds(3600 + 600));                            // step 7 takes 10 minutes: late
        Flow.recordChecks(a, id);
        Flow.Person b = Flow.verifier(p.institution());
        MutableClock.INSTANCE.set(t0.plusSeconds(3600 + 660));                            // step 8 takes 1 minute
        Flow.approve(b, id).then().statusCode(200);
        Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));

        JsonPath timeline = given().auth().oauth2(applicant.token()).header("Accept-Language", "en").get(Flow.REQUESTS + "/" + id + "/timeline")
                .then().statusCode(200)
                .body("steps.step", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("steps.standardSeconds", contains(120f, 300f, 180f, 900f, 600f, 18f, 480f, 180f))
                .body("steps[0].status", equalTo("DONE"))
                .body("steps[0].completedAt", equalTo(t0.minusSeconds(300).toString()))
                .body("steps[1].completedAt", equalTo(t0.toString()))
                .body("steps[1].durationSeconds", equalTo(300f))
                .body("steps[1].withinStandard", equalTo(true))
                .body("steps[2].durationSeconds", equalTo(120f))
                .body("steps[2].withinStandard", equalTo(true))
                .body("steps[3].status", equalTo("NOT_RECORDED"))
                .body("steps[4].durationSeconds", equalTo(360f))
                .body("steps[5].durationSeconds", equalTo(10f))
                .body("steps[6].actor", equalTo(a.id().toString()))
                .body("steps[6].durationSeconds", equalTo(600f))
                .body("steps[6].withinStandard", equalTo(false))
                .body("steps[7].actor", equalTo(b.id().toString()))
                .body("steps[7].durationSeconds", equalTo(60f))
                .body("steps[7].name", equalTo("Approve the renewal"))
                .extract().jsonPath();
        assertThat(timeline.getString("steps[7].nameId")).isEqualTo("Menyetujui permohonan pembaruan sertifikat elektronik");
        assertThat(timeline.getString("completedAt")).isNotNull();

        YearMonth month = YearMonth.from(t0.plusSeconds(4260).atZone(ZoneId.of("Asia/Jakarta")));
        List<Map<String, Object>> summary = Flow.get(Flow.admin().token(), Flow.REQUESTS + "/sop-summary?from=" + month + "&to=" + month)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> step7 = summary.stream().filter(r -> ((Integer) r.get("step")) == 7).findFirst().orElseThrow();
        assertThat(step7.get("month")).isEqualTo(month.toString());
        assertThat(((Number) step7.get("count")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) step7.get("shareWithinStandard")).doubleValue()).isLessThan(1.0);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("sertel_sop_step_duration_seconds_bucket{step=\"7\"")
                .contains("sertel_sop_step_duration_seconds_count{step=\"6\"}");

        Flow.get(Flow.admin().token(), Flow.REQUESTS + "/sop-summary?from=2026-13").then().statusCode(422)
                .body("code", equalTo("request.invalid-period"));
    }

    @Test
    void theQueueShowsTheInstitutionsSubmittedRequestsOldestFirstWithTheirSla() {
        UUID institution = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String overdue = submittedAt(institution, now.minus(Duration.ofHours(30)));
        String dueSoon = submittedAt(institution, now.minus(Duration.ofHours(21)));
        String onTime = submittedAt(institution, now.minus(Duration.ofHours(1)));
        submittedAt(UUID.randomUUID(), now.minus(Duration.ofHours(40)));                  // another institution's
        MutableClock.INSTANCE.set(now);

        Flow.get(Flow.verifier(institution).token(), Flow.REQUESTS + "/queue").then().statusCode(200)
                .body("items.id", contains(overdue, dueSoon, onTime))
                .body("items.slaStatus", contains("OVERDUE", "DUE_SOON", "ON_TIME"))
                .body("items.ageSeconds", contains(30 * 3600, 21 * 3600, 3600))
                .body("total", equalTo(3));
        Flow.get(Flow.verifier(UUID.randomUUID()).token(), Flow.REQUESTS + "/queue").then().statusCode(200).body("total", equalTo(0));
    }

    private static String submittedAt(UUID institution, Instant at) {
        MutableClock.INSTANCE.set(at);
        Flow.Person p = Flow.applicantIn(institution);
        String id = Flow.create(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.submit(p, id);
        return id;
    }
}
