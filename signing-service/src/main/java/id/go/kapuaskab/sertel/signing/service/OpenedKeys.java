package id.go.kapuaskab.sertel.signing.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Kept keys opened in the last minutes, so that a holder's next signatures (an e-office signing a batch of letters)
 * do not each pay for Argon2id. Nothing here replaces the passphrase: a kept key is sealed in memory with AES-GCM
 * under HMAC-SHA256(process secret, key id, wrapping nonce, passphrase), so only a request that presents the same
 * passphrase opens it again, and a different passphrase fails the GCM tag, which is counted as a wrong passphrase
 * like any other. The process secret is random per JVM and never leaves it; nothing is written anywhere.
 *
 * <p>An entry lives for {@code ttl} from the Argon2id opening that made it (not from its last use: every key is
 * opened the slow way at least that often; {@link #sweep} drops expired entries of keys nobody uses any more), and
 * only while the key row still has the wrapping it was opened from: a passphrase change re-wraps the key with a new
 * nonce, and every replica then finds its entry stale on the next signature, because it reads the row (under its
 * lock) each time. A lock or a revocation is checked before this class is asked (a locked key is refused whatever is
 * kept here). At most {@code max} entries are kept; beyond that, new openings are simply not kept.
 */
final class OpenedKeys {

    private static final Logger LOG = Logger.getLogger(OpenedKeys.class);
    private static final int TAG_BITS = 128;
    private static final String CONTEXT = "sertel-opened-key/v1|";

    private record Entry(byte[] wrapNonce, byte[] sealNonce, byte[] sealed, Instant expires) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final byte[] secret = new byte[32];
    private final Duration ttl;
    private final int max;

    OpenedKeys(Duration ttl, int max) {
        this.ttl = ttl;
        this.max = max;
        random.nextBytes(secret);
    }

    /**
     * The key this passphrase opened within the last {@code ttl}, from the row's current wrapping; empty when none is
     * kept (then the caller opens it with Argon2id and {@link #keep}s it).
     *
     * @throws KeyWrapping.WrongPassphrase when a key is kept for this wrapping and the passphrase is not the one that
     *                                     opened it
     */
    Optional<PrivateKey> open(UUID keyId, byte[] wrapNonce, char[] passphrase, Instant now) throws KeyWrapping.WrongPassphrase {
        Entry e = entries.get(keyId);
        if (e == null) {
            return Optional.empty();
        }
        if (!now.isBefore(e.expires()) || !Arrays.equals(e.wrapNonce(), wrapNonce)) {
            if (entries.remove(keyId, e)) {
                wipe(e);
            }
            return Optional.empty();
        }
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, keyId, wrapNonce, passphrase, e.sealNonce()).doFinal(e.sealed());
            return Optional.of(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(plain)));
        } catch (AEADBadTagException wrong) {
            throw new KeyWrapping.WrongPassphrase();
        } catch (GeneralSecurityException broken) {
            entries.remove(keyId, e);
            return Optional.empty();
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** Keeps a key just opened with Argon2id from the row's current wrapping, sealed under this passphrase. */
    void keep(UUID keyId, byte[] wrapNonce, char[] passphrase, PrivateKey key, Instant now) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (entries.size() >= max) {
            sweep(now);
            if (entries.size() >= max) {
                return;
            }
        }
        byte[] plain = key.getEncoded();
        try {
            byte[] sealNonce = new byte[12];
            random.nextBytes(sealNonce);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, wrapNonce, passphrase, sealNonce).doFinal(plain);
            wipe(entries.put(keyId, new Entry(wrapNonce.clone(), sealNonce, sealed, now.plus(ttl))));
        } catch (GeneralSecurityException e) {
            LOG.warnf("Opened key %s not kept (%s): its next signature opens it with Argon2id", keyId, e.getClass().getSimpleName());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Forgets a key's opening (its key was locked or re-wrapped); the caller holds the key's row lock. */
    void forget(UUID keyId) {
        wipe(entries.remove(keyId));
    }

    /**
     * Forgets every opening older than the TTL, also of keys nobody uses any more. It does not wipe them: unlike the
     * other callers it does not hold the key's row lock, and a signature that read the entry just before it expired
     * may still be decrypting it (a wiped entry would fail the tag and count a right passphrase as wrong).
     */
    void sweep(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
    }

    private static void wipe(Entry e) {
        if (e != null) {
            Arrays.fill(e.sealed(), (byte) 0);
        }
    }

    int size() {
        return entries.size();
    }

    private Cipher cipher(int mode, UUID keyId, byte[] wrapNonce, char[] passphrase, byte[] sealNonce) throws GeneralSecurityException {
        byte[] kek = sealingKey(keyId, wrapNonce, passphrase);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, sealNonce));
            gcm.updateAAD((CONTEXT + keyId).getBytes(StandardCharsets.US_ASCII));
            return gcm;
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private byte[] sealingKey(UUID keyId, byte[] wrapNonce, char[] passphrase) throws GeneralSecurityException {
        byte[] phrase = KeyWrapping.utf8(passphrase);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            hmac.update((CONTEXT + keyId + "|").getBytes(StandardCharsets.US_ASCII));
            hmac.update(wrapNonce);
            hmac.update((byte) '|');
            hmac.update(phrase);
            return hmac.doFinal();
        } finally {
            Arrays.fill(phrase, (byte) 0);
        }
    }
}
