package id.go.kapuaskab.sertel.applicant.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Between the two steps of the browser login: the password was right, the code is still to come. The page carries a
 * ticket, not the password: the account, the authorization request it belongs to and an expiry (two minutes), signed
 * with an HMAC under a key derived from {@code sertel.auth.data-key}. A ticket for another request or an old one is
 * worth nothing.
 */
@ApplicationScoped
public class LoginTickets {

    private static final Duration TTL = Duration.ofMinutes(2);

    private final SecretBox box;
    private final Clock clock;

    LoginTickets(SecretBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    public String issue(UUID accountId, String request) {
        long exp = clock.instant().plus(TTL).getEpochSecond();
        String body = accountId + "." + exp;
        return body + "." + sign(body, request);
    }

    /** The account of a valid, unexpired ticket for this authorization request. */
    public Optional<UUID> check(String ticket, String request) {
        if (ticket == null || ticket.length() > 200) {
            return Optional.empty();
        }
        String[] parts = ticket.split("\\.");
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1];
        boolean valid = MessageDigest.isEqual(sign(body, request).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
        if (!valid || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String body, String request) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(box.mac((body + "|" + request).getBytes(StandardCharsets.UTF_8)));
    }
}
