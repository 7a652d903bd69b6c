package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.ApplicantConfig;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantField;
import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.domain.DataChangeDocument;
import id.go.kapuaskab.sertel.applicant.domain.DataChangeStatus;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeDocumentRepository;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The verifier's side of a data change: the queue of their institutions, one change with its documents,
 * approve (the new values are checked again and applied in one transaction: new data version, subject
 * version when a subject field changed, history with who, when and why) or reject with a reason. A change is
 * reviewed by the verifiers of the institution the applicant belonged to when submitting it.
 */
@ApplicationScoped
public class DataChangeReviews {

    private final DataChangeRepository changes;
    private final DataChangeDocumentRepository documents;
    private final ApplicantRepository applicants;
    private final ApplicantRules rules;
    private final History history;
    private final Scopes scopes;
    private final ApplicantConfig config;
    private final Clock clock;

    DataChangeReviews(DataChangeRepository changes, DataChangeDocumentRepository documents, ApplicantRepository applicants,
                      ApplicantRules rules, History history, Scopes scopes, ApplicantConfig config, Clock clock) {
        this.changes = changes;
        this.documents = documents;
        this.applicants = applicants;
        this.rules = rules;
        this.history = history;
        this.scopes = scopes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<DataChangeView> queue(Actor officer, UUID institutionId, String statusName, int page, int size) {
        DataChangeStatus status = statusName == null ? DataChangeStatus.SUBMITTED
                : "ALL".equals(statusName) ? null : Enums.parse(DataChangeStatus.class, statusName, "status");
        if (size < 1 || size > config.maxPageSize() || page < 0 || page > 10_000) {
            throw DomainException.invalidField(size < 1 || size > config.maxPageSize() ? "size" : "page", "page.bounds", config.maxPageSize());
        }
        var institutions = scopes.officerFilter(officer, institutionId).orElse(null);
        if (institutions != null && institutions.isEmpty()) {
            return List.of();
        }
        return changes.queue(institutions, status, page, size).stream().map(this::view).toList();
    }

    @Transactional
    public DataChangeView get(Actor actor, UUID id) {
        return view(visible(actor, id, false));
    }

    @Transactional
    public DocumentContent document(Actor actor, UUID changeId, UUID documentId) {
        visible(actor, changeId, false);
        DataChangeDocument doc = documents.findByIdOptional(documentId).filter(d -> d.dataChangeId.equals(changeId))
                .orElseThrow(() -> DomainException.notFound("document.not-found"));
        return new DocumentContent(doc.fileName, doc.mediaType, doc.sha256, doc.content);
    }

    @Transactional
    public DataChangeView approve(Actor officer, UUID id) {
        DataChange d = open(officer, id);
        Applicant a = applicants.findForUpdate(d.applicantId).orElseThrow();
        if (a.dataVersion != d.baseDataVersion) {
            throw DomainException.conflict("data-change.stale", d.baseDataVersion, a.dataVersion).with("currentDataVersion", a.dataVersion);
        }
        ApplicantData before = ApplicantData.of(a);
        ApplicantRules.Checked checked = rules.check(before.with(d.changes), a.id, "changes.");
        ApplicantData after = checked.data();
        Map<String, HistoryEntry.FieldChange> diff = after.diff(before);
        a.account.fullName = after.fullName();
        a.account.email = after.email();
        a.account.updatedAt = clock.instant();
        a.nik = after.nik();
        a.nip = after.nip();
        a.phone = after.phone();
        a.position = after.position();
        a.employmentType = after.employmentType();
        a.institution = checked.institution();
        a.workUnit = checked.workUnit();
        a.dataVersion++;
        if (diff.keySet().stream().map(ApplicantField::ofJson).anyMatch(ApplicantField::subject)) {
            a.subjectVersion = a.dataVersion;
        }
        decide(d, officer, DataChangeStatus.APPROVED, null);
        d.resultVersion = a.dataVersion;
        history.record(a.id, a.dataVersion, officer, HistoryEntry.Action.DATA_CHANGED, diff, d.reason, d.id);
        try {
            applicants.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("applicant.already-registered");
        }
        return view(d);
    }

    @Transactional
    public DataChangeView reject(Actor officer, UUID id, String reason) {
        DataChange d = open(officer, id);
        decide(d, officer, DataChangeStatus.REJECTED, reason.strip());
        return view(d);
    }

    private DataChange open(Actor officer, UUID id) {
        DataChange d = visible(officer, id, true);
        if (!d.isOpen()) {
            throw DomainException.conflict("data-change.not-open", d.status.name()).with("currentStatus", d.status.name());
        }
        return d;
    }

    private void decide(DataChange d, Actor officer, DataChangeStatus status, String reason) {
        d.status = status;
        d.decidedAt = clock.instant();
        d.decidedBy = officer.id();
        d.decisionReason = reason;
    }

    /** The change if the caller may see it (its applicant, the institution's verifiers, admins); else 404. */
    private DataChange visible(Actor actor, UUID id, boolean forUpdate) {
        var found = forUpdate ? changes.findForUpdate(id) : changes.findByIdOptional(id);
        return found.filter(d -> actor.isApplicant() ? d.applicantId.equals(actor.id()) : scopes.mayActFor(actor, d.institutionId))
                .orElseThrow(() -> DomainException.notFound("data-change.not-found"));
    }

    private DataChangeView view(DataChange d) {
        Applicant a = applicants.findById(d.applicantId);
        return DataChangeView.of(d, a.account.fullName, DataChangeSubmissions.currentValues(ApplicantData.of(a), d), documents.infoOf(d.id));
    }
}
