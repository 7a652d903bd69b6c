package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantClient;
import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestTransition;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.renewal.repository.EvidenceRepository;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.renewal.repository.TransitionRepository;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * What callers may read: lists scoped by role (applicants their own, newest first; verifiers their institutions',
 * oldest first; admins all), one request in detail, the verifiers' queue with its SLA, and the requests stuck in
 * ISSUING with their outbox state.
 */
@ApplicationScoped
public class RequestQueries {

    /** SLA status of a queued request. */
    public enum Sla { ON_TIME, DUE_SOON, OVERDUE }

    public record Page(List<CertificateRequest> items, int offset, int limit, long total) {
    }

    /** One request with everything a verifier needs: for officers the applicant's current data and the differences. */
    public record Detail(CertificateRequest request, List<SubjectCheck> checks, Optional<InstitutionContact> contact,
                         List<RequestTransition> history, Optional<SubjectSnapshot> current, List<SubjectItem> differences,
                         boolean currentUnavailable) {
    }

    /** A request stuck in ISSUING and its latest CA hand-over (the outbox item), if it has one. */
    public record Stuck(CertificateRequest request, Optional<Outbox.ItemView> work) {
    }

    private final RequestRepository requests;
    private final EvidenceRepository evidence;
    private final TransitionRepository transitions;
    private final Outbox outbox;
    private final ApplicantClient applicants;
    private final Access access;
    private final WorkflowConfig config;
    private final Clock clock;

    RequestQueries(RequestRepository requests, EvidenceRepository evidence, TransitionRepository transitions, Outbox outbox,
                   ApplicantClient applicants, Access access, WorkflowConfig config, Clock clock) {
        this.requests = requests;
        this.evidence = evidence;
        this.transitions = transitions;
        this.outbox = outbox;
        this.applicants = applicants;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    public Page list(Caller caller, Optional<RequestState> state, int offset, int limit) {
        PanacheQuery<CertificateRequest> query;
        if (caller.isAdmin()) {
            query = requests.everything(state);
        } else if (caller.isVerifier()) {
            if (caller.institutions().isEmpty()) {
                return new Page(List.of(), offset, limit, 0);
            }
            query = requests.ofInstitutions(caller.institutions(), state);
        } else {
            query = requests.ofApplicant(caller.accountId(), state);
        }
        List<CertificateRequest> items = query.range(offset, offset + limit - 1).list();
        return new Page(items, offset, limit, query.count());
    }

    /** The verifier's queue (admins: every institution's): SUBMITTED requests, oldest submission first. */
    public Page queue(Caller caller, int offset, int limit) {
        if (!caller.isAdmin() && caller.institutions().isEmpty()) {
            return new Page(List.of(), offset, limit, 0);
        }
        PanacheQuery<CertificateRequest> query = requests.queue(caller.isAdmin() ? null : caller.institutions());
        return new Page(query.range(offset, offset + limit - 1).list(), offset, limit, query.count());
    }

    /** How long a request has waited since its (last) submission. */
    public Duration age(CertificateRequest r) {
        Instant since = r.submittedAt != null ? r.submittedAt : r.createdAt;
        return Duration.between(since, clock.instant());
    }

    /** The SLA status of a request waiting for review (SUBMITTED or IN_REVIEW); null otherwise. */
    public Sla sla(CertificateRequest r) {
        if (r.state != RequestState.SUBMITTED && r.state != RequestState.IN_REVIEW) {
            return null;
        }
        Duration left = config.reviewSla().minus(age(r));
        if (left.isNegative()) {
            return Sla.OVERDUE;
        }
        return left.compareTo(config.dueSoon()) <= 0 ? Sla.DUE_SOON : Sla.ON_TIME;
    }

    public Detail detail(Caller caller, UUID id) {
        CertificateRequest r = access.load(id);
        access.canRead(caller, r);
        Optional<ApplicantSnapshot> current = Optional.empty();
        boolean unavailable = false;
        boolean officer = caller.isAdmin() || caller.isVerifier();
        if (officer && r.hasSnapshot() && !r.state.isTerminal()) {
            try {
                current = applicants.snapshot(r.applicantId);
            } catch (PeerUnavailable | FaultToleranceException e) {
                unavailable = true;
            }
        }
        List<SubjectItem> differences = current.map(c -> SubjectDifferences.between(r.snapshot, c)).orElse(List.of());
        return new Detail(r, evidence.checks(r.id), evidence.contact(r.id), transitions.of(r.id),
                current.map(c -> Submissions.freeze(c, clock.instant())), differences, unavailable);
    }

    @Transactional
    public List<Stuck> stuck() {
        return requests.inState(RequestState.ISSUING).stream().map(r -> new Stuck(r, outbox.items(r.id.toString()).stream()
                .filter(i -> IssuanceAdmin.CA_TOPICS.contains(i.topic())).reduce((first, second) -> second))).toList();
    }
}
