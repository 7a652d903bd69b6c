package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.renewal.peers.EventReceiver;
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
