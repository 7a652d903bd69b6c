package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One-line pictures of what was sent and what came back, for the narration: the fields a reader of the SOP cares
 * about (state, status, serial, versions, problem type), ids shortened, PEM and base64 reduced to their size, and
 * secrets (passwords, passphrases, tokens) never shown.
 */
final class Summaries {

    private static final List<String> KEYS = List.of("code", "state", "status", "type", "kind", "serial", "issuedSerial",
            "certificateSerial", "dataVersion", "resultVersion", "subjectChange", "queued", "skipped", "alreadyDecided", "complete",
            "claimedBy", "predecessorSerial", "successorSerial", "revocationReason", "workUnits", "id", "total");
    /** Arrays worth counting in a summary. */
    private static final List<String> COUNTED = List.of("workUnits", "checks", "differences");
    private static final int MAX_FIELDS = 5;

    private Summaries() {
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("passphrase") || k.equals("token") || k.endsWith("_token") || k.equals("pkcs12")
                || k.equals("otp") || k.equals("code") || k.contains("secret") || k.equals("client_assertion") || k.equals("recovery_code") || k.equals("recoverycodes")
                || k.equals("otpauthuri") || k.equals("qrcode");
    }

    static String ofRequest(JsonNode body) {
        if (!body.isObject()) {
            return shorten(body.toString(), 60);
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(e.getKey() + ": " + (isSecret(e.getKey()) ? "***" : value(e.getValue())));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    static String ofResponse(Answer answer) {
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        byte[] body = answer.bytes();
        if (body.length == 0) {
            return "";
        }
        if (type.startsWith("application/problem+json")) {
            JsonNode p = answer.json();
            return p.path("code").asText(p.path("type").asText()) + " — " + p.path("title").asText()
                    + (p.hasNonNull("detail") ? ": " + shorten(p.path("detail").asText(), 100) : "");
        }
        if (type.startsWith("application/json")) {
            return ofJson(answer.json());
        }
        String text = answer.text();
        if (text.startsWith("-----BEGIN ")) {
            long blocks = text.lines().filter(l -> l.startsWith("-----BEGIN ")).count();
            return blocks + " PEM block" + (blocks == 1 ? "" : "s") + " (" + text.lines().findFirst().orElse("") + ", " + body.length + " bytes)";
        }
        return body.length + " bytes " + type;
    }

    private static String ofJson(JsonNode json) {
        if (json.isArray()) {
            return "[" + json.size() + " item" + (json.size() == 1 ? "" : "s") + "]";
        }
        if (json.has("access_token")) {
            return "access_token: <JWT>, refresh_token: ***, expires_in: " + json.path("expires_in").asText();
        }
        if (json.has("items") && json.get("items").isArray()) {
            return "{items: [" + json.get("items").size() + "], total: " + json.path("total").asText("?") + "}";
        }
        JsonNode main = json.has("request") && json.get("request").isObject() ? json.get("request") : json;
        List<String> parts = new ArrayList<>();
        for (String key : KEYS) {
            JsonNode v = main.get(key);
            boolean counted = v != null && v.isArray() && COUNTED.contains(key);
            if (v != null && !v.isNull() && (!v.isContainerNode() || counted) && parts.size() < MAX_FIELDS) {
                parts.add(key + ": " + value(v));
            }
        }
        if (main != json) {
            // A request's detail, or a collected certificate: what the wrapper adds that matters.
            if (json.path("checks").size() > 0) {
                parts.add("checks: [" + json.get("checks").size() + "]");
            }
            if (json.hasNonNull("contact")) {
                parts.add("contact: " + json.path("contact").path("outcome").asText());
            }
            if (json.path("certificate").hasNonNull("pkcs12")) {
                parts.add("certificate: {serial, certificatePem, pkcs12: ***}");
            }
        }
        return parts.isEmpty() ? shorten(masked(json).toString(), 80) : "{" + String.join(", ", parts) + "}";
    }

    /** A copy with the value of every secret-looking member replaced by {@code ***}, at any depth. */
    private static JsonNode masked(JsonNode json) {
        JsonNode copy = json.deepCopy();
        List<JsonNode> todo = new ArrayList<>(List.of(copy));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isObject()) {
                com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) n;
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (isSecret(name) && !o.get(name).isNull()) {
                        o.put(name, "***");
                    } else {
                        todo.add(o.get(name));
                    }
                }
            } else if (n.isArray()) {
                n.forEach(todo::add);
            }
        }
        return copy;
    }

    private static String value(JsonNode v) {
        if (v.isContainerNode()) {
            return v.isArray() ? "[" + v.size() + "]" : "{…}";
        }
        String text = v.asText();
        if (text.startsWith("-----BEGIN ")) {
            return "<" + text.lines().findFirst().orElse("PEM").replace("-----", "").trim() + ", " + text.length() + " chars>";
        }
        if (text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return text.substring(0, 8) + "…";
        }
        return shorten(text, 48);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
