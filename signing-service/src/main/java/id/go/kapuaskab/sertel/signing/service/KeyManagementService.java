package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.domain.KeyEvent;
import id.go.kapuaskab.sertel.signing.domain.KeyStatus;
import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import id.go.kapuaskab.sertel.signing.repository.KeyEventRepository;
import id.go.kapuaskab.sertel.signing.repository.SigningKeyRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.StepUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What people do with kept keys: holders list theirs and change their passphrase; verifiers of the holder's
 * institution (or admins) see them and unlock a key that wrong passphrases locked. Unlocking is the
 * verifier-approved path back for a holder: it needs the verifier's second factor and a reason, and records who,
 * when and why. It never reveals or resets the passphrase, which nobody but the holder knows.
 */
@ApplicationScoped
public class KeyManagementService {

    private final SigningKeyRepository keys;
    private final KeyEventRepository events;
    private final SigningAudit audit;
    private final KeyCustodyService custody;
    private final Clock clock;
    private final StepUp stepUp;

    KeyManagementService(SigningKeyRepository keys, KeyEventRepository events, SigningAudit audit, KeyCustodyService custody, Clock clock,
                         StepUp stepUp) {
        this.stepUp = stepUp;
        this.audit = audit;
        this.keys = keys;
        this.events = events;
        this.custody = custody;
        this.clock = clock;
    }

    /** The holder's own keys; a verifier's institutions' keys; every key for an admin. Newest first. */
    public List<SigningKey> list(Caller caller, int page, int size) {
        Page p = Page.of(page, size);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (caller.isAdmin()) {
                return keys.all(p);
            }
            if (caller.isVerifier()) {
                return caller.institutions().isEmpty() ? List.of() : keys.ofInstitutions(caller.institutions(), p);
            }
            if (caller.isApplicant()) {
                return keys.ofHolder(caller.accountId(), p);
            }
            throw DomainException.forbidden("forbidden");
        });
    }

    /**
     * Changes the passphrase of the holder's own key: the old one must open it (a wrong one counts like any wrong
     * passphrase), then the key is re-wrapped under the new one with a new salt.
     */
    public SigningKey changePassphrase(Caller caller, UUID keyId, char[] oldPassphrase, char[] newPassphrase) {
        if (!caller.isApplicant()) {
            throw DomainException.forbidden("forbidden");
        }
        custody.checkPassphrase(newPassphrase);
        Object outcome = QuarkusTransaction.requiringNew().call(() -> {
            SigningKey k = keys.findForUpdate(keyId).orElseThrow(() -> DomainException.notFound("signing-key.not-found", keyId));
            if (!k.holderId.equals(caller.accountId())) {
                throw DomainException.forbidden("signing-key.not-yours");
            }
            if (k.status == KeyStatus.LOCKED) {
                throw DomainException.conflict("signing-key.locked");
            }
            PrivateKey key;
            try {
                key = custody.unwrap(k, oldPassphrase);
            } catch (KeyWrapping.WrongPassphrase e) {
                return custody.wrongPassphrase(k, caller.describe());
            }
            Instant now = clock.instant();
            custody.rewrap(k, key, newPassphrase);
            k.failedAttempts = 0;
            k.updatedAt = now;
            audit.keyEvent(k.id, now, caller.describe(), KeyEvent.PASSPHRASE_CHANGED, null);
            return k;
        });
        if (outcome instanceof DomainException refused) {
            throw refused;
        }
        return (SigningKey) outcome;
    }

    /** Unlocks a locked key: a verifier of the holder's institution or an admin, with a second factor and a reason. */
    public SigningKey unlock(Caller caller, UUID keyId, String reason) {
        if (!caller.isVerifier() && !caller.isAdmin()) {
            throw DomainException.forbidden("forbidden");
        }
        stepUp.require(caller);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalidField("reason", "required");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SigningKey k = keys.findForUpdate(keyId).orElseThrow(() -> DomainException.notFound("signing-key.not-found", keyId));
            if (!caller.actsFor(k.institutionId)) {
                throw DomainException.forbidden("signing-key.other-institution");
            }
            if (caller.subject().equals(k.holderId.toString())) {
                throw DomainException.forbidden("signing-key.own-key");
            }
            if (k.status != KeyStatus.LOCKED) {
                throw DomainException.conflict("signing-key.not-locked");
            }
            Instant now = clock.instant();
            k.status = k.certificate == null ? KeyStatus.AWAITING_CERTIFICATE : KeyStatus.ACTIVE;
            k.failedAttempts = 0;
            k.lockedAt = null;
            k.updatedAt = now;
            audit.keyEvent(k.id, now, caller.describe(), KeyEvent.UNLOCKED, reason.strip());
            return k;
        });
    }

    /** The key's history, for the key list of verifiers and admins: the last unlock (who, when, why). */
    public KeyEvent lastUnlock(UUID keyId) {
        return QuarkusTransaction.joiningExisting().call(() -> events.find("keyId = ?1 and action = ?2 order by occurredAt desc",
                keyId, KeyEvent.UNLOCKED).firstResult());
    }
}
