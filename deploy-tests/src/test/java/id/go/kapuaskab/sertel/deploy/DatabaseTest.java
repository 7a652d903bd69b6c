package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each database-backed service has its own CloudNativePG cluster with the database docs/ARCHITECTURE.md names, reads
 * its credentials from the operator's Secret of that cluster and verifies the server; production backs them all up.
 */
class DatabaseTest {

    static Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    /** The cluster whose owner Secret ({@code <cluster>-app}) gives the service its DB_PASSWORD. */
    static Optional<String> ownCluster(Manifests.Rendered r, Deployment d) {
        Workloads.Env password = Workloads.environment(r, Workloads.main(d)).get("DB_PASSWORD");
        if (password == null || password.secretName() == null || !password.secretName().endsWith("-app")) {
            return Optional.empty();
        }
        return Optional.of(password.secretName().substring(0, password.secretName().length() - "-app".length()));
    }

    /** docs/ARCHITECTURE.md "Ports and databases": service to its database ("—" for none). */
    static Map<String, String> databasesFromArchitecture() throws Exception {
        Map<String, String> dbs = new LinkedHashMap<>();
        for (Map<String, String> row : MarkdownTables.tableAfter(Files.readString(Manifests.project().resolve("docs/ARCHITECTURE.md")),
                "## Ports and databases")) {
            String service = row.get("service").strip();
            if (WhoMayCallWhom.SERVICES.contains(service)) {
                String db = row.get("database").replace("`", "").strip();
                dbs.put(service, db.matches("[a-z_]+") ? db : null);
            }
        }
        return dbs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDatabaseServiceHasItsOwnClusterDatabaseAndOwner(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Map<String, String> expected = databasesFromArchitecture();
        Map<String, GenericKubernetesResource> clusters = r.postgresClusters().stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        List<String> problems = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            String db = expected.get(name);
            Optional<String> cluster = ownCluster(r, d);
            if (db == null) {
                cluster.ifPresent(c -> problems.add(name + " has no database in docs/ARCHITECTURE.md but uses cluster " + c));
                continue;
            }
            if (cluster.isEmpty() || !clusters.containsKey(cluster.get())) {
                problems.add(name + ": DB_PASSWORD must come from <cluster>-app of a rendered Cluster, is " + cluster);
                continue;
            }
            String previous = used.put(cluster.get(), name);
            if (previous != null) {
                problems.add(cluster.get() + " is shared by " + previous + " and " + name);
            }
            Map<String, Object> initdb = map(map(spec(clusters.get(cluster.get())).get("bootstrap")).get("initdb"));
            if (!db.equals(initdb.get("database")) || !db.equals(initdb.get("owner"))) {
                problems.add(cluster.get() + ": database/owner " + initdb.get("database") + "/" + initdb.get("owner") + ", docs/ARCHITECTURE.md says " + db);
            }
            checkConnection(r, d, cluster.get(), problems);
            ServicePorts.applicationProperties(name).ifPresent(p -> {
                if (!p.getProperty("quarkus.datasource.jdbc.url", "").contains("${DB_URL")
                        || !p.getProperty("quarkus.datasource.username", "").contains("${DB_USER")
                        || !p.getProperty("quarkus.datasource.password", "").contains("${DB_PASSWORD")) {
                    problems.add(name + ": application.properties does not read DB_URL/DB_USER/DB_PASSWORD");
                }
            });
        }
        assertThat(problems).as(overlay).isEmpty();
        assertThat(used.keySet()).as("%s: every Cluster belongs to a service", overlay).containsExactlyInAnyOrderElementsOf(clusters.keySet());
        clusters.values().forEach(c -> assertThat(spec(c).get("enableSuperuserAccess")).as("%s %s superuser", overlay, c.getMetadata().getName())
                .isEqualTo(false));
    }

    private static void checkConnection(Manifests.Rendered r, Deployment d, String cluster, List<String> problems) {
        String name = d.getMetadata().getName();
        Container c = Workloads.main(d);
        Map<String, Workloads.Env> env = Workloads.environment(r, c);
        Map<String, String> fromAppSecret = Map.of("DB_USER", "username", "DB_PASSWORD", "password");
        fromAppSecret.forEach((var, key) -> {
            Workloads.Env e = env.get(var);
            if (e == null || !(cluster + "-app").equals(e.secretName()) || !key.equals(e.secretKey())) {
                problems.add(name + ": " + var + " must be key " + key + " of " + cluster + "-app");
            }
        });
        Workloads.Env url = env.get("DB_URL");
        if (url == null || url.value() == null) {
            problems.add(name + ": DB_URL missing");
            return;
        }
        List<String> order = Workloads.declaredOrder(c);
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$\\(([A-Z_]+)\\)").matcher(url.value());
        while (refs.find()) {
            String ref = refs.group(1);
            Workloads.Env e = env.get(ref);
            if (e == null || !(cluster + "-app").equals(e.secretName()) || order.indexOf(ref) < 0 || order.indexOf(ref) > order.indexOf("DB_URL")) {
                problems.add(name + ": DB_URL refers to $(" + ref + "), which must be declared before it, from " + cluster + "-app");
            }
        }
        if (!url.value().startsWith("jdbc:postgresql://") || url.value().contains("password")) {
            problems.add(name + ": DB_URL must be a jdbc:postgresql URL without the password: " + url.value());
        }
        java.util.regex.Matcher root = java.util.regex.Pattern.compile("sslmode=verify-full&sslrootcert=([^&]+)").matcher(url.value());
        if (!root.find()) {
            problems.add(name + ": DB_URL must verify the server (sslmode=verify-full with sslrootcert)");
            return;
        }
        String caFile = root.group(1);
        boolean mounted = c.getVolumeMounts().stream().anyMatch(m -> caFile.startsWith(m.getMountPath() + "/")
                && d.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(m.getName())).map(Volume::getSecret)
                        .anyMatch(s -> s != null && (cluster + "-ca").equals(s.getSecretName())
                                && s.getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt") && caFile.equals(m.getMountPath() + "/" + i.getPath()))));
        if (!mounted) {
            problems.add(name + ": " + caFile + " must be ca.crt of " + cluster + "-ca, mounted");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void productionKeepsThreeInstancesAndBacksUpEveryDatabase(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        boolean production = overlay.startsWith("production");
        List<GenericKubernetesResource> clusters = r.postgresClusters();
        Set<String> stores = r.custom("ObjectStore").stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource c : clusters) {
            String name = c.getMetadata().getName();
            Map<String, Object> spec = spec(c);
            int instances = ((Number) spec.get("instances")).intValue();
            List<?> plugins = spec.get("plugins") == null ? List.of() : (List<?>) spec.get("plugins");
            Optional<Map<String, Object>> archiver = plugins.stream().map(DatabaseTest::map)
                    .filter(p -> "barman-cloud.cloudnative-pg.io".equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver"))).findFirst();
            long schedules = r.custom("ScheduledBackup").stream().map(DatabaseTest::spec)
                    .filter(s -> name.equals(map(s.get("cluster")).get("name"))).filter(s -> "plugin".equals(s.get("method"))
                            && "barman-cloud.cloudnative-pg.io".equals(map(s.get("pluginConfiguration")).get("name"))).count();
            if (production) {
                if (instances < 3) {
                    problems.add(name + ": " + instances + " instances; production keeps a primary and two standbys");
                }
                if (archiver.isEmpty()) {
                    problems.add(name + ": no WAL archiving through the Barman Cloud plugin");
                } else if (!stores.contains(map(archiver.get().get("parameters")).get("barmanObjectName"))) {
                    problems.add(name + ": archives to an ObjectStore that is not rendered: " + archiver.get().get("parameters"));
                }
                if (schedules != 1) {
                    problems.add(name + ": " + schedules + " ScheduledBackups through the plugin, expected one");
                }
            } else if (overlay.equals("local") && instances != 1) {
                problems.add(name + ": local runs one instance, has " + instances);
            }
        }
        for (GenericKubernetesResource store : r.custom("ObjectStore")) {
            if (spec(store).get("retentionPolicy") == null) {
                problems.add("ObjectStore " + store.getMetadata().getName() + " keeps backups forever: set retentionPolicy");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }
}
