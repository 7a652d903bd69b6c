package id.go.kapuaskab.sertel.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver inside the test JVM ({@code POST /v1/traces}, protobuf): the services of the system
 * stack export their spans here, and the tests ask which services one trace crossed. The request is decoded from the
 * protobuf wire format by hand, only the fields read here (OTLP trace.proto: ResourceSpans → Resource attributes
 * {@code service.name}; ScopeSpans → Span trace_id, span_id, parent_span_id, name and string attributes), so the test
 * needs no generated classes.
 */
final class TraceReceiver implements AutoCloseable {

    /** One received span. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private TraceReceiver(HttpServer server) {
        this.server = server;
    }

    static TraceReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            TraceReceiver receiver = new TraceReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "otlp-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The services each trace crossed, by trace id. */
    Map<String, Set<String>> servicesByTrace() {
        return spans.stream().collect(Collectors.groupingBy(ReceivedSpan::traceId, LinkedHashMap::new,
                Collectors.mapping(ReceivedSpan::service, Collectors.toCollection(java.util.TreeSet::new))));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readAllBytes();
            try {
                spans.addAll(decodeRequest(body));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);   // an empty ExportTraceServiceResponse
        }
    }

    static List<ReceivedSpan> decodeRequest(byte[] body) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Field resourceSpans : fields(body)) {
            if (resourceSpans.number == 1) {
                decodeResourceSpans(resourceSpans.bytes, out);
            }
        }
        return out;
    }

    private static void decodeResourceSpans(byte[] message, List<ReceivedSpan> out) {
        String service = "?";
        List<byte[]> scopes = new ArrayList<>();
        for (Field f : fields(message)) {
            if (f.number == 1) {
                service = attributes(f.bytes, 1).getOrDefault("service.name", "?");
            } else if (f.number == 2) {
                scopes.add(f.bytes);
            }
        }
        for (byte[] scope : scopes) {
            for (Field f : fields(scope)) {
                if (f.number == 2) {
                    out.add(decodeSpan(service, f.bytes));
                }
            }
        }
    }

    private static ReceivedSpan decodeSpan(String service, byte[] message) {
        String traceId = null;
        String spanId = null;
        String parent = null;
        String name = null;
        for (Field f : fields(message)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = f.bytes.length == 0 ? null : HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, attributes(message, 9));
    }

    /** The string-valued KeyValue attributes in field {@code number} of a message (Resource: 1, Span: 9). */
    private static Map<String, String> attributes(byte[] message, int number) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field f : fields(message)) {
            if (f.number != number) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : fields(f.bytes)) {
                if (kv.number == 1) {
                    key = new String(kv.bytes, StandardCharsets.UTF_8);
                } else if (kv.number == 2) {
                    for (Field any : fields(kv.bytes)) {
                        if (any.number == 1 && any.bytes != null) {
                            value = new String(any.bytes, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            if (key != null && value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** One field of a protobuf message; {@code bytes} is set for length-delimited fields only. */
    private record Field(int number, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> {
                    varint(in);
                    fields.add(new Field(number, null));
                }
                case 1 -> {
                    skip(in, 8);
                    fields.add(new Field(number, null));
                }
                case 2 -> {
                    int length = Math.toIntExact(varint(in));
                    byte[] bytes = new byte[length];
                    if (in.readNBytes(bytes, 0, length) != length) {
                        throw new IllegalArgumentException("truncated protobuf field " + number);
                    }
                    fields.add(new Field(number, bytes));
                }
                case 5 -> {
                    skip(in, 4);
                    fields.add(new Field(number, null));
                }
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
        }
        return fields;
    }

    private static long varint(ByteArrayInputStream in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalArgumentException("truncated varint");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static void skip(ByteArrayInputStream in, int n) {
        if (in.skip(n) != n) {
            throw new IllegalArgumentException("truncated fixed-width field");
        }
    }
}
