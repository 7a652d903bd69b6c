package id.go.kapuaskab.sertel.journey;

import java.nio.file.Path;
import java.util.Base64;

/**
 * The same SOP once more, the other way through it: the renewed certificate is again inside the renewal window (the
 * local 20-day profile), the data are unchanged ("Sesuai" at once, step 4 skipped), and the applicant asks the CA to
 * generate the key. After approval the applicant collects a PKCS#12 protected by a passphrase that is never stored;
 * openssl opens it with that passphrase and refuses a wrong one.
 */
final class ServerKeyRenewal {

    /** The certificate collected, and the applicant's session that collected it. */
    record Collected(Issued certificate, Session applicant) {
    }

    private final Gateway gateway;
    private final Narrator narrator;
    private final OpenSsl openssl;
    private final Requests requests;
    private final Certificates certificates;
    private final WorkflowMails mails;
    private final MyData myData;

    ServerKeyRenewal(Gateway gateway, Inbox inbox, Narrator narrator, OpenSsl openssl, Requests requests, Certificates certificates) {
        this.gateway = gateway;
        this.narrator = narrator;
        this.openssl = openssl;
        this.requests = requests;
        this.certificates = certificates;
        this.mails = new WorkflowMails(gateway, inbox, narrator);
        this.myData = new MyData(gateway);
    }

    Collected run(Cast cast, Issued previous) {
        RunData data = cast.data();
        narrator.say("The new certificate, too, has 20 days (the local profile), so it is already renewable; step 1 (the reminder) is"
                + " the same as above and skipped here.");
        narrator.step(SopStep.LOGIN);
        Session applicant = Session.login(gateway, "pemohon", data.applicant().email(), data.password());

        narrator.step(SopStep.DATA_CONFIRMED);
        Answer me = myData.read(applicant);
        me.has("workUnit/name", data.unitAfter()).has("position", data.positionAfter());
        int version = me.json().path("dataVersion").asInt();
        narrator.say("The data are right: \"Sesuai\" straight away, so step 4 does not apply.");
        myData.confirm(applicant, version);

        narrator.step(SopStep.REQUEST_CREATED);
        narrator.say("This time the CA generates the key (EC P-256); the applicant will collect it as a PKCS#12.");
        String id = requests.create(applicant, Json.object("type", "RENEWAL", "keyGeneration", Json.object("keyType", "EC_P256")));
        narrator.step(SopStep.SUBMITTED);
        requests.submit(applicant, id);

        Review review = new Review(gateway, narrator, cast);
        narrator.step(SopStep.VERIFIED);
        review.check(id, data.unitAfter());
        narrator.step(SopStep.APPROVED);
        review.approve(id, "APPROVED");

        narrator.step(SopStep.DONE);
        narrator.say("Approved requests with a server-generated key wait for the applicant, who collects the key with a passphrase.");
        Answer collected = gateway.post("/api/v1/requests/" + id + "/collect").as(applicant)
                .json(Json.object("passphrase", data.passphrase())).send();
        collected.json(200);
        collected.has("request/state", "COMPLETED");
        if (!collected.header("Cache-Control").orElse("").contains("no-store")) {
            throw collected.fail("the PKCS#12 answer must not be cached (Cache-Control: no-store)");
        }
        String serial = collected.field("certificate/serial");
        Path p12 = openssl.write("server-key.p12", Base64.getDecoder().decode(collected.field("certificate/pkcs12")));

        OpenSsl.Result opened = openssl.pkcs12(p12, data.passphrase(), "-nodes");
        if (opened.exit() != 0 || !opened.output().contains("-----BEGIN PRIVATE KEY-----") || !opened.output().contains("-----BEGIN CERTIFICATE-----")) {
            throw new JourneyFailure("openssl pkcs12 did not open the PKCS#12 with its passphrase:\n" + opened.output());
        }
        narrator.say("The PKCS#12 opens with the passphrase (key and certificate chain inside); a wrong passphrase is refused:");
        if (openssl.pkcs12(p12, "not-the-passphrase", "-nokeys").exit() == 0) {
            throw new JourneyFailure("openssl pkcs12 opened the PKCS#12 with a wrong passphrase");
        }
        Path cert = openssl.dir().resolve("server-key.pem");
        if (openssl.pkcs12(p12, data.passphrase(), "-nokeys", "-clcerts", "-out", cert.toString()).exit() != 0) {
            throw new JourneyFailure("openssl pkcs12 could not extract the certificate");
        }
        certificates.hasSerial(cert, serial);
        certificates.verify(cert);
        certificates.record(applicant, serial, "ACTIVE").has("predecessorSerial", previous.serial()).has("keyGenerated", true);
        certificates.record(applicant, previous.serial(), "SUPERSEDED").has("successorSerial", serial);
        mails.approvedAndCompleted(applicant, id, serial);
        return new Collected(new Issued(id, serial, null, cert), applicant);
    }
}
