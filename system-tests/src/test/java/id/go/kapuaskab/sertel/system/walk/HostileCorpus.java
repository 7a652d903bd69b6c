package id.go.kapuaskab.sertel.system.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bad requests of the hostile walk, for one write operation: bodies that are not JSON, not the JSON it takes, or the
 * JSON it takes with one member spoiled (a control character, a lone surrogate, a megabyte, the wrong type, an unknown
 * enum value, the member twice), bodies of the wrong media type, and bad path ids. Every one of them is invalid by
 * construction, so every answer must be a 4xx problem. Not here: a malformed {@code %} escape in the path, which the
 * HTTP decoder refuses before any of our code runs (a bare 400; see docs/ARCHITECTURE.md, "The edge"). An operation
 * that reads neither a body nor a path parameter (an admin's "run the reminders now") has nothing to be hostile with.
 */
public final class HostileCorpus {

    /** One hostile request; {@code contentType} null sends none. */
    public record Hostile(String operation, String label, String method, String path, String contentType, byte[] body) {
    }

    private static final String JSON = "application/json";
    private static final int MEGABYTE = 1024 * 1024;

    private final WalkDocument document;
    /** The operation being walked, named in each of its requests. */
    private String current;

    public HostileCorpus(WalkDocument document) {
        this.document = document;
    }

    /** The hostile requests for one operation. */
    public List<Hostile> of(WalkDocument.Operation op) {
        List<Hostile> all = new ArrayList<>();
        current = op.toString();
        if (op.mediaTypes().isEmpty() && op.pathParameters().isEmpty()) {
            return all;
        }
        String path = concretePath(op, null);
        if (op.takesForm()) {
            forms(op, path, all);
        } else {
            generic(op, path, all);
            if (op.bodySchema() != null && document.kind(op.bodySchema()).equals("object")) {
                members(op, path, all);
            }
        }
        badIds(op, all);
        return all;
    }

    private void generic(WalkDocument.Operation op, String path, List<Hostile> all) {
        String m = op.method();
        String field = firstStringMember(op);
        add(all, "empty body", m, path, JSON, new byte[0]);
        add(all, "null", m, path, JSON, "null");
        add(all, "array instead of object", m, path, JSON, "[]");
        add(all, "array of an object", m, path, JSON, "[{}]");
        add(all, "a string", m, path, JSON, "\"walk\"");
        add(all, "a number", m, path, JSON, "42");
        add(all, "a boolean", m, path, JSON, "true");
        add(all, "truncated", m, path, JSON, "{");
        add(all, "missing value", m, path, JSON, "{\"" + field + "\":}");
        add(all, "trailing garbage", m, path, JSON, "{} {}");
        add(all, "NaN literal", m, path, JSON, "{\"" + field + "\":NaN}");
        add(all, "single quotes", m, path, JSON, "{'" + field + "':'x'}");
        add(all, "comment", m, path, JSON, "/* x */ {}");
        add(all, "10,000 nested arrays", m, path, JSON, "[".repeat(10_000) + "]".repeat(10_000));
        add(all, "10,000 nested objects", m, path, JSON, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        add(all, "nesting inside a member", m, path, JSON, "{\"" + field + "\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        add(all, "1 MB string", m, path, JSON, "{\"" + field + "\":\"" + "a".repeat(MEGABYTE) + "\"}");
        add(all, "10,000 members", m, path, JSON, manyMembers(10_000));
        add(all, "invalid UTF-8", m, path, JSON, bytes("{\"" + field + "\":\"", new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, "\"}"));
        add(all, "overlong UTF-8 NUL", m, path, JSON, bytes("{\"" + field + "\":\"", new byte[]{(byte) 0xc0, (byte) 0x80}, "\"}"));
        add(all, "raw control character", m, path, JSON, "{\"" + field + "\":\"a\u0001b\"}");
        add(all, "UTF-16 body", m, path, JSON + "; charset=UTF-16", "{\"" + field + "\":\"x\"}".getBytes(StandardCharsets.UTF_16));
        add(all, "text/plain", m, path, "text/plain", "{}");
        add(all, "XML", m, path, "application/xml", "<walk/>");
        add(all, "form instead of JSON", m, path, "application/x-www-form-urlencoded", field + "=x");
        add(all, "multipart garbage", m, path, "multipart/form-data; boundary=walk", "--walk\r\nnot a part\r\n--walk--");
        add(all, "no content type", m, path, null, "{}");
        add(all, "unparseable content type", m, path, "application/;;json", "{}");
        if (op.bodySchema() != null) {
            ObjectNode skeleton = skeleton(op);
            skeleton.put("__walk_unknown__", 1);
            add(all, "unknown member", m, path, JSON, WalkDocument.write(skeleton));
        }
    }

    private void members(WalkDocument.Operation op, String path, List<Hostile> all) {
        Map<String, JsonNode> properties = document.properties(op.bodySchema());
        properties.forEach((name, schema) -> {
            String kind = document.kind(schema);
            String format = document.resolve(schema) == null ? "" : document.resolve(schema).path("format").asText("");
            switch (kind) {
                case "string" -> {
                    spoil(op, path, all, name, "NUL", "\"a\\u0000b\"");
                    spoil(op, path, all, name, "BEL", "\"a\\u0007\"");
                    spoil(op, path, all, name, "ESC", "\"\\u001b[31mred\"");
                    spoil(op, path, all, name, "lone surrogate", "\"\\ud800x\"");
                    spoil(op, path, all, name, "100 KB", "\"" + "a".repeat(100 * 1024) + "\"");
                    spoil(op, path, all, name, "number for text", "5");
                    spoil(op, path, all, name, "object for text", "{}");
                    if (format.equals("uuid")) {
                        spoil(op, path, all, name, "not a UUID", "\"not-a-uuid\"");
                    } else if (format.equals("date-time")) {
                        spoil(op, path, all, name, "not a time", "\"yesterday\"");
                    }
                }
                case "integer" -> {
                    spoil(op, path, all, name, "fraction", "1.5");
                    spoil(op, path, all, name, "number as text", "\"1\"");
                    spoil(op, path, all, name, "boolean for integer", "true");
                    spoil(op, path, all, name, "huge", "123456789012345678901234567890");
                    spoil(op, path, all, name, "1e400", "1e400");
                }
                case "number" -> {
                    spoil(op, path, all, name, "number as text", "\"1.5\"");
                    spoil(op, path, all, name, "boolean for number", "false");
                }
                case "boolean" -> {
                    spoil(op, path, all, name, "boolean as text", "\"true\"");
                    spoil(op, path, all, name, "number for boolean", "1");
                }
                case "enum" -> {
                    spoil(op, path, all, name, "unknown enum value", "\"NOT_A_VALUE\"");
                    spoil(op, path, all, name, "enum by index", "0");
                    spoil(op, path, all, name, "enum with NUL", "\"A\\u0000\"");
                }
                case "array" -> {
                    spoil(op, path, all, name, "object for array", "{}");
                    spoil(op, path, all, name, "text for array", "\"x\"");
                    spoil(op, path, all, name, "NUL element", "[\"\\u0000\"]");
                    spoil(op, path, all, name, "nested arrays", "[[[[[[]]]]]]");
                }
                case "object" -> {
                    spoil(op, path, all, name, "array for object", "[]");
                    spoil(op, path, all, name, "text for object", "\"x\"");
                    document.properties(schema).forEach((inner, innerSchema) -> {
                        if (document.kind(innerSchema).equals("string")) {
                            ObjectNode nested = (ObjectNode) document.skeleton(schema, 1);
                            String text = WalkDocument.write(nested).replaceFirst("\"" + inner + "\":\"[^\"]*\"", "\"" + inner + "\":\"x\\\\u0000\"");
                            spoil(op, path, all, name, "NUL in " + inner, text);
                        }
                    });
                }
                default -> spoil(op, path, all, name, "NUL", "\"\\u0000\"");
            }
            duplicate(op, path, all, name);
        });
    }

    private void forms(WalkDocument.Operation op, String path, List<Hostile> all) {
        String form = "application/x-www-form-urlencoded";
        String m = op.method();
        add(all, "form: NUL in user name", m, path, form, "grant_type=password&username=admin%00%40kapuaskab.go.id&password=x");
        add(all, "form: NUL in grant type", m, path, form, "grant_type=pass%00word");
        add(all, "form: newline in a field", m, path, form, "grant_type=refresh_token&refresh_token=a%0d%0ab");
        add(all, "form: invalid UTF-8", m, path, form, "grant_type=password&username=%ff%fe&password=x");
        add(all, "form: broken escape", m, path, form, "grant_type=%zz");
        add(all, "form: parameter twice", m, path, form, "grant_type=password&grant_type=client_credentials");
        add(all, "form: 1 MB value", m, path, form, "grant_type=password&username=" + "a".repeat(MEGABYTE) + "&password=x");
        add(all, "form: nothing", m, path, form, "");
        add(all, "form: JSON in a form", m, path, form, "{\"grant_type\":\"password\"}");
        add(all, "JSON instead of a form", m, path, JSON, "{\"grant_type\":\"password\"}");
        add(all, "multipart instead of a form", m, path, "multipart/form-data; boundary=walk", "--walk--");
        add(all, "XML instead of a form", m, path, "application/xml", "<walk/>");
    }

    private void badIds(WalkDocument.Operation op, List<Hostile> all) {
        if (op.pathParameters().isEmpty()) {
            return;
        }
        String body = op.takesForm() ? "" : "{}";
        String type = op.takesForm() ? "application/x-www-form-urlencoded" : JSON;
        for (String[] bad : new String[][]{{"non-UUID id", "not-a-uuid"}, {"overlong id", "a".repeat(5_000)},
                {"id longer than any URI", "a".repeat(20_000)}, {"encoded slash", "a%2Fb"}, {"encoded dot-dot", "%2e%2e"},
                {"encoded traversal", "..%2f..%2finternal%2fapplicants"}, {"NUL id", "%00"}, {"invalid UTF-8 id", "%ff%fe"},
                {"id with a newline", "a%0ab"}, {"empty-looking id", "%20"}}) {
            add(all, bad[0], op.method(), concretePath(op, bad[1]), type, body);
        }
    }

    /** The skeleton with one member's value replaced by raw JSON text. */
    private void spoil(WalkDocument.Operation op, String path, List<Hostile> all, String member, String what, String json) {
        ObjectNode slot = skeleton(op);
        slot.put(member, "__walk_slot__");
        String text = WalkDocument.write(slot).replace("\"__walk_slot__\"", json);
        add(all, member + ": " + what, op.method(), path, JSON, text);
    }

    private void duplicate(WalkDocument.Operation op, String path, List<Hostile> all, String member) {
        ObjectNode skeleton = skeleton(op);
        String value = WalkDocument.write(skeleton.get(member));
        String text = WalkDocument.write(skeleton);
        text = "{\"" + member + "\":" + value + "," + text.substring(1);
        add(all, member + ": given twice", op.method(), path, JSON, text);
    }

    private ObjectNode skeleton(WalkDocument.Operation op) {
        return (ObjectNode) document.skeleton(op.bodySchema(), 0);
    }

    private String firstStringMember(WalkDocument.Operation op) {
        if (op.bodySchema() != null) {
            for (Map.Entry<String, JsonNode> e : document.properties(op.bodySchema()).entrySet()) {
                if (document.kind(e.getValue()).equals("string")) {
                    return e.getKey();
                }
            }
        }
        return "reason";
    }

    /** The path with a random UUID (or a plausible serial) for each parameter, or {@code bad} for the first. */
    static String concretePath(WalkDocument.Operation op, String bad) {
        String path = op.path();
        boolean first = true;
        for (String parameter : op.pathParameters()) {
            String value = bad != null && first ? bad : parameter.equals("serial") ? "00ff00ff00ff00ff" : UUID.randomUUID().toString();
            path = path.replace("{" + parameter + "}", value);
            first = false;
        }
        return path;
    }

    private static String manyMembers(int n) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void add(List<Hostile> all, String label, String method, String path, String type, String body) {
        add(all, label, method, path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private void add(List<Hostile> all, String label, String method, String path, String type, byte[] body) {
        all.add(new Hostile(current, label, method, path, type, body));
    }
}
