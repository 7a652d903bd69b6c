package id.go.kapuaskab.sertel.journey;

import java.nio.file.Path;

/**
 * Revocation through the same workflow: the applicant reports the key compromised, verifier A checks, verifier B
 * approves, the CA revokes; then relying parties see it: {@code openssl ocsp} says revoked and the CRL from the
 * certificate's distribution point lists the serial.
 */
final class Revocation {

    private final Gateway gateway;
    private final Narrator narrator;
    private final Requests requests;
    private final Certificates certificates;

    Revocation(Gateway gateway, Narrator narrator, Requests requests, Certificates certificates) {
        this.gateway = gateway;
        this.narrator = narrator;
        this.requests = requests;
        this.certificates = certificates;
    }

    String run(Cast cast, Session applicant, Issued target) {
        narrator.say("The laptop holding that PKCS#12 is lost: the applicant asks to revoke certificate " + target.serial()
                + " (reason keyCompromise).");
        String id = requests.create(applicant, Json.object("type", "REVOCATION", "certificateSerial", target.serial(), "reason", "keyCompromise"));
        requests.submit(applicant, id);
        Review review = new Review(gateway, narrator, cast);
        review.check(id, cast.data().unitAfter());
        review.approve(id, "ISSUING");
        requests.awaitState(applicant, id, "COMPLETED");
        certificates.record(applicant, target.serial(), "REVOKED").has("revocationReason", "keyCompromise");
        Path cert = target.certificate();
        String ocsp = certificates.ocsp(cert, "revoked");
        if (!ocsp.contains("Reason: keyCompromise")) {
            throw new JourneyFailure("openssl ocsp does not give the reason keyCompromise:\n" + ocsp);
        }
        certificates.crlLists(cert, target.serial());
        return id;
    }
}
