package id.go.kapuaskab.sertel.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * notification-service's daily question on a big inventory: certificate-service holds 1,000,000 certificates (expiry
 * spread over two years, a tenth superseded, some revoked); the due set of one day is the ACTIVE certificates whose
 * expiry falls in the windows of the five thresholds (30, 14, 7, 1 and 0 days ahead). Ours: the internal expiring
 * endpoint walked page by page (1,000 per page) as notification-service walks it. The bound: the same predicate
 * answered by a sequential scan of the table (indexes switched off for that session).
 */
public final class ExpiryView implements Scenario {

    private static final int[] THRESHOLDS = {30, 14, 7, 1, 0};
    private static final String DB = "sertel_certificate";

    @Override
    public String key() {
        return "expiry";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        int rows = ctx.quick() ? 100_000 : 1_000_000;
        String jdbc = ctx.stack().database().jdbcUrl(DB);
        String password = ctx.secrets().get("db." + DB);
        try (Connection c = DriverManager.getConnection(jdbc, DB, password)) {
            fill(c, rows);
        }
        Instant day = Instant.now();
        String token = ctx.serviceToken("notification-service");
        long due = walk(ctx, token, day);
        for (int i = 0; i < 5; i++) {
            walk(ctx, token, day);
        }
        List<Double> ours = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        for (int run = 0; run < Math.max(ctx.runs(), 5); run++) {
            long t = System.nanoTime();
            walk(ctx, token, day);
            ours.add((System.nanoTime() - t) / 1e6);
            try (Connection c = DriverManager.getConnection(jdbc, DB, password)) {
                t = System.nanoTime();
                long n = sequentialScan(c, day);
                scan.add((System.nanoTime() - t) / 1e6);
                if (n != due) {
                    throw new IllegalStateException("the scan found " + n + " due certificates, the endpoint " + due);
                }
            }
        }
        Figure oursFigure = Figure.of(ours, "ms");
        Figure scanFigure = Figure.of(scan, "ms");
        BenchContext.log("expiry view: " + due + " due of " + rows + "; ours " + oursFigure.render() + ", sequential scan " + scanFigure.render());
        return List.of(new Row("Expiry view on " + String.format("%,d", rows) + " certificates", "one day's due set (" + due
                + " certificates in 5 windows), paged by 1,000", oursFigure, "PostgreSQL sequential scan of the same table",
                scanFigure, false, "≤ 200 ms for the due set", oursFigure.median() <= 200,
                "ours is the HTTP endpoint (token check, JSON, keyset pages); the scan is SQL alone, without HTTP or JSON"));
    }

    private static long walk(BenchContext ctx, String token, Instant day) throws Exception {
        long total = 0;
        for (int threshold : THRESHOLDS) {
            Instant from = day.plus(Duration.ofDays(threshold));
            Instant to = from.plus(Duration.ofDays(1));
            String after = null;
            do {
                String uri = "http://127.0.0.1:" + ctx.ports().certificate() + "/internal/certificates/expiring?from=" + from + "&to=" + to
                        + "&limit=1000" + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
                HttpResponse<String> r = ctx.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).GET().build());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("expiring view → " + r.statusCode() + ": " + r.body());
                }
                JsonNode page = ctx.json().readTree(r.body());
                total += page.path("items").size();
                after = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asText();
            } while (after != null);
        }
        return total;
    }

    private static long sequentialScan(Connection c, Instant day) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_indexscan = off");
            s.execute("SET enable_bitmapscan = off");
            s.execute("SET enable_indexonlyscan = off");
        }
        long total = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT serial, holder_id, institution_id, not_after, status FROM certificate "
                + "WHERE status = 'ACTIVE' AND not_after >= ? AND not_after < ? ORDER BY not_after, serial")) {
            for (int threshold : THRESHOLDS) {
                Instant from = day.plus(Duration.ofDays(threshold));
                p.setTimestamp(1, Timestamp.from(from));
                p.setTimestamp(2, Timestamp.from(from.plus(Duration.ofDays(1))));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    /** A million rows shaped like real ones, in one statement; the indexes are maintained as in production. */
    private static void fill(Connection c, int rows) throws Exception {
        BenchContext.log("expiry view: inserting " + rows + " certificates");
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            String ca;
            try (ResultSet rs = s.executeQuery("SELECT name FROM ca_authority WHERE role = 'ISSUING' LIMIT 1")) {
                rs.next();
                ca = rs.getString(1);
            }
            s.execute("""
                    INSERT INTO certificate (serial, ca_name, request_id, holder_id, institution_id, profile, subject_dn, common_name,
                                             email, key_type, key_fingerprint, key_generated, not_before, not_after, status, revoked_at,
                                             der, created_at)
                    SELECT 'be' || lpad(to_hex(g), 14, '0'), '%s', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                           'document-signing', 'CN=Bench Holder ' || g || ',O=Dinas Kominfo Kabupaten Kapuas,C=ID', 'Bench Holder ' || g,
                           'bench' || g || '@kapuaskab.go.id', 'EC_P256', md5('a' || g) || md5('b' || g), false,
                           now() - interval '1 minute' * ((g::bigint * 7919) %% 525600), now() + interval '1 minute' * ((g::bigint * 104729) %% 1051200),
                           CASE WHEN g %% 10 = 0 THEN 'SUPERSEDED' WHEN g %% 23 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END,
                           -- a revoked certificate has its revocation time, as every revocation writes it (the CRL lists it)
                           CASE WHEN g %% 10 <> 0 AND g %% 23 = 0 THEN now() - interval '1 hour' END,
                           '\\x30'::bytea, now()
                      FROM generate_series(1, %d) g""".formatted(ca, rows));
            s.execute("ANALYZE certificate");
        }
        BenchContext.log("expiry view: inserted in " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }
}
