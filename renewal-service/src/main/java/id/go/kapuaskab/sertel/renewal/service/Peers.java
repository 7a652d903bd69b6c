package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.support.client.PeerUnavailable;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Calls to peers from the workflow's commands: an unreachable peer becomes 503 (the request is left as it was),
 * and the CA's refusals that an applicant can act on are relayed with the CA's own problem code.
 */
final class Peers {

    /** CA and signing-service problem codes the applicant can act on; relayed as they are (texts in our problems files too). */
    static final Set<String> RELAYED = Set.of("csr.malformed", "csr.too-large", "csr.signature-invalid", "csr.key-type-not-allowed",
            "csr.key-too-small", "csr.weak-key", "csr.key-reused", "csr.email-mismatch", "keygen.passphrase-too-short", "keygen.passphrase-personal-data",
            "keygen.key-type-not-allowed", "issuance.unknown-profile", "issuance.key-source", "issuance.request-id-conflict",
            "issuance.key-already-delivered", "issuance.predecessor-unknown", "issuance.predecessor-superseded",
            "ca.validity-exhausted",
            // signing-service's, when it makes a key kept for signing
            "signing-key.passphrase-too-short", "signing-key.request-id-conflict", "signing-key.key-type-not-allowed");

    private Peers() {
    }

    /**
     * Whether the CA's refusal of an approved request is one only the applicant can act on: about what they sent (the
     * CSR's codes), which they can fix and submit again, or a certificate to renew that another request renewed
     * meanwhile ({@code issuance.predecessor-superseded}), which no retry will change and they can only cancel.
     */
    static boolean isApplicants(String code) {
        return (code.startsWith("csr.") || code.equals("issuance.predecessor-superseded")) && RELAYED.contains(code);
    }

    static <T> T call(String unavailableCode, Supplier<T> call) {
        try {
            return call.get();
        } catch (PeerUnavailable | FaultToleranceException e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, unavailableCode).retryAfter(Duration.ofSeconds(5));
        }
    }

    static void run(String unavailableCode, Runnable call) {
        call(unavailableCode, () -> {
            call.run();
            return null;
        });
    }

    /** The CA's refusal as our problem: its code when the applicant can act on it, else a generic one. */
    static DomainException relay(PeerRejected e) {
        if (!RELAYED.contains(e.code())) {
            return DomainException.invalid("request.ca-refused", e.code());
        }
        ProblemKind kind = switch (e.status()) {
            case 400 -> ProblemKind.MALFORMED;
            case 409 -> ProblemKind.CONFLICT;
            default -> ProblemKind.INVALID;
        };
        return new DomainException(kind, e.code());
    }
}
