package id.go.kapuaskab.sertel.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict SMTP server in the test JVM, for what GreenMail never does: it refuses recipients. {@code RCPT TO} an
 * address whose local part starts with {@code unknown} gets {@code 550 5.1.1}; the first {@code RCPT TO} of an address
 * starting with {@code closing} gets {@code 421} and the connection is closed (a server shutting a session down);
 * everything else is accepted and counted. After {@link #withholdGreetings(int)}, that many new connections are
 * accepted and then left silent: no greeting ever comes. Speaks just enough SMTP (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT) for a client.
 */
public final class RefusingSmtpServer {

    public static final AtomicInteger ACCEPTED = new AtomicInteger();
    public static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final AtomicInteger SILENT = new AtomicInteger();
    private static final java.util.List<Socket> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.Set<String> CLOSED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static ServerSocket socket;

    private RefusingSmtpServer() {
    }

    public static synchronized int port() {
        if (socket == null) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(RefusingSmtpServer::acceptLoop, "refusing-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }
        return socket.getLocalPort();
    }

    /** The next {@code connections} connections get no greeting at all (they are held open, silent). */
    public static void withholdGreetings(int connections) {
        SILENT.set(connections);
    }

    private static void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                CONNECTIONS.incrementAndGet();
                if (SILENT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    HELD.add(client);
                    continue;
                }
                Thread t = new Thread(() -> session(client), "refusing-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            reply(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        String rcpt = line.toLowerCase(java.util.Locale.ROOT);
                        if (rcpt.contains("<closing") && CLOSED_ONCE.add(rcpt)) {
                            reply(out, "421 4.3.2 service shutting down, closing channel");
                            return;
                        }
                        reply(out, rcpt.contains("<unknown") ? "550 5.1.1 mailbox unavailable" : "250 2.1.5 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message body is not kept
                        }
                        ACCEPTED.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not implemented");
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
}
