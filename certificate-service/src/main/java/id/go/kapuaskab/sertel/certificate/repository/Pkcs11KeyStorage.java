package id.go.kapuaskab.sertel.certificate.repository;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * CA keys in an HSM through the JDK's SunPKCS11 provider (tested against SoftHSM2). Keys are generated on the
 * token and marked sensitive and non-extractable by the provider configuration, so the private key object here is
 * only a handle: every signature is computed inside the HSM.
 */
public final class Pkcs11KeyStorage implements CaKeyStorage {

    private final Provider provider;
    private final KeyStore keyStore;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    /**
     * @param configuration a SunPKCS11 configuration file; see {@link #configuration} for the one we write in tests
     * @param pin the token's user PIN
     */
    public Pkcs11KeyStorage(String configuration, char[] pin) {
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new IllegalStateException("The JDK has no SunPKCS11 provider");
            }
            provider = base.configure(configuration);
            keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the PKCS#11 token of " + configuration, e);
        }
    }

    /** A SunPKCS11 configuration that generates private keys sensitive and non-extractable. */
    public static String configuration(String name, String library, long slot) {
        return """
                name = %s
                library = %s
                slot = %d
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """.formatted(name, library, slot);
    }

    @Override
    public String kind() {
        return "PKCS11";
    }

    @Override
    public synchronized Optional<X509Certificate[]> chain(String alias) {
        return CaKeyStorage.chainOf(keyStore, alias);
    }

    @Override
    public KeyPair generate(KeyType type) {
        try {
            return type.generate(provider, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + type + " key in the HSM", e);
        }
    }

    @Override
    public synchronized void store(String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            keyStore.setKeyEntry(alias, key, null, chain);
            keys.remove(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the CA key " + alias + " in the HSM", e);
        }
    }

    @Override
    public ContentSigner signer(String alias, String signatureAlgorithm) {
        return signer(keys.computeIfAbsent(alias, this::load), signatureAlgorithm);
    }

    @Override
    public ContentSigner signer(PrivateKey key, String signatureAlgorithm) {
        try {
            return new JcaContentSignerBuilder(signatureAlgorithm).setProvider(provider).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + signatureAlgorithm + " in the HSM", e);
        }
    }

    private synchronized PrivateKey load(String alias) {
        try {
            if (!(keyStore.getKey(alias, null) instanceof PrivateKey key)) {
                throw new IllegalStateException("No private key under alias " + alias + " in the HSM");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot find the CA key " + alias + " in the HSM", e);
        }
    }
}
