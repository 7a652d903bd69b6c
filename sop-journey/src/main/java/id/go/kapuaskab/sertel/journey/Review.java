package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The verifiers' side, SOP steps 7 and 8 with four-eyes on: verifier A finds the request in the queue, claims it,
 * compares the frozen data with the applicant's current data and records both checks of step 7 (a: each subject
 * item matches; b: the institution was contacted and confirmed); A's own approval is refused; verifier B approves.
 */
final class Review {

    private static final List<String> ITEMS = List.of("FULL_NAME", "EMAIL", "NIK", "INSTITUTION", "UNIT");
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    private final Gateway gateway;
    private final Narrator narrator;
    private final Cast cast;

    Review(Gateway gateway, Narrator narrator, Cast cast) {
        this.gateway = gateway;
        this.narrator = narrator;
        this.cast = cast;
    }

    /** Step 7 by verifier A: queue, claim, the data compared, both checks recorded. */
    void check(String id, String expectedUnit) {
        Officer a = cast.verifierA();
        Answer queue = gateway.get("/api/v1/requests/queue").as(a.session()).send();
        queue.json(200);
        if (Json.stream(queue.json().get("items")).noneMatch(r -> r.path("id").asText().equals(id))) {
            throw queue.fail("request " + id + " is not in verifier A's queue");
        }
        Answer claimed = gateway.post("/api/v1/requests/" + id + "/claim").as(a.session()).send();
        claimed.json(200);
        claimed.has("state", "IN_REVIEW").has("claimedBy", a.id());

        Answer detail = gateway.get("/api/v1/requests/" + id).as(a.session()).send();
        JsonNode d = detail.json(200);
        Person p = cast.data().applicant();
        detail.has("snapshot/fullName", p.fullName()).has("snapshot/email", p.email()).has("snapshot/nik", p.nik())
                .has("snapshot/unitName", expectedUnit).has("snapshot/institutionName", cast.data().institutionName())
                .has("current/unitName", expectedUnit);
        if (d.path("differences").size() != 0) {
            throw detail.fail("the applicant's data differs from the snapshot: " + d.path("differences"));
        }
        narrator.say("7a · " + a.name() + " compares the frozen data with the applicant's record and the documents: every item matches.");
        Answer items = gateway.post("/api/v1/requests/" + id + "/checks").as(a.session()).json(Json.object("items",
                ITEMS.stream().map(item -> Json.object("item", item, "matches", true, "note", "sesuai data kepegawaian")).toList())).send();
        items.json(200);
        if (items.json().path("checks").size() != ITEMS.size()) {
            throw items.fail("expected the five subject items to be recorded");
        }
        narrator.say("7b · " + a.name() + " phones the applicant's institution, which confirms the applicant and the data.");
        String when = OffsetDateTime.now(WIB).minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        Answer contact = gateway.post("/api/v1/requests/" + id + "/checks").as(a.session()).json(Json.object("contact", Json.object(
                "contactPerson", "Kepala Subbagian Umum dan Kepegawaian", "channel", "PHONE", "contactedAt", when,
                "outcome", "CONFIRMED", "note", "membenarkan jabatan dan unit kerja pemohon"))).send();
        contact.json(200);
        contact.has("contact/outcome", "CONFIRMED").has("contact/recordedBy", a.id());
    }

    /** Step 8: A may not approve what A checked; B approves. Returns B's answer (ISSUING, or APPROVED for a server key). */
    Answer approve(String id, String expectedState) {
        narrator.say("Four-eyes: " + cast.verifierA().name() + " recorded the checks, so " + cast.verifierA().name() + " may not approve.");
        gateway.post("/api/v1/requests/" + id + "/approve").as(cast.verifierA().session()).send().problem(403, "request.four-eyes");
        narrator.say(cast.verifierB().name() + " (verifikator B) approves.");
        Answer approved = gateway.post("/api/v1/requests/" + id + "/approve").as(cast.verifierB().session()).send();
        approved.json(200);
        approved.has("state", expectedState);
        return approved;
    }
}
