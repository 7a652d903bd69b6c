package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mails notification-service sends the applicant about a request: "approved" and "completed" (with the new
 * serial). Both must have arrived over SMTP, link to the request, and appear in the applicant's own delivery log with
 * their kinds; the mail text is shown as received.
 */
final class WorkflowMails {

    private final Gateway gateway;
    private final Inbox inbox;
    private final Narrator narrator;

    WorkflowMails(Gateway gateway, Inbox inbox, Narrator narrator) {
        this.gateway = gateway;
        this.inbox = inbox;
        this.narrator = narrator;
    }

    void approvedAndCompleted(Session applicant, String requestId, String newSerial) {
        List<Mail> mails = inbox.awaitAll(applicant.email(), "'approved' and 'completed' mails of request " + requestId,
                m -> m.text().contains(requestId), 2);
        Mail completed = mails.stream().filter(m -> m.subject().contains(newSerial)).findFirst()
                .orElseThrow(() -> new JourneyFailure("no 'completed' mail naming certificate " + newSerial + " for request " + requestId));
        Mail approved = mails.stream().filter(m -> m != completed).findFirst().orElseThrow();
        if (mails.size() != 2) {
            throw new JourneyFailure("expected exactly two mails about request " + requestId + ", got: "
                    + mails.stream().map(Mail::subject).toList());
        }
        Answer log = gateway.get("/api/v1/notifications?limit=100").as(applicant).send();
        log.json(200);
        Map<String, String> subjects = Json.stream(log.json().get("items"))
                .filter(n -> n.path("requestId").asText().equals(requestId))
                .collect(Collectors.toMap(n -> n.path("kind").asText(), n -> n.path("subject").asText(), (x, y) -> x));
        if (!approved.subject().equals(subjects.get("REQUEST_APPROVED")) || !completed.subject().equals(subjects.get("REQUEST_COMPLETED"))) {
            throw log.fail("the delivery log does not hold the two mails as REQUEST_APPROVED and REQUEST_COMPLETED: " + subjects);
        }
        narrator.mail(approved, true);
        narrator.mail(completed, true);
    }

    /**
     * The delivery-log entry (as the caller may see it) of the reminder for this certificate at this threshold, once it is recorded as
     * sent (the mail can reach the mailbox a moment before notification-service records the SMTP server's answer).
     */
    JsonNode reminderLogged(Session caller, String serial, int thresholdDays, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer log = gateway.get("/api/v1/notifications?certificate=" + serial).as(caller).quiet().send();
            log.json(200);
            java.util.Optional<JsonNode> sent = Json.stream(log.json().get("items"))
                    .filter(n -> n.path("kind").asText().equals("EXPIRY_REMINDER") && n.path("thresholdDays").asInt(-1) == thresholdDays)
                    .filter(n -> n.path("status").asText().equals("SENT") && n.hasNonNull("sentAt"))
                    .findFirst();
            if (sent.isPresent() || System.nanoTime() > deadline) {
                gateway.tell(log);
                return sent.orElseThrow(() -> log.fail("no SENT EXPIRY_REMINDER of the " + thresholdDays + "-day threshold for " + serial));
            }
            Gateway.sleep(java.time.Duration.ofMillis(250));
        }
    }
}
