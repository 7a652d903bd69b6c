package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.StepUp;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.CertificateStatus;
import id.go.kapuaskab.sertel.certificate.domain.RevocationReason;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Revocation, suspension (certificateHold) and its release. Only the renewal service's identity and admins may
 * change a status. Each change re-signs the CA's CRL and writes its event for webhook subscribers into the outbox,
 * in the same transaction, so OCSP, CRL and the event never disagree once it commits. Revoking a revoked certificate
 * is a conflict, except the replay of the very request that revoked it (which changes nothing and announces nothing).
 */
@ApplicationScoped
public class RevocationService {

    private final CertificateRepository certificates;
    private final CrlService crls;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<OcspResponseCache.StatusChanged> statusChanges;
    private final CertificateEvents events;

    private final StepUp stepUp;

    RevocationService(CertificateRepository certificates, CrlService crls, AuditLog audit, Clock clock,
                      Event<OcspResponseCache.StatusChanged> statusChanges, StepUp stepUp, CertificateEvents events) {
        this.stepUp = stepUp;
        this.certificates = certificates;
        this.crls = crls;
        this.audit = audit;
        this.clock = clock;
        this.statusChanges = statusChanges;
        this.events = events;
    }

    @Transactional
    public Certificate revoke(Caller caller, String serial, String reasonName, Instant invalidityDate, UUID requestId) {
        authorise(caller);
        RevocationReason reason = RevocationReason.byName(reasonName == null ? "unspecified" : reasonName)
                .orElseThrow(() -> DomainException.invalid("revocation.unknown-reason", String.valueOf(reasonName).length() > 40
                        ? String.valueOf(reasonName).substring(0, 40) : String.valueOf(reasonName)));
        Instant now = clock.instant();
        if (invalidityDate != null && invalidityDate.isAfter(now)) {
            throw DomainException.invalid("revocation.invalidity-date-in-future");
        }
        Certificate c = certificates.findForUpdate(serial).orElseThrow(() -> DomainException.notFound("certificate.not-found", serial));
        if (c.status == CertificateStatus.REVOKED) {
            if (requestId != null && requestId.equals(c.revocationRequestId)) {
                return c;
            }
            throw DomainException.conflict("certificate.already-revoked", c.serial).with("currentState", c.status);
        }
        if (reason == RevocationReason.certificateHold) {
            CertificateStatus current = c.statusAt(clock);
            if (current != CertificateStatus.ACTIVE) {
                throw DomainException.conflict(current == CertificateStatus.SUSPENDED ? "certificate.already-suspended"
                        : "certificate.not-active", c.serial).with("currentState", current);
            }
            c.status = CertificateStatus.SUSPENDED;
        } else {
            c.status = CertificateStatus.REVOKED;
        }
        c.revokedAt = now;
        c.revocationReason = reason;
        c.invalidityDate = invalidityDate;
        c.revocationRequestId = requestId;
        c.statusChangedAt = now;
        statusChanges.fire(new OcspResponseCache.StatusChanged(c.serial));
        crls.publish(c.caName);
        audit.inTransaction(caller.describe(), reason == RevocationReason.certificateHold ? "SUSPEND" : "REVOKE", "DONE", requestId,
                c.serial, null, "reason " + reason);
        events.revoked(c, reason == RevocationReason.certificateHold);
        return c;
    }

    @Transactional
    public Certificate resume(Caller caller, String serial) {
        authorise(caller);
        Certificate c = certificates.findForUpdate(serial).orElseThrow(() -> DomainException.notFound("certificate.not-found", serial));
        if (c.status != CertificateStatus.SUSPENDED) {
            throw DomainException.conflict("certificate.not-suspended", c.serial).with("currentState", c.statusAt(clock));
        }
        c.status = CertificateStatus.ACTIVE;
        c.revokedAt = null;
        c.revocationReason = null;
        c.invalidityDate = null;
        c.revocationRequestId = null;
        c.statusChangedAt = clock.instant();
        statusChanges.fire(new OcspResponseCache.StatusChanged(c.serial));
        crls.publish(c.caName);
        audit.inTransaction(caller.describe(), "RESUME", "DONE", null, c.serial, null, null);
        events.resumed(c);
        return c;
    }

    /** renewal-service for an approved request (the approver proved a second factor there), or an admin with one. */
    private void authorise(Caller caller) {
        if (caller.is(Caller.RENEWAL_SERVICE)) {
            return;
        }
        if (!caller.is(Caller.ADMIN)) {
            throw DomainException.forbidden("forbidden");
        }
        stepUp.require(caller);
    }
}
