package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.renewal.peers.EventReceiver;
import id.go.kapuaskab.sertel.renewal.peers.FakeApplicants;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Workflow events leave through the outbox: each once or more, each with its own id, retried while the receiver fails. */
@QuarkusTest
class EventsTest {

    @Test
    void everyStepOfTheWorkflowIsAnnouncedWithItsOwnEventId() {
        Flow.Person p = Flow.applicant();
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        Flow.Person a = Flow.verifier(p.institution());
        Flow.claim(a, id);
        Flow.post(a.token(), Flow.REQUESTS + "/" + id + "/return", Map.of("reason", "wrong unit")).then().statusCode(200);
        Flow.throughReview(p, id);
        String serial = Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30)).getString("request.issuedSerial");

        List<JsonNode> events = awaitEvents(UUID.fromString(id), 5);
        assertThat(events.stream().map(e -> e.get("type").asText()).distinct().toList())
                .containsExactlyInAnyOrder("REQUEST_SUBMITTED", "REQUEST_RETURNED", "REQUEST_APPROVED", "REQUEST_COMPLETED");
        assertThat(events.stream().map(e -> e.get("eventId").asText()).distinct().count()).isEqualTo(5);
        JsonNode returned = events.stream().filter(e -> e.get("type").asText().equals("REQUEST_RETURNED")).findFirst().orElseThrow();
        assertThat(returned.get("reason").asText()).isEqualTo("wrong unit");
        assertThat(returned.get("applicantId").asText()).isEqualTo(p.id().toString());
        assertThat(returned.get("institutionId").asText()).isEqualTo(p.institution().toString());
        assertThat(returned.get("requestType").asText()).isEqualTo("ISSUANCE");
        JsonNode completed = events.stream().filter(e -> e.get("type").asText().equals("REQUEST_COMPLETED")).findFirst().orElseThrow();
        assertThat(completed.get("certificateSerial").asText()).isEqualTo(serial);
        assertThat(completed.get("notAfter").asText()).isNotBlank();
    }

    @Test
    void theEventsNameTheirRecipientsSoNotificationServiceNeedNotLookThemUp() {
        Flow.Person p = Flow.applicant();
        UUID verifierId = UUID.randomUUID();
        FakeApplicants.verifiers(p.institution(), List.of(Map.of("id", verifierId, "email", "rina@kapuaskab.go.id",
                "fullName", "Rina Verifikator", "language", "en")));
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        FakeApplicants.update(p.id(), "language", "en");   // not a subject item: the approval takes it over
        Flow.Person a = Flow.verifier(p.institution());
        Flow.claim(a, id);
        Flow.recordChecks(a, id);
        Flow.approve(Flow.verifier(p.institution()), id).then().statusCode(200);
        Flow.awaitState(id, "COMPLETED", Duration.ofSeconds(30));

        List<JsonNode> events = awaitEvents(UUID.fromString(id), 3);
        JsonNode submitted = ofType(events, "REQUEST_SUBMITTED");
        assertThat(submitted.get("verifiers")).singleElement().satisfies(v -> {
            assertThat(v.get("id").asText()).isEqualTo(verifierId.toString());
            assertThat(v.get("email").asText()).isEqualTo("rina@kapuaskab.go.id");
            assertThat(v.get("fullName").asText()).isEqualTo("Rina Verifikator");
            assertThat(v.get("language").asText()).isEqualTo("en");
        });
        Map<String, Object> registered = FakeApplicants.get(p.id());
        JsonNode applicant = submitted.get("applicant");
        assertThat(applicant.get("id").asText()).isEqualTo(p.id().toString());
        assertThat(applicant.get("fullName").asText()).isEqualTo(registered.get("fullName"));
        assertThat(applicant.get("email").asText()).isEqualTo(registered.get("email"));
        assertThat(applicant.get("language").asText()).isEqualTo("id");
        for (String later : List.of("REQUEST_APPROVED", "REQUEST_COMPLETED")) {
            JsonNode event = ofType(events, later);
            assertThat(event.get("applicant").get("language").asText()).as(later).isEqualTo("en");
            assertThat(event.get("applicant").get("email").asText()).as(later).isEqualTo(registered.get("email"));
            assertThat(event.has("verifiers")).as(later).isFalse();
        }
    }

    @Test
    void anInstitutionWithoutVerifiersIsSaidSoAndARequestNeverSubmittedNamesNobody() {
        Flow.Person p = Flow.applicant();
        FakeApplicants.verifiers(p.institution(), List.of());
        String id = Flow.createCsrRequest(p, "ISSUANCE", p.newCsr());
        Flow.submit(p, id);
        assertThat(ofType(awaitEvents(UUID.fromString(id), 1), "REQUEST_SUBMITTED").get("verifiers")).isEmpty();

        Flow.Person q = Flow.applicant();
        String draft = Flow.create(q, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.post(q.token(), Flow.REQUESTS + "/" + draft + "/cancel", Map.of("reason", "by mistake")).then().statusCode(200);
        JsonNode cancelled = ofType(awaitEvents(UUID.fromString(draft), 1), "REQUEST_CANCELLED");
        assertThat(cancelled.has("applicant")).isFalse();
    }

    private static JsonNode ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow(() -> new AssertionError(type));
    }

    @Test
    void aFailingReceiverGetsTheEventLaterAndStillOnlyOneEventId() {
        int refusedBefore = EventReceiver.refused();
        EventReceiver.failNext(3);
        Flow.Person p = Flow.applicant();
        String id = Flow.create(p, Map.of("type", "ISSUANCE", "keyGeneration", Map.of()));
        Flow.post(p.token(), Flow.REQUESTS + "/" + id + "/cancel", Map.of("reason", "by mistake")).then().statusCode(200);
        List<JsonNode> events = awaitEvents(UUID.fromString(id), 1);
        assertThat(EventReceiver.refused() - refusedBefore).isGreaterThanOrEqualTo(1);
        assertThat(events).extracting(e -> e.get("type").asText()).containsOnly("REQUEST_CANCELLED");
        assertThat(events.stream().map(e -> e.get("eventId").asText()).distinct().count()).isEqualTo(1);
        assertThat(events.get(0).get("reason").asText()).isEqualTo("by mistake");
    }

    private static List<JsonNode> awaitEvents(UUID requestId, int distinct) {
        Instant deadline = Instant.now().plusSeconds(30);
        List<JsonNode> events = EventReceiver.of(requestId);
        while (events.stream().map(e -> e.get("eventId").asText()).distinct().count() < distinct && Instant.now().isBefore(deadline)) {
            Flow.sleep(100);
            events = EventReceiver.of(requestId);
        }
        return events;
    }
}
