package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP call to the gateway as a front end would make it: method, public path, the caller's session (or none),
 * a JSON or form body and the representation wanted. {@link #send()} hands it to the {@link Gateway}, which narrates
 * it; the body kept here in readable form is what the narration shows (secrets masked).
 */
public final class Call {

    private final Gateway gateway;
    private final String method;
    private final String path;
    private Session session;
    private byte[] body;
    private String contentType;
    private String accept = "application/json";
    private String shownBody = "";
    private boolean quiet;

    Call(Gateway gateway, String method, String path) {
        this.gateway = gateway;
        this.method = method;
        this.path = path;
    }

    public Call as(Session caller) {
        this.session = caller;
        return this;
    }

    public Call json(JsonNode json) {
        this.body = Json.write(json).getBytes(StandardCharsets.UTF_8);
        this.contentType = "application/json";
        this.shownBody = Summaries.ofRequest(json);
        return this;
    }

    /** An {@code application/x-www-form-urlencoded} body, as the OAuth token endpoint wants it. */
    public Call form(Map<String, String> fields) {
        this.body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        this.contentType = "application/x-www-form-urlencoded";
        Map<String, String> shown = new LinkedHashMap<>(fields);
        shown.replaceAll((k, v) -> Summaries.isSecret(k) ? "***" : v);
        this.shownBody = shown.toString();
        return this;
    }

    /** One part of a {@code multipart/form-data} body: a text field, or a file with its name and media type. */
    public record Part(String text, byte[] file, String fileName, String mediaType) {
        public static Part text(String value) {
            return new Part(value, null, null, null);
        }

        public static Part file(byte[] content, String fileName, String mediaType) {
            return new Part(null, content, fileName, mediaType);
        }
    }

    /** A {@code multipart/form-data} body (RFC 7578), as a browser sends a file upload; secrets masked in the narration. */
    public Call multipart(Map<String, Part> parts) {
        String boundary = "sertel-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            Part p = e.getValue();
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(e.getKey()).append('"');
            if (p.file() != null) {
                head.append("; filename=\"").append(p.fileName()).append("\"\r\nContent-Type: ").append(p.mediaType());
                shown.put(e.getKey(), "<" + p.fileName() + ", " + p.file().length + " bytes>");
            } else {
                head.append("\r\nContent-Type: text/plain; charset=UTF-8");
                shown.put(e.getKey(), Summaries.isSecret(e.getKey()) ? "***" : p.text());
            }
            out.writeBytes(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.file() != null ? p.file() : p.text().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        this.body = out.toByteArray();
        this.contentType = "multipart/form-data; boundary=" + boundary;
        this.shownBody = shown.toString();
        return this;
    }

    public Call accept(String mediaType) {
        this.accept = mediaType;
        return this;
    }

    /** Not narrated: for polling, where only the answer that ends the wait is worth telling. */
    public Call quiet() {
        this.quiet = true;
        return this;
    }

    public Answer send() {
        return gateway.send(this);
    }

    boolean isQuiet() {
        return quiet;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    Session session() {
        return session;
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String accept() {
        return accept;
    }

    /** What the narration shows of the body: short, with passwords, passphrases and tokens masked. */
    String shownBody() {
        return shownBody;
    }

    /** {@code POST /api/v1/requests (as verifikator A)}: for failure messages. */
    String describe() {
        return method + " " + path + (session == null ? "" : " (as " + session.label() + ")");
    }
}
