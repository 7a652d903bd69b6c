package id.go.kapuaskab.sertel.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The narration never shows a secret, and keeps what matters to a reader of the SOP. */
class SummariesTest {

    @Test
    void passwordsPassphrasesAndTokensAreMasked() {
        String shown = Summaries.ofRequest(Json.object("token", "q8N3vY", "password", "sandi-rahasia", "passphrase", "kopi-pagi",
                "dataVersion", 2));
        assertThat(shown).doesNotContain("q8N3vY", "sandi-rahasia", "kopi-pagi").contains("dataVersion: 2");
        assertThat(new Gateway(java.net.URI.create("http://localhost"), Narrator.silent(), java.time.Duration.ZERO, "id")
                .post("/api/v1/auth/token").form(Map.of("grant_type", "password", "password", "sandi-rahasia")).shownBody())
                .doesNotContain("sandi-rahasia").contains("grant_type=password");
    }

    @Test
    void pemIsReducedToItsKindAndUuidsAreShortened() {
        String shown = Summaries.ofRequest(Json.object("csr", "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
                "institutionId", "0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f"));
        assertThat(shown).contains("<BEGIN CERTIFICATE REQUEST,").contains("institutionId: 0b6c3c1e…").doesNotContain("MIIB");
    }

    @Test
    void durationsReadLikeTheSop() {
        assertThat(Durations.standard(18)).isEqualTo("0.3 mnt");
        assertThat(Durations.standard(480)).isEqualTo("8 mnt");
        assertThat(Durations.actual(0.42)).isEqualTo("0.4 dtk");
        assertThat(Durations.actual(65)).isEqualTo("1 mnt 05 dtk");
    }
}
