package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import id.go.kapuaskab.sertel.renewal.service.WorkflowMetrics;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workflow's gauges as Prometheus scrapes them: the review queue per institution, requests stuck in ISSUING, certificates nobody renews. */
@QuarkusTest
class WorkflowMetricsTest {

    @Inject
    WorkflowMetrics metrics;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void theReviewQueueIsMeasuredPerInstitutionWithTheAgeOfItsOldestRequest() {
        Flow.Person applicant = Flow.applicant();
        String code = "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        FakeApplicants.update(applicant.id(), "institutionCode", code);
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        MutableClock.INSTANCE.set(Instant.now().plus(Duration.ofHours(2)));
        metrics.refresh();
        PrometheusScrape s = scrape();
        assertThat(s.value("sertel_review_queue_depth", Map.of("institution", code, "state", "SUBMITTED"))).isEqualTo(1);
        assertThat(s.value("sertel_review_queue_oldest_age_seconds", Map.of("institution", code))).isGreaterThanOrEqualTo(7200);
        assertThat(s.value("sertel_review_sla_seconds", Map.of())).isEqualTo(86400);

        Flow.claim(Flow.verifier(applicant.institution()), id);
        metrics.refresh();
        s = scrape();
        assertThat(s.samples("sertel_review_queue_depth", Map.of("institution", code, "state", "SUBMITTED"))).as("the row goes away").isEmpty();
        assertThat(s.value("sertel_review_queue_depth", Map.of("institution", code, "state", "IN_REVIEW"))).isEqualTo(1);
    }

    @Test
    void requestsInIssuingLongerThanTheThresholdCountAsStuck() throws Exception {
        Flow.Person applicant = Flow.applicant();
        String id = Flow.createCsrRequest(applicant, "ISSUANCE", applicant.newCsr());
        Flow.submit(applicant, id);
        metrics.refresh();
        double before = scrape().value("sertel_requests_issuing_stuck", Map.of());
        // the request's row as if the CA had been unreachable for an hour (the workflow itself cannot be made to wait here)
        sql("UPDATE request SET state = 'ISSUING', updated_at = now() - interval '1 hour' WHERE id = ?", id);
        try {
            metrics.refresh();
            PrometheusScrape s = scrape();
            assertThat(s.value("sertel_requests_issuing_stuck", Map.of())).isEqualTo(before + 1);
            assertThat(s.value("sertel_requests_issuing_oldest_age_seconds", Map.of())).isGreaterThanOrEqualTo(3600);
        } finally {
            sql("UPDATE request SET state = 'SUBMITTED', updated_at = now() WHERE id = ?", id);
        }
    }

    @Test
    void certificatesInTheRenewalWindowWithoutAnOpenRenewalAreCounted() {
        Flow.Person applicant = Flow.applicant();
        String serial = Flow.firstCertificate(applicant);
        MutableClock.INSTANCE.set(Instant.parse(Ca.certificate(serial).getString("notAfter")).minus(Duration.ofDays(10)));
        metrics.refreshExpiring();
        double unrenewed = scrape().value("sertel_certificates_expiring_unrenewed", Map.of());
        assertThat(unrenewed).as("this applicant's certificate at least").isGreaterThanOrEqualTo(1);

        Flow.createCsrRequest(applicant, "RENEWAL", applicant.newCsr());
        metrics.refreshExpiring();
        assertThat(scrape().value("sertel_certificates_expiring_unrenewed", Map.of())).isEqualTo(unrenewed - 1);
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static void sql(String statement, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl("sertel_renewal"), "postgres", "postgres");
             PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }
}
