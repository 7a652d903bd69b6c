package id.go.kapuaskab.sertel.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.signing.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.DebianPackages;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outside checkers of our signatures: the EU's DSS (the reference implementation of ETSI's validation), with our
 * root as its only trust anchor, and poppler's {@code pdfsig}, installed with apt-get when it is missing.
 */
public final class OutsideCheckers {

    private OutsideCheckers() {
    }

    /** One signature as DSS reports it. */
    public record DssSignature(String id, String signedBy, String format, String indication, String subIndication,
                               List<String> timestamps, String errors, String warnings) {
    }

    /**
     * DSS's verdict on a PDF, trusting only our root (OCSP and CRLs fetched online from the CA process where the PDF
     * lacks them). DSS runs in a JVM of its own with the BouncyCastle it is built for (see the pom); the full output is
     * kept in {@code target/outside-checkers}.
     */
    public static List<DssSignature> dss(byte[] pdf) throws Exception {
        return dss(pdf, false);
    }

    /** As {@link #dss(byte[])}; {@code offline}: DSS may use only the validation data inside the PDF (its DSS). */
    public static List<DssSignature> dss(byte[] pdf, boolean offline) throws Exception {
        Path dir = Path.of("target", "outside-checkers").toAbsolutePath();
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "dss", ".pdf");
        Files.write(file, pdf);
        String chain = RestAssured.given().get(RealCa.url() + "/pki/ca/chain.pem").then().statusCode(200).extract().asString();
        Path root = dir.resolve("root.pem");
        Files.writeString(root, chain.substring(chain.lastIndexOf("-----BEGIN CERTIFICATE-----")));
        Path target = Path.of("target").toAbsolutePath();
        List<String> classpath = new java.util.ArrayList<>();
        classpath.add(target.resolve("test-classes").toString());
        for (String entry : Files.readString(target.resolve("dss/classpath.txt")).trim().split(java.io.File.pathSeparator)) {
            java.util.regex.Matcher bc = java.util.regex.Pattern.compile(".*/(bc(prov|pkix|util)-jdk18on)/[^/]+/[^/]+\\.jar$").matcher(entry);
            if (bc.matches()) {
                try (var jars = Files.list(target.resolve("dss/bc"))) {
                    classpath.add(jars.filter(j -> j.getFileName().toString().startsWith(bc.group(1) + "-")).findFirst().orElseThrow().toString());
                }
            } else {
                classpath.add(entry);
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", String.join(java.io.File.pathSeparator, classpath), DssCheck.class.getName(),
                file.toString(), root.toString(), offline ? "offline" : "online").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dir.resolve(file.getFileName() + ".dss.txt"), out);
        assertThat(p.exitValue()).as(out).isZero();
        List<DssSignature> result = new java.util.ArrayList<>();
        for (String line : out.lines().filter(l -> l.startsWith("SIGNATURE|")).toList()) {
            String[] f = line.split("\\|", -1);
            String id = f[1];
            List<String> timestamps = out.lines().filter(l -> l.startsWith("TIMESTAMP|" + id + "|")).toList();
            String errors = out.lines().filter(l -> l.startsWith("ERRORS|" + id + "|")).findFirst().orElse("");
            String warnings = out.lines().filter(l -> l.startsWith("WARNINGS|" + id + "|")).findFirst().orElse("");
            result.add(new DssSignature(id, f[2], f[3], f[4], f[5], timestamps, errors, warnings));
        }
        return result;
    }

    /**
     * {@code pdfsig}'s output for a PDF, with an NSS database that trusts only our root, so it judges the signer's
     * certificate too. Without its online OCSP check ({@code -no-ocsp}): in one of our runs NSS reported "Unknown issue
     * with Certificate" for one of two signatures while the CA was up, which we could not pin down; revocation is judged
     * by DSS (online and from the PDF's own DSS) and by our verification endpoint instead.
     */
    public static synchronized String pdfsig(byte[] pdf, Path dir) throws Exception {
        DebianPackages.ensure("pdfsig", "poppler-utils");
        DebianPackages.ensure("certutil", "libnss3-tools");
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "signed", ".pdf");
        Files.write(file, pdf);
        Path nss = dir.resolve("nss");
        if (!nssReady) {                                       // once per JVM: the CA process makes a new root each run
            deleteTree(nss);
            Files.createDirectories(nss);
            String chain = RestAssured.given().get(RealCa.url() + "/pki/ca/chain.pem").then().statusCode(200).extract().asString();
            Path root = dir.resolve("nss-root.pem");
            Files.writeString(root, chain.substring(chain.lastIndexOf("-----BEGIN CERTIFICATE-----")));
            run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
            run("certutil", "-A", "-d", "sql:" + nss, "-n", "sertel-root", "-t", "CT,C,C", "-i", root.toString());
            nssReady = true;
        }
        return run("pdfsig", "-nssdir", "sql:" + nss, "-no-ocsp", file.toString());
    }

    private static boolean nssReady;

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
