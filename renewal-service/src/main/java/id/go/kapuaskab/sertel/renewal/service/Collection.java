package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.client.SigningClient;
import id.go.kapuaskab.sertel.renewal.client.SigningRecords;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.KeyCustody;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Collection of a key sertel generates. The passphrase must never be stored, so it cannot wait in the outbox:
 * the applicant brings it, and in one transaction holding the request's lock the request goes APPROVED → ISSUING,
 * the CA generates and signs (idempotency key: the request id), and the request is COMPLETED; the PKCS#12 is in
 * this answer only. When the CA cannot be reached or refuses (a weak passphrase, say) the transaction rolls back
 * and the request is still APPROVED. Should the CA have signed but our commit be lost, the CA refuses the replay
 * ({@code issuance.key-already-delivered}); the request is then put in ISSUING with that reason, where admins see it
 * in the list of stuck requests (there is nothing to retry: the key is gone, the certificate must be revoked).
 * <p>
 * A key kept for signing ({@link KeyCustody#KEPT}) is collected the same way but made elsewhere: signing-service
 * generates it under the passphrase and answers its CSR, the CA certifies that CSR, signing-service binds the
 * certificate. Every step is idempotent on the request id, so a failed collection is simply tried again (with the
 * same passphrase: signing-service refuses another one for a key it already made).
 */
@ApplicationScoped
public class Collection {

    /** The certificate and either the one copy of its key (a PKCS#12, base64) or the id of the key kept for signing. */
    public record Collected(CertificateRequest request, String serial, Instant notBefore, Instant notAfter, String certificatePem,
                            String chainPem, String pkcs12, UUID signingKeyId) {
        @Override
        public String toString() {
            return "Collected[request=" + request.id + ", serial=" + serial + "]";
        }
    }

    private final Access access;
    private final CertificateClient certificates;
    private final IssueCalls issueCalls;
    private final Transitions transitions;
    private final Completion completion;
    private final SigningClient signing;

    Collection(Access access, CertificateClient certificates, IssueCalls issueCalls, Transitions transitions, Completion completion,
               SigningClient signing) {
        this.access = access;
        this.certificates = certificates;
        this.signing = signing;
        this.issueCalls = issueCalls;
        this.transitions = transitions;
        this.completion = completion;
    }

    public Collected collect(Caller caller, UUID id, String passphrase) {
        CertificateRequest seen = access.load(id);
        access.isOwner(caller, seen);
        if (!seen.keyGeneration) {
            throw DomainException.conflict("request.not-collectable");
        }
        if (seen.keyCustody == KeyCustody.KEPT) {
            return collectKept(caller, id, passphrase);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                CertificateRequest r = access.lock(id);
                if (r.state != RequestState.APPROVED) {
                    throw Transitions.invalid(r);
                }
                Actor actor = Actor.of(caller);
                transitions.move(r, RequestState.ISSUING, actor, null);
                CaRecords.Issued issued;
                try {
                    issued = Peers.call("request.ca-unavailable",
                            () -> certificates.issueGeneratedKey(issueCalls.body(r, new CaRecords.KeyGeneration(passphrase, r.keyType))));
                } catch (PeerRejected e) {
                    throw Peers.relay(e);
                }
                completion.complete(r, actor, issued.serial(), issued.notBefore(), issued.notAfter());
                return new Collected(r, issued.serial(), issued.notBefore(), issued.notAfter(), issued.certificatePem(),
                        issued.chainPem(), issued.pkcs12(), null);
            });
        } catch (DomainException e) {
            if ("issuance.key-already-delivered".equals(e.code())) {
                QuarkusTransaction.requiringNew().run(() -> keyLost(caller, id));
                throw DomainException.conflict("request.key-lost");
            }
            throw e;
        }
    }

    private Collected collectKept(Caller caller, UUID id, String passphrase) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            if (r.state != RequestState.APPROVED) {
                throw Transitions.invalid(r);
            }
            Actor actor = Actor.of(caller);
            transitions.move(r, RequestState.ISSUING, actor, null);
            SigningRecords.CreatedKey key = relayed("request.signing-unavailable", () -> signing.createKey(new SigningRecords.CreateKey(
                    r.id, r.applicantId, r.institutionId, r.snapshot.email, passphrase, r.keyType)));
            CaRecords.Issued issued = relayed("request.ca-unavailable", () -> certificates.issue(issueCalls.body(r, key.csr())));
            relayed("request.signing-unavailable", () -> {
                signing.bind(key.keyId(), new SigningRecords.Binding(issued.certificatePem(), issued.chainPem()));
                return null;
            });
            r.signingKeyId = key.keyId();
            completion.complete(r, actor, issued.serial(), issued.notBefore(), issued.notAfter());
            return new Collected(r, issued.serial(), issued.notBefore(), issued.notAfter(), issued.certificatePem(),
                    issued.chainPem(), null, key.keyId());
        });
    }

    private static <T> T relayed(String unavailableCode, java.util.function.Supplier<T> call) {
        try {
            return Peers.call(unavailableCode, call);
        } catch (PeerRejected e) {
            throw Peers.relay(e);
        }
    }

    private void keyLost(Caller caller, UUID id) {
        CertificateRequest r = access.lock(id);
        if (r.state == RequestState.APPROVED) {
            transitions.move(r, RequestState.ISSUING, Actor.of(caller), "issuance.key-already-delivered");
            r.reason = "issuance.key-already-delivered: the CA signed, the PKCS#12 did not reach the applicant";
        }
    }
}
