package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.applicant.repository.HistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** Writes the append-only applicant history (and the audit trail); every service that changes applicant data goes through here. */
@ApplicationScoped
public class History {

    static final String INTEGRATION = "INTEGRATION";

    private final HistoryRepository entries;
    private final ApplicantAudit audit;
    private final Clock clock;

    History(HistoryRepository entries, ApplicantAudit audit, Clock clock) {
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    public void record(UUID applicantId, int dataVersion, Actor actor, HistoryEntry.Action action,
                       Map<String, HistoryEntry.FieldChange> changes, String reason, UUID dataChangeId) {
        HistoryEntry e = entry(applicantId, dataVersion, action, changes, reason, dataChangeId);
        e.actorId = actor == null ? null : actor.id();
        e.actorRole = actor == null ? "SYSTEM" : actor.role().name();
        entries.persist(e);
        audit.applicant(applicantId, dataVersion, actor, action, changes, reason, dataChangeId);
    }

    /** An entry written by an integration client (a staffing system registering a person). */
    public void recordByClient(UUID applicantId, int dataVersion, String clientId, HistoryEntry.Action action,
                               Map<String, HistoryEntry.FieldChange> changes, String reason) {
        HistoryEntry e = entry(applicantId, dataVersion, action, changes, reason, null);
        e.actorRole = INTEGRATION;
        e.actorClient = clientId;
        entries.persist(e);
        audit.applicantByClient(applicantId, dataVersion, clientId, action, changes, reason);
    }

    private HistoryEntry entry(UUID applicantId, int dataVersion, HistoryEntry.Action action,
                               Map<String, HistoryEntry.FieldChange> changes, String reason, UUID dataChangeId) {
        HistoryEntry e = new HistoryEntry();
        e.applicantId = applicantId;
        e.dataVersion = dataVersion;
        e.occurredAt = clock.instant();
        e.action = action.name();
        e.changes = changes;
        e.reason = reason;
        e.dataChangeId = dataChangeId;
        return e;
    }
}
