package id.go.kapuaskab.sertel.notification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.go.kapuaskab.sertel.notification.config.SmtpConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP client against a raw-socket server whose every misbehaviour the test chooses: a connection that is
 * accepted and then greets nothing, a session dropped while idle in the pool, a reply that never comes after the
 * data. Each send either completes once or fails without having been resent blindly.
 */
class SmtpClientTest {

    /** How the server treats each new connection, in order; after the list, every connection behaves. */
    enum Behaviour { SILENT, GOOD, DROP_AFTER_FIRST_MAIL, NO_REPLY_AFTER_DATA }

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionThatGreetsNothingIsDroppedAndTheMailGoesOutAtOnceOnANewOne() {
        SmtpClient client = client(start(Behaviour.SILENT, Behaviour.GOOD), Duration.ofMillis(800), Duration.ofSeconds(60));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> client.send(mail("budi@kapuaskab.go.id")),
                "without its own greeting time-out the send would wait for the 60 s reply time-out");

        assertThat(connections).hasValue(2);
        assertThat(accepted).as("exactly one copy").hasValue(1);
    }

    @Test
    void givesUpAfterTheConfiguredNumberOfSilentConnections() {
        SmtpClient client = client(start(Behaviour.SILENT, Behaviour.SILENT, Behaviour.SILENT, Behaviour.GOOD), Duration.ofMillis(300),
                Duration.ofSeconds(60));

        assertThatThrownBy(() -> client.send(mail("budi@kapuaskab.go.id"))).isInstanceOf(SmtpException.class)
                .hasMessageContaining("no greeting").satisfies(e -> assertThat(((SmtpException) e).permanent()).isFalse());
        assertThat(connections).hasValue(3);
        assertThat(accepted).hasValue(0);
    }

    @Test
    void aPooledSessionTheServerDroppedIsReplacedWithoutADuplicate() {
        SmtpClient client = client(start(Behaviour.DROP_AFTER_FIRST_MAIL, Behaviour.GOOD), Duration.ofSeconds(2), Duration.ofSeconds(5));

        client.send(mail("first@kapuaskab.go.id"));
        client.send(mail("second@kapuaskab.go.id"));

        assertThat(accepted).hasValue(2);
        assertThat(connections).hasValue(2);
    }

    @Test
    void noAnswerAfterTheDataIsNotResentBlindly() {
        SmtpClient client = client(start(Behaviour.NO_REPLY_AFTER_DATA, Behaviour.GOOD), Duration.ofSeconds(2), Duration.ofMillis(700));

        assertThatThrownBy(() -> client.send(mail("budi@kapuaskab.go.id"))).isInstanceOf(SmtpException.class)
                .satisfies(e -> assertThat(((SmtpException) e).maybeDelivered()).isTrue());
        assertThat(connections).as("the outbox decides about a second try, later").hasValue(1);
    }

    @Test
    void writesUtf8TextAndHtmlAsMimeWithAnEncodedSubject() {
        SmtpClient client = client(start(Behaviour.GOOD), Duration.ofSeconds(2), Duration.ofSeconds(5));

        client.send(new OutgoingMail("zoe@kapuaskab.go.id", "Sertifikat Zoë Øster-Łęcka berakhir\r\nBcc: x@evil.example", "teks ✓\n.baris",
                "<p>html</p>", Map.of("Message-ID", "<1@sertel>")));

        client.send(new OutgoingMail("budi@kapuaskab.go.id", "Uji\r\nBcc: x@evil.example", "isi", null, Map.of()));

        String raw = bodies.get(0);
        assertThat(raw).contains("Subject: =?UTF-8?B?").contains("multipart/alternative")
                .contains("Content-Transfer-Encoding: base64").contains("Message-ID: <1@sertel>");
        assertThat(bodies.get(1)).as("no header of the caller's making").contains("Subject: Uji Bcc: x@evil.example")
                .doesNotContain("\nBcc:");
    }

    private static OutgoingMail mail(String to) {
        return new OutgoingMail(to, "Uji", "isi", null, Map.of());
    }

    private int start(Behaviour... plan) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Behaviour> behaviours = new ArrayList<>(List.of(plan));
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    int n = connections.getAndIncrement();
                    Behaviour b = n < behaviours.size() ? behaviours.get(n) : Behaviour.GOOD;
                    Thread session = new Thread(() -> session(s, b));
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private void session(Socket s, Behaviour behaviour) {
        if (behaviour == Behaviour.SILENT) {
            return;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = s.getOutputStream()) {
            reply(out, "220 test ESMTP");
            String line;
            int mails = 0;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                switch (verb) {
                    case "EHLO" -> reply(out, "250-test\r\n250 8BITMIME");
                    case "MAIL" -> {
                        if (behaviour == Behaviour.DROP_AFTER_FIRST_MAIL && mails == 1) {
                            s.close();
                            return;
                        }
                        reply(out, "250 OK");
                    }
                    case "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder body = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            body.append(line).append('\n');
                        }
                        mails++;
                        if (behaviour == Behaviour.NO_REPLY_AFTER_DATA) {
                            continue;
                        }
                        bodies.add(body.toString());
                        accepted.incrementAndGet();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static SmtpClient client(int port, Duration greeting, Duration command) {
        return new SmtpClient(new TestConfig(port, greeting, command), Clock.systemUTC());
    }

    private record TestConfig(int port, Duration greetingTimeout, Duration commandTimeout) implements SmtpConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public Tls tls() {
            return Tls.NONE;
        }

        @Override
        public Optional<String> username() {
            return Optional.empty();
        }

        @Override
        public Optional<String> password() {
            return Optional.empty();
        }

        @Override
        public String from() {
            return "sertel@kapuaskab.go.id";
        }

        @Override
        public String heloName() {
            return "test.client";
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public int greetingRetries() {
            return 2;
        }

        @Override
        public int poolSize() {
            return 4;
        }

        @Override
        public Duration idleTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public int messagesPerConnection() {
            return 100;
        }
    }
}
