package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.ApplicantConfig;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The applicant's side of SOP "Perubahan Data Pemohon": submit a change of chosen fields with a reason and
 * supporting documents, against the data version they saw; at most one open change; cancel while open.
 * The proposed data must already pass every rule, so a verifier only decides on truth, not on format.
 */
@ApplicationScoped
public class DataChangeSubmissions {

    private final ApplicantRepository applicants;
    private final DataChangeRepository changes;
    private final DataChangeDocumentRepository documents;
    private final ApplicantRules rules;
    private final ApplicantConfig config;
    private final Clock clock;

    DataChangeSubmissions(ApplicantRepository applicants, DataChangeRepository changes, DataChangeDocumentRepository documents,
                          ApplicantRules rules, ApplicantConfig config, Clock clock) {
        this.applicants = applicants;
        this.changes = changes;
        this.documents = documents;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public DataChangeView submit(Actor actor, DataChangeCommand command) {
        Applicant a = applicants.findForUpdate(actor.id()).orElseThrow(() -> DomainException.notFound("applicant.not-found"));
        if (a.account.status != AccountStatus.ACTIVE) {
            throw DomainException.conflict("applicant.not-active", a.account.status.name()).with("accountStatus", a.account.status.name());
        }
        if (a.dataVersion != command.dataVersion()) {
            throw DomainException.conflict("conflict.stale-version").with("currentDataVersion", a.dataVersion);
        }
        changes.findOpen(a.id).ifPresent(open -> {
            throw DomainException.conflict("data-change.already-open").with("dataChangeId", open.id);
        });
        ApplicantData current = ApplicantData.of(a);
        Map<String, String> requested = command.changes() == null ? Map.of() : command.changes();
        if (requested.isEmpty()) {
            throw DomainException.invalidField("changes", "changes.empty");
        }
        ApplicantRules.Checked checked = rules.check(current.with(requested), a.id, "changes.");
        Map<String, HistoryEntry.FieldChange> diff = checked.data().diff(current);
        if (diff.isEmpty()) {
            throw DomainException.invalidField("changes", "changes.no-difference");
        }
        List<DataChangeDocument> docs = decode(command.documents());
        Instant now = clock.instant();
        DataChange d = new DataChange();
        d.id = UUID.randomUUID();
        d.applicantId = a.id;
        d.institutionId = a.institution.id;
        d.status = DataChangeStatus.SUBMITTED;
        d.baseDataVersion = a.dataVersion;
        d.changes = new LinkedHashMap<>();
        diff.forEach((field, change) -> d.changes.put(field, change.to() == null ? "" : change.to()));
        d.subjectChange = diff.keySet().stream().map(ApplicantField::ofJson).anyMatch(ApplicantField::subject);
        d.reason = command.reason().strip();
        d.submittedAt = now;
        changes.persist(d);
        for (DataChangeDocument doc : docs) {
            doc.dataChangeId = d.id;
            doc.uploadedAt = now;
            documents.persist(doc);
        }
        try {
            changes.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("data-change.already-open");
        }
        return DataChangeView.of(d, a.account.fullName, currentValues(current, d), documents.infoOf(d.id));
    }

    @Transactional
    public DataChangeView cancel(Actor actor, UUID id) {
        DataChange d = changes.findForUpdate(id).filter(c -> c.applicantId.equals(actor.id()))
                .orElseThrow(() -> DomainException.notFound("data-change.not-found"));
        if (!d.isOpen()) {
            throw DomainException.conflict("data-change.not-open", d.status.name()).with("currentStatus", d.status.name());
        }
        d.status = DataChangeStatus.CANCELLED;
        d.decidedAt = clock.instant();
        d.decidedBy = actor.id();
        Applicant a = applicants.findById(d.applicantId);
        return DataChangeView.of(d, a.account.fullName, currentValues(ApplicantData.of(a), d), documents.infoOf(d.id));
    }

    @Transactional
    public List<DataChangeView> mine(Actor actor) {
        Applicant a = applicants.findByIdOptional(actor.id()).orElseThrow(() -> DomainException.notFound("applicant.not-found"));
        ApplicantData current = ApplicantData.of(a);
        return changes.ofApplicant(a.id).stream()
                .map(d -> DataChangeView.of(d, a.account.fullName, currentValues(current, d), documents.infoOf(d.id))).toList();
    }

    static Map<String, String> currentValues(ApplicantData current, DataChange d) {
        Map<String, String> all = current.asMap();
        Map<String, String> values = new LinkedHashMap<>();
        d.changes.keySet().forEach(k -> values.put(k, all.get(k)));
        return values;
    }

    private List<DataChangeDocument> decode(List<DataChangeCommand.Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return List.of();
        }
        long max = config.documents().maxSize().asLongValue();
        if (uploads.size() > config.documents().maxCount()) {
            throw DomainException.invalidField("documents", "documents.too-many", config.documents().maxCount());
        }
        FieldErrors errors = new FieldErrors("documents");
        List<DataChangeDocument> docs = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            String field = "[" + i + "].content";
            String b64 = uploads.get(i).contentBase64() == null ? "" : uploads.get(i).contentBase64();
            if (b64.length() > (max / 3 + 1) * 4 + 4) {
                errors.add(field, "document.too-large");
                continue;
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(b64.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                errors.add(field, "document.base64");
                continue;
            }
            if (content.length == 0 || content.length > max) {
                errors.add(field, content.length == 0 ? "document.empty" : "document.too-large");
                continue;
            }
            String type = Documents.mediaType(content).orElse(null);
            if (type == null) {
                errors.add(field, "document.type");
                continue;
            }
            DataChangeDocument doc = new DataChangeDocument();
            doc.id = UUID.randomUUID();
            doc.fileName = Documents.safeName(uploads.get(i).fileName());
            doc.mediaType = type;
            doc.sizeBytes = content.length;
            doc.sha256 = Documents.sha256(content);
            doc.content = content;
            docs.add(doc);
        }
        errors.throwIfAny();
        return docs;
    }
}
