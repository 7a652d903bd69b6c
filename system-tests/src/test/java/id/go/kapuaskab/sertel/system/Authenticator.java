package id.go.kapuaskab.sertel.system;

import id.go.kapuaskab.sertel.testsupport.Oathtool;
import java.time.Instant;

/**
 * An officer's authenticator app for the browser tests: the codes come from {@code oathtool}, and a code is never
 * shown twice (the server takes each code once). An app only this test uses gives a second login within one 30-second
 * step the next step's code, which the server accepts within its one-step window. An app whose secret other clients
 * share (the demo admin's) never does: the server would then refuse that step, and the one before, to everyone else
 * (it takes only steps after the last one used), so it waits for the clock instead.
 */
final class Authenticator {

    private final String secret;
    private final boolean shared;
    private long lastStep = Long.MIN_VALUE;

    Authenticator(String base32Secret) {
        this(base32Secret, false);
    }

    private Authenticator(String base32Secret, boolean shared) {
        this.secret = base32Secret;
        this.shared = shared;
    }

    /** The app of someone whose current code another client may have used just now (the demo admin's). */
    static Authenticator sharedWithOthers(String base32Secret) {
        Authenticator app = new Authenticator(base32Secret, true);
        app.lastStep = Instant.now().getEpochSecond() / 30;
        return app;
    }

    String secret() {
        return secret;
    }

    synchronized String code() {
        long step = Math.max(Instant.now().getEpochSecond() / 30, lastStep + 1);
        // the server accepts one step ahead: a third login within one step waits for the clock, as a person would;
        // a shared app waits until its step is the current one
        while (step > Instant.now().getEpochSecond() / 30 + (shared ? 0 : 1)) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        lastStep = step;
        return Oathtool.totpAt(secret, Instant.ofEpochSecond(step * 30));
    }
}
