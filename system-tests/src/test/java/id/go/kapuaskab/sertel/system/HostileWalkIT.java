package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.system.walk.HostileCorpus;
import id.go.kapuaskab.sertel.system.walk.ProblemTexts;
import id.go.kapuaskab.sertel.system.walk.WalkDocument;
import id.go.kapuaskab.sertel.system.walk.WalkLedger;
import id.go.kapuaskab.sertel.testsupport.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The hostile walk of issue 14: reads the gateway's public OpenAPI document and sends every write operation in it a
 * corpus of bad requests (see {@link HostileCorpus}) through the gateway, with the token of a role the operation admits
 * (the local stack's demo users). Every answer must be a 4xx problem in the caller's language (Indonesian, or English
 * for every fourth call, which asks for it), never a 5xx, and nothing may be written: the lists the API shows are the
 * same before and after. The document itself must describe only the public API. The transcript of every call that
 * broke a rule goes to {@code target/hostile-walk.txt}.
 */
class HostileWalkIT {

    private static final String TYPE = "https://sertel.kapuaskab.go.id/problems/";
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Operations whose protocol puts errors in its own body format (RFC 6960: malformedRequest inside a 200). */
    private static final String OCSP = "/pki/ocsp";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Outcome(HostileCorpus.Hostile request, String language, RawHttp.Response response, String problem) {
    }

    @Test
    void everyWriteEndpointAnswersHostileInputWithAProblemInTheCallersLanguageAndWritesNothing() throws Exception {
        SystemStack.get();
        String gateway = SystemStack.gateway();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("applicant", login(gateway, "pemohon1@kapuaskab.go.id"));
        tokens.put("verifier", login(gateway, "verifikator1@kapuaskab.go.id"));
        tokens.put("admin", login(gateway, "admin@kapuaskab.go.id"));
        WalkDocument document = new WalkDocument(publicDocument(gateway));
        ProblemTexts texts = new ProblemTexts(SystemStack.project());
        WalkLedger ledger = new WalkLedger(http, gateway, Instant.now());
        Map<String, String> before = ledger.count(tokens);

        long started = System.nanoTime();
        List<HostileCorpus.Hostile> corpus = new ArrayList<>();
        Map<HostileCorpus.Hostile, String> tokenOf = new LinkedHashMap<>();
        HostileCorpus hostile = new HostileCorpus(document);
        List<WalkDocument.Operation> operations = document.writes();
        List<WalkDocument.Operation> nothingToSend = new ArrayList<>();
        for (WalkDocument.Operation op : operations) {
            List<HostileCorpus.Hostile> bad = hostile.of(op);
            if (bad.isEmpty()) {
                nothingToSend.add(op);
                continue;
            }
            String token = roleFor(op, tokens);
            for (HostileCorpus.Hostile h : bad) {
                corpus.add(h);
                tokenOf.put(h, token);
            }
        }
        List<Outcome> outcomes = send(corpus, tokenOf, texts);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> broken = outcomes.stream().filter(o -> o.problem() != null)
                .map(o -> o.request().method().toUpperCase() + " " + shorten(o.request().path()) + " [" + o.request().label() + ", "
                        + o.language() + "] → " + o.response().status() + " " + o.response().contentType() + ": " + o.problem()
                        + " | " + shorten(o.response().body()))
                .toList();
        Files.write(Path.of("target", "hostile-walk.txt"), broken, StandardCharsets.UTF_8);
        Files.write(Path.of("target", "hostile-walk-answers.txt"), answersPerOperation(outcomes, tokenOf, tokens), StandardCharsets.UTF_8);
        long english = outcomes.stream().filter(o -> o.language().equals("en")).count();
        System.out.printf("Hostile walk: %d write operations (%s take neither a body nor a path parameter), corpus of %d requests "
                        + "(%d in English) in %.1f s; %d broke a rule%n", operations.size(), nothingToSend, corpus.size(), english,
                took.toMillis() / 1000.0, broken.size());

        assertThat(operations).as("write operations in the public document").hasSizeGreaterThan(30);
        assertThat(broken).as("answers that are not a 4xx problem in the caller's language (target/hostile-walk.txt)").isEmpty();
        assertThat(ledger.count(tokens)).as("what the API shows after the walk").isEqualTo(before);
    }

    @Test
    void thePublicDocumentDescribesOnlyThePublicApi() throws Exception {
        SystemStack.get();
        String gateway = SystemStack.gateway();
        JsonNode doc = publicDocument(gateway);
        WalkDocument document = new WalkDocument(doc);

        assertThat(doc.has("x-unavailable")).as("every service's document was merged").isFalse();
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).allMatch(p -> p.startsWith("/api/v1/") || p.startsWith("/pki/"));
        assertThat(document.schemaNames()).as("schemas no public path uses").containsExactlyInAnyOrderElementsOf(document.referencedSchemas());
        assertThat(document.schemaNames()).doesNotContain("IssueRequest", "IssueResponse", "EventBody", "MessageBody", "CsrCheck",
                "ExpiringPage", "Expiring");
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(gateway + "/q/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(404);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        String admin = login(gateway, "admin@kapuaskab.go.id");
        for (WalkDocument.Operation op : document.writes()) {
            if (op.takesJson()) {
                HostileCorpus.Hostile probe = new HostileCorpus.Hostile(op.toString(), "{}", op.method(), concrete(op), "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8));
                RawHttp.Response r = RawHttp.send(port(gateway), request(probe, admin, "id"));
                assertThat(r.status()).as(op + " is documented as taking JSON").isNotEqualTo(415);
            }
        }
    }

    private List<Outcome> send(List<HostileCorpus.Hostile> corpus, Map<HostileCorpus.Hostile, String> tokenOf, ProblemTexts texts)
            throws Exception {
        int port = port(SystemStack.gateway());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                HostileCorpus.Hostile h = corpus.get(i);
                String language = i % 4 == 3 ? "en" : "id";
                futures.add(pool.submit(() -> {
                    RawHttp.Response r = RawHttp.send(port, request(h, tokenOf.get(h), language));
                    return new Outcome(h, language, r, judge(h, language, r, texts));
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per operation: the role used and how often each answer came, to see that the walk reached the bodies. */
    private static List<String> answersPerOperation(List<Outcome> outcomes, Map<HostileCorpus.Hostile, String> tokenOf,
                                                    Map<String, String> tokens) {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            String op = o.request().operation();
            String code = o.response().status() + " " + codeOf(o.response());
            counts.computeIfAbsent(op, k -> new java.util.TreeMap<>()).merge(code, 1, Integer::sum);
            String token = tokenOf.get(o.request());
            roles.putIfAbsent(op, token == null ? "anonymous" : tokens.entrySet().stream()
                    .filter(e -> e.getValue().equals(token)).map(Map.Entry::getKey).findFirst().orElse("?"));
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((op, answers) -> lines.add(op + " (" + roles.get(op) + "): " + answers));
        return lines;
    }

    private static String codeOf(RawHttp.Response r) {
        try {
            return JSON.readTree(r.body()).path("code").asText("-");
        } catch (IOException e) {
            return "-";
        }
    }

    /** Null when the answer is what a hostile request must get; else what is wrong with it. */
    private static String judge(HostileCorpus.Hostile h, String language, RawHttp.Response r, ProblemTexts texts) {
        String type = r.contentType() == null ? "" : r.contentType();
        if (h.path().equals(OCSP) && r.status() == 200 && type.startsWith("application/ocsp-response")) {
            return null;
        }
        if (r.status() < 400 || r.status() >= 500) {
            return "not a 4xx";
        }
        if (!type.startsWith(PROBLEM)) {
            return "not problem+json";
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            return "body is not JSON";
        }
        String code = body.path("code").asText();
        if (!body.path("type").asText().equals(TYPE + code) || body.path("status").asInt() != r.status()) {
            return "type, code or status do not agree";
        }
        if (!language.equals(r.header("content-language"))) {
            return "Content-Language " + r.header("content-language");
        }
        String expected = texts.title(code, language);
        if (expected == null || !expected.equals(body.path("title").asText())) {
            return "title not in " + language + " (expected " + expected + ")";
        }
        return null;
    }

    private static byte[] request(HostileCorpus.Hostile h, String token, String language) {
        StringBuilder head = new StringBuilder();
        head.append(h.method().toUpperCase()).append(' ').append(h.path()).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\nAccept: ")
                .append(h.path().startsWith(OCSP) ? "application/ocsp-response" : "application/json").append("\r\n");
        if (language.equals("en")) {
            head.append("Accept-Language: en\r\n");
        }
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (h.contentType() != null) {
            head.append("Content-Type: ").append(h.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(h.body().length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(h.body());
        return out.toByteArray();
    }

    /**
     * The token of a role the operation admits, so the body is what gets judged, not the caller: the first of
     * applicant, verifier and admin that an empty JSON object does not get a 401 or 403 for; none for public paths.
     */
    private String roleFor(WalkDocument.Operation op, Map<String, String> tokens) {
        int port = port(SystemStack.gateway());
        HostileCorpus.Hostile probe = new HostileCorpus.Hostile(op.toString(), "role probe", op.method(), concrete(op),
                op.takesForm() ? "application/x-www-form-urlencoded" : "application/json",
                (op.takesForm() ? "" : "{}").getBytes(StandardCharsets.UTF_8));
        RawHttp.Response anonymous = RawHttp.send(port, request(probe, null, "id"));
        if (anonymous.status() != 401 && anonymous.status() != 403) {
            return null;
        }
        for (String role : List.of("applicant", "verifier", "admin")) {
            RawHttp.Response r = RawHttp.send(port, request(probe, tokens.get(role), "id"));
            if (r.status() != 401 && r.status() != 403) {
                return tokens.get(role);
            }
        }
        return tokens.get("admin");
    }

    private static String concrete(WalkDocument.Operation op) {
        String path = op.path();
        for (String parameter : op.pathParameters()) {
            path = path.replace("{" + parameter + "}", parameter.equals("serial") ? "00ff00ff00ff00ff" : java.util.UUID.randomUUID().toString());
        }
        return path;
    }

    private JsonNode publicDocument(String gateway) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String login(String gateway, String user) throws IOException, InterruptedException {
        if (user.startsWith("admin@")) {      // admins log in with their second factor: the one the system tests share
            return id.go.kapuaskab.sertel.journey.AdminLogin.accessToken(URI.create(gateway), user, "sertel-demo",
                    java.nio.file.Path.of("target", "sop-journey"));
        }
        String form = "grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=sertel-demo";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("login of " + user + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static int port(String gateway) {
        return URI.create(gateway).getPort();
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
