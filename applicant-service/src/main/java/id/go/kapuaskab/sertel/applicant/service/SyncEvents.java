package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.repository.StaffSyncEvents;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Staff sync is idempotent by the staffing system's event id: the first successful result of an event is kept, and a
 * replay (a batch sent again after a lost answer, or an old event sent after a verifier already decided) answers that
 * result and changes nothing. Without it, an old event replayed after an approval would propose the old values again.
 * The same event id with other content is refused ({@code staff-sync.event-reused}): two different changes cannot
 * share a key.
 */
@ApplicationScoped
public class SyncEvents {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    private final StaffSyncEvents events;
    private final Clock clock;

    SyncEvents(StaffSyncEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Claims the event for this transaction; the earlier result when it was applied before. 422 {@code event-id.format}
     * for a missing or malformed id, 409 {@code staff-sync.event-reused} for the same id with other content.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SyncResult> claimOrReplay(String clientId, StaffRecord r, int index) {
        String eventId = eventId(r);
        String fingerprint = fingerprint(r);
        if (events.claim(clientId, eventId, fingerprint, clock.instant())) {
            return Optional.empty();
        }
        StaffSyncEvents.Done done = events.find(clientId, eventId).orElseThrow();
        if (!done.fingerprint().equals(fingerprint)) {
            throw DomainException.conflict("staff-sync.event-reused");
        }
        return Optional.of(new SyncResult(index, SyncResult.Outcome.valueOf(done.outcome()), done.applicantId(), done.dataChangeId(),
                done.revocationRequestId(), done.changedFields(), null, true));
    }

    /** Keeps the result of the event claimed in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String clientId, StaffRecord r, SyncResult result) {
        events.complete(clientId, eventId(r), new StaffSyncEvents.Result(result.outcome().name(), result.applicantId(), result.dataChangeId(),
                result.revocationRequestId(), result.changedFields()));
    }

    /** The id of renewal-service's revocation request for this event: the same for every replay, so opened once. */
    static UUID revocationRequestId(String clientId, StaffRecord r) {
        return UUID.nameUUIDFromBytes(("staff-sync:" + clientId + ":" + eventId(r)).getBytes(StandardCharsets.UTF_8));
    }

    private static String eventId(StaffRecord r) {
        if (r.eventId() == null || !EVENT_ID.matcher(r.eventId()).matches()) {
            throw DomainException.invalidField("eventId", "event-id.format");
        }
        return r.eventId();
    }

    /** SHA-256 over every field as sent: the content of the event, without keeping the numbers themselves. */
    static String fingerprint(StaffRecord r) {
        String canonical = Stream.of(r.nip(), r.nik(), r.fullName(), r.email(), r.phone(), r.position(), r.employmentType(),
                        r.institutionId(), r.workUnitId(), r.language(), r.reason(), r.leaving())
                .map(v -> Objects.toString(v, "\u0000")).collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
