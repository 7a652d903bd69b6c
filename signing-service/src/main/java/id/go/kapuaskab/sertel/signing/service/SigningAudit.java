package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.signing.domain.SignatureRecord;
import id.go.kapuaskab.sertel.signing.repository.KeyEventRepository;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * What this service decides, written twice in one transaction: a key's own history ({@code signing_key_event}) and the
 * tamper-evident audit trail (module sertel-audit); and every signature made. Never a passphrase or key material.
 */
@ApplicationScoped
public class SigningAudit {

    private final KeyEventRepository events;
    private final AuditTrail trail;

    SigningAudit(KeyEventRepository events, AuditTrail trail) {
        this.events = events;
        this.trail = trail;
    }

    /** A key created, certified, unlocked, locked, its passphrase changed or a wrong one tried; {@code actor} as {@code Caller.describe()}. */
    public void keyEvent(UUID keyId, Instant at, String actor, String action, String reason) {
        events.record(keyId, at, actor, action, reason);
        trail.append(AuditEntry.of("SIGNING_KEY", action).described(actor).subject(keyId).text("reason", reason));
    }

    /** A signature made: what was signed (hashes), with whose key and certificate, for whom, through which client. */
    public void signature(Caller caller, SignatureRecord r) {
        trail.append(AuditEntry.of("SIGNATURE", "SIGNED").actor(caller).subject(r.id).reference(r.holderId)
                .detail("keyId", r.keyId).detail("institutionId", r.institutionId).detail("clientId", r.clientId)
                .detail("documentSha256", r.documentSha256).detail("signedSha256", r.signedSha256)
                .detail("certificateSerial", r.certificateSerial).detail("tsaSerial", r.tsaSerial)
                .detail("timestampTime", r.timestampTime).detail("level", r.level).detail("visible", r.visible));
    }
}
