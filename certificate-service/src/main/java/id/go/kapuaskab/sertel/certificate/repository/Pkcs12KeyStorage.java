package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * CA keys in a password-protected PKCS#12 file (keys encrypted with PBES2 AES-256/HMAC-SHA256 by the JDK). Signing
 * uses BouncyCastle, which signs ECDSA several times faster than SunEC on these machines. The file is written
 * atomically with owner-only permissions.
 */
public final class Pkcs12KeyStorage implements CaKeyStorage {

    private static final Provider BC = BouncyCastle.PROVIDER;

    private final Path path;
    private final char[] password;
    private final KeyStore keyStore;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public Pkcs12KeyStorage(Path path, char[] password) {
        this.path = path;
        this.password = password.clone();
        try {
            keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    keyStore.load(in, this.password);
                }
            } else {
                keyStore.load(null, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the CA keystore " + path + " (wrong password or not PKCS#12?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the CA keystore " + path, e);
        }
    }

    @Override
    public String kind() {
        return "PKCS12";
    }

    @Override
    public synchronized Optional<X509Certificate[]> chain(String alias) {
        return CaKeyStorage.chainOf(keyStore, alias);
    }

    @Override
    public KeyPair generate(KeyType type) {
        try {
            return type.generate(BC, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + type + " key", e);
        }
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            keyStore.setKeyEntry(alias, key, password, chain);
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".ca-keystore", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions protect the file
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                keyStore.store(out, password);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            keys.remove(alias);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CA keystore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the CA key " + alias, e);
        }
    }

    @Override
    public ContentSigner signer(String alias, String signatureAlgorithm) {
        return signer(keys.computeIfAbsent(alias, this::load), signatureAlgorithm);
    }

    @Override
    public ContentSigner signer(PrivateKey key, String signatureAlgorithm) {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).setSecureRandom(random).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + signatureAlgorithm, e);
        }
    }

    /**
     * The same key as a BouncyCastle key object, converted once in memory. BouncyCastle caches its precomputed
     * multiples of the curve's base point on its own curve objects; handed a JDK key, it converts the key's curve anew
     * for every signature and redoes that precomputation each time, which made each signature several times slower.
     */
    private static PrivateKey asBouncyCastleKey(PrivateKey key) throws GeneralSecurityException {
        byte[] pkcs8 = key.getEncoded();
        try {
            return java.security.KeyFactory.getInstance(key.getAlgorithm(), BC)
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8));
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private synchronized PrivateKey load(String alias) {
        try {
            if (!(keyStore.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IllegalStateException("No private key under alias " + alias + " in " + path);
            }
            return asBouncyCastleKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA key " + alias, e);
        }
    }
}
