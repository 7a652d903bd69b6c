package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.go.kapuaskab.sertel.signing.Holders.Holder;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

/**
 * Signatures as outside checkers see them: the EU's DSS (trusting only our root) must find PAdES-BASELINE-LT with our
 * TSA's signature time-stamp, poppler's pdfsig must call every signature valid, and a second signature must leave the
 * first one valid. Our own verification endpoint must agree, and must catch a byte changed after signing.
 */
@QuarkusTest
class SigningTest {

    private static final UUID INSTITUTION = UUID.randomUUID();
    private static final Path OUT = Path.of("target", "outside-checkers");

    @org.junit.jupiter.api.BeforeAll
    static void freshReport() throws Exception {
        Files.deleteIfExists(OUT.resolve("report.txt"));
    }

    @Test
    void dssFindsBaselineLtWithOurTimestampAndPdfsigCallsItValid() throws Exception {
        Holder budi = Holders.certified(INSTITUTION, "Budi Santoso");
        byte[] signed = Sign.ok(budi.token(), Pdfs.letter(), Holders.PASSPHRASE);

        List<OutsideCheckers.DssSignature> dss = OutsideCheckers.dss(signed, true);
        report("one signature, offline: only the validation data in the PDF", dss);
        assertThat(dss).singleElement().satisfies(s -> {
            assertThat(s.signedBy()).isEqualTo("Budi Santoso");
            assertThat(s.format()).isEqualTo("PAdES-BASELINE-LT");
            assertThat(s.indication()).as(s.errors()).isEqualTo("TOTAL_PASSED");
            assertThat(s.timestamps()).singleElement().satisfies(t -> assertThat(t)
                    .contains("|SIGNATURE_TIMESTAMP|", "|Sertel Kapuas TSA 1|true|"));
        });

        String pdfsig = OutsideCheckers.pdfsig(signed, OUT);
        log("pdfsig, one signature", pdfsig);
        assertThat(pdfsig).contains("Signature Validation: Signature is Valid.", "Signer Certificate Common Name: Budi Santoso",
                "Signature Type: ETSI.CAdES.detached", "Certificate Validation: Certificate is Trusted.");

        String opensslTs = Tokens.opensslVerifiesTheSignatureTimestamp(signed, OUT);
        log("openssl ts -verify of the signature time-stamp", opensslTs);
        assertThat(opensslTs).contains("Verification: OK");
    }

    @Test
    void aSecondSignatureKeepsTheFirstValidForDssPdfsigAndOurVerification() throws Exception {
        Holder siti = Holders.certified(INSTITUTION, "Siti Rahmawati");
        Holder agus = Holders.certified(INSTITUTION, "Agus Setiawan");
        byte[] once = Sign.ok(siti.token(), Pdfs.letter(), Holders.PASSPHRASE);
        byte[] twice = Sign.post(agus.token(), once, Holders.PASSPHRASE, null,
                        "{\"page\":1,\"x\":330,\"y\":60,\"width\":230,\"height\":72,\"text\":\"Kepala Dinas\",\"qr\":true}")
                .then().statusCode(200).extract().asByteArray();
        assertThat(java.util.Arrays.copyOf(twice, once.length)).as("the first signed file is a prefix: incremental").isEqualTo(once);

        List<OutsideCheckers.DssSignature> dss = OutsideCheckers.dss(twice);
        report("two signatures", dss);
        assertThat(dss).extracting(OutsideCheckers.DssSignature::signedBy).containsExactlyInAnyOrder("Siti Rahmawati", "Agus Setiawan");
        assertThat(dss).allSatisfy(s -> {
            assertThat(s.indication()).as(s.signedBy() + " " + s.errors()).isEqualTo("TOTAL_PASSED");
            assertThat(s.format()).as(s.signedBy()).isEqualTo("PAdES-BASELINE-LT");
        });
        String pdfsig = OutsideCheckers.pdfsig(twice, OUT);
        log("pdfsig, two signatures", pdfsig);
        assertThat(pdfsig.split("Signature is Valid\\.", -1)).hasSize(3);
        assertThat(pdfsig.split("Certificate is Trusted\\.", -1)).hasSize(3);

        JsonPath report = Sign.verify(agus.token(), twice).then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("signatureCount")).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            String s = "signatures[" + i + "].";
            assertThat(report.getBoolean(s + "integrity.valid")).isTrue();
            assertThat(report.getBoolean(s + "timestamp.valid")).isTrue();
            assertThat(report.getBoolean(s + "timestamp.tsaTrusted")).isTrue();
            assertThat(report.getBoolean(s + "chain.trustedByOurRoot")).isTrue();
            assertThat(report.getString(s + "certificateStatus.atSigningTime")).isEqualTo("GOOD");
            assertThat(report.getString(s + "certificateStatus.now")).isEqualTo("GOOD");
            assertThat(report.getBoolean(s + "ltv.vriForThisSignature")).isTrue();
            assertThat(report.getBoolean(s + "coverage.wholeDocument")).isFalse();
        }
        assertThat(report.getString("signatures[0].signer.commonName")).isEqualTo("Siti Rahmawati");
        assertThat(report.getInt("signatures[0].coverage.laterRevisions")).isEqualTo(3);
        assertThat(report.getInt("signatures[1].coverage.laterRevisions")).isEqualTo(1);

        try (PDDocument doc = Loader.loadPDF(twice)) {
            PDSignatureField visible = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(1);
            assertThat(visible.getWidgets().get(0).getRectangle().getWidth()).isEqualTo(230f);
            assertThat(visible.getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream()).isNotNull();
        }
        Files.write(OUT.resolve("two-signatures.pdf"), twice);
    }

    @Test
    void signaturesTimeStampedInOneSecondShareTheRootsAnswerAndEachValidatesOnItsOwn() throws Exception {
        Holder dewi = Holders.certified(INSTITUTION, "Dewi Lestari");
        Sign.ok(dewi.token(), Pdfs.letter(), Holders.PASSPHRASE);                 // the key opened, the paths warm
        byte[][] shared = null;
        for (int attempt = 0; attempt < 10 && shared == null; attempt++) {
            Thread.sleep(1020 - System.currentTimeMillis() % 1000);               // just after a second begins
            byte[] a = Sign.ok(dewi.token(), Pdfs.letter(), Holders.PASSPHRASE);
            byte[] b = Sign.ok(dewi.token(), Pdfs.letter(), Holders.PASSPHRASE);
            Set<String> both = new HashSet<>(ocspAnswers(a));
            both.retainAll(ocspAnswers(b));
            assertThat(both).as("at most the root's answer is in both; the signer's are each asked with a nonce").hasSizeLessThan(2);
            if (!both.isEmpty()) {
                shared = new byte[][]{a, b};
            }
        }
        assertThat(shared).as("b, time-stamped no later than the root's answer fetched for a, embeds that answer (10 tries)")
                .isNotNull();
        for (byte[] pdf : shared) {
            List<OutsideCheckers.DssSignature> dss = OutsideCheckers.dss(pdf, true);
            report("one of two signatures sharing the root's answer, offline", dss);
            assertThat(dss).singleElement().satisfies(s -> {
                assertThat(s.format()).isEqualTo("PAdES-BASELINE-LT");
                assertThat(s.indication()).as(s.errors()).isEqualTo("TOTAL_PASSED");
            });
        }
    }

    /** SHA-256 of each OCSP answer in the PDF's DSS. */
    private static List<String> ocspAnswers(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSArray ocsps = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"))
                    .getCOSArray(COSName.getPDFName("OCSPs"));
            List<String> digests = new ArrayList<>();
            for (int i = 0; i < ocsps.size(); i++) {
                try (InputStream in = ((COSStream) ocsps.getObject(i)).createInputStream()) {
                    digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                }
            }
            return digests;
        }
    }

    @Test
    void ourVerificationReportsAByteChangedAfterSigning() throws Exception {
        Holder budi = Holders.certified(INSTITUTION, "Budi Hartono");
        byte[] signed = Sign.ok(budi.token(), Pdfs.letter(), Holders.PASSPHRASE);
        Sign.verify(budi.token(), signed).then().statusCode(200).body("signatures[0].integrity.valid", equalTo(true));

        byte[] tampered = signed.clone();
        int at = indexOf(tampered, Pdfs.TITLE.getBytes(StandardCharsets.US_ASCII));
        tampered[at] = 'T';                                                  // "Surat" becomes "Turat"
        Sign.verify(budi.token(), tampered).then().statusCode(200)
                .body("signatures[0].integrity.valid", equalTo(false))
                .body("signatures[0].integrity.byteRangeDigestMatches", equalTo(false))
                .body("signatures[0].timestamp.valid", equalTo(true));
        List<OutsideCheckers.DssSignature> dss = OutsideCheckers.dss(tampered);
        report("tampered", dss);
        assertThat(dss).singleElement().satisfies(s -> assertThat(s.indication()).isEqualTo("TOTAL_FAILED"));
    }

    @Test
    void anIntegrationClientSignsForAHolderOfItsInstitutionAndEverySignatureIsRecorded() throws Exception {
        Holder rina = Holders.certified(INSTITUTION, "Rina Marlina");
        byte[] letter = Pdfs.letter();
        String eOffice = TestTokens.user(UUID.randomUUID(), "INTEGRATION").institutions(INSTITUTION)
                .claim("scope", "documents:sign documents:read").sign();
        String signatureId = Sign.post(eOffice, letter, Holders.PASSPHRASE, rina.id(), null)
                .then().statusCode(200).contentType("application/pdf").extract().header("X-Signature-Id");

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter));
        given().auth().oauth2(rina.token()).get("/api/v1/signatures").then().statusCode(200)
                .body("items.id", hasItem(signatureId))
                .body("items.find { it.id == '" + signatureId + "' }.documentSha256", equalTo(sha))
                .body("items.find { it.id == '" + signatureId + "' }.holderId", equalTo(rina.id().toString()))
                .body("items.find { it.id == '" + signatureId + "' }.clientId", equalTo(TestTokensSubject.of(eOffice)))
                .body("items.find { it.id == '" + signatureId + "' }.certificateSerial", equalTo(rina.serial()))
                .body("items.find { it.id == '" + signatureId + "' }.level", equalTo("PAdES-BASELINE-LT"));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), INSTITUTION)).get("/api/v1/signatures").then().statusCode(200)
                .body("items.id", hasItem(signatureId));
        given().auth().oauth2(TestTokens.verifier(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/signatures").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(signatureId)));
        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), INSTITUTION)).get("/api/v1/signatures").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(signatureId)));
        given().auth().oauth2(eOffice).get("/api/v1/signatures").then().statusCode(200).body("items.id", hasItem(signatureId));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static void report(String title, List<OutsideCheckers.DssSignature> signatures) throws Exception {
        StringBuilder s = new StringBuilder();
        for (OutsideCheckers.DssSignature sig : signatures) {
            s.append(sig.signedBy()).append(": ").append(sig.format()).append(", ").append(sig.indication())
                    .append("null".equals(sig.subIndication()) ? "" : " / " + sig.subIndication()).append('\n');
            sig.timestamps().forEach(t -> s.append("  ").append(t).append('\n'));
            s.append("  ").append(sig.errors()).append("\n  ").append(sig.warnings()).append('\n');
        }
        log("DSS " + title, s.toString());
    }

    private static void log(String title, String text) throws Exception {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("report.txt"), "== " + title + "\n" + text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The subject of a token we minted (the client id of an integration client). */
    static final class TestTokensSubject {
        static String of(String jwt) {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            return io.restassured.path.json.JsonPath.from(payload).getString("sub");
        }
    }

}
