package id.go.kapuaskab.sertel.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The checkpoint key of a service from a PEM file ({@code sertel.audit.checkpoint.key}, a mounted Secret in
 * Kubernetes): a PKCS#8 {@code PRIVATE KEY} block and the matching {@code PUBLIC KEY} block (the JDK cannot derive
 * the one from the other). Made with
 * {@code openssl genpkey -algorithm ed25519 -out audit-key.pem && openssl pkey -in audit-key.pem -pubout >> audit-key.pem}.
 */
public final class KeyFileSigner implements AuditSigner {

    private static final Logger LOG = Logger.getLogger(KeyFileSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;
    private final List<PublicKey> previous;

    KeyFileSigner(PrivateKey privateKey, PublicKey publicKey, List<PublicKey> previous) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.algorithm = Pem.signatureAlgorithm(publicKey);
        this.previous = List.copyOf(previous);
        byte[] probe = "sertel audit key check".getBytes(StandardCharsets.US_ASCII);
        if (!Checkpoints.verify(algorithm, publicKey, probe, sign(probe))) {
            throw new IllegalStateException("The PUBLIC KEY of the audit key file does not match its PRIVATE KEY");
        }
    }

    /** The default signer, unless the service provides its own {@link AuditSigner} bean. */
    @Dependent
    static class Producer {
        @Produces
        @DefaultBean
        @ApplicationScoped
        AuditSigner signer(AuditConfig config) {
            return load(config.checkpoint());
        }
    }

    static KeyFileSigner load(AuditConfig.Checkpoint config) {
        Path path = Path.of(config.key().orElseThrow(() -> new IllegalStateException(
                "sertel.audit.checkpoint.key (AUDIT_SIGNING_KEY) names no key file for signing audit checkpoints")));
        if (!Files.exists(path)) {
            if (!config.generateKey()) {
                throw new IllegalStateException("The audit checkpoint key " + path + " does not exist");
            }
            generate(path);
        }
        String pem = read(path);
        List<byte[]> privates = Pem.blocks(pem, "PRIVATE KEY");
        List<byte[]> publics = Pem.blocks(pem, "PUBLIC KEY");
        if (privates.size() != 1 || publics.size() != 1) {
            throw new IllegalStateException(path + " must hold one PRIVATE KEY and one PUBLIC KEY block "
                    + "(add the public one with: openssl pkey -in " + path + " -pubout >> " + path + ")");
        }
        KeyFileSigner signer = new KeyFileSigner(Pem.privateKey(privates.get(0)), Pem.publicKey(publics.get(0)), previousKeys(config));
        LOG.infof("Audit checkpoints signed with %s key %s from %s", signer.algorithm, Pem.keyId(signer.publicKey), path);
        return signer;
    }

    /**
     * The retired keys of {@code sertel.audit.checkpoint.previous-keys}: every {@code PUBLIC KEY} and every
     * {@code CERTIFICATE}'s key in those PEM files.
     */
    public static List<PublicKey> previousKeys(AuditConfig.Checkpoint config) {
        List<PublicKey> previous = new ArrayList<>();
        for (String file : config.previousKeys().orElse(List.of())) {
            String pem = read(Path.of(file.trim()));
            Pem.blocks(pem, "PUBLIC KEY").forEach(der -> previous.add(Pem.publicKey(der)));
            for (byte[] der : Pem.blocks(pem, "CERTIFICATE")) {
                try {
                    previous.add(java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(der)).getPublicKey());
                } catch (java.security.cert.CertificateException e) {
                    throw new IllegalStateException("Not a certificate in " + file, e);
                }
            }
        }
        return previous;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    @Override
    public String publicPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }

    @Override
    public List<PublicKey> previousKeys() {
        return previous;
    }

    private static void generate(Path path) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".audit-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory protects the file
            }
            Files.writeString(tmp, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warnf("Created a new audit checkpoint key in %s (sertel.audit.checkpoint.generate-key)", path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint key " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit key file " + path, e);
        }
    }
}
