package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.support.crypto.SealedValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps secrets this service must be able to read again (TOTP secrets, mail that carries a one-time link) encrypted at
 * rest with support's {@link SealedValues} under {@code sertel.auth.data-key}, the owning account's (or message's) id
 * as associated data; and MACs login tickets under a key derived from the data key.
 */
@ApplicationScoped
public class SecretBox {

    private final SealedValues box;
    private final byte[] macKey;

    SecretBox(AuthConfig config) {
        this.box = SealedValues.ofBase64(config.dataKey(), "sertel.auth.data-key");
        this.macKey = box.derive("sertel login tickets");
    }

    public byte[] seal(byte[] plain, UUID owner) {
        return box.seal(plain, owner.toString());
    }

    /** An HMAC-SHA256 under a key derived from the data key (never the encryption key itself). */
    public byte[] mac(byte[] data) {
        return SealedValues.hmac(macKey, data);
    }

    public byte[] open(byte[] sealed, UUID owner) {
        return box.open(sealed, owner.toString());
    }
}
