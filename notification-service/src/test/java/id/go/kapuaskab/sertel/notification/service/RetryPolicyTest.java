package id.go.kapuaskab.sertel.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 50).stream().map(backoff::after).toList()).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16),
                Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void fiveHundredRepliesAndBadAddressesArePermanentTheRestTransient() {
        assertThat(SmtpFailure.of(new CompletionException(new SMTPException("550 5.1.1 unknown", 550, List.of("5.1.1 unknown"), true))))
                .satisfies(f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.code()).isEqualTo(550);
                });
        assertThat(SmtpFailure.of(new SMTPException("421 try later", 421, List.of("try later"), true)).permanent()).isFalse();
        assertThat(SmtpFailure.of(new RuntimeException(new ConnectException("Connection refused"))).permanent()).isFalse();
        assertThat(SmtpFailure.of(new IllegalArgumentException("invalid email address")).permanent()).isTrue();
    }

    @Test
    void unusableAddressesAreRecognised() {
        assertThat(SmtpFailure.isUnusableAddress("budi@kapuaskab.go.id")).isFalse();
        assertThat(List.of("", "budi", "budi@", "@kapuaskab.go.id", "bu di@kapuaskab.go.id", "budí@kapuaskab.go.id", "a@b@c.id", "budi@host"))
                .allSatisfy(a -> assertThat(SmtpFailure.isUnusableAddress(a)).as(a).isTrue());
    }
}
