package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * SOP "Pembaruan Sertifikat Elektronik", steps 1 to 9, with a CSR: the reminder mail, the login, the data check that
 * finds a change (the applicant was transferred: new position and work unit), the data change approved by a
 * verifier, "Sesuai" on the new data, the renewal request (first with the old key, refused; then a new key), the
 * step-7 checks, four-eyes approval, and the new certificate with the changed data in its subject.
 */
final class RenewalCycle {

    /** The reminder's link opens the front end's renewal page for that certificate. */
    static final Pattern RENEWAL_LINK = Pattern.compile("https?://\\S+/pembaruan\\?serial=([0-9a-fA-F]+)");
    /** A tiny but real PDF: applicant-service recognises documents by their first bytes. */
    private static final byte[] SK_MUTASI = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** What the renewal produced, and when the reminder arrived (for step 1 of the timeline). */
    record Renewed(Issued certificate, Instant reminderSentAt) {
    }

    private final Gateway gateway;
    private final Inbox inbox;
    private final Narrator narrator;
    private final OpenSsl openssl;
    private final Requests requests;
    private final Certificates certificates;
    private final WorkflowMails mails;
    private final MyData myData;
    private final Duration timeout;

    RenewalCycle(Gateway gateway, Inbox inbox, Narrator narrator, OpenSsl openssl, Requests requests, Certificates certificates,
                 Duration timeout) {
        this.gateway = gateway;
        this.inbox = inbox;
        this.narrator = narrator;
        this.openssl = openssl;
        this.requests = requests;
        this.certificates = certificates;
        this.mails = new WorkflowMails(gateway, inbox, narrator);
        this.myData = new MyData(gateway);
        this.timeout = timeout;
    }

    Renewed run(Cast cast, Issued old) {
        RunData data = cast.data();
        Person p = data.applicant();

        narrator.step(SopStep.REMINDER);
        narrator.say("The admin starts the reminder run now (it runs daily at 07:00 WIB); the certificate has less than 30 days left.");
        runReminders(cast.admin());
        Mail reminder = inbox.await(p.email(), "expiry reminder for " + old.serial(),
                m -> m.subject().contains(old.serial()) && m.find(RENEWAL_LINK).isPresent());
        narrator.mail(reminder, true);
        String linked = reminder.find(RENEWAL_LINK).orElseThrow();
        if (!linked.equalsIgnoreCase(old.serial())) {
            throw new JourneyFailure("the reminder links to certificate " + linked + ", not " + old.serial());
        }

        narrator.say("The admin's delivery log holds it as the 30-day reminder for this certificate, sent.");
        JsonNode logged = mails.reminderLogged(cast.admin(), old.serial(), 30, timeout);
        Instant reminderSentAt = java.time.OffsetDateTime.parse(logged.get("sentAt").asText()).toInstant();
        readTheMail(reminderSentAt);

        narrator.step(SopStep.LOGIN);
        narrator.say("The link opens the front end's renewal page …/pembaruan?serial=" + linked + ", which asks for a login. "
                + "The journey follows it as that page would: log in, then read certificate " + linked + " through the API.");
        // The mailed link is a route of the web front end (…/pembaruan?serial=…), not an API path. Following it as a
        // front end would means: the applicant logs in, and the page reads that certificate through the public API.
        Session applicant = Session.login(gateway, "pemohon", p.email(), data.password());
        Answer cert = certificates.record(applicant, linked, "ACTIVE");
        narrator.note("expires " + cert.field("notAfter"));

        narrator.step(SopStep.DATA_CONFIRMED);
        Answer me = myData.read(applicant);
        me.has("position", data.positionBefore()).has("workUnit/name", data.unitBefore());
        int version = me.json().path("dataVersion").asInt();
        narrator.say("Not \"Sesuai\": since the SK mutasi " + p.fullName() + " is " + data.positionAfter() + " in " + data.unitAfter()
                + ". The data must be changed first (step 4).");

        narrator.step(SopStep.DATA_CHANGED);
        changeData(cast, applicant, version);

        narrator.step(SopStep.DATA_CONFIRMED);
        narrator.say("Back to step 3 with the new data version: now it is \"Sesuai\".");
        confirm(applicant, version + 1, data.positionAfter(), data.unitAfter());

        narrator.step(SopStep.REQUEST_CREATED);
        narrator.say("The renewal request. Out of habit, the applicant makes the CSR with the OLD key.");
        String id = requests.create(applicant, Json.object("type", "RENEWAL", "csr", openssl.csr(old.key(), "old-key-again", p.email())));

        narrator.step(SopStep.SUBMITTED);
        requests.submitAttempt(applicant, id).problem(422, "csr.key-reused");
        narrator.say("Refused: that key is already certified. A new key pair with openssl, the CSR replaced, submitted again.");
        OpenSsl.KeyAndCsr renewedKey = openssl.newKeyAndCsr("renewed", p.email());
        Path key = renewedKey.key();
        requests.edit(applicant, id, Json.object("csr", renewedKey.csr()));
        requests.submit(applicant, id);

        narrator.step(SopStep.VERIFIED);
        Review review = new Review(gateway, narrator, cast);
        review.check(id, data.unitAfter());

        narrator.step(SopStep.APPROVED);
        review.approve(id, "ISSUING");

        narrator.step(SopStep.DONE);
        String serial = requests.awaitState(applicant, id, "COMPLETED").field("request/issuedSerial");
        Path file = certificates.download(applicant, serial, "renewed.pem");
        certificates.verify(file);
        String subject = certificates.subject(file);
        if (!subject.contains("OU = " + data.unitAfter()) || !subject.contains("CN = " + p.fullName())
                || !subject.contains("O = " + data.institutionName())) {
            throw new JourneyFailure("the new certificate does not carry the changed data: " + subject);
        }
        narrator.say("The new certificate carries the new work unit (OU). The old one is superseded; OCSP says the new one is good.");
        certificates.record(applicant, serial, "ACTIVE").has("predecessorSerial", old.serial());
        certificates.record(applicant, old.serial(), "SUPERSEDED").has("successorSerial", serial);
        certificates.ocsp(file, "good");
        mails.approvedAndCompleted(applicant, id, serial);
        return new Renewed(new Issued(id, serial, key, file), reminderSentAt);
    }

    /**
     * The login must come at least in the second after the reminder was sent: the token's {@code auth_time}, which
     * renewal-service records as the login, has whole seconds, and a login in the very second of the reminder would
     * look earlier than it. A person needs longer than that to read the mail; a program must wait for it.
     */
    private static void readTheMail(Instant sentAt) {
        Instant nextSecond = sentAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        long wait = Duration.between(Instant.now(), nextSecond).toMillis();
        Gateway.sleep(Duration.ofMillis(Math.max(0, wait) + 50));
    }

    /** {@code POST /api/v1/notifications/reminders/run}; a run already going on (say, the one after start-up) is waited for. */
    private void runReminders(Session admin) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer run = gateway.post("/api/v1/notifications/reminders/run").as(admin).send();
            if (run.status() == 409 && System.nanoTime() < deadline) {
                run.problem(409, "reminders.run-in-progress");
                Gateway.sleep(Duration.ofSeconds(1));
                continue;
            }
            run.json(200);
            run.has("complete", true);
            return;
        }
    }

    private void changeData(Cast cast, Session applicant, int version) {
        RunData data = cast.data();
        narrator.say("The applicant files a data change (SOP Perubahan Data Pemohon): new position and work unit, with the SK as PDF.");
        Answer filed = gateway.post("/api/v1/applicants/me/data-changes").as(applicant).json(Json.object("dataVersion", version,
                "changes", Json.object("position", data.positionAfter(), "workUnitId", cast.unitAfter()),
                "reason", "Mutasi sesuai SK Kepala BKPSDM Kabupaten Kapuas",
                "documents", Json.array(Json.object("fileName", "sk-mutasi.pdf", "content", Base64.getEncoder().encodeToString(SK_MUTASI))))).send();
        filed.json(201);
        filed.has("status", "SUBMITTED").has("subjectChange", true).has("documents/0/mediaType", "application/pdf");
        String changeId = filed.field("id");
        narrator.say("Verifikator A finds it in the review queue and approves it.");
        Officer a = cast.verifierA();
        Answer queue = gateway.get("/api/v1/data-changes").as(a.session()).send();
        queue.json(200);
        if (Json.stream(queue.json()).noneMatch(c -> c.path("id").asText().equals(changeId))) {
            throw queue.fail("data change " + changeId + " is not in verifier A's queue");
        }
        Answer approved = gateway.post("/api/v1/data-changes/" + changeId + "/approve").as(a.session()).send();
        approved.json(200);
        approved.has("status", "APPROVED").has("resultVersion", version + 1);
    }

    private void confirm(Session applicant, int version, String position, String unit) {
        Answer me = myData.read(applicant);
        me.has("dataVersion", version).has("position", position).has("workUnit/name", unit);
        if (me.json().path("confirmedVersion").asInt(-1) == version) {
            throw me.fail("the new data version is confirmed before the applicant confirmed it");
        }
        myData.confirm(applicant, version);
    }
}
