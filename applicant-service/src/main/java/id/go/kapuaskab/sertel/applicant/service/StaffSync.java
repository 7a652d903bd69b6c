package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationActor;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationScope;
import id.go.kapuaskab.sertel.applicant.domain.PersonKey;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Staff sync for staffing systems (scope {@code applicants:sync}): up to 100 people per call, keyed by NIP, each in a
 * transaction of its own (a refused person does not undo the others, and a person is never half done); idempotent by
 * the staffing system's event id ({@link SyncEvents}): sending the same batch again changes nothing. A dry run goes through exactly the same steps and rolls each one back, so its answer is
 * what a real run would answer at that moment. Every person sent is recorded ({@link IntegrationAuditLog}): with the
 * change it made, in the same transaction; refusals and dry runs on their own.
 */
@ApplicationScoped
public class StaffSync {

    public static final int MAX_PEOPLE = 100;

    private final IntegrationAccess access;
    private final StaffRecords records;
    private final SyncEvents events;
    private final IntegrationAuditLog audit;

    StaffSync(IntegrationAccess access, StaffRecords records, SyncEvents events, IntegrationAuditLog audit) {
        this.access = access;
        this.records = records;
        this.events = events;
        this.audit = audit;
    }

    public List<SyncResult> sync(IntegrationActor actor, List<StaffRecord> people, boolean dryRun, String requestId) {
        if (people.isEmpty() || people.size() > MAX_PEOPLE) {
            throw DomainException.invalidField("people", "size.between", 1, MAX_PEOPLE);
        }
        IntegrationAccess.Grant grant = access.require(actor, IntegrationScope.APPLICANTS_SYNC);
        IntegrationAuditLog.Call call = new IntegrationAuditLog.Call(actor.clientId(),
                dryRun ? IntegrationAudit.Operation.STAFF_SYNC_DRY_RUN : IntegrationAudit.Operation.STAFF_SYNC, UUID.randomUUID(), requestId);
        List<SyncResult> results = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            results.add(one(grant, call, people.get(i), i, dryRun));
        }
        return results;
    }

    private SyncResult one(IntegrationAccess.Grant grant, IntegrationAuditLog.Call call, StaffRecord person, int index, boolean dryRun) {
        PersonKey key = PersonKey.nip(person.nip() == null ? "" : person.nip().strip());
        SyncResult result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> {
                String client = grant.client().id;
                SyncResult r = events.claimOrReplay(client, person, index).orElseGet(() -> records.apply(grant, person, index, dryRun));
                if (dryRun) {
                    throw new RolledBack(r);                                    // undoes everything this item did
                }
                if (!r.replayed()) {
                    events.complete(client, person, r);
                }
                audit.write(call, entry(r, key));
                return r;
            });
        } catch (RolledBack dry) {
            result = dry.result;
        } catch (DomainException e) {
            result = SyncResult.refused(index, null, e);
        }
        if (dryRun || result.outcome() == SyncResult.Outcome.REFUSED) {
            audit.writeAll(call, List.of(entry(result, key)));
        }
        if (dryRun && !result.replayed() && result.outcome() != SyncResult.Outcome.UNCHANGED) {      // ids of what was rolled back exist nowhere
            result = new SyncResult(index, result.outcome(), result.outcome() == SyncResult.Outcome.REGISTERED ? null : result.applicantId(),
                    null, result.changedFields(), result.problem());            // no revocation request either: none was opened
        }
        return result;
    }

    /** Ends a dry run's transaction with a rollback and carries its answer out. */
    private static final class RolledBack extends RuntimeException {
        private final transient SyncResult result;

        RolledBack(SyncResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private static IntegrationAuditLog.Entry entry(SyncResult r, PersonKey key) {
        String detail = switch (r.outcome()) {
            case REGISTERED -> "registered; e-mail confirmation mailed";
            case DATA_CHANGE_SUBMITTED -> "data change " + r.dataChangeId() + " submitted: " + r.changedFields();
            case REVOCATION_REQUESTED -> "revocation request " + r.revocationRequestId() + " for the verifiers (left the service)";
            case UNCHANGED -> r.dataChangeId() == null ? "unchanged" : "unchanged; data change " + r.dataChangeId() + " already open";
            case REFUSED -> "refused: " + r.problem().code();
        };
        return new IntegrationAuditLog.Entry(r.index(), r.applicantId(), key, r.outcome().name(),
                r.replayed() ? "replay of an event already applied (" + detail + "): nothing done" : detail);
    }
}
