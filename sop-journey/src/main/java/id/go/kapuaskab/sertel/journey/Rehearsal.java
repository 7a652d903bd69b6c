package id.go.kapuaskab.sertel.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        return prepare(settings, null);
    }

    /**
     * {@code count} casts prepared side by side on {@code threads} threads, the admin logged in once for all of them:
     * the admin's authenticator shows one code per 30 s step and a code is good once, so one login per cast made the
     * casts wait for each other's steps (16 casts took 8 minutes of a bench run).
     */
    public static List<Prepared> prepare(SopJourney.Settings settings, int count, int threads) throws InterruptedException {
        Session admin = Onboarding.adminLogin(gateway(settings), Narrator.silent(), settings.adminEmail(), settings.adminPassword(),
                adminAuthenticator(settings));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Prepared>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(pool.submit(() -> prepare(settings, admin)));
            }
            List<Prepared> casts = new ArrayList<>();
            for (Future<Prepared> p : pending) {
                try {
                    casts.add(p.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            return casts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Prepared prepare(SopJourney.Settings settings, Session admin) {
        Setup s = setUp(settings, admin);
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
        Setup s = setUp(settings, null);
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

    /** With the admin's session given, or (null) logged in for this cast. */
    private static Setup setUp(SopJourney.Settings settings, Session admin) {
        Narrator quiet = Narrator.silent();
        RunData data = RunData.fresh();
        Gateway gateway = gateway(settings);
        Inbox inbox = new Inbox(settings.inbox(), settings.timeout());
        OpenSsl openssl = new OpenSsl(settings.workDir().resolve(data.tag()).toAbsolutePath(), quiet);
        Requests requests = new Requests(gateway, settings.timeout());
        Onboarding onboarding = new Onboarding(gateway, inbox, quiet, data);
        Cast cast = admin != null ? onboarding.run(() -> admin)
                : onboarding.run(settings.adminEmail(), settings.adminPassword(), adminAuthenticator(settings));
        return new Setup(data, gateway, openssl, requests, cast);
    }

    private static Gateway gateway(SopJourney.Settings settings) {
        return new Gateway(settings.gateway(), Narrator.silent(), settings.rateLimitPatience(), "en");
    }

    private static java.nio.file.Path adminAuthenticator(SopJourney.Settings settings) {
        return settings.workDir().resolve("admin-authenticator.secret").toAbsolutePath();
    }
}
