package id.go.kapuaskab.sertel.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The root README's "Who may call whom" table as pairs of (caller, callee): the contract the NetworkPolicies must
 * implement exactly. {@code internet} is traffic from outside the cluster (through the ingress controller);
 * {@code monitoring} is Prometheus in its own namespace; {@code every service} is each of the six API services
 * ({@link #API_SERVICES}): the web console serves pages and files only, calls no service and verifies no token, so
 * "every service" does not include it. A service calling itself is not a call between services (it uses its own
 * loopback address) and is left out.
 */
final class WhoMayCallWhom {

    static final String HEADING = "### Who may call whom";
    static final String INTERNET = "internet";
    /** Prometheus, from its own namespace ({@code monitoring}): scrapes every service's metrics. */
    static final String MONITORING = "monitoring";
    /** Callers from outside the namespace: not pods of ours. */
    static final List<String> OUTSIDE = List.of(INTERNET, MONITORING);
    static final List<String> API_SERVICES = List.of("gateway", "applicant-service", "renewal-service", "certificate-service",
            "notification-service", "signing-service");
    /** Every component deployed: the API services and the web console. */
    static final List<String> SERVICES = List.of("gateway", "applicant-service", "renewal-service", "certificate-service",
            "notification-service", "signing-service", "web-console");

    /** One allowed call. */
    record Pair(String caller, String callee) {
        @Override
        public String toString() {
            return caller + " -> " + callee;
        }
    }

    private WhoMayCallWhom() {
    }

    static Set<Pair> parse(String readme) {
        Set<Pair> pairs = new LinkedHashSet<>();
        List<Map<String, String>> rows = MarkdownTables.tableAfter(readme, HEADING);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The '" + HEADING + "' table has no rows");
        }
        for (Map<String, String> row : rows) {
            if (!row.containsKey("caller") || !row.containsKey("callee")) {
                throw new IllegalArgumentException("The '" + HEADING + "' table needs the columns caller and callee, has " + row.keySet());
            }
            for (String caller : names(row.get("caller"))) {
                for (String callee : names(row.get("callee"))) {
                    if (OUTSIDE.contains(callee)) {
                        throw new IllegalArgumentException("Nothing calls " + callee + " in this table: " + row);
                    }
                    if (!caller.equals(callee)) {
                        pairs.add(new Pair(caller, callee));
                    }
                }
            }
        }
        return pairs;
    }

    /** The paths the internet may use, from the "what" cell of the internet -> gateway row, as path prefixes. */
    static List<String> internetPaths(String readme) {
        return MarkdownTables.tableAfter(readme, HEADING).stream()
                .filter(row -> names(row.get("caller")).equals(List.of(INTERNET)))
                .flatMap(row -> MarkdownTables.codeSpans(row.get("what")).stream())
                .map(p -> p.endsWith("/**") ? p.substring(0, p.length() - 3) : p)
                .toList();
    }

    private static List<String> names(String cell) {
        String name = cell.replace("`", "").strip().toLowerCase(Locale.ROOT);
        if (name.equals("every service")) {
            return API_SERVICES;
        }
        if (OUTSIDE.contains(name) || SERVICES.contains(name)) {
            return List.of(name);
        }
        throw new IllegalArgumentException("'" + cell + "' in the '" + HEADING + "' table is neither internet, monitoring, every service nor one of "
                + SERVICES + ": if a component was added, add it to WhoMayCallWhom and to the manifests");
    }
}
