package id.go.kapuaskab.sertel.bench.certificate;

import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.certificate.repository.Pkcs12KeyStorage;
import id.go.kapuaskab.sertel.certificate.service.CaBootstrap;
import id.go.kapuaskab.sertel.certificate.service.CertificateAuthority;
import id.go.kapuaskab.sertel.certificate.service.CsrInspector;
import id.go.kapuaskab.sertel.certificate.service.EndEntityCertificates;
import id.go.kapuaskab.sertel.certificate.service.PkiUrls;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The signing path from a PEM CSR to a stored certificate, in process: the service's own CSR checks, certificate
 * builder and PKCS#12 key storage, and the statements of the service's one transaction (sign; the intent and the
 * certificate in one statement, whose unique indexes refuse a reused request id or key; one audit row; one commit; the
 * audit row here is V1's plain insert, not the hash chain's) against a PostgreSQL with fsync on. The fresh CSR of each
 * call is made outside the measured time. HTTP, JSON and token checks are measured by bench/run's issuance scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SigningPathBenchmark {

    /** The holder whose e-mail every CSR names, as the CA requires. */
    static final String HOLDER_EMAIL = "budi@kapuaskab.go.id";

    @Param({"EC_P256", "RSA_3072"})
    public String issuingKeyType;

    private BenchDatabase database;
    private String jdbcUrl;
    private CertificateAuthority issuing;
    private CsrInspector inspector;
    private EndEntityCertificates builder;
    private CertificateProfile profile;
    private SubjectSnapshot subject;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = new BenchDatabase();
        jdbcUrl = database.create("bench", true);
        Path dir = Files.createTempDirectory("sertel-bench-ca");
        PkiUrls urls = new PkiUrls("http://localhost:8080");
        List<CertificateAuthority> cas = new CaBootstrap(new Pkcs12KeyStorage(dir.resolve("ca.p12"), "bench".toCharArray()),
                Clock.systemUTC(), urls).ensure(
                new CaBootstrap.Spec("bench-root", "CN=Bench Root,C=ID", KeyType.EC_P384, Duration.ofDays(3650)),
                new CaBootstrap.Spec("bench-issuing", "CN=Bench Issuing,C=ID", KeyType.valueOf(issuingKeyType), Duration.ofDays(1825)),
                CaBootstrap.Source.generating());
        issuing = cas.get(1);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("INSERT INTO ca_authority (name, role, certificate) VALUES (?, 'ISSUING', ?)")) {
            s.setString(1, issuing.name());
            s.setBytes(2, issuing.certificate().getEncoded());
            s.executeUpdate();
        }
        inspector = new CsrInspector(16384);
        builder = new EndEntityCertificates(urls, new SecureRandom());
        profile = new CertificateProfile("document-signing", Period.ofYears(2), Duration.ofMinutes(5),
                Set.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048, KeyType.RSA_3072, KeyType.RSA_4096),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36"),
                "1.2.3.4", 127, "Kapuas", "Kalimantan Tengah", "ID");
        subject = new SubjectSnapshot("Budi Santoso", HOLDER_EMAIL, null, UUID.randomUUID(),
                "Dinas Kominfo Kabupaten Kapuas", "Bidang Persandian");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
    }

    /** One caller: its own connection (as a pooled one would be) and the fresh CSR of its next call. */
    @State(Scope.Thread)
    public static class Caller {
        Connection connection;
        String csr;
        private final BouncyCastleProvider bc = new BouncyCastleProvider();
        private KeyPairGenerator generator;

        @Setup(Level.Trial)
        public void open(SigningPathBenchmark bench) throws Exception {
            connection = DriverManager.getConnection(bench.jdbcUrl, "postgres", "postgres");
            connection.setAutoCommit(false);
            generator = KeyPairGenerator.getInstance("EC", bc);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }

        @Setup(Level.Invocation)
        public void nextCsr() throws Exception {
            KeyPair keys = generator.generateKeyPair();
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=bench"), keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(new Extension(Extension.subjectAlternativeName,
                            false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, HOLDER_EMAIL)).getEncoded())))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(request);
            }
            csr = out.toString();
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            connection.close();
        }
    }

    @Benchmark
    public String csrToStoredCertificate(Caller caller) throws Exception {
        Connection c = caller.connection;
        UUID requestId = UUID.randomUUID();
        UUID holderId = UUID.randomUUID();
        CsrInspector.InspectedKey key = inspector.inspect(caller.csr, profile, HOLDER_EMAIL);
        String serial = builder.newSerial(profile).toString(16);
        Instant now = Instant.now();

        // one transaction since issue 21: sign, then request record (written as ISSUED) and certificate in one statement
        // (the unique indexes refuse a reused request id or key), audit
        X500Name name = builder.subject(profile, subject, holderId);
        X509CertificateHolder signed = builder.sign(issuing, profile, name, subject.email(), key.publicKey(), new BigInteger(serial, 16), now);
        try (PreparedStatement s = c.prepareStatement("""
                WITH intent AS (
                    INSERT INTO issuance (request_id, content_hash, serial, state, key_generated, created_at, completed_at)
                    VALUES (?, ?, ?, 'ISSUED', false, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING serial)
                INSERT INTO certificate (serial, ca_name, request_id, holder_id, institution_id, profile, subject_dn, common_name, email,
                                         key_type, key_fingerprint, key_generated, not_before, not_after, status, der, created_at)
                SELECT intent.serial, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 'ACTIVE', ?, ? FROM intent
                ON CONFLICT (key_fingerprint) DO NOTHING""")) {
            int i = 1;
            s.setObject(i++, requestId);
            s.setString(i++, key.fingerprint());
            s.setString(i++, serial);
            s.setTimestamp(i++, Timestamp.from(now));
            s.setTimestamp(i++, Timestamp.from(now));
            s.setString(i++, issuing.name());
            s.setObject(i++, requestId);
            s.setObject(i++, holderId);
            s.setObject(i++, subject.institutionId());
            s.setString(i++, profile.name());
            s.setString(i++, name.toString());
            s.setString(i++, subject.commonName());
            s.setString(i++, subject.email());
            s.setString(i++, key.keyType().name());
            s.setString(i++, key.fingerprint());
            s.setTimestamp(i++, Timestamp.from(signed.getNotBefore().toInstant()));
            s.setTimestamp(i++, Timestamp.from(signed.getNotAfter().toInstant()));
            s.setBytes(i++, signed.getEncoded());
            s.setTimestamp(i, Timestamp.from(now));
            s.executeUpdate();
        }
        audit(c, "ISSUED", requestId, serial, now);
        c.commit();
        return serial;
    }

    private static void audit(Connection c, String outcome, UUID requestId, String serial, Instant now) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (occurred_at, actor, action, outcome, request_id, serial, detail)"
                + " VALUES (?, 'renewal-service (RENEWAL_SERVICE)', 'ISSUE', ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, outcome);
            s.setObject(3, requestId);
            s.setString(4, serial);
            s.setString(5, "bench");
            s.executeUpdate();
        }
    }
}
