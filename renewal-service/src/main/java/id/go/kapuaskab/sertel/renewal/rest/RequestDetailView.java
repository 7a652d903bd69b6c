package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.ContactChannel;
import id.go.kapuaskab.sertel.renewal.domain.ContactOutcome;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RequestDetail", description = """
        One request: the subject snapshot frozen at submission and, for verifiers and admins while the request is open, \
        the applicant's current data and the items that differ (a request whose subject changed must be returned).""")
public record RequestDetailView(RequestView request, String csr, String keyType, OffsetDateTime loginAt,
                                Subject snapshot, Subject current, List<SubjectItem> differences,
                                @Schema(description = "True when applicant-service could not be asked for the current data") boolean currentUnavailable,
                                List<Check> checks, Contact contact, List<Transition> history,
                                UUID approvedBy, OffsetDateTime approvedAt, OffsetDateTime completedAt,
                                OffsetDateTime issuedNotBefore, OffsetDateTime issuedNotAfter) {

    @Schema(name = "Subject", description = "Subject data of the applicant")
    public record Subject(String fullName, String email, String nik, UUID institutionId, String institutionName,
                          String institutionCode, String unitName, Integer dataVersion, Integer confirmedVersion,
                          OffsetDateTime confirmedAt, Integer subjectVersion) {
    }

    @Schema(name = "SubjectCheck", description = "SOP step 7a: one subject item checked")
    public record Check(SubjectItem item, boolean matches, String note, UUID recordedBy, OffsetDateTime recordedAt) {
    }

    @Schema(name = "InstitutionContact", description = "SOP step 7b: the applicant's institution contacted")
    public record Contact(String contactPerson, ContactChannel channel, OffsetDateTime contactedAt, ContactOutcome outcome,
                          String note, UUID recordedBy, OffsetDateTime recordedAt) {
    }

    @Schema(name = "Transition", description = "One state change")
    public record Transition(RequestState from, RequestState to, String actor, String actorRole, OffsetDateTime at, String reason) {
    }

    static RequestDetailView of(RequestQueries.Detail d, RequestQueries queries) {
        CertificateRequest r = d.request();
        return new RequestDetailView(RequestView.of(r, queries), r.csr, r.keyType, Times.of(r.loginAt),
                r.hasSnapshot() ? subject(r.snapshot) : null, d.current().map(RequestDetailView::subject).orElse(null),
                d.differences(), d.currentUnavailable(),
                d.checks().stream().map(c -> new Check(c.item, c.matches, c.note, c.recordedBy, Times.of(c.recordedAt))).toList(),
                d.contact().map(c -> new Contact(c.contactPerson, c.channel, Times.of(c.contactedAt), c.outcome, c.note, c.recordedBy,
                        Times.of(c.recordedAt))).orElse(null),
                d.history().stream().map(t -> new Transition(t.fromState, t.toState, t.actor, t.actorRole, Times.of(t.at), t.reason)).toList(),
                r.approvedBy, Times.of(r.approvedAt), Times.of(r.completedAt), Times.of(r.issuedNotBefore), Times.of(r.issuedNotAfter));
    }

    private static Subject subject(SubjectSnapshot s) {
        return new Subject(s.fullName, s.email, s.nik, s.institutionId, s.institutionName, s.institutionCode, s.unitName,
                s.dataVersion, s.confirmedVersion, Times.of(s.confirmedAt), s.subjectVersion);
    }
}
