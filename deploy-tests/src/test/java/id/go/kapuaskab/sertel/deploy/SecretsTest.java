package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets are referenced, never committed: no Secret object (or generator) in the manifests, every setting whose name
 * says it is secret comes from a Secret, and every Secret a pod needs is one k8s/README.md tells the operator to create
 * (or one CloudNativePG generates).
 */
class SecretsTest {

    /** Names that say "secret": a whole word PASSWORD, SECRET, KEY, PIN, ... between underscores. */
    static final Pattern SECRET_LOOKING = Pattern.compile("(^|_)(PASSWORD|PASSWD|SECRET|KEY|PIN|PASSPHRASE|CREDENTIALS?|PRIVATE)(_|$)");

    /** The keys of the Secrets CloudNativePG generates for a cluster: {@code <cluster>-app} and {@code <cluster>-ca}. */
    static final Set<String> CNPG_APP_KEYS = Set.of("username", "user", "password", "host", "port", "dbname", "uri", "jdbc-uri",
            "fqdn-uri", "fqdn-jdbc-uri", "pgpass");
    static final Set<String> CNPG_CA_KEYS = Set.of("ca.crt");

    static Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsRendered(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);

        assertThat(r.of(Secret.class)).as("%s renders Secrets (create them out of band: k8s/README.md)", overlay)
                .extracting(s -> s.getMetadata().getName()).isEmpty();
        for (ConfigMap cm : r.of(ConfigMap.class)) {
            Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
            assertThat(data.keySet()).as("%s ConfigMap %s has keys that look secret", overlay, cm.getMetadata().getName())
                    .noneMatch(k -> SECRET_LOOKING.matcher(k.toUpperCase()).find());
            assertThat(data.values()).as("%s ConfigMap %s holds key material", overlay, cm.getMetadata().getName())
                    .noneMatch(v -> v.contains("PRIVATE KEY") || v.contains("BEGIN CERTIFICATE"));
            assertThat(cm.getBinaryData()).as("%s ConfigMap %s binaryData", overlay, cm.getMetadata().getName()).isNullOrEmpty();
        }
    }

    @Test
    void noSecretIsCommittedUnderK8s() throws Exception {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Manifests.k8s())) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md") && !f.toString().endsWith(".sh")).toList()) {
                String text = Files.readString(f);
                if (Pattern.compile("(?m)^\\s*kind:\\s*Secret\\s*$").matcher(text).find()
                        || Pattern.compile("(?m)^\\s*secretGenerator:").matcher(text).find()
                        || text.contains("PRIVATE KEY-----")) {
                    offenders.add(Manifests.k8s().relativize(f).toString());
                }
            }
        }
        assertThat(offenders).as("files under k8s/ that define a Secret or hold key material").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void settingsThatLookSecretComeFromSecrets(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            Workloads.containers(d.getSpec().getTemplate().getSpec()).forEach(c -> Workloads.environment(r, c).values().stream()
                    .filter(e -> SECRET_LOOKING.matcher(e.name()).find())
                    .filter(e -> !e.fromSecret())
                    .forEach(e -> problems.add(d.getMetadata().getName() + "/" + c.getName() + ": " + e.name()
                            + (e.configMap() != null ? " comes from ConfigMap " + e.configMap() : " is a literal value"))));
        }
        assertThat(problems).as("%s: secret-looking settings not from a Secret", overlay).isEmpty();
    }

    @Test
    void theSecretLookingRuleCatchesWhatItShould() {
        assertThat(Stream.of("DB_PASSWORD", "CLIENT_SECRET", "AUTH_SIGNING_KEY", "CA_HSM_PIN", "SMTP_PASSWORD", "ACCESS_KEY_ID"))
                .allMatch(n -> SECRET_LOOKING.matcher(n).find());
        assertThat(Stream.of("CA_KEYSTORE_PATH", "CA_KEYSTORE_TYPE", "AUTH_TOKEN_URL", "DB_USER", "PUBLIC_BASE_URL"))
                .noneMatch(n -> SECRET_LOOKING.matcher(n).find());
    }

    @Test
    void everySecretReferencedIsDocumentedAndEveryDocumentedSecretIsUsed() throws Exception {
        Map<String, Set<String>> documented = documentedSecrets();
        Map<String, Set<String>> used = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String overlay : overlays().toList()) {
            Manifests.Rendered r = Manifests.render(overlay);
            Set<String> clusters = new LinkedHashSet<>();
            r.postgresClusters().forEach(c -> clusters.add(c.getMetadata().getName()));
            for (Map.Entry<String, Set<String>> ref : referencedSecrets(r).entrySet()) {
                String name = ref.getKey();
                Set<String> keys = ref.getValue();
                String cluster = name.replaceFirst("-(app|ca)$", "");
                if (!name.equals(cluster) && clusters.contains(cluster)) {
                    Set<String> allowed = name.endsWith("-app") ? CNPG_APP_KEYS : CNPG_CA_KEYS;
                    keys.stream().filter(k -> !allowed.contains(k)).forEach(k -> problems.add(overlay + ": " + name + " has no key " + k + " (generated by CloudNativePG)"));
                } else if (!documented.containsKey(name)) {
                    problems.add(overlay + ": Secret " + name + " is used but not in k8s/README.md's secrets table");
                } else {
                    keys.stream().filter(k -> !documented.get(name).contains(k))
                            .forEach(k -> problems.add(overlay + ": key " + k + " of Secret " + name + " is used but not documented"));
                    used.computeIfAbsent(name, n -> new TreeSet<>()).addAll(keys);
                }
            }
        }
        documented.forEach((name, keys) -> {
            if (!used.containsKey(name)) {
                problems.add("k8s/README.md documents Secret " + name + ", which no overlay uses");
            } else {
                keys.stream().filter(k -> !used.get(name).contains(k))
                        .forEach(k -> problems.add("k8s/README.md documents key " + k + " of " + name + ", which no overlay uses"));
            }
        });
        assertThat(problems).isEmpty();
    }

    /** The "Secrets" table of k8s/README.md: secret name (first code span) to its keys (code spans of the keys cell). */
    static Map<String, Set<String>> documentedSecrets() throws Exception {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Map<String, String> row : MarkdownTables.tableAfter(Files.readString(Manifests.k8s().resolve("README.md")), "## Secrets")) {
            List<String> name = MarkdownTables.codeSpans(row.get("secret"));
            if (name.size() != 1) {
                throw new IllegalArgumentException("k8s/README.md secrets table: one `name` per row: " + row);
            }
            secrets.put(name.get(0), new LinkedHashSet<>(MarkdownTables.codeSpans(row.get("keys"))));
        }
        return secrets;
    }

    /** Every Secret the rendered objects need, with the keys they read (all of them for envFrom). */
    static Map<String, Set<String>> referencedSecrets(Manifests.Rendered r) {
        Map<String, Set<String>> refs = new TreeMap<>();
        for (Deployment d : r.deployments()) {
            var pod = d.getSpec().getTemplate().getSpec();
            Workloads.containers(pod).forEach(c -> Workloads.environment(r, c).values().stream().filter(Workloads.Env::fromSecret)
                    .forEach(e -> refs.computeIfAbsent(e.secretName(), n -> new TreeSet<>()).add(e.secretKey() == null ? "*" : e.secretKey())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> {
                Set<String> keys = refs.computeIfAbsent(v.getSecret().getSecretName(), n -> new TreeSet<>());
                if (v.getSecret().getItems() == null || v.getSecret().getItems().isEmpty()) {
                    keys.add("*");
                } else {
                    v.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                }
            });
        }
        r.ingresses().forEach(i -> i.getSpec().getTls().forEach(t -> refs.computeIfAbsent(t.getSecretName(), n -> new TreeSet<>())
                .addAll(List.of("tls.crt", "tls.key"))));
        for (GenericKubernetesResource store : r.custom("ObjectStore")) {
            Map<?, ?> creds = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) store.getAdditionalProperties().get("spec")).get("configuration")).get("s3Credentials");
            if (creds != null) {
                creds.values().forEach(ref -> {
                    Map<?, ?> m = (Map<?, ?>) ref;
                    refs.computeIfAbsent((String) m.get("name"), n -> new TreeSet<>()).add((String) m.get("key"));
                });
            }
        }
        // "*" (a whole Secret) must be documented as `*`; wildcard use is avoided in these manifests.
        return refs;
    }
}
