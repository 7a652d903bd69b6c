package id.go.kapuaskab.sertel.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Verifier verifier = new Verifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, now::get, null);
    private final JWTAuthContextInfo context = new JWTAuthContextInfo();

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        JWTCallerPrincipal first = tokens.parse("good.1000200", context);
        JWTCallerPrincipal again = tokens.parse("good.1000200", context);
        assertThat(again).isSameAs(first);
        assertThat(verifier.calls).containsExactly("good.1000200");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() throws Exception {
        tokens.parse("good.1000200", context);
        now.set(1_000_300);
        assertThatThrownBy(() -> tokens.parse("good.1000200", context)).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).containsExactly("good.1000200", "good.1000200");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheIdenticalTokenIsAnsweredFromMemory() throws Exception {
        tokens.parse("good.1000200", context);
        assertThatThrownBy(() -> tokens.parse("good.1000200x", context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("good.1000200x", context)).isInstanceOf(ParseException.class);
        assertThat(verifier.calls).containsExactly("good.1000200", "good.1000200x", "good.1000200x");
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenEverything() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.parse("good." + (i % 2 == 0 ? 1_000_010 : 1_000_600) + "." + i, context);
        }
        now.set(1_000_100);
        tokens.parse("good.1000700.new", context);
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX_ENTRIES / 2 + 1);
    }

    @Test
    void aTokenBelowItsSubjectsListedVersionIsRefusedAlsoWhenRemembered() throws Exception {
        Map<String, Integer> list = new java.util.concurrent.ConcurrentHashMap<>();
        TokenRevocations revocations = new TokenRevocations(() -> Optional.of(Map.copyOf(list)), Duration.ofSeconds(2));
        VerifiedTokens checked = new VerifiedTokens(verifier, now::get, revocations);
        checked.parse("good.1000200.sub.budi.ver.2", context);
        checked.parse("good.1000200.sub.siti", context);

        list.put(TokenRevocations.fingerprint("budi"), 3);
        revocations.refresh();

        assertThatThrownBy(() -> checked.parse("good.1000200.sub.budi.ver.2", context)).isInstanceOf(ParseException.class);
        assertThat(checked.parse("good.1000200.sub.budi.ver.3", context).getSubject()).isEqualTo("budi");
        assertThat(checked.parse("good.1000200.sub.siti", context).getSubject()).as("not listed").isEqualTo("siti");
        list.put(TokenRevocations.fingerprint("siti"), 1);
        revocations.refresh();
        assertThatThrownBy(() -> checked.parse("good.1000200.sub.siti", context)).as("no ver at all").isInstanceOf(ParseException.class);
    }

    @Test
    void whileTheListCannotBeReadTheLastOneStaysInForce() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        TokenRevocations revocations = new TokenRevocations(() -> {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            return Optional.of(Map.of(TokenRevocations.fingerprint("budi"), 5));
        }, Duration.ofSeconds(2));
        revocations.refresh();
        down.set(true);
        revocations.refresh();
        assertThat(revocations.revoked("budi", 4)).isTrue();
        assertThat(revocations.revoked("budi", 5)).isFalse();
    }

    /** Accepts "good.<exp>…" until its exp, refuses anything else, and records what it was asked. */
    private final class Verifier extends JWTCallerPrincipalFactory {
        final List<String> calls = new ArrayList<>();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
            calls.add(token);
            String[] parts = token.split("\\.");
            if (!parts[0].equals("good") || !parts[1].chars().allMatch(Character::isDigit) || Long.parseLong(parts[1]) <= now.get()) {
                throw new ParseException("refused");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject(parts.length > 3 && parts[2].equals("sub") ? parts[3] : "someone");
            if (parts.length > 5 && parts[4].equals("ver")) {
                claims.setClaim("ver", Integer.parseInt(parts[5]));
            }
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(Long.parseLong(parts[1])));
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        }
    }
}
