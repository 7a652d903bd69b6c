package id.go.kapuaskab.sertel.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, with notification-service's SMTP client
 * ({@code sertel.mail.smtp.*}) and Quarkus Mailer pointed at it and really sending. Tests read what arrived through
 * {@link #greenMail()}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        GreenMail mail = greenMail();
        int port = mail.getSmtp().getPort();
        return Map.of(
                "sertel.mail.smtp.host", "127.0.0.1",
                "sertel.mail.smtp.port", Integer.toString(port),
                "sertel.mail.smtp.tls", "NONE",
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.from", "sertel@kapuaskab.go.id");
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; see PostgresTestResource
    }

    /** The shared server; it closes a session that stays silent for 3 s (with 421) rather than GreenMail's default 30 s. */
    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setReadTimeout(3_000);
            greenMail = new GreenMail(setup);
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        }
        return greenMail;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
