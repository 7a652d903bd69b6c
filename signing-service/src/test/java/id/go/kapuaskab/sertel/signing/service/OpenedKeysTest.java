package id.go.kapuaskab.sertel.signing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opened keys are kept only under the passphrase that opened them, only for their wrapping, only for a while. */
class OpenedKeysTest {

    private static final char[] PASSPHRASE = "kata sandi panjang".toCharArray();
    private final UUID keyId = UUID.randomUUID();
    private final byte[] wrapNonce = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    private final Instant now = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void theSamePassphraseOpensTheKeptKeyAndAnotherOneIsWrong() throws Exception {
        OpenedKeys opened = new OpenedKeys(Duration.ofMinutes(10), 100);
        PrivateKey key = newKey();
        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE, now)).isEmpty();
        opened.keep(keyId, wrapNonce, PASSPHRASE, key, now);

        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE.clone(), now.plusSeconds(30)))
                .hasValueSatisfying(k -> assertThat(k.getEncoded()).isEqualTo(key.getEncoded()));
        assertThatThrownBy(() -> opened.open(keyId, wrapNonce, "kata sandi panjanG".toCharArray(), now.plusSeconds(31)))
                .isInstanceOf(KeyWrapping.WrongPassphrase.class);
        assertThat(opened.open(UUID.randomUUID(), wrapNonce, PASSPHRASE, now)).isEmpty();
        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE, now.plusSeconds(32))).isPresent();      // a wrong one changed nothing
    }

    @Test
    void theSweepDropsExpiredOpeningsOfKeysNobodyUses() throws Exception {
        OpenedKeys opened = new OpenedKeys(Duration.ofMinutes(10), 100);
        opened.keep(keyId, wrapNonce, PASSPHRASE, newKey(), now);
        opened.keep(UUID.randomUUID(), wrapNonce, PASSPHRASE, newKey(), now.plusSeconds(300));
        opened.sweep(now.plus(Duration.ofMinutes(10)));
        assertThat(opened.size()).isEqualTo(1);
        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE, now.plusSeconds(1))).isEmpty();
    }

    @Test
    void aNewWrappingOrTheEndOfTheTtlForgetsTheKey() throws Exception {
        OpenedKeys opened = new OpenedKeys(Duration.ofMinutes(10), 100);
        opened.keep(keyId, wrapNonce, PASSPHRASE, newKey(), now);
        byte[] rewrapped = wrapNonce.clone();
        rewrapped[0] ^= 1;
        assertThat(opened.open(keyId, rewrapped, "another passphrase".toCharArray(), now)).isEmpty();
        assertThat(opened.size()).isZero();

        opened.keep(keyId, wrapNonce, PASSPHRASE, newKey(), now);
        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE, now.plus(Duration.ofMinutes(10)).minusMillis(1))).isPresent();
        assertThat(opened.open(keyId, wrapNonce, PASSPHRASE, now.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(opened.size()).isZero();
    }

    @Test
    void aZeroTtlKeepsNothingAndTheLimitIsKept() throws Exception {
        OpenedKeys off = new OpenedKeys(Duration.ZERO, 100);
        off.keep(keyId, wrapNonce, PASSPHRASE, newKey(), now);
        assertThat(off.size()).isZero();

        OpenedKeys small = new OpenedKeys(Duration.ofMinutes(1), 2);
        for (int i = 0; i < 5; i++) {
            small.keep(UUID.randomUUID(), wrapNonce, PASSPHRASE, newKey(), now);
        }
        assertThat(small.size()).isEqualTo(2);
        small.keep(keyId, wrapNonce, PASSPHRASE, newKey(), now.plusSeconds(61));         // the expired two make room
        assertThat(small.size()).isEqualTo(1);
    }

    private static PrivateKey newKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair().getPrivate();
    }
}
