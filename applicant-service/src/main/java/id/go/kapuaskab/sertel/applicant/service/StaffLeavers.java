package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.client.RenewalClient;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * A civil servant the staffing system reports as retired or deceased: their certificate must not keep signing, but the
 * staffing system's word alone does not revoke it. renewal-service opens a revocation request (SUBMITTED, reason
 * {@code affiliationChanged} or {@code cessationOfOperation}) for the verifiers of the institution, who check and decide
 * as for any revocation. The request id comes from the event ({@link SyncEvents#revocationRequestId}), so a replay
 * after a lost answer asks for the same request. Someone never registered, or without a certificate to revoke, needs
 * nothing. When renewal-service does not answer, the item is refused (503) and may be sent again.
 */
@ApplicationScoped
public class StaffLeavers {

    private static final Logger LOG = Logger.getLogger(StaffLeavers.class);

    private final RenewalClient renewals;
    private final ServiceToken token;

    StaffLeavers(RenewalClient renewals, ServiceToken token) {
        this.renewals = renewals;
        this.token = token;
    }

    SyncResult left(IntegrationAccess.Grant grant, StaffRecord r, Optional<Applicant> known, int index, boolean dryRun) {
        if (known.isEmpty()) {
            return new SyncResult(index, SyncResult.Outcome.UNCHANGED, null, null, List.of(), null);
        }
        Applicant a = known.get();
        if (!grant.institutions().contains(a.institution.id)) {
            throw DomainException.forbidden("staff-sync.institution-not-allowed");
        }
        UUID requestId = SyncEvents.revocationRequestId(grant.client().id, r);
        if (dryRun) {
            return new SyncResult(index, SyncResult.Outcome.REVOCATION_REQUESTED, a.id, null, null, List.of(), null, false);
        }
        String reason = r.leaving() == StaffRecord.Leaving.RETIRED ? "affiliationChanged" : "cessationOfOperation";
        String note = (r.leaving() == StaffRecord.Leaving.RETIRED ? "Pensiun" : "Meninggal dunia") + " menurut " + grant.client().name
                + " (" + grant.client().id + ")" + (r.reason() == null || r.reason().isBlank() ? "" : ": " + r.reason().strip());
        RenewalClient.Revocation answer;
        try {
            answer = renewals.revocation(token.get(), requestId, a.id, reason, grant.client().id, note.length() > 1000 ? note.substring(0, 1000) : note);
        } catch (PeerUnavailable | PeerRejected | FaultToleranceException e) {
            LOG.warnf("staff sync by %s: renewal-service did not open the revocation request of applicant %s (%s)", grant.client().id, a.id,
                    e.getClass().getSimpleName());
            throw new DomainException(ProblemKind.UNAVAILABLE, "integration.peer-unavailable").retryAfter(Duration.ofSeconds(5));
        }
        if ("NOTHING_TO_REVOKE".equals(answer.outcome())) {
            return new SyncResult(index, SyncResult.Outcome.UNCHANGED, a.id, null, List.of(), null);
        }
        return new SyncResult(index, SyncResult.Outcome.REVOCATION_REQUESTED, a.id, null, answer.requestId(), List.of(), null, false);
    }
}
