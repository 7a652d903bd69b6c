package id.go.kapuaskab.sertel.bench;

import id.go.kapuaskab.sertel.localstack.LocalDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each service's database did, from PostgreSQL's own counters ({@code pg_stat_database}): transactions committed
 * (read-only ones and autocommitted single statements included) and rows written (inserted, updated, deleted). Two
 * snapshots give a window's work per database, which with a count of completed units says roughly how many
 * transactions and row writes one unit (a renewal) costs. Approximate: each connection reports its counters at most
 * once a second (an idle one later), so work near a window's edges may fall into the next, and background work
 * (pollers, autovacuum) counts too; over windows of tens of seconds that is a few percent.
 */
public final class DbActivity {

    /** Committed transactions and rows written so far, of one database. */
    public record Counters(long commits, long rowsWritten) {
        Counters minus(Counters before) {
            return new Counters(commits - before.commits, rowsWritten - before.rowsWritten);
        }
    }

    private DbActivity() {
    }

    /** The counters of every service database ({@code sertel_*}), by database name without the prefix. */
    public static Map<String, Counters> snapshot(LocalDatabase database) {
        Map<String, Counters> out = new LinkedHashMap<>();
        try (Connection c = database.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT datname, xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database
                     WHERE datname LIKE 'sertel\\_%' ORDER BY datname""")) {
            while (rs.next()) {
                out.put(rs.getString(1).substring("sertel_".length()), new Counters(rs.getLong(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_database", e);
        }
        return out;
    }

    /** Per database, the work between two snapshots. */
    public static Map<String, Counters> between(Map<String, Counters> before, Map<String, Counters> after) {
        Map<String, Counters> out = new LinkedHashMap<>();
        after.forEach((db, counters) -> out.put(db, counters.minus(before.getOrDefault(db, new Counters(0, 0)))));
        return out;
    }

    /** "renewal 40.1 commits, 72 rows written; …" per {@code units}, databases that did nothing left out. */
    public static String perUnit(Map<String, Counters> work, long units) {
        long n = Math.max(1, units);
        return work.entrySet().stream().filter(e -> e.getValue().commits() > 0)
                .map(e -> String.format(Locale.ROOT, "%s %.1f commits, %.0f rows written", e.getKey(),
                        e.getValue().commits() / (double) n, e.getValue().rowsWritten() / (double) n))
                .collect(Collectors.joining("; "));
    }
}
