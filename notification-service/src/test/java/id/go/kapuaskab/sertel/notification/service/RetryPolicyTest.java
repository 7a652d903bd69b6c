package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.notification.client.SmtpException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void fiveHundredRepliesArePermanentTheRestTransient() {
        assertThat(SmtpFailure.of(new SmtpException(550, "RCPT TO: 550 5.1.1 unknown", false, null))).satisfies(f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.code()).isEqualTo(550);
        });
        assertThat(SmtpFailure.of(new SmtpException(421, "421 try later", false, null)).permanent()).isFalse();
        assertThat(SmtpFailure.of(new SmtpException(null, "cannot reach the mail server", false, new ConnectException("refused")))
                .permanent()).isFalse();
        assertThat(SmtpFailure.of(new IllegalStateException("anything else")).permanent()).isFalse();
    }

    @Test
    void unusableAddressesAreRecognised() {
        assertThat(SmtpFailure.isUnusableAddress("budi@kapuaskab.go.id")).isFalse();
        assertThat(List.of("", "budi", "budi@", "@kapuaskab.go.id", "bu di@kapuaskab.go.id", "budí@kapuaskab.go.id", "a@b@c.id", "budi@host"))
                .allSatisfy(a -> assertThat(SmtpFailure.isUnusableAddress(a)).as(a).isTrue());
    }
}
