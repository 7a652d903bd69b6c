package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;

/**
 * The applicant's side of {@code /api/v1/requests}: create (SOP step 5), edit, submit (step 6), read, collect a
 * server-generated key, and wait for the CA's work (ISSUING → COMPLETED happens in renewal-service's outbox, so the
 * applicant's page polls, as here).
 */
final class Requests {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "REJECTED", "CANCELLED");

    private final Gateway gateway;
    private final Duration timeout;

    Requests(Gateway gateway, Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /** Creates a DRAFT and returns its id; fails unless the answer is 201 with the type, DRAFT and a Location. */
    String create(Session applicant, JsonNode body) {
        Answer answer = gateway.post("/api/v1/requests").as(applicant).json(body).send();
        answer.json(201);
        answer.has("type", body.path("type").asText()).has("state", "DRAFT");
        String id = answer.field("id");
        if (!answer.header("Location").orElse("").endsWith("/api/v1/requests/" + id)) {
            throw answer.fail("Location does not point to the new request");
        }
        return id;
    }

    void edit(Session applicant, String id, JsonNode body) {
        Answer answer = gateway.put("/api/v1/requests/" + id).as(applicant).json(body).send();
        answer.json(200);
        answer.has("id", id).has("state", "DRAFT");
    }

    Answer submitAttempt(Session applicant, String id) {
        return gateway.post("/api/v1/requests/" + id + "/submit").as(applicant).send();
    }

    void submit(Session applicant, String id) {
        Answer answer = submitAttempt(applicant, id);
        answer.json(200);
        answer.has("id", id).has("state", "SUBMITTED");
        answer.field("submittedAt");
    }

    Answer detail(Session caller, String id) {
        Answer answer = gateway.get("/api/v1/requests/" + id).as(caller).send();
        answer.json(200);
        answer.has("request/id", id);
        return answer;
    }

    /** Polls the request until it reaches {@code state}; fails at once if it ends in another terminal state. */
    Answer awaitState(Session caller, String id, String state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer answer = gateway.get("/api/v1/requests/" + id).as(caller).quiet().send();
            answer.json(200);
            String now = answer.field("request/state");
            if (now.equals(state) || TERMINAL.contains(now) || System.nanoTime() > deadline) {
                gateway.tell(answer);
                if (!now.equals(state)) {
                    throw answer.fail("the request is " + now + ", expected it to reach " + state);
                }
                return answer;
            }
            Gateway.sleep(Duration.ofMillis(250));
        }
    }
}
