package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Who may review and decide: four eyes, never on one's own request, only within one's institutions; the approval race. */
@QuarkusTest
class ReviewRulesTest {

    private static final String R = Flow.REQUESTS + "/";
    private static final String P = "https://sertel.kapuaskab.go.id/problems/";

    private static String inReview(Flow.Person applicant, Flow.Person verifier) {
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        Flow.claim(verifier, id);
        return id;
    }

    @Test
    void theVerifierWhoCheckedCannotApproveButAColleagueCan() {
        Flow.Person p = Flow.applicant();
        Flow.Person a = Flow.verifier(p.institution());
        String id = inReview(p, a);
        Flow.recordChecks(a, id);
        Flow.approve(a, id).then().statusCode(403).contentType("application/problem+json").body("type", equalTo(P + "request.four-eyes"));
        Flow.Person b = Flow.verifier(p.institution());
        Flow.approve(b, id).then().statusCode(200).body("state", equalTo("ISSUING"));
        assertThat(Flow.detail(id).getString("approvedBy")).isEqualTo(b.id().toString());
    }

    @Test
    void approvingNeedsASecondFactorInTheApproversSession() {
        Flow.Person p = Flow.applicant();
        Flow.Person a = Flow.verifier(p.institution());
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        Flow.claim(a, id);
        Flow.recordChecks(a, id);
        UUID b = UUID.randomUUID();
        String passwordOnly = TestTokens.user(b, "VERIFIER").institutions(p.institution()).amr("pwd").sign();

        Flow.post(passwordOnly, Flow.REQUESTS + "/" + id + "/approve", null).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.step-up-required"));
        assertThat(Flow.detail(id).getString("request.state")).isEqualTo("IN_REVIEW");

        String withOtp = TestTokens.user(b, "VERIFIER").institutions(p.institution()).sign();
        Flow.post(withOtp, Flow.REQUESTS + "/" + id + "/approve", null).then().statusCode(200);
    }

    @Test
    void onlyTheClaimingVerifierRecordsEvidenceAndReleases() {
        Flow.Person p = Flow.applicant();
        Flow.Person a = Flow.verifier(p.institution());
        String id = inReview(p, a);
        Flow.Person b = Flow.verifier(p.institution());
        Flow.post(b.token(), R + id + "/checks", Flow.allChecks(true, "CONFIRMED")).then().statusCode(403)
                .body("type", equalTo(P + "request.not-claimer"));
        Flow.post(b.token(), R + id + "/release", null).then().statusCode(403).body("type", equalTo(P + "request.not-claimer"));
        Flow.post(a.token(), R + id + "/checks", Map.of()).then().statusCode(422).body("type", equalTo(P + "request.nothing-to-record"));
    }

    @Test
    void approvalNeedsEveryItemMatchingAndTheInstitutionConfirming() {
        Flow.Person p = Flow.applicant();
        Flow.Person a = Flow.verifier(p.institution());
        Flow.Person b = Flow.verifier(p.institution());
        String id = inReview(p, a);
        Flow.approve(b, id).then().statusCode(422).body("type", equalTo(P + "request.checks-incomplete"))
                .body("contactRecorded", equalTo(false));

        Map<String, Object> checks = Flow.allChecks(true, "CONFIRMED");
        Flow.post(a.token(), R + id + "/checks", Map.of("items", ((List<?>) checks.get("items")).subList(0, 3))).then().statusCode(200);
        Flow.approve(b, id).then().statusCode(422).body("missingItems", containsInAnyOrder("INSTITUTION", "UNIT"));

        Flow.post(a.token(), R + id + "/checks", Flow.allChecks(false, "CONFIRMED")).then().statusCode(200)
                .body("checks.find { it.item == 'FULL_NAME' }.matches", equalTo(false))
                .body("contact.channel", equalTo("PHONE"));
        Flow.approve(b, id).then().statusCode(422).body("type", equalTo(P + "request.checks-not-matching"))
                .body("mismatchedItems", containsInAnyOrder("FULL_NAME"));

        Flow.post(a.token(), R + id + "/checks", Flow.allChecks(true, "UNREACHABLE")).then().statusCode(200);
        Flow.approve(b, id).then().statusCode(422).body("type", equalTo(P + "request.contact-not-confirmed"));

        Map<String, Object> future = Map.of("contact", Map.of("contactPerson", "X", "channel", "EMAIL",
                "contactedAt", "2999-01-01T00:00:00Z", "outcome", "CONFIRMED"));
        Flow.post(a.token(), R + id + "/checks", future).then().statusCode(422).body("fieldErrors[0].field", equalTo("contact.contactedAt"));
        Flow.post(a.token(), R + id + "/checks", Map.of("contact", Map.of("channel", "FAX"))).then().statusCode(400);

        List<Map<String, Object>> twice = List.of(Map.of("item", "NIK", "matches", true), Map.of("item", "NIK", "matches", false,
                "note", "beda satu digit"));                        // one item twice in one body: the last one counts
        Flow.post(a.token(), R + id + "/checks", Map.of("items", twice)).then().statusCode(200)
                .body("checks.findAll { it.item == 'NIK' }.size()", equalTo(1))
                .body("checks.find { it.item == 'NIK' }.matches", equalTo(false))
                .body("checks.size()", equalTo(5));

        Flow.recordChecks(a, id);
        Flow.approve(b, id).then().statusCode(200);
    }

    @Test
    void nobodyActsOnTheirOwnRequest() {
        Flow.Person p = Flow.applicant();
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        String selfAsVerifier = TestTokens.verifier(p.id(), p.institution());
        Flow.post(selfAsVerifier, R + id + "/claim", null).then().statusCode(403).body("type", equalTo(P + "request.own-request"));
        String selfAsAdmin = TestTokens.admin(p.id());
        Flow.post(selfAsAdmin, R + id + "/claim", null).then().statusCode(403).body("type", equalTo(P + "request.own-request"));
    }

    @Test
    void verifiersActOnlyWithinTheirInstitutionsAndApplicantsOnlyOnTheirOwn() {
        Flow.Person p = Flow.applicant();
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        Flow.Person outsider = Flow.verifier(UUID.randomUUID());
        for (String action : new String[] {"claim", "release", "approve", "return", "reject"}) {
            Flow.post(outsider.token(), R + id + "/" + action, Map.of("reason", "x")).then().statusCode(403)
                    .body("type", equalTo(P + "request.other-institution"));
        }
        Flow.post(outsider.token(), R + id + "/checks", Flow.allChecks(true, "CONFIRMED")).then().statusCode(403);
        Flow.get(outsider.token(), R + id).then().statusCode(403).body("type", equalTo(P + "request.other-institution"));
        Flow.get(outsider.token(), R + id + "/timeline").then().statusCode(403);

        Flow.Person otherApplicant = Flow.applicantIn(p.institution());
        Flow.get(otherApplicant.token(), R + id).then().statusCode(404).body("type", equalTo(P + "request.not-found"));
        Flow.post(otherApplicant.token(), R + id + "/cancel", null).then().statusCode(404);
        Flow.get(p.token(), R + UUID.randomUUID()).then().statusCode(404);

        Flow.Person verifier = Flow.verifier(p.institution());
        Flow.post(verifier.token(), R + id + "/cancel", null).then().statusCode(403);   // role: applicants only

        // admins act everywhere: one claims and checks, another approves
        Flow.Person admin = Flow.admin();
        Flow.claim(admin, id);
        Flow.recordChecks(admin, id);
        Flow.approve(Flow.admin(), id).then().statusCode(200);
    }

    @Test
    void twoVerifiersApprovingAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                Flow.Person p = Flow.applicant();
                Flow.Person a = Flow.verifier(p.institution());
                String id = inReview(p, a);
                Flow.recordChecks(a, id);
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<io.restassured.response.Response>> racers = List.of(
                        racer(start, Flow.verifier(p.institution()), id),
                        racer(start, Flow.verifier(p.institution()), id),
                        racer(start, Flow.admin(), id));
                List<Future<io.restassured.response.Response>> results = racers.stream().map(pool::submit).toList();
                start.countDown();
                int won = 0;
                for (Future<io.restassured.response.Response> f : results) {
                    io.restassured.response.Response r = f.get();
                    if (r.statusCode() == 200) {
                        won++;
                    } else {
                        assertThat(r.statusCode()).isEqualTo(409);
                        assertThat(r.jsonPath().getString("code")).isEqualTo("request.invalid-transition");
                        assertThat(r.jsonPath().getString("currentState")).isIn("APPROVED", "ISSUING", "COMPLETED");
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(Flow.detail(id).getList("history.to").stream().filter("APPROVED"::equals).count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<io.restassured.response.Response> racer(CountDownLatch start, Flow.Person officer, String id) {
        return () -> {
            start.await();
            return Flow.approve(officer, id);
        };
    }
}
