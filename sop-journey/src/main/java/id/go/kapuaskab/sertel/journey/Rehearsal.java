package id.go.kapuaskab.sertel.journey;

/**
 * The journey's setup without the story, for load runs that replay the renewal many times (bench/run's workflow
 * scenario): a cast of its own (institution, verifiers A and B, applicant with confirmed e-mail), the applicant's first
 * certificate through an ISSUANCE request, and the applicant's data confirmed ("Sesuai") so renewals may be submitted.
 * It is the same code the acceptance test and the demo run, only quiet.
 */
public final class Rehearsal {

    /** Everyone logged in, and the certificate the first renewal will replace. */
    public record Prepared(Cast cast, Session applicant, Issued first) {
    }

    private Rehearsal() {
    }

    public static Prepared prepare(SopJourney.Settings settings) {
        Narrator quiet = Narrator.silent();
        RunData data = RunData.fresh();
        Gateway gateway = new Gateway(settings.gateway(), quiet, settings.rateLimitPatience(), "en");
        Inbox inbox = new Inbox(settings.inbox(), settings.timeout());
        OpenSsl openssl = new OpenSsl(settings.workDir().resolve(data.tag()).toAbsolutePath(), quiet);
        Requests requests = new Requests(gateway, settings.timeout());
        Certificates certificates = new Certificates(gateway, openssl);
        Cast cast = new Onboarding(gateway, inbox, quiet, data).run(settings.adminEmail(), settings.adminPassword(),
                settings.workDir().resolve("admin-authenticator.secret").toAbsolutePath());
        Issued first = new FirstIssuance(gateway, quiet, openssl, requests, certificates).run(cast);
        Session applicant = Session.login(gateway, "pemohon", data.applicant().email(), data.password());
        MyData myData = new MyData(gateway);
        myData.confirm(applicant, myData.read(applicant).json().path("dataVersion").asInt());
        return new Prepared(cast, applicant, first);
    }
}
