package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Who may see and act on a request. Applicants only on their own (anyone else's does not exist for them: 404);
 * verifiers on their institutions' requests (another institution's: 403) and never on their own; admins on all,
 * but not on their own either.
 */
@ApplicationScoped
public class Access {

    private final RequestRepository requests;

    Access(RequestRepository requests) {
        this.requests = requests;
    }

    /** Loads without a lock, for reads and for the checks made before a command's transaction. */
    public CertificateRequest load(UUID id) {
        return requests.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("request.not-found"));
    }

    /** Loads with {@code SELECT … FOR UPDATE}: concurrent commands on one request run one after the other. */
    public CertificateRequest lock(UUID id) {
        return requests.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("request.not-found"));
    }

    public void canRead(Caller caller, CertificateRequest r) {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.isVerifier()) {
            if (isOwn(caller, r)) {
                return;
            }
            if (!caller.actsFor(r.institutionId)) {
                throw DomainException.forbidden("request.other-institution");
            }
            return;
        }
        if (caller.isApplicant() && isOwn(caller, r)) {
            return;
        }
        throw DomainException.notFound("request.not-found");
    }

    /** The applicant's own commands (edit, submit, cancel, collect). */
    public void isOwner(Caller caller, CertificateRequest r) {
        if (!caller.isApplicant() || !isOwn(caller, r)) {
            if (caller.isVerifier() || caller.isAdmin()) {
                canRead(caller, r);
                throw DomainException.forbidden("request.applicant-only");
            }
            throw DomainException.notFound("request.not-found");
        }
    }

    /** An officer's commands (claim, release, checks, approve, return, reject). */
    public void isOfficer(Caller caller, CertificateRequest r) {
        if (!caller.isAdmin() && !caller.isVerifier()) {
            throw DomainException.forbidden("forbidden");
        }
        if (isOwn(caller, r)) {
            throw DomainException.forbidden("request.own-request");
        }
        if (!caller.actsFor(r.institutionId)) {
            throw DomainException.forbidden("request.other-institution");
        }
    }

    private static boolean isOwn(Caller caller, CertificateRequest r) {
        return r.applicantId.toString().equals(caller.subject());
    }
}
