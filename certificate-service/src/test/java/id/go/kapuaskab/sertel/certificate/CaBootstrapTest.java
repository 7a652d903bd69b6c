package id.go.kapuaskab.sertel.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.Pkcs12KeyStorage;
import id.go.kapuaskab.sertel.certificate.service.CaBootstrap;
import id.go.kapuaskab.sertel.certificate.service.CertificateAuthority;
import id.go.kapuaskab.sertel.certificate.service.PkiUrls;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CA comes to have its keys: created once, found again, imported from PKCS#12 or PEM, or refused. */
class CaBootstrapTest {

    private static final char[] PASSWORD = "keystore-password".toCharArray();
    private static final PkiUrls URLS = new PkiUrls("https://sertel.example/");
    private static final CaBootstrap.Spec ROOT = new CaBootstrap.Spec("sertel-root-ca", "CN=Test Root,O=Pemkab Kapuas,C=ID",
            KeyType.EC_P384, Duration.ofDays(7300));
    private static final CaBootstrap.Spec ISSUING = new CaBootstrap.Spec("sertel-issuing-ca", "CN=Test Issuing,O=Pemkab Kapuas,C=ID",
            KeyType.EC_P256, Duration.ofDays(3650));
    private static final CaBootstrap.Source NOTHING = new CaBootstrap.Source(false, Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    @Test
    void createsARootAndAnIssuingCaOnceAndFindsThemAgain() throws Exception {
        Path file = dir.resolve("ca.p12");
        List<CertificateAuthority> created = bootstrap(file).ensure(ROOT, ISSUING, CaBootstrap.Source.generating());
        X509Certificate root = created.get(0).certificate();
        X509Certificate issuing = created.get(1).certificate();

        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(issuing.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(issuing.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(new String(issuing.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1))
                .contains("https://sertel.example/pki/crl/sertel-root-ca.crl");
        issuing.verify(root.getPublicKey());
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        List<CertificateAuthority> again = bootstrap(file).ensure(ROOT, ISSUING, NOTHING);
        assertThat(again.get(1).certificate()).isEqualTo(issuing);
        assertThat(again.get(0).keyType()).isEqualTo(KeyType.EC_P384);
    }

    @Test
    void refusesToRunWithoutKeysWhenNeitherImportNorGenerationIsAllowed() {
        assertThatThrownBy(() -> bootstrap(dir.resolve("empty.p12")).ensure(ROOT, ISSUING, NOTHING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no CA keys under aliases 'sertel-root-ca' and 'sertel-issuing-ca'")
                .hasMessageContaining("sertel.ca.bootstrap.generate=true");
    }

    @Test
    void refusesAWeakCaKeyType() {
        CaBootstrap.Spec weak = new CaBootstrap.Spec("sertel-issuing-ca", "CN=Weak,C=ID", KeyType.RSA_2048, Duration.ofDays(365));
        assertThatThrownBy(() -> bootstrap(dir.resolve("weak.p12")).ensure(ROOT, weak, CaBootstrap.Source.generating()))
                .hasMessageContaining("too weak for a CA");
    }

    @Test
    void importsExistingKeysFromPkcs12() {
        Path source = dir.resolve("existing.p12");
        List<CertificateAuthority> existing = bootstrap(source).ensure(ROOT, ISSUING, CaBootstrap.Source.generating());

        CaBootstrap.Source fromFile = new CaBootstrap.Source(false, Optional.of(source), Optional.of(PASSWORD), Optional.empty());
        List<CertificateAuthority> imported = bootstrap(dir.resolve("imported.p12")).ensure(ROOT, ISSUING, fromFile);

        assertThat(imported.get(1).certificate()).isEqualTo(existing.get(1).certificate());
        assertThat(imported.get(0).certificate()).isEqualTo(existing.get(0).certificate());
    }

    @Test
    void importsExistingKeysFromPemFiles() throws Exception {
        Path source = dir.resolve("existing.p12");
        List<CertificateAuthority> existing = bootstrap(source).ensure(ROOT, ISSUING, CaBootstrap.Source.generating());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(source)) {
            ks.load(in, PASSWORD);
        }
        Path pem = Files.createDirectories(dir.resolve("pem"));
        for (CertificateAuthority ca : existing) {
            StringBuilder chain = new StringBuilder();
            for (X509Certificate c : ca.chain()) {
                chain.append(Certs.pem(c));
            }
            Files.writeString(pem.resolve(ca.name() + ".crt"), chain);
            PrivateKey key = (PrivateKey) ks.getKey(ca.name(), PASSWORD);
            Files.writeString(pem.resolve(ca.name() + ".key"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        }

        CaBootstrap.Source fromPem = new CaBootstrap.Source(false, Optional.empty(), Optional.empty(), Optional.of(pem));
        List<CertificateAuthority> imported = bootstrap(dir.resolve("from-pem.p12")).ensure(ROOT, ISSUING, fromPem);

        assertThat(imported.get(1).chain()).containsExactlyElementsOf(existing.get(1).chain());
        assertThat(imported.get(1).signer()).isNotNull();
    }

    private static CaBootstrap bootstrap(Path file) {
        return new CaBootstrap(new Pkcs12KeyStorage(file, PASSWORD), Clock.systemUTC(), URLS);
    }
}
