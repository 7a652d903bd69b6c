package id.go.kapuaskab.sertel.journey;

import java.nio.file.Path;

/**
 * The applicant's first certificate, by SOP "Penerbitan Sertifikat Elektronik": an ISSUANCE request with a CSR made
 * by openssl (the key stays with the applicant), checked by verifier A and approved by verifier B.
 */
final class FirstIssuance {

    private final Gateway gateway;
    private final Narrator narrator;
    private final OpenSsl openssl;
    private final Requests requests;
    private final Certificates certificates;

    FirstIssuance(Gateway gateway, Narrator narrator, OpenSsl openssl, Requests requests, Certificates certificates) {
        this.gateway = gateway;
        this.narrator = narrator;
        this.openssl = openssl;
        this.requests = requests;
        this.certificates = certificates;
    }

    Issued run(Cast cast) {
        RunData data = cast.data();
        narrator.say(data.applicant().fullName() + " logs in and asks for a first certificate. The key pair is made with openssl on the"
                + " applicant's machine; only the CSR is sent.");
        Session applicant = Session.login(gateway, "pemohon", data.applicant().email(), data.password());
        OpenSsl.KeyAndCsr keyPair = openssl.newKeyAndCsr("first", data.applicant().email());
        Path key = keyPair.key();
        String id = requests.create(applicant, Json.object("type", "ISSUANCE", "csr", keyPair.csr()));
        requests.submit(applicant, id);
        Review review = new Review(gateway, narrator, cast);
        review.check(id, data.unitBefore());
        review.approve(id, "ISSUING");
        narrator.say("The CA signs (renewal-service hands the approved request to certificate-service through its outbox).");
        String serial = requests.awaitState(applicant, id, "COMPLETED").field("request/issuedSerial");
        Path cert = certificates.download(applicant, serial, "first.pem");
        certificates.verify(cert);
        String subject = certificates.subject(cert);
        if (!subject.contains("OU = " + data.unitBefore())) {
            throw new JourneyFailure("the first certificate's subject lacks OU = " + data.unitBefore() + ": " + subject);
        }
        Answer record = certificates.record(applicant, serial, "ACTIVE");
        narrator.note("valid until " + record.field("notAfter") + ": the local stack's profile issues 20-day certificates, so this one"
                + " is already inside the 30-day renewal window — that is how this run moves time, without a back door.");
        return new Issued(id, serial, key, cert);
    }
}
