package id.go.kapuaskab.sertel.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients will not send: malformed request lines, over-long headers and
 * paths, bodies in chunks without a length. The answer is read while the request is still being written, as a server
 * may answer (413, say) before the body is complete and then stop reading.
 */
public final class RawHttp {

    /** One answer: status, headers (lower-case names, last value wins) and body, de-chunked. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            return header("content-type");
        }
    }

    private static final int TIMEOUT_MS = 20_000;

    private RawHttp() {
    }

    /** Sends the text (one byte per character) as it is and reads the answer. */
    public static Response send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends the bytes as they are and reads the answer. */
    public static Response send(int port, byte[] request) {
        return exchange(port, request, null);
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF, without the blank line), declares
     * {@code Transfer-Encoding: chunked} and sends {@code bodyBytes} of {@code filler} in 64 KiB chunks, after
     * {@code prefix} (e.g. the start of a JSON object).
     */
    public static Response chunked(int port, String head, String prefix, long bodyBytes, char filler) {
        byte[] start = (head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = String.valueOf(filler).repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
        return exchange(port, start, out -> {
            writeChunk(out, first);
            for (long sent = first.length; sent < bodyBytes; sent += chunk.length) {
                writeChunk(out, chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Response exchange(int port, byte[] head, Body body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAnswer(in));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                if (body != null) {
                    body.write(out);
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before the request was complete: its answer is what counts
            }
            return parse(answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer", e);
        }
    }

    /** Reads until the answer is complete (by its length or last chunk) or the connection ends. */
    private static byte[] readAnswer(InputStream in) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                seen.write(buffer, 0, n);
                if (complete(seen.toByteArray())) {
                    break;
                }
            }
        } catch (IOException e) {
            // reset after the answer: keep what arrived
        }
        return seen.toByteArray();
    }

    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Map<String, String> headers = headers(text.substring(0, end));
        String length = headers.get("content-length");
        if (length != null) {
            return bytes.length >= end + 4 + Integer.parseInt(length.trim());
        }
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            return text.endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no HTTP answer, got " + text.length() + " bytes: " + text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        Map<String, String> headers = headers(head);
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        String body = "chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "")) ? dechunk(rest)
                : new String(rest, StandardCharsets.UTF_8);
        return new Response(status, headers, body);
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String dechunk(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(raw, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }
}
