package id.go.kapuaskab.sertel.journey;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo admin's two-factor login for other clients of a stack (system tests, benchmarks), sharing the journey's
 * kept authenticator secret ({@code <workDir>/admin-authenticator.secret}) so that they and the journey can take turns.
 */
public final class AdminLogin {

    private AdminLogin() {
    }

    /** An access token of the admin that carries the second factor ({@code amr} includes {@code otp}). */
    public static String accessToken(URI gateway, String email, String password, Path workDir) {
        Gateway g = new Gateway(gateway, Narrator.silent(), Duration.ofSeconds(120), "en");
        return Onboarding.adminLogin(g, Narrator.silent(), email, password, workDir.resolve("admin-authenticator.secret").toAbsolutePath())
                .accessToken();
    }
}
