package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestTransition;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.repository.EvidenceRepository;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.renewal.repository.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps a request's history onto the SOP's steps 1–8, from what this service stored (no other service is asked, so
 * it is safe inside a locked transaction). Sources: 1 the reminder ({@link Reminders}, stored on the request); 2 the login
 * that created the request ({@code auth_time}, else {@code iat}); 3 the data confirmation of the frozen snapshot;
 * 4 a data change in this cycle (the snapshot's data version against the one the predecessor was issued with; the
 * time of the change is not known here); 5 creation; 6 the first submission; 7 the last of both step-7 checks, timed
 * from the claim; 8 the approval, timed from step 7. A step's duration runs from the end of the step before it.
 */
@ApplicationScoped
public class Timeline {

    private final TransitionRepository transitions;
    private final EvidenceRepository evidence;
    private final RequestRepository requests;

    Timeline(TransitionRepository transitions, EvidenceRepository evidence, RequestRepository requests) {
        this.transitions = transitions;
        this.evidence = evidence;
        this.requests = requests;
    }

    public List<TimelineStep> of(CertificateRequest r) {
        List<TimelineStep> steps = new ArrayList<>();
        String applicant = r.applicantId.toString();
        Optional<Instant> reminder = r.type == RequestType.RENEWAL ? Optional.ofNullable(r.reminderSentAt) : Optional.empty();
        if (r.type != RequestType.RENEWAL) {
            steps.add(TimelineStep.other(SopStep.REMINDER, TimelineStep.NOT_APPLICABLE, "only renewals follow a reminder"));
        } else {
            steps.add(reminder.map(at -> TimelineStep.done(SopStep.REMINDER, applicant, "APPLICANT", null, at, null))
                    .orElse(TimelineStep.other(SopStep.REMINDER, TimelineStep.NOT_RECORDED, "no reminder recorded for this certificate before the request")));
        }
        steps.add(r.loginAt == null ? TimelineStep.other(SopStep.LOGIN, TimelineStep.NOT_RECORDED, null)
                : TimelineStep.done(SopStep.LOGIN, applicant, "APPLICANT", reminder.filter(t -> !t.isAfter(r.loginAt)).orElse(null), r.loginAt, null));
        Instant confirmedAt = r.hasSnapshot() ? r.snapshot.confirmedAt : null;
        if (!r.hasSnapshot()) {
            steps.add(TimelineStep.other(SopStep.DATA_CONFIRMED, TimelineStep.PENDING, "recorded at submission"));
        } else if (confirmedAt == null) {
            steps.add(TimelineStep.other(SopStep.DATA_CONFIRMED, TimelineStep.NOT_RECORDED, "the applicant has not confirmed the data"));
        } else {
            boolean inSession = r.loginAt != null && !confirmedAt.isBefore(r.loginAt);
            steps.add(TimelineStep.done(SopStep.DATA_CONFIRMED, applicant, "APPLICANT", inSession ? r.loginAt : null, confirmedAt,
                    inSession ? null : "confirmed before the session that created the request"));
        }
        steps.add(dataChange(r));
        Instant before = latest(r.loginAt, confirmedAt, r.createdAt);
        steps.add(TimelineStep.done(SopStep.REQUEST_CREATED, applicant, "APPLICANT", before, r.createdAt, null));
        steps.add(r.firstSubmittedAt == null ? TimelineStep.other(SopStep.SUBMITTED, TimelineStep.PENDING, null)
                : TimelineStep.done(SopStep.SUBMITTED, applicant, "APPLICANT", r.createdAt, r.firstSubmittedAt, null));
        TimelineStep verified = verified(r);
        steps.add(verified);
        if (r.approvedAt == null) {
            steps.add(TimelineStep.other(SopStep.APPROVED, r.state.isTerminal() ? TimelineStep.NOT_APPLICABLE : TimelineStep.PENDING, null));
        } else {
            String note = r.completedAt == null ? null : "completed at " + r.completedAt;
            steps.add(TimelineStep.done(SopStep.APPROVED, String.valueOf(r.approvedBy), approverRole(r), verified.completedAt(),
                    r.approvedAt, note));
        }
        return steps;
    }

    private TimelineStep dataChange(CertificateRequest r) {
        if (r.type != RequestType.RENEWAL || !r.hasSnapshot() || r.certificateSerial == null) {
            return TimelineStep.other(SopStep.DATA_CHANGED, TimelineStep.NOT_APPLICABLE, null);
        }
        Optional<CertificateRequest> previous = requests.issuerOf(r.applicantId, r.certificateSerial);
        if (previous.isPresent() && previous.get().hasSnapshot() && previous.get().snapshot.dataVersion != null
                && r.snapshot.dataVersion != null && previous.get().snapshot.dataVersion < r.snapshot.dataVersion) {
            return TimelineStep.other(SopStep.DATA_CHANGED, TimelineStep.NOT_RECORDED, "data changed in this cycle (version "
                    + previous.get().snapshot.dataVersion + " → " + r.snapshot.dataVersion + "); its time is kept by applicant-service");
        }
        return TimelineStep.other(SopStep.DATA_CHANGED, TimelineStep.NOT_APPLICABLE, "no data change in this cycle");
    }

    private TimelineStep verified(CertificateRequest r) {
        List<SubjectCheck> checks = evidence.checks(r.id);
        Optional<InstitutionContact> contact = evidence.contact(r.id);
        if (checks.size() < SubjectItem.values().length || contact.isEmpty()) {
            return TimelineStep.other(SopStep.VERIFIED, r.state.isTerminal() ? TimelineStep.NOT_APPLICABLE : TimelineStep.PENDING, null);
        }
        SubjectCheck lastCheck = checks.stream().max(Comparator.comparing(c -> c.recordedAt)).orElseThrow();
        boolean contactLast = contact.get().recordedAt.isAfter(lastCheck.recordedAt);
        Instant at = contactLast ? contact.get().recordedAt : lastCheck.recordedAt;
        String actor = String.valueOf(contactLast ? contact.get().recordedBy : lastCheck.recordedBy);
        Instant claimed = transitions.of(r.id).stream()
                .filter(t -> t.toState == RequestState.IN_REVIEW && !t.at.isAfter(at))
                .map(t -> t.at).reduce((a, b) -> b).orElse(r.submittedAt);
        return TimelineStep.done(SopStep.VERIFIED, actor, "VERIFIER", claimed, at, null);
    }

    private String approverRole(CertificateRequest r) {
        return transitions.of(r.id).stream().filter(t -> t.toState == RequestState.APPROVED)
                .map(t -> t.actorRole).reduce((a, b) -> b).orElse("VERIFIER");
    }

    private static Instant latest(Instant login, Instant confirmed, Instant created) {
        Instant best = null;
        for (Instant t : new Instant[] {login, confirmed}) {
            if (t != null && !t.isAfter(created) && (best == null || t.isAfter(best))) {
                best = t;
            }
        }
        return best;
    }

    /** The transitions of a request, for its history view. */
    public List<RequestTransition> history(CertificateRequest r) {
        return transitions.of(r.id);
    }
}
