package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps secrets this service must be able to read again (TOTP secrets) encrypted at rest: AES-256-GCM under
 * {@code sertel.auth.data-key}, a fresh 96-bit nonce per value, the owning account's id as associated data (a value
 * copied to another account does not decrypt). Stored as {@code nonce || ciphertext+tag}.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE = 12;
    private final SecretKeySpec key;
    private final byte[] macKey;
    private final SecureRandom random = new SecureRandom();

    SecretBox(AuthConfig config) {
        byte[] raw = Base64.getDecoder().decode(config.dataKey().trim());
        if (raw.length != 32) {
            throw new IllegalStateException("sertel.auth.data-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.macKey = derive(raw, "sertel login tickets");
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(byte[] plain, UUID owner) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(owner.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** An HMAC-SHA256 under a key derived from the data key (never the encryption key itself). */
    public byte[] mac(byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(byte[] sealed, UUID owner) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            c.updateAAD(owner.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt: wrong sertel.auth.data-key or tampered value", e);
        }
    }
}
