package id.go.kapuaskab.sertel.notification.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a message in Internet Message Format with MIME: UTF-8 text (and HTML, as multipart/alternative) in base64,
 * non-ASCII subjects as RFC 2047 encoded words, CRLF line ends. Header values never carry a line break, so no
 * value can add a header of its own.
 */
final class MimeWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneId.of("Asia/Jakarta"));
    private static final Base64.Encoder BODY = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private MimeWriter() {
    }

    static byte[] write(String from, OutgoingMail mail, Instant now) {
        StringBuilder m = new StringBuilder(4096);
        header(m, "From", from);
        header(m, "To", mail.to());
        m.append("Subject: ").append(encodedWords(mail.subject() == null ? "" : mail.subject())).append("\r\n");
        header(m, "Date", DATE.format(now));
        for (Map.Entry<String, String> h : mail.headers().entrySet()) {
            header(m, h.getKey(), h.getValue());
        }
        header(m, "MIME-Version", "1.0");
        if (mail.html() == null) {
            part(m, "text/plain", mail.text());
        } else {
            String boundary = "=_sertel_" + UUID.randomUUID().toString().replace("-", "");
            header(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            m.append("\r\n");
            m.append("--").append(boundary).append("\r\n");
            part(m, "text/plain", mail.text());
            m.append("--").append(boundary).append("\r\n");
            part(m, "text/html", mail.html());
            m.append("--").append(boundary).append("--\r\n");
            return m.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void part(StringBuilder m, String type, String content) {
        header(m, "Content-Type", type + "; charset=UTF-8");
        header(m, "Content-Transfer-Encoding", "base64");
        m.append("\r\n");
        byte[] bytes = (content == null ? "" : content).getBytes(StandardCharsets.UTF_8);
        m.append(BODY.encodeToString(bytes)).append("\r\n");
    }

    private static void header(StringBuilder m, String name, String value) {
        m.append(name).append(": ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
    }

    /**
     * The subject as is when it is printable ASCII (line breaks flattened), else as UTF-8 encoded words of at most 75
     * characters each, folded onto continuation lines so no line grows past the limit of RFC 5322.
     */
    static String encodedWords(String text) {
        String flat = text.replaceAll("[\\r\\n]+", " ");
        if (flat.chars().allMatch(c -> c >= 32 && c < 127)) {
            return flat;
        }
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int i = 0;
        while (i < flat.length()) {
            int cp = flat.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if (((chunk.toString() + next).getBytes(StandardCharsets.UTF_8).length) > 45) {
                append(out, chunk);
                chunk.setLength(0);
            }
            chunk.append(next);
            i += Character.charCount(cp);
        }
        append(out, chunk);
        return out.toString();
    }

    private static void append(StringBuilder out, CharSequence chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\r\n ");
        }
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8))).append("?=");
    }
}
