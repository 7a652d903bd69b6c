package id.go.kapuaskab.sertel.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.certificate.repository.Pkcs11KeyStorage;
import id.go.kapuaskab.sertel.certificate.service.CaBootstrap;
import id.go.kapuaskab.sertel.certificate.service.CertificateAuthority;
import id.go.kapuaskab.sertel.certificate.service.TimestampAuthority;
import id.go.kapuaskab.sertel.certificate.service.TsaBootstrap;
import id.go.kapuaskab.sertel.certificate.service.EndEntityCertificates;
import id.go.kapuaskab.sertel.certificate.service.PkiUrls;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 key storage against a real SoftHSM2 token. The setup installs SoftHSM2 when it is missing (Debian's
 * package) and initialises a fresh token; when that is impossible the tests are skipped with the reason, never passed.
 */
class Pkcs11KeyStorageTest {

    private static final String PIN = "246810";
    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so");
    private static Path config;

    @BeforeAll
    static void softHsmToken() throws Exception {
        String confEnv = System.getenv("SOFTHSM2_CONF");
        Assumptions.assumeTrue(confEnv != null, "SOFTHSM2_CONF is not set: run this test through Maven (surefire sets it)");
        Optional<String> library = library();
        if (library.isEmpty()) {
            String out = run(300, "apt-get", "install", "-y", "--no-install-recommends", "softhsm2");
            library = library();
            if (library.isEmpty()) {
                out += run(300, "apt-get", "update") + run(300, "apt-get", "install", "-y", "--no-install-recommends", "softhsm2");
                library = library();
            }
            String tail = out.length() > 600 ? out.substring(out.length() - 600) : out;
            Assumptions.assumeTrue(library.isPresent(), "SoftHSM2 is not installed and apt-get could not install it: " + tail);
        }
        Path conf = Path.of(confEnv);
        Path tokens = conf.getParent().resolve("tokens");
        deleteTree(conf.getParent());
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        String init = run(60, "softhsm2-util", "--init-token", "--free", "--label", "sertel-test", "--pin", PIN, "--so-pin", "13579111");
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        Assumptions.assumeTrue(slot.find(), "softhsm2-util could not initialise a token: " + init);
        config = conf.getParent().resolve("sunpkcs11.cfg");
        Files.writeString(config, Pkcs11KeyStorage.configuration("sertel-softhsm", library.get(), Long.parseLong(slot.group(1))));
    }

    @Test
    void createsTheCaInTheHsmSignsWithItAndFindsItAgain() throws Exception {
        Pkcs11KeyStorage storage = new Pkcs11KeyStorage(config.toString(), PIN.toCharArray());
        PkiUrls urls = new PkiUrls("http://localhost:8080");
        CaBootstrap.Spec root = new CaBootstrap.Spec("hsm-root", "CN=HSM Test Root,C=ID", KeyType.EC_P384, Duration.ofDays(3650));
        CaBootstrap.Spec issuing = new CaBootstrap.Spec("hsm-issuing", "CN=HSM Test Issuing,C=ID", KeyType.EC_P256, Duration.ofDays(1825));
        List<CertificateAuthority> cas = new CaBootstrap(storage, Clock.systemUTC(), urls).ensure(root, issuing, CaBootstrap.Source.generating());
        assertThat(cas.get(1).storageKind()).isEqualTo("PKCS11");

        assertSignsVerifiably(cas.get(1), urls);
        assertKeyNeverLeaves("hsm-issuing");

        Pkcs11KeyStorage reopened = new Pkcs11KeyStorage(config.toString(), PIN.toCharArray());
        CaBootstrap.Source noGeneration = new CaBootstrap.Source(false, Optional.empty(), Optional.empty(), Optional.empty());
        List<CertificateAuthority> again = new CaBootstrap(reopened, Clock.systemUTC(), urls).ensure(root, issuing, noGeneration);
        assertThat(again.get(1).certificate()).isEqualTo(cas.get(1).certificate());
        assertSignsVerifiably(again.get(1), urls);
    }

    @Test
    void rsa3072IssuingCaInTheHsm() throws Exception {
        Pkcs11KeyStorage storage = new Pkcs11KeyStorage(config.toString(), PIN.toCharArray());
        PkiUrls urls = new PkiUrls("http://localhost:8080");
        List<CertificateAuthority> cas = new CaBootstrap(storage, Clock.systemUTC(), urls).ensure(
                new CaBootstrap.Spec("hsm-rsa-root", "CN=HSM RSA Root,C=ID", KeyType.RSA_3072, Duration.ofDays(3650)),
                new CaBootstrap.Spec("hsm-rsa-issuing", "CN=HSM RSA Issuing,C=ID", KeyType.RSA_3072, Duration.ofDays(1825)),
                CaBootstrap.Source.generating());
        assertThat(cas.get(1).keyType()).isEqualTo(KeyType.RSA_3072);
        assertSignsVerifiably(cas.get(1), urls);
        assertKeyNeverLeaves("hsm-rsa-issuing");
    }

    @Test
    void keepsTheTsaKeyInTheHsmBesideTheCaKeysAndItsTokensVerify() throws Exception {
        Pkcs11KeyStorage storage = new Pkcs11KeyStorage(config.toString(), PIN.toCharArray());
        PkiUrls urls = new PkiUrls("http://localhost:8080");
        List<CertificateAuthority> cas = new CaBootstrap(storage, Clock.systemUTC(), urls).ensure(
                new CaBootstrap.Spec("hsm-tsa-root", "CN=HSM TSA Root,C=ID", KeyType.EC_P384, Duration.ofDays(3650)),
                new CaBootstrap.Spec("hsm-tsa-issuing", "CN=HSM TSA Issuing,C=ID", KeyType.EC_P256, Duration.ofDays(1825)),
                CaBootstrap.Source.generating());
        CaBootstrap.Spec spec = new CaBootstrap.Spec("hsm-tsa", "CN=HSM TSA,C=ID", KeyType.EC_P256, Duration.ofDays(365));
        TimestampAuthority tsa = new TsaBootstrap(storage, Clock.systemUTC(), urls).ensure(spec, cas.get(1));
        assertKeyNeverLeaves("hsm-tsa");
        assertThat(tsa.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        tsa.certificate().verify(cas.get(1).certificate().getPublicKey());

        var digests = new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build();
        var signer = new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(digests).build(tsa.signer(), tsa.certificate());
        var generator = new org.bouncycastle.tsp.TimeStampTokenGenerator(signer,
                digests.get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
        var request = new org.bouncycastle.tsp.TimeStampRequestGenerator().generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, new byte[32]);
        var token = generator.generate(request, java.math.BigInteger.TEN, new java.util.Date());
        token.validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate()));

        Pkcs11KeyStorage reopened = new Pkcs11KeyStorage(config.toString(), PIN.toCharArray());
        assertThat(new TsaBootstrap(reopened, Clock.systemUTC(), urls).ensure(spec, cas.get(1)).certificate()).isEqualTo(tsa.certificate());
    }

    private static void assertSignsVerifiably(CertificateAuthority ca, PkiUrls urls) throws Exception {
        CertificateProfile profile = new CertificateProfile("t", Period.ofYears(1), Duration.ofMinutes(5), Set.of(KeyType.EC_P256),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36"),
                "1.2.3.4", 127, "Kapuas", "Kalimantan Tengah", "ID");
        EndEntityCertificates builder = new EndEntityCertificates(urls, new SecureRandom());
        SubjectSnapshot subject = new SubjectSnapshot("Siti Aminah", "siti@kapuaskab.go.id", null, UUID.randomUUID(), "Dinas", "Unit");
        X509CertificateHolder leaf = builder.sign(ca, profile, builder.subject(profile, subject, UUID.randomUUID()), subject.email(),
                SubjectPublicKeyInfo.getInstance(Csrs.ec("secp256r1").getPublic().getEncoded()), builder.newSerial(profile),
                java.time.Instant.now());
        Path leafFile = Openssl.file("hsm-leaf", Certs.pem(new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(leaf)));
        Path rootFile = Openssl.file("hsm-root", Certs.pem(ca.chain().get(1)));
        Path issuingFile = Openssl.file("hsm-issuing", Certs.pem(ca.chain().get(0)));
        Openssl.Result verify = Openssl.run("verify", "-x509_strict", "-CAfile", rootFile.toString(), "-untrusted", issuingFile.toString(),
                leafFile.toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
    }

    private static void assertKeyNeverLeaves(String alias) throws Exception {
        KeyStore token = KeyStore.getInstance("PKCS11", Security.getProvider("SunPKCS11").configure(config.toString()));
        token.load(null, PIN.toCharArray());
        PrivateKey key = (PrivateKey) token.getKey(alias, null);
        assertThat(key).isNotNull();
        assertThat(key.getEncoded()).as("a sensitive HSM key has no encoding").isNull();
        assertThat(key.toString()).contains("token object").contains("sensitive");
    }

    private static Optional<String> library() {
        return LIBRARIES.stream().filter(l -> Files.exists(Path.of(l))).findFirst();
    }

    private static String run(int timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + ": timed out\n";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage() + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted\n";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
