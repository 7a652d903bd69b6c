package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing a document (TTE) for a regional system: the holder, whose last certificate was just revoked, asks for a
 * new one with a key that sertel keeps for signing (custody KEPT); after the four-eyes review the holder collects it
 * with a passphrase (signing-service makes the key, the CA certifies it). The e-office (a registered regional system
 * with scope {@code documents:sign}) logs in with its client credentials, sends a
 * letter with the holder's passphrase and gets back a PAdES-BASELINE-LT signed PDF; a wrong passphrase is refused;
 * the verification endpoint reports the signature intact, chained to our root, time-stamped and carrying its LTV data.
 */
public final class DocumentSigning {

    /** The signed letter and the ids that name what was made. */
    public record Signed(String requestId, String signingKeyId, String signatureId, Path pdf, JsonNode report) {
    }

    private final Gateway gateway;
    private final Narrator narrator;
    private final OpenSsl openssl;
    private final Requests requests;

    DocumentSigning(Gateway gateway, Narrator narrator, OpenSsl openssl, Requests requests) {
        this.gateway = gateway;
        this.narrator = narrator;
        this.openssl = openssl;
        this.requests = requests;
    }

    Signed run(Cast cast, Session applicant, RegionalSystem eofficeSystem) {
        RunData data = cast.data();
        narrator.say("The e-office of " + data.institutionName() + " signs letters for its staff. With the old certificate revoked, the"
                + " applicant asks for a new one whose key sertel keeps for signing (custody KEPT): it never leaves sertel, and only"
                + " the applicant's passphrase opens it.");
        Kept kept = keepKey(cast, applicant, data.unitAfter());
        String id = kept.requestId();
        String keyId = kept.signingKeyId();

        Session eoffice = eofficeSystem.session();

        byte[] letter = Letters.letter("SURAT KEPUTUSAN " + data.institutionCode() + " NOMOR 800/" + data.tag(),
                List.of("Menimbang: pembaruan sertifikat elektronik pegawai " + data.institutionCode() + ".",
                        "Memutuskan: menetapkan pejabat penandatangan naskah dinas elektronik.",
                        "Ditetapkan di Kuala Kapuas."));
        narrator.say("The e-office sends a letter (" + letter.length + " bytes) with the holder's passphrase, typed by the holder in"
                + " the e-office; a wrong passphrase first:");
        sign(eoffice, cast, letter, "not the passphrase").problem(422, "signing-key.passphrase-wrong");
        Answer signed = sign(eoffice, cast, letter, data.passphrase());
        signed.expect(200).expectContentType("application/pdf");
        String signatureId = signed.header("X-Signature-Id").orElseThrow(() -> signed.fail("no X-Signature-Id header"));
        Path pdf = openssl.write("surat-keputusan-signed.pdf", signed.bytes());

        narrator.say("Anyone can check the signed letter:");
        Answer verified = gateway.post("/api/v1/signatures/verification").as(eoffice)
                .multipart(Map.of("document", Call.Part.file(signed.bytes(), "surat-keputusan-signed.pdf", "application/pdf"))).send();
        JsonNode report = verified.json(200);
        JsonNode s = report.path("signatures").path(0);
        if (report.path("signatureCount").asInt() != 1 || !s.path("integrity").path("valid").asBoolean()
                || !s.path("chain").path("trustedByOurRoot").asBoolean() || !s.path("timestamp").path("valid").asBoolean(false)
                || !s.path("ltv").path("dssPresent").asBoolean() || !"GOOD".equals(s.path("certificateStatus").path("now").asText())) {
            throw verified.fail("the signed letter does not verify as intact, trusted, time-stamped and long-term validatable");
        }
        narrator.say("Signed by " + s.path("signer").path("commonName").asText() + ", time-stamped by " + s.path("timestamp").path("tsa").asText()
                + ", the OCSP answers and CRLs embedded (PAdES-BASELINE-LT): the letter can be checked years from now.");
        return new Signed(id, keyId, signatureId, pdf, report);
    }

    /** A key kept for the holder: its request, its id at signing-service, and the certificate the CA issued for it (PEM). */
    record Kept(String requestId, String signingKeyId, String certificatePem) {
    }

    /**
     * The holder's kept key: an ISSUANCE with custody KEPT, checked by verifier A ({@code unit}: the holder's work unit
     * now) and approved by B, collected with the run's passphrase. The holder must have no active certificate.
     */
    Kept keepKey(Cast cast, Session applicant, String unit) {
        RunData data = cast.data();
        String id = requests.create(applicant, Json.object("type", "ISSUANCE", "keyGeneration", Json.object("keyType", "EC_P256", "custody", "KEPT")));
        requests.submit(applicant, id);
        Review review = new Review(gateway, narrator, cast);
        review.check(id, unit);
        review.approve(id, "APPROVED");
        narrator.say("Approved. The applicant collects the key with a passphrase: signing-service makes the key and wraps it under"
                + " the passphrase (Argon2id), the CA certifies its CSR, signing-service binds the certificate.");
        Answer collected = gateway.post("/api/v1/requests/" + id + "/collect").as(applicant)
                .json(Json.object("passphrase", data.passphrase())).send();
        collected.json(200);
        collected.has("request/state", "COMPLETED").has("request/keyCustody", "KEPT");
        if (!collected.json().path("certificate").path("pkcs12").isNull()) {
            throw collected.fail("a key kept for signing must never be handed out");
        }
        return new Kept(id, collected.field("certificate/signingKeyId"), collected.field("certificate/certificatePem"));
    }

    private Answer sign(Session eoffice, Cast cast, byte[] letter, String passphrase) {
        Map<String, Call.Part> parts = new LinkedHashMap<>();
        parts.put("document", Call.Part.file(letter, "surat-keputusan.pdf", "application/pdf"));
        parts.put("passphrase", Call.Part.text(passphrase));
        parts.put("holderId", Call.Part.text(cast.applicantId().toString()));
        parts.put("visible", Call.Part.text("{\"page\":1,\"x\":340,\"y\":60,\"width\":220,\"height\":70,\"qr\":true}"));
        return gateway.post("/api/v1/signatures").as(eoffice).accept("application/pdf, application/problem+json").multipart(parts).send();
    }
}
