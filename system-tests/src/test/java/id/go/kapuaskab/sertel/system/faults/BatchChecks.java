package id.go.kapuaskab.sertel.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.localstack.MailCatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What must hold after a batch went through, however many replicas served it and whatever was killed meanwhile: one
 * certificate per approval (the CA's table and its API), every workflow mail and reminder in the SMTP server once,
 * every webhook event at the receiver, every outbox empty of the run's work.
 */
public final class BatchChecks {

    /** Mail of one request: SUBMITTED to both verifiers, APPROVED and COMPLETED to the applicant, one expiry reminder. */
    private static final Map<String, Integer> MAIL_PER_REQUEST = Map.of("REQUEST_SUBMITTED", 2, "REQUEST_APPROVED", 1,
            "REQUEST_COMPLETED", 1, "EXPIRY_REMINDER", 1);

    private final Ledgers ledgers;
    private final Office office;
    private final List<RequestFlow> flows;
    private final Api api;

    public BatchChecks(Ledgers ledgers, Office office, List<RequestFlow> flows, Api api) {
        this.ledgers = ledgers;
        this.office = office;
        this.flows = flows;
        this.api = api;
    }

    /** The serial each request got, read through the API; fails unless every request is COMPLETED. */
    public Map<UUID, String> issued() {
        Map<UUID, String> serials = new HashMap<>();
        for (RequestFlow f : flows) {
            JsonNode r = f.read();
            assertThat(r).as("request " + f.id() + " readable").isNotNull();
            assertThat(r.path("state").asText()).as("request " + f.id()).isEqualTo("COMPLETED");
            serials.put(f.id(), r.path("issuedSerial").asText());
        }
        return serials;
    }

    /** Exactly one certificate per approved request, in the CA's table and in the institution's list through the API. */
    public void oneCertificateEach(Map<UUID, String> serials) {
        Map<UUID, Integer> perRequest = ledgers.certificatesPerRequest(office.institution());
        assertThat(perRequest).as("certificates per request in the CA's database")
                .containsOnlyKeys(serials.keySet()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        JsonNode page = Patience.through(Session.PATIENCE, () -> api.get("/api/v1/certificates?size=100", office.verifierA().token()))
                .expect(200);
        assertThat(page.path("total").asLong()).as("certificates of the institution through the API").isEqualTo(flows.size());
        Set<String> listed = new HashSet<>();
        page.path("items").forEach(i -> listed.add(i.path("serial").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(serials.values());
    }

    /** Waits until the delivery log holds every expected message of the run as SENT. */
    public List<Ledgers.Message> awaitMail(Duration limit) {
        Map<String, Integer> expected = expectedMail();
        Patience.until("every workflow mail and reminder of the run sent (expected " + expected + ", log now "
                + kinds(ledgers.messagesTo(office.domain())) + ")", limit, () -> sentKinds().equals(expected));
        return ledgers.messagesTo(office.domain());
    }

    /**
     * Every message of the log reached the SMTP server exactly once, by its Message-ID. The one exception SMTP forces: a
     * message whose sending was cut by a killed process after the server took it (its outbox item has an ABANDONED
     * attempt) may arrive twice, with the same Message-ID that mail clients de-duplicate by.
     */
    public void mailOnce(List<Ledgers.Message> log, MailCatcher smtp, Instant since) {
        Map<String, Long> copies = smtp.messages().stream().map(m -> String.valueOf(m.get("messageId")))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        Set<UUID> cut = new HashSet<>(ledgers.abandoned("sertel_notification", since));
        for (Ledgers.Message m : log) {
            String messageId = copies.keySet().stream().filter(k -> k.startsWith("<" + m.id() + "@")).findFirst().orElse(null);
            assertThat(messageId).as(m.kind() + " to " + m.recipient() + " in the SMTP server").isNotNull();
            long n = copies.get(messageId);
            if (cut.contains(m.id())) {
                assertThat(n).as(m.kind() + " to " + m.recipient() + " (its sending was cut by a kill)").isBetween(1L, 2L);
            } else {
                assertThat(n).as(m.kind() + " to " + m.recipient() + " copies").isEqualTo(1L);
            }
        }
    }

    /** Every event of the run reached the receiver (at least once, correctly signed): three request states, issued, expiring. */
    public void awaitWebhooks(WebhookReceiver receiver, Map<UUID, String> serials, Duration limit) {
        Set<String> expected = new HashSet<>();
        for (RequestFlow f : flows) {
            for (String state : List.of("SUBMITTED", "APPROVED", "COMPLETED")) {
                expected.add("request.state-changed " + f.id() + " " + state);
            }
            expected.add("certificate.issued " + serials.get(f.id()));
            expected.add("certificate.expiring " + serials.get(f.id()));
        }
        Patience.until("every webhook event of the run at the receiver", limit, () -> received(receiver).containsAll(expected));
        List<WebhookReceiver.Delivery> ours = ours(receiver);
        assertThat(ours).as("webhook signatures").allSatisfy(d -> assertThat(d.signatureValid()).isTrue());
        Map<String, Set<String>> idsPerEvent = ours.stream().collect(Collectors.groupingBy(WebhookReceiver::key,
                Collectors.mapping(WebhookReceiver.Delivery::webhookId, Collectors.toSet())));
        assertThat(idsPerEvent).as("one webhook-id per event, repeated deliveries included")
                .allSatisfy((event, ids) -> assertThat(ids).hasSize(1));
        assertThat(received(receiver)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** No outbox holds work of the run that is not DONE: nothing waiting, retrying, claimed or DEAD. */
    public void outboxesDrained(Instant since, Duration limit) {
        Patience.until("every outbox drained of the run's work", limit, () -> Ledgers.OUTBOXES.stream()
                .allMatch(db -> ledgers.unfinishedSince(db, since).isEmpty()));
    }

    private Map<String, Integer> expectedMail() {
        Map<String, Integer> expected = new HashMap<>();
        MAIL_PER_REQUEST.forEach((kind, n) -> expected.put(kind, n * flows.size()));
        return expected;
    }

    private Map<String, Integer> sentKinds() {
        return kinds(ledgers.messagesTo(office.domain()).stream().filter(m -> m.status().equals("SENT")
                && MAIL_PER_REQUEST.containsKey(m.kind())).toList());
    }

    private static Map<String, Integer> kinds(List<Ledgers.Message> log) {
        Map<String, Integer> out = new HashMap<>();
        log.forEach(m -> out.merge(m.kind() + (m.status().equals("SENT") || !MAIL_PER_REQUEST.containsKey(m.kind()) ? "" : "/" + m.status()),
                1, Integer::sum));
        return out;
    }

    private Set<String> received(WebhookReceiver receiver) {
        return ours(receiver).stream().map(WebhookReceiver::key).collect(Collectors.toSet());
    }

    private List<WebhookReceiver.Delivery> ours(WebhookReceiver receiver) {
        String institution = office.institution().toString();
        return receiver.deliveries().stream().filter(d -> institution.equals(d.data().path("institutionId").asText())).toList();
    }
}
