package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.peer.DssPades;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the pades scenario checks before it measures: that the two signers' certificates are alike (same CA, key
 * type and profile), and that a sample signature of each side is a real one, by DSS's offline validation.
 */
final class PadesChecks {

    private PadesChecks() {
    }

    /**
     * Compares our kept key's certificate with the DSS signer's: both must be EC P-256 keys certified by the same CA;
     * key usage, extended key usage and certificate policies are reported as equal or not.
     */
    static String signers(String oursPem, String theirsPem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate ours = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(oursPem.getBytes(StandardCharsets.US_ASCII)));
        X509Certificate theirs = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(theirsPem.getBytes(StandardCharsets.US_ASCII)));
        if (!ours.getIssuerX500Principal().equals(theirs.getIssuerX500Principal())) {
            throw new IllegalStateException("the signers' certificates have different issuers");
        }
        if (!(ours.getPublicKey() instanceof ECPublicKey a) || !(theirs.getPublicKey() instanceof ECPublicKey b)
                || a.getParams().getCurve().getField().getFieldSize() != 256 || b.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalStateException("the signers' keys are not both EC P-256");
        }
        boolean sameProfile = Arrays.equals(ours.getKeyUsage(), theirs.getKeyUsage())
                && ours.getExtendedKeyUsage().equals(theirs.getExtendedKeyUsage())
                && Arrays.equals(ours.getExtensionValue("2.5.29.32"), theirs.getExtensionValue("2.5.29.32"));
        return "two EC P-256 keys certified by the same issuing CA (" + ours.getIssuerX500Principal().getName() + ")"
                + (sameProfile ? " with the same key usage, extended key usage and policy" : ", their key usage, extended key usage or policy DIFFER")
                + ": ours kept by signing-service (serial " + ours.getSerialNumber().toString(16) + "), DSS's made by openssl for a holder "
                + "of another institution (serial " + theirs.getSerialNumber().toString(16) + ")";
    }

    /**
     * A sample signature: it must be the document followed by an incremental update, in which DSS (offline: only the
     * validation data in the PDF, our root the only anchor) finds exactly one signature. Answers the verdict for the
     * notes: format, indication, the signer's revocation data against the signature time-stamp, the warnings. The
     * signed sample is kept in the work directory.
     */
    static String sample(String side, String size, byte[] original, byte[] signed, DssPades dss, Path dir) throws Exception {
        Files.write(dir.resolve("sample-" + side.toLowerCase(Locale.ROOT) + "-" + size.replace(" ", "") + ".pdf"), signed);
        if (signed.length <= original.length || !Arrays.equals(signed, 0, original.length, original, 0, original.length)) {
            throw new IllegalStateException(side + "'s output for the " + size + " PDF is not that PDF with an incremental update");
        }
        String verdict = dss.validate(signed);
        BenchContext.log("pades sample " + side + " " + size + ", DSS offline:\n" + verdict.strip());
        List<String[]> signatures = lines(verdict, "SIGNATURE");
        if (signatures.size() != 1) {
            throw new IllegalStateException("DSS finds " + signatures.size() + " signatures in " + side + "'s " + size + " sample");
        }
        String[] s = signatures.get(0);
        StringBuilder out = new StringBuilder(side + " " + size + " " + s[1] + " " + s[2] + ("null".equals(s[3]) ? "" : "/" + s[3]));
        out.append(", signer's revocation data ").append(lines(verdict, "REVOCATION").stream().map(r -> r[1]).toList());
        for (String[] f : lines(verdict, "FRESHNESS")) {
            Instant stamped = Instant.parse(f[1]);
            List<String> deltas = new ArrayList<>();
            for (String thisUpdate : f[2].split(",")) {
                deltas.add(thisUpdate.isBlank() || thisUpdate.equals("unreadable") ? thisUpdate
                        : String.format(Locale.ROOT, "%+d ms", Duration.between(stamped, Instant.parse(thisUpdate)).toMillis()));
            }
            out.append(", OCSP thisUpdate − time-stamp genTime ").append(f[1]).append(" (both dated to the whole second): ")
                    .append(String.join(", ", deltas));
        }
        lines(verdict, "WARNINGS").forEach(w -> out.append(", warnings ").append(w[1]));
        lines(verdict, "ERRORS").stream().filter(e -> !"[]".equals(e[1])).forEach(e -> out.append(", errors ").append(e[1]));
        return out.toString();
    }

    private static List<String[]> lines(String verdict, String kind) {
        return verdict.lines().filter(l -> l.startsWith(kind + "|")).map(l -> l.split("\\|", -1)).toList();
    }
}
