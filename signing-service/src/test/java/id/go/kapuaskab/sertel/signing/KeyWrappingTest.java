package id.go.kapuaskab.sertel.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.signing.service.KeyWrapping;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wrapping of kept keys: only the right passphrase opens a key, and only on its own row and holder. */
class KeyWrappingTest {

    private final KeyWrapping wrapping = new KeyWrapping();
    private final KeyWrapping.Kdf kdf = wrapping.newKdf(256, 1, 1);
    private final UUID keyId = UUID.randomUUID();
    private final UUID holderId = UUID.randomUUID();

    @Test
    void theRightPassphraseOpensTheKeyAndTheCiphertextHoldsNoPlainKey() throws Exception {
        PrivateKey key = newKey();
        KeyWrapping.Wrapped wrapped = wrapping.wrap(key, "kata sandi panjang".toCharArray(), kdf, keyId, holderId);

        assertThat(wrapped.nonce()).hasSize(12);
        assertThat(new String(wrapped.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(key.getEncoded(), java.nio.charset.StandardCharsets.ISO_8859_1));
        PrivateKey opened = wrapping.unwrap(wrapped, "kata sandi panjang".toCharArray(), kdf, keyId, holderId, "EC");
        assertThat(opened.getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void aWrongPassphraseOrAnotherKeyIdOrHolderDoesNotOpenIt() throws Exception {
        KeyWrapping.Wrapped wrapped = wrapping.wrap(newKey(), "kata sandi panjang".toCharArray(), kdf, keyId, holderId);

        assertThatThrownBy(() -> wrapping.unwrap(wrapped, "kata sandi pendek!".toCharArray(), kdf, keyId, holderId, "EC"))
                .isInstanceOf(KeyWrapping.WrongPassphrase.class);
        assertThatThrownBy(() -> wrapping.unwrap(wrapped, "kata sandi panjang".toCharArray(), kdf, keyId, UUID.randomUUID(), "EC"))
                .as("copied onto another holder").isInstanceOf(KeyWrapping.WrongPassphrase.class);
        assertThatThrownBy(() -> wrapping.unwrap(wrapped, "kata sandi panjang".toCharArray(), kdf, UUID.randomUUID(), holderId, "EC"))
                .as("copied onto another key row").isInstanceOf(KeyWrapping.WrongPassphrase.class);
        KeyWrapping.Kdf otherSalt = wrapping.newKdf(256, 1, 1);
        assertThatThrownBy(() -> wrapping.unwrap(wrapped, "kata sandi panjang".toCharArray(), otherSalt, keyId, holderId, "EC"))
                .as("another salt").isInstanceOf(KeyWrapping.WrongPassphrase.class);
    }

    @Test
    void everyWrapHasItsOwnSaltAndNonce() throws Exception {
        PrivateKey key = newKey();
        KeyWrapping.Kdf second = wrapping.newKdf(256, 1, 1);
        assertThat(second.salt()).hasSize(16).isNotEqualTo(kdf.salt());
        KeyWrapping.Wrapped a = wrapping.wrap(key, "kata sandi panjang".toCharArray(), kdf, keyId, holderId);
        KeyWrapping.Wrapped b = wrapping.wrap(key, "kata sandi panjang".toCharArray(), kdf, keyId, holderId);
        assertThat(a.nonce()).isNotEqualTo(b.nonce());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    private static PrivateKey newKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        return pair.getPrivate();
    }
}
