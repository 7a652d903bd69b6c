package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.support.pii.Pii;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * This service's decisions in the tamper-evident audit trail (module sertel-audit), each in the transaction that makes
 * it: account changes (with the role an officer account is created with), applicant data and data-change requests,
 * institutions. Personal numbers (NIK, NIP, phone) are masked to their last four digits on the way in.
 */
@ApplicationScoped
public class ApplicantAudit {

    private final AuditTrail trail;

    ApplicantAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** An account change; {@code actor} null is the account's owner without a session (a mailed link), or the system. */
    public void account(UUID accountId, Actor actor, String action, String detail) {
        trail.append(who(AuditEntry.of("ACCOUNT", action), actor, "SELF").subject(accountId).text("detail", detail));
    }

    public void officerCreated(Actor admin, Account account, Collection<UUID> institutions) {
        trail.append(who(AuditEntry.of("ACCOUNT", "CREATED"), admin, null).subject(account.id).detail("role", account.role)
                .detail("email", Pii.maskEmail(account.email)).detail("institutionIds", institutions));
    }

    /** A change of an applicant's data ({@code changes}: field → old and new value; NIK, NIP and phone masked). */
    public void applicant(UUID applicantId, int dataVersion, Actor actor, HistoryEntry.Action action,
                          Map<String, HistoryEntry.FieldChange> changes, String reason, UUID dataChangeId) {
        applicant(who(AuditEntry.of("APPLICANT", action.name()), actor, "SYSTEM"), applicantId, dataVersion, changes, reason, dataChangeId);
    }

    /** The same, made by an integration client (a staffing system), named by its client id. */
    public void applicantByClient(UUID applicantId, int dataVersion, String clientId, HistoryEntry.Action action,
                                  Map<String, HistoryEntry.FieldChange> changes, String reason) {
        applicant(AuditEntry.of("APPLICANT", action.name()).actor(clientId, History.INTEGRATION), applicantId, dataVersion, changes,
                reason, null);
    }

    private void applicant(AuditEntry entry, UUID applicantId, int dataVersion, Map<String, HistoryEntry.FieldChange> changes,
                           String reason, UUID dataChangeId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (changes != null) {
            changes.forEach((field, change) -> {
                Map<String, Object> fromTo = new LinkedHashMap<>();
                fromTo.put("from", change.from());
                fromTo.put("to", change.to());
                fields.put(field, fromTo);
            });
        }
        trail.append(entry.subject(applicantId).reference(dataChangeId)
                .detail("dataVersion", dataVersion).detail("changes", fields.isEmpty() ? null : fields).text("reason", reason));
    }

    /** A data-change request submitted (by the applicant or a staffing system), cancelled, approved or rejected. */
    public void dataChange(DataChange d, Actor actor) {
        AuditEntry entry = actor == null && d.submittedByClient != null
                ? AuditEntry.of("DATA_CHANGE", d.status.name()).actor(d.submittedByClient, History.INTEGRATION)
                : who(AuditEntry.of("DATA_CHANGE", d.status.name()), actor, null);
        trail.append(entry.subject(d.id).reference(d.applicantId)
                .detail("institutionId", d.institutionId).detail("baseDataVersion", d.baseDataVersion)
                .detail("fields", d.changes == null ? null : d.changes.keySet()).detail("subjectChange", d.subjectChange)
                .text("reason", d.reason).text("decisionReason", d.decisionReason));
    }

    /** An institution or one of its work units created or changed by an admin. */
    public void institution(Actor admin, String outcome, UUID institutionId, Map<String, Object> facts) {
        AuditEntry e = who(AuditEntry.of("INSTITUTION", outcome), admin, null).subject(institutionId);
        facts.forEach(e::detail);
        trail.append(e);
    }

    private static AuditEntry who(AuditEntry e, Actor actor, String nobody) {
        return actor == null ? e.actor("system", nobody) : e.actor(actor.id().toString(), actor.role().name());
    }
}
