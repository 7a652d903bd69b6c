package id.go.kapuaskab.sertel.notification.client;

import id.go.kapuaskab.sertel.notification.config.SmtpConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP session on a blocking socket (RFC 5321): greeting, EHLO, STARTTLS, AUTH, then any number of mail
 * transactions. The greeting is read by this code itself, right after the connect, with its own short time limit:
 * a reply can never arrive before anyone listens for it (the failure of the Vert.x mail client this replaces, which
 * attached its reader only after the connection had been handed to it, and so lost greetings that came early).
 */
final class SmtpConnection implements AutoCloseable {

    /** The server accepted the TCP connection but greeted nothing in time. Nothing was sent. */
    static final class GreetingMissed extends IOException {
        GreetingMissed(String message) {
            super(message);
        }
    }

    record Reply(int code, List<String> lines) {
        String text() {
            return code + " " + String.join(" / ", lines);
        }
    }

    private static final int MAX_LINE = 4096;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final Set<String> extensions = new HashSet<>();
    private final long openedAt = System.nanoTime();
    private long lastUsed = openedAt;
    private int transactions;
    private boolean broken;

    private SmtpConnection() {
    }

    /** Connects, reads the greeting within {@code greeting-timeout}, says EHLO, upgrades to TLS and logs in as configured. */
    static SmtpConnection open(SmtpConfig config, SSLSocketFactory tls) throws IOException {
        SmtpConnection c = new SmtpConnection();
        try {
            c.connect(config, tls);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void connect(SmtpConfig config, SSLSocketFactory tls) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
        socket = config.tls() == SmtpConfig.Tls.TLS ? layerTls(tls, plain, config.host()) : plain;
        streams();
        socket.setSoTimeout((int) config.greetingTimeout().toMillis());
        Reply greeting;
        try {
            greeting = read();
        } catch (SocketTimeoutException e) {
            throw new GreetingMissed("no greeting from " + config.host() + ":" + config.port() + " within " + config.greetingTimeout());
        }
        if (greeting.code() != 220) {
            throw new SmtpException(greeting.code(), "greeting: " + greeting.text(), false, null);
        }
        socket.setSoTimeout((int) config.commandTimeout().toMillis());
        hello(config.heloName());
        boolean offered = extensions.contains("STARTTLS");
        if (config.tls() == SmtpConfig.Tls.STARTTLS && !offered) {
            throw new SmtpException(null, "the server does not offer STARTTLS, which sertel.mail.smtp.tls=STARTTLS requires", false, null);
        }
        if (offered && (config.tls() == SmtpConfig.Tls.STARTTLS || config.tls() == SmtpConfig.Tls.OPTIONAL)) {
            expect(command("STARTTLS"), 220, "STARTTLS");
            socket = layerTls(tls, socket, config.host());
            streams();
            extensions.clear();
            hello(config.heloName());
        }
        if (config.username().isPresent()) {
            login(config.username().get(), config.password().orElse(""));
        }
    }

    /** One mail transaction; {@code data} is the whole message with CRLF line ends. */
    void send(String from, String to, byte[] data) {
        boolean written = false;
        try {
            expect(command("MAIL FROM:<" + from + ">"), 250, "MAIL FROM");
            Reply rcpt = command("RCPT TO:<" + to + ">");
            if (rcpt.code() != 250 && rcpt.code() != 251) {
                throw refused(rcpt, "RCPT TO");
            }
            expect(command("DATA"), 354, "DATA");
            writeDotStuffed(data);
            written = true;
            Reply accepted = read();
            if (accepted.code() != 250) {
                throw refused(accepted, "end of data");
            }
            transactions++;
            lastUsed = System.nanoTime();
        } catch (SmtpException e) {
            if (e.code() == null || e.code() == 421) {
                broken = true;
            } else {
                resetQuietly();
            }
            throw e;
        } catch (IOException e) {
            broken = true;
            throw new SmtpException(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), written, e);
        }
    }

    boolean reusable(long idleNanos, int maxTransactions) {
        return !broken && !socket.isClosed() && System.nanoTime() - lastUsed < idleNanos && transactions < maxTransactions;
    }

    int transactions() {
        return transactions;
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            if (!broken && !socket.isClosed()) {
                socket.setSoTimeout(1000);
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                read();
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    private void hello(String name) throws IOException {
        Reply ehlo = command("EHLO " + name);
        if (ehlo.code() != 250) {
            expect(command("HELO " + name), 250, "HELO");
            return;
        }
        for (int i = 1; i < ehlo.lines().size(); i++) {
            String line = ehlo.lines().get(i).toUpperCase(Locale.ROOT);
            extensions.add(line.split(" ")[0]);
            if (line.startsWith("AUTH")) {
                extensions.add(line);
            }
        }
    }

    private void login(String user, String password) throws IOException {
        boolean plain = extensions.stream().anyMatch(e -> e.startsWith("AUTH") && e.contains("PLAIN"));
        if (plain) {
            String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            expect(command("AUTH PLAIN " + token), 235, "AUTH PLAIN");
            return;
        }
        expect(command("AUTH LOGIN"), 334, "AUTH LOGIN");
        expect(command(Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))), 334, "AUTH LOGIN user");
        expect(command(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8))), 235, "AUTH LOGIN password");
    }

    private void resetQuietly() {
        try {
            if (command("RSET").code() != 250) {
                broken = true;
            }
        } catch (IOException e) {
            broken = true;
        }
    }

    private Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    private static void expect(Reply reply, int code, String what) {
        if (reply.code() != code) {
            throw refused(reply, what);
        }
    }

    private static SmtpException refused(Reply reply, String what) {
        return new SmtpException(reply.code(), what + ": " + reply.text(), false, null);
    }

    private void writeDotStuffed(byte[] data) throws IOException {
        boolean lineStart = true;
        for (byte b : data) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One reply, all its lines: {@code 250-first}, {@code 250-second}, {@code 250 last}. */
    private Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0))) {
                throw new IOException("not an SMTP reply: " + line);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("reply line too long");
            }
            line.write(b);
        }
    }

    private void streams() throws IOException {
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    private static Socket layerTls(SSLSocketFactory factory, Socket plain, String host) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, plain.getPort(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }
}
