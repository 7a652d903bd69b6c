package id.go.kapuaskab.sertel.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The local SMTP server (GreenMail) that catches every mail the services send, and a small inbox on HTTP:
 * {@code /} an HTML page, {@code /messages} JSON (newest first), {@code /messages.txt} plain text for
 * {@code ./sertel mail}. Each takes {@code ?to=address} for one mailbox only: a caller waiting for its own mail then
 * reads only that, however many mails the stack has caught (after a benchmark, tens of thousands). Messages live in
 * memory; nothing leaves the machine.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer inbox;
    private final ObjectMapper json = new ObjectMapper();

    private MailCatcher(GreenMail smtp, HttpServer inbox) {
        this.smtp = smtp;
        this.inbox = inbox;
    }

    public static MailCatcher start(int smtpPort, int inboxPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", inboxPort), 0);
            inbox.setExecutor(Executors.newFixedThreadPool(2));
            MailCatcher catcher = new MailCatcher(smtp, inbox);
            inbox.createContext("/messages.txt", ex -> catcher.serve(ex, "text/plain; charset=utf-8", catcher::asText));
            inbox.createContext("/messages", ex -> catcher.serve(ex, "application/json", to -> catcher.json.writeValueAsString(catcher.messages(to))));
            inbox.createContext("/", ex -> catcher.serve(ex, "text/html; charset=utf-8", catcher::asHtml));
            inbox.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Cannot open the inbox page on port " + inboxPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int inboxPort() {
        return inbox.getAddress().getPort();
    }

    /** Every message received so far, newest first, as plain maps (from, to, subject, date, messageId, text, html). */
    public List<Map<String, Object>> messages() {
        return messages(null);
    }

    /**
     * The messages received so far to {@code to} (any message when null), newest first. An address matches a
     * recipient equal to it, or one that ends in {@code <address>} (a recipient with a display name); case is ignored.
     * Only the matching messages are decoded.
     */
    public List<Map<String, Object>> messages(String to) {
        List<MimeMessage> received = new ArrayList<>(Arrays.asList(smtp.getReceivedMessages()));
        Collections.reverse(received);
        received.sort(NEWEST_FIRST);
        List<Map<String, Object>> out = new ArrayList<>();
        for (MimeMessage m : received) {
            if (to == null || isTo(m, to)) {
                out.add(describe(m));
            }
        }
        return out;
    }

    /**
     * GreenMail lists its messages mailbox by mailbox, not in the order they arrived: sorted by the time each was
     * stored (a stable sort, so messages of the same millisecond keep their reversed order).
     */
    private static final Comparator<MimeMessage> NEWEST_FIRST = Comparator.comparingLong(MailCatcher::receivedAt).reversed();

    private static long receivedAt(MimeMessage m) {
        try {
            return m.getReceivedDate() == null ? 0 : m.getReceivedDate().getTime();
        } catch (MessagingException e) {
            return 0;
        }
    }

    private static boolean isTo(MimeMessage m, String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        try {
            Address[] recipients = m.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).map(a -> a.toString().toLowerCase(Locale.ROOT))
                    .anyMatch(a -> a.equals(wanted) || a.endsWith("<" + wanted + ">"));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** A page of the inbox for the request's {@code ?to=} (400 when it cannot be decoded, e.g. a stray {@code %}). */
    private void serve(HttpExchange exchange, String type, Page page) throws IOException {
        String to;
        try {
            to = to(exchange);
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "text/plain; charset=utf-8", "?to= must be a URL-encoded e-mail address\n");
            return;
        }
        respond(exchange, 200, type, page.body(to));
    }

    /** One rendering of the inbox, for one mailbox or (null) all of them. */
    @FunctionalInterface
    private interface Page {
        String body(String to) throws IOException;
    }

    /** The {@code to} parameter of the request's query, decoded; null without one (or when it is blank). */
    private static String to(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("to=")) {
                String value = URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static Map<String, Object> describe(MimeMessage m) {
        Map<String, Object> d = new LinkedHashMap<>();
        try {
            d.put("from", m.getFrom() == null ? null : Arrays.stream(m.getFrom()).map(Object::toString).toList());
            d.put("to", m.getAllRecipients() == null ? List.of() : Arrays.stream(m.getAllRecipients()).map(Object::toString).toList());
            d.put("subject", m.getSubject());
            d.put("date", m.getSentDate() == null ? null : m.getSentDate().toInstant().toString());
            d.put("messageId", m.getMessageID());
            d.put("text", part(m, "text/plain"));
            d.put("html", part(m, "text/html"));
        } catch (MessagingException | IOException e) {
            d.put("error", e.getMessage());
        }
        return d;
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String asText(String to) {
        StringBuilder out = new StringBuilder();
        List<Map<String, Object>> all = messages(to);
        if (all.isEmpty()) {
            return "(no mail yet)\n";
        }
        for (Map<String, Object> m : all) {
            out.append("=== ").append(m.get("date")).append("  to ").append(m.get("to")).append('\n')
                    .append("Subject: ").append(m.get("subject")).append("\n\n")
                    .append(m.get("text") == null ? "(HTML only)" : m.get("text")).append("\n\n");
        }
        return out.toString();
    }

    private String asHtml(String to) {
        StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sertel local inbox</title>"
                + "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}article{border:1px solid #ccc;border-radius:6px;"
                + "padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}</style></head><body><h1>sertel local inbox</h1>"
                + "<p>" + (to == null ? "Every mail the local stack sends lands here." : "The mail to " + escape(to) + ".")
                + " Newest first.</p>");
        for (Map<String, Object> m : messages(to)) {
            out.append("<article><div><b>").append(escape(String.valueOf(m.get("subject")))).append("</b></div><div>to ")
                    .append(escape(String.valueOf(m.get("to")))).append(" &middot; ").append(escape(String.valueOf(m.get("date"))))
                    .append("</div>");
            if (m.get("html") != null) {
                out.append("<iframe sandbox style=\"width:100%;height:24rem;border:0\" srcdoc=\"")
                        .append(escape(String.valueOf(m.get("html")))).append("\"></iframe>");
            } else {
                out.append("<pre>").append(escape(String.valueOf(m.get("text")))).append("</pre>");
            }
            out.append("</article>");
        }
        return out.append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        inbox.stop(0);
        smtp.stop();
    }
}
