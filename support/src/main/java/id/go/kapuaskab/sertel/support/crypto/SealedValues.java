package id.go.kapuaskab.sertel.support.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way a service keeps a value it must read again encrypted at rest (TOTP secrets, webhook signing secrets,
 * mail that carries a one-time link): AES-256-GCM with a fresh 96-bit nonce per value and the owning row's identity as
 * associated data, so a ciphertext copied onto another row does not open. Stored form: {@code nonce || ciphertext+tag}.
 * A database dump alone reveals nothing; a changed or tampered value fails to open rather than opening to garbage.
 */
public final class SealedValues {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;
    private final byte[] raw;
    private final SecureRandom random = new SecureRandom();

    private SealedValues(byte[] raw) {
        this.raw = raw.clone();
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * The box under a base64 key of 32 bytes ({@code openssl rand -base64 32}); {@code setting} names where the key
     * comes from, for the message that stops the service when it is not such a key.
     */
    public static SealedValues ofBase64(String base64, String setting) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalStateException(setting + " must be 32 bytes, base64 (openssl rand -base64 32); it has " + raw.length);
        }
        return new SealedValues(raw);
    }

    /** A box under a key made for this process only: what it seals is unreadable after a restart. */
    public static SealedValues ephemeral() {
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return new SealedValues(raw);
    }

    public byte[] seal(byte[] plain, String owner) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(owner.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** The plain value; an {@link IllegalStateException} when the key differs, the owner differs or a byte changed. */
    public byte[] open(byte[] stored, String owner) {
        if (stored == null || stored.length < NONCE + TAG_BITS / 8) {
            throw new IllegalStateException("Cannot decrypt: not a sealed value");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            c.updateAAD(owner.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(stored, NONCE, stored.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt: another key, another owner or a tampered value", e);
        }
    }

    /** A key for another purpose derived from this one (HMAC-SHA256 of the purpose), never the encryption key itself. */
    public byte[] derive(String purpose) {
        return hmac(raw, purpose.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
