package id.go.kapuaskab.sertel.journey;

import java.util.UUID;

/**
 * The journey's setup without the story, for load runs that replay the renewal many times (bench/run's workflow
 * scenario): a cast of its own (institution, verifiers A and B, applicant with confirmed e-mail), the applicant's first
 * certificate through an ISSUANCE request, and the applicant's data confirmed ("Sesuai") so renewals may be submitted;
 * or, for load runs of the sign endpoint (the pades scenario), a holder with a kept key and the e-office that signs.
 * It is the same code the acceptance test and the demo run, only quiet.
 */
public final class Rehearsal {

    /** Everyone logged in, and the certificate the first renewal will replace. */
    public record Prepared(Cast cast, Session applicant, Issued first) {
    }

    /**
     * A holder whose signing key sertel keeps (custody KEPT, EC P-256) and the e-office that signs for them: its
     * session (client credentials, scope {@code documents:sign}), the holder's id and passphrase for the multipart
     * parts, the key's id and its certificate (PEM). Closing it stops the e-office's webhook receiver.
     */
    public record Signer(Session eoffice, UUID holderId, String passphrase, String signingKeyId, String certificatePem,
                         AutoCloseable registration) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            registration.close();
        }
    }

    private Rehearsal() {
    }

    public static Prepared prepare(SopJourney.Settings settings) {
        Setup s = setUp(settings);
        Certificates certificates = new Certificates(s.gateway(), s.openssl());
        Issued first = new FirstIssuance(s.gateway(), Narrator.silent(), s.openssl(), s.requests(), certificates).run(s.cast());
        Session applicant = Session.login(s.gateway(), "pemohon", s.data().applicant().email(), s.data().password());
        MyData myData = new MyData(s.gateway());
        myData.confirm(applicant, myData.read(applicant).json().path("dataVersion").asInt());
        return new Prepared(s.cast(), applicant, first);
    }

    /**
     * The setup of the journey's signing chapter, quiet, for load runs of the sign endpoint (bench/run's pades
     * scenario): a cast of its own, the applicant's kept key (ISSUANCE, custody KEPT, four-eyes review, collected with
     * the passphrase) and the e-office registered as a regional system of the institution.
     */
    public static Signer prepareSigner(SopJourney.Settings settings) {
        Setup s = setUp(settings);
        Session applicant = Session.login(s.gateway(), "pemohon", s.data().applicant().email(), s.data().password());
        DocumentSigning.Kept kept = new DocumentSigning(s.gateway(), Narrator.silent(), s.openssl(), s.requests())
                .keepKey(s.cast(), applicant, s.data().unitBefore());
        RegionalSystem eoffice = RegionalSystem.register(s.gateway(), Narrator.silent(), s.cast());
        return new Signer(eoffice.session(), s.cast().applicantId(), s.data().passphrase(), kept.signingKeyId(), kept.certificatePem(),
                eoffice);
    }

    /** What both setups share: the run's data, a quiet gateway client, openssl, requests, and the onboarded cast. */
    private record Setup(RunData data, Gateway gateway, OpenSsl openssl, Requests requests, Cast cast) {
    }

    private static Setup setUp(SopJourney.Settings settings) {
        Narrator quiet = Narrator.silent();
        RunData data = RunData.fresh();
        Gateway gateway = new Gateway(settings.gateway(), quiet, settings.rateLimitPatience(), "en");
        Inbox inbox = new Inbox(settings.inbox(), settings.timeout());
        OpenSsl openssl = new OpenSsl(settings.workDir().resolve(data.tag()).toAbsolutePath(), quiet);
        Requests requests = new Requests(gateway, settings.timeout());
        Cast cast = new Onboarding(gateway, inbox, quiet, data).run(settings.adminEmail(), settings.adminPassword(),
                settings.workDir().resolve("admin-authenticator.secret").toAbsolutePath());
        return new Setup(data, gateway, openssl, requests, cast);
    }
}
