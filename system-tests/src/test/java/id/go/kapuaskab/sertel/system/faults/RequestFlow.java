package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One ISSUANCE request played through the gateway by its people, as careful front ends do during an outage: a call that
 * gets 502/503/504 (or no answer) is not repeated blindly, since the first try may have gone through; the front end
 * first reads where the request stands and repeats only what has not happened. A 409 that a repeat meets anyway (the
 * first try landed after the read) is excused in the {@link CallLog}, never ignored otherwise.
 */
public final class RequestFlow {

    private static final List<String> ITEMS = List.of("FULL_NAME", "EMAIL", "NIK", "INSTITUTION", "UNIT");
    private static final Set<String> PAST_DRAFT = Set.of("SUBMITTED", "IN_REVIEW", "APPROVED", "ISSUING", "COMPLETED");
    private static final Set<String> PAST_APPROVAL = Set.of("ISSUING", "COMPLETED");

    private final Api api;
    private final Office office;
    private final Office.Applicant applicant;
    private final String csr;
    private UUID id;

    public RequestFlow(Api api, Office office, Office.Applicant applicant, String csr) {
        this.api = api;
        this.office = office;
        this.applicant = applicant;
        this.csr = csr;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return applicant.person().email();
    }

    /** Everything before the approval: created, submitted, claimed and checked by verifier A. */
    public RequestFlow prepare() {
        create();
        Session a = office.verifierA();
        step("submit", () -> api.post(path("/submit"), applicant.session().token(), null), applicant.session(), PAST_DRAFT);
        step("claim", () -> api.post(path("/claim"), a.token(), null), a, Set.of("IN_REVIEW"));
        String when = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> checks = Map.of(
                "items", ITEMS.stream().map(i -> Map.of("item", i, "matches", true, "note", "sesuai")).toList(),
                "contact", Map.of("contactPerson", "Kepala Subbagian Kepegawaian", "channel", "PHONE", "contactedAt", when,
                        "outcome", "CONFIRMED", "note", "membenarkan"));
        step("checks", () -> api.post(path("/checks"), a.token(), checks), a, Set.of());
        return this;
    }

    /** Verifier B approves (four eyes); the request is then ISSUING, COMPLETED by the CA's work in the outbox. */
    public void approve() {
        step("approve", () -> api.post(path("/approve"), office.verifierB().token(), null), office.verifierB(), PAST_APPROVAL);
    }

    /** The request as its applicant reads it now, or null while the read gets an outage answer. */
    public JsonNode read() {
        Reply r = api.get(path(""), applicant.session().token());
        return r.outage() ? null : r.expect(200).path("request");
    }

    private void create() {
        Session s = applicant.session();
        Map<String, Object> body = Map.of("type", "ISSUANCE", "csr", csr);
        long deadline = System.nanoTime() + Session.PATIENCE.toNanos();
        boolean uncertain = false;
        while (id == null) {
            Reply r = api.post("/api/v1/requests", s.token(), body);
            if (r.status() == 201) {
                id = UUID.fromString(r.json().path("id").asText());
            } else if (r.outage() || (uncertain && r.status() == 409)) {
                if (r.status() == 409) {
                    api.log().excuse(r);
                }
                uncertain = true;
                id = ownDraft(s);
                expireOrPause(deadline, "create", r);
            } else {
                throw new AssertionError("create: " + r.describe());
            }
        }
    }

    private UUID ownDraft(Session s) {
        Reply list = api.get("/api/v1/requests?state=DRAFT", s.token());
        if (list.outage()) {
            return null;
        }
        for (JsonNode item : list.expect(200).path("items")) {
            if ("ISSUANCE".equals(item.path("type").asText())) {
                return UUID.fromString(item.path("id").asText());
            }
        }
        return null;
    }

    /**
     * Repeats a write while it gets outage answers; before each repeat, reads the request: when its state is already one
     * of {@code done}, the earlier try went through. An empty {@code done} means the write may simply be repeated.
     */
    private void step(String what, Supplier<Reply> write, Session reader, Set<String> done) {
        long deadline = System.nanoTime() + Session.PATIENCE.toNanos();
        boolean uncertain = false;
        while (true) {
            Reply r = write.get();
            if (r.status() == 200) {
                return;
            }
            if (!r.outage() && !(uncertain && r.status() == 409)) {
                throw new AssertionError(what + " of request " + id + ": " + r.describe());
            }
            if (r.status() == 409) {
                api.log().excuse(r);
            }
            uncertain = true;
            if (!done.isEmpty()) {
                Reply state = api.get(path(""), reader.token());
                if (!state.outage() && done.contains(state.expect(200).path("request").path("state").asText())) {
                    return;
                }
            }
            expireOrPause(deadline, what, r);
        }
    }

    private void expireOrPause(long deadline, String what, Reply last) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(what + " of request " + id + " still failing after " + Session.PATIENCE.toMinutes()
                    + " minutes: " + last.describe());
        }
        Patience.pause();
    }

    private String path(String suffix) {
        return "/api/v1/requests/" + id + suffix;
    }
}
