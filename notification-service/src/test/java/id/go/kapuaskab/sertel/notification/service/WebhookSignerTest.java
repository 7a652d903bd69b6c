package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsLikeTheReferenceLibrary() {
        // what the reference implementation (npm standardwebhooks 1.3.0, Webhook.sign) computes for this input
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1fBy8Q3d0Dk=";
        String signature = WebhookSigner.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", List.of(secret));
        assertThat(signature).isEqualTo("v1,T17HxHN7l8ltToChBgOEj6ZdTQf4KJ8z7xNJCfQCr2g=");
    }

    @Test
    void signsOncePerSecretSpaceSeparated() {
        String a = WebhookSigner.newSecret();
        String b = WebhookSigner.newSecret();
        String both = WebhookSigner.signature("id", 1, "{}", List.of(a, b));
        assertThat(both.split(" ")).containsExactly(WebhookSigner.signature("id", 1, "{}", List.of(a)),
                WebhookSigner.signature("id", 1, "{}", List.of(b)));
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String s = WebhookSigner.newSecret();
        assertThat(s).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(s.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(s);
    }
}
