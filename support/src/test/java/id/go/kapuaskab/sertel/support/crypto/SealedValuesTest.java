package id.go.kapuaskab.sertel.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedValuesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SealedValues box = SealedValues.ofBase64(KEY, "test.key");
    private final byte[] secret = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedValueOpensForItsOwnerOnlyAndNeverShowsThePlainText() {
        byte[] sealed = box.seal(secret, "account-1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DP");
        assertThat(sealed).hasSize(12 + secret.length + 16);
        assertThat(box.open(sealed, "account-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, "account-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(box.seal(secret, "a")).isNotEqualTo(box.seal(secret, "a"));
    }

    @Test
    void aChangedByteAnotherKeyOrAShortValueDoesNotOpen() {
        byte[] sealed = box.seal(secret, "a");
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(changed, "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SealedValues.ephemeral().open(sealed, "a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(new byte[5], "a")).hasMessageContaining("not a sealed value");
    }

    @Test
    void aKeyThatIsNot32Base64BytesStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> SealedValues.ofBase64("not base64!", "WEBHOOK_SECRET_KEY")).hasMessageContaining("WEBHOOK_SECRET_KEY");
        assertThatThrownBy(() -> SealedValues.ofBase64(Base64.getEncoder().encodeToString(new byte[16]), "sertel.auth.data-key"))
                .hasMessageContaining("sertel.auth.data-key").hasMessageContaining("16");
    }

    @Test
    void aDerivedKeyDependsOnThePurposeAndIsNotTheKey() {
        assertThat(box.derive("tickets")).hasSize(32).isNotEqualTo(box.derive("other")).isNotEqualTo(new byte[32]);
    }
}
