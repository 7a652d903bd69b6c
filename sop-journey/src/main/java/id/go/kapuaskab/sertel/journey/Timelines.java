package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * SOP timelines as renewal-service reports them ({@code GET /api/v1/requests/{id}/timeline}): steps 1–8 with the
 * SOP's Indonesian names and standard times (checked against {@link SopStep}), who acted, and how long each step took.
 */
final class Timelines {

    /** The rows, and whether step 1 (the reminder) is recorded: renewal-service learns it from notification-service. */
    record Timeline(List<TimelineRow> rows, boolean reminderRecorded) {
    }

    private final Gateway gateway;

    Timelines(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Reads and checks the timeline of a completed renewal. {@code dataChanged}: step 4 happened in this cycle (renewal-service
     * then says NOT_RECORDED, as the change's time is kept by applicant-service), else it is NOT_APPLICABLE.
     * {@code reminderSentAt}: when notification-service sent the reminder this renewal followed (step 1 must then be DONE
     * at that time, and step 2 timed from it); null when the journey did not wait for one (step 1 may be either).
     */
    Timeline renewal(Cast cast, Session caller, String requestId, boolean dataChanged, Instant reminderSentAt) {
        Answer answer = gateway.get("/api/v1/requests/" + requestId + "/timeline").as(caller).send();
        answer.json(200);
        answer.has("requestId", requestId).has("type", "RENEWAL").has("state", "COMPLETED");
        JsonNode steps = answer.json().get("steps");
        if (steps == null || steps.size() != 8) {
            throw answer.fail("expected SOP steps 1–8");
        }
        List<TimelineRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode s = steps.get(i);
            SopStep expected = SopStep.of(i + 1);
            if (s.path("step").asInt() != i + 1 || !s.path("nameId").asText().equals(expected.nameId())
                    || s.path("standardSeconds").asDouble() != expected.standard().toMillis() / 1000.0) {
                throw answer.fail("step " + (i + 1) + " is not '" + expected.nameId() + "' with standard " + expected.standard());
            }
            rows.add(new TimelineRow(i + 1, s.path("nameId").asText(), s.path("status").asText(), cast.nameOf(text(s, "actor")),
                    text(s, "actorRole"), s.hasNonNull("durationSeconds") ? s.get("durationSeconds").asDouble() : null,
                    s.path("standardSeconds").asDouble(), s.hasNonNull("withinStandard") ? s.get("withinStandard").asBoolean() : null,
                    text(s, "note")));
        }
        boolean reminderRecorded = checkReminder(answer, steps.get(0), reminderSentAt);
        String applicant = cast.data().applicant().fullName();
        done(answer, rows.get(1), applicant, "APPLICANT", reminderRecorded);
        done(answer, rows.get(2), applicant, "APPLICANT", true);
        expectStatus(answer, rows.get(3), dataChanged ? "NOT_RECORDED" : "NOT_APPLICABLE");
        done(answer, rows.get(4), applicant, "APPLICANT", true);
        done(answer, rows.get(5), applicant, "APPLICANT", true);
        done(answer, rows.get(6), cast.verifierA().name(), "VERIFIER", true);
        done(answer, rows.get(7), cast.verifierB().name(), "VERIFIER", true);
        return new Timeline(rows, reminderRecorded);
    }

    /**
     * Step 1 is DONE with the time notification-service sent the reminder (renewal-service asks it), or NOT_RECORDED when
     * no reminder for the certificate left before the request.
     */
    private static boolean checkReminder(Answer answer, JsonNode step, Instant sentAt) {
        String status = step.path("status").asText();
        if (status.equals("NOT_RECORDED") && sentAt == null) {
            return false;
        }
        if (!status.equals("DONE") || !step.path("actorRole").asText().equals("APPLICANT") || !step.hasNonNull("completedAt")) {
            throw answer.fail("step 1 is " + status + (sentAt == null ? ", expected DONE by the applicant or NOT_RECORDED"
                    : ", expected DONE by the applicant: the reminder was sent at " + sentAt) + ": " + step);
        }
        Instant at = OffsetDateTime.parse(step.get("completedAt").asText()).toInstant();
        if (sentAt != null && Duration.between(sentAt, at).abs().compareTo(Duration.ofSeconds(2)) > 0) {
            throw answer.fail("step 1 says the reminder came at " + at + ", the delivery log says " + sentAt);
        }
        return true;
    }

    private static void done(Answer answer, TimelineRow row, String actor, String role, boolean timed) {
        expectStatus(answer, row, "DONE");
        if (!actor.equals(row.actor()) || !role.equals(row.actorRole())) {
            throw answer.fail("step " + row.step() + " was done by " + row.actor() + " (" + row.actorRole() + "), expected " + actor + " (" + role + ")");
        }
        if (timed && (row.durationSeconds() == null || row.durationSeconds() < 0 || row.withinStandard() == null)) {
            throw answer.fail("step " + row.step() + " has no duration to set against its standard time");
        }
    }

    private static void expectStatus(Answer answer, TimelineRow row, String status) {
        if (!row.status().equals(status)) {
            throw answer.fail("step " + row.step() + " is " + row.status() + ", expected " + status);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
