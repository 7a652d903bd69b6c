package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.support.crypto.MemoryBudget;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Wraps a private key under the holder's passphrase and unwraps it again: Argon2id (memory-hard, so a stolen
 * database costs an attacker memory and time per guess) derives a 256-bit key from the passphrase and a per-key salt;
 * AES-256-GCM encrypts the PKCS#8 key with a fresh 96-bit nonce, its AAD binding key id and holder id so a wrapped
 * key copied onto another row or holder no longer opens. Every buffer holding secrets is wiped after use.
 */
public final class KeyWrapping {

    /** The parameters a key was (or is to be) wrapped with. */
    public record Kdf(byte[] salt, int memoryKib, int iterations, int parallelism) {
    }

    /** A wrapped key: ciphertext with the GCM tag, and the nonce. */
    public record Wrapped(byte[] ciphertext, byte[] nonce) {
    }

    /** The passphrase does not open this key (the GCM tag does not verify). */
    public static final class WrongPassphrase extends Exception {
        public WrongPassphrase() {
            super("wrong passphrase", null, false, false);
        }
    }

    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();

    public Kdf newKdf(int memoryKib, int iterations, int parallelism) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Kdf(salt, memoryKib, iterations, parallelism);
    }

    public Wrapped wrap(PrivateKey key, char[] passphrase, Kdf kdf, UUID keyId, UUID holderId) {
        byte[] kek = derive(passphrase, kdf);
        byte[] plain = key.getEncoded();
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, kek, nonce, keyId, holderId);
            return new Wrapped(gcm.doFinal(plain), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap the key", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(plain, (byte) 0);
        }
    }

    public PrivateKey unwrap(Wrapped wrapped, char[] passphrase, Kdf kdf, UUID keyId, UUID holderId, String algorithm)
            throws WrongPassphrase {
        byte[] kek = derive(passphrase, kdf);
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, kek, wrapped.nonce(), keyId, holderId).doFinal(wrapped.ciphertext());
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(plain));
        } catch (AEADBadTagException e) {
            throw new WrongPassphrase();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unwrap the key", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static Cipher cipher(int mode, byte[] kek, byte[] nonce, UUID keyId, UUID holderId) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        gcm.updateAAD(("sertel-signing-key/v1|" + keyId + "|" + holderId).getBytes(StandardCharsets.US_ASCII));
        return gcm;
    }

    /** The passphrase as UTF-8, in a fresh array the caller wipes; the encoder's own buffer is wiped here. */
    static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    static byte[] derive(char[] passphrase, Kdf kdf) {
        byte[] secret = utf8(passphrase);
        try {
            // within the JVM's budget for memory-hard work: a burst of signatures waits rather than exhausting the heap
            return MemoryBudget.run(kdf.memoryKib(), () -> {
                Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
                argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(kdf.salt())
                        .withMemoryAsKB(kdf.memoryKib())
                        .withIterations(kdf.iterations())
                        .withParallelism(kdf.parallelism())
                        .build());
                byte[] out = new byte[32];
                argon2.generateBytes(secret, out);
                return out;
            });
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
