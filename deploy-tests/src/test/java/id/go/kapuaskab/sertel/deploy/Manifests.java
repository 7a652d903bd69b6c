package id.go.kapuaskab.sertel.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The project's manifests as the cluster would receive them: each overlay under {@code k8s/overlays} rendered by
 * {@code kubectl kustomize}, every object parsed strictly. Rendered once per overlay and JVM.
 *
 * <p>Without kubectl the tests that need a rendering are skipped, with the reason in the test report; set
 * {@code SERTEL_REQUIRE_KUBECTL=true} to make that a failure instead (a CI that must check the manifests).
 */
final class Manifests {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static volatile Boolean kubectl;
    private static volatile boolean warned;

    private Manifests() {
    }

    static Path project() {
        return Path.of(System.getProperty("sertel.project.dir", "..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return project().resolve("k8s");
    }

    /** Every overlay directory (one with a kustomization.yaml), by name. */
    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("No overlay under " + k8s().resolve("overlays"));
            }
            return names.stream();
        }
    }

    static Rendered render(String overlay) {
        assumeKubectl();
        return CACHE.computeIfAbsent(overlay, Manifests::renderNow);
    }

    private static void assumeKubectl() {
        if (kubectl == null) {
            kubectl = runs("kubectl", "version", "--client");
        }
        if (!kubectl) {
            String reason = "kubectl is not on the PATH: the Kubernetes manifests under k8s/ were NOT rendered or checked";
            if (Boolean.parseBoolean(System.getenv("SERTEL_REQUIRE_KUBECTL"))) {
                throw new IllegalStateException(reason + " (SERTEL_REQUIRE_KUBECTL=true)");
            }
            if (!warned) {
                warned = true;
                System.err.println("WARNING: " + reason);
            }
            assumeTrue(false, reason);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Rendered renderNow(String overlay) {
        Path dir = k8s().resolve("overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " took longer than 2 minutes");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
                }
                return new Rendered(overlay, parse(Files.readString(out, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot render " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every YAML document of a rendering as a tree; empty documents are left out. */
    static List<JsonNode> documents(String yaml) {
        YAMLMapper yamlMapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yamlMapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Rendered YAML does not parse: " + e.getMessage(), e);
        }
        return docs;
    }

    private static List<Parsed> parse(String yaml) {
        StrictKubernetesParser parser = new StrictKubernetesParser();
        List<Parsed> objects = new ArrayList<>();
        for (JsonNode doc : documents(yaml)) {
            HasMetadata object;
            String error = null;
            try {
                object = parser.parse(doc);
            } catch (IllegalArgumentException e) {
                object = null;
                error = e.getMessage();
            }
            objects.add(new Parsed(doc, object, error));
        }
        return objects;
    }

    /** One rendered document: its tree, and the parsed object or why it did not parse. */
    record Parsed(JsonNode tree, HasMetadata object, String error) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }
    }

    /** One overlay, rendered. */
    record Rendered(String overlay, List<Parsed> all) {

        <T extends HasMetadata> List<T> of(Class<T> type) {
            return all.stream().map(Parsed::object).filter(type::isInstance).map(type::cast).toList();
        }

        List<GenericKubernetesResource> custom(String kind) {
            return all.stream().filter(p -> p.kind().equals(kind)).map(Parsed::object)
                    .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast).toList();
        }

        List<Deployment> deployments() {
            return of(Deployment.class);
        }

        Deployment deployment(String name) {
            return deployments().stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + name));
        }

        List<Service> services() {
            return of(Service.class);
        }

        List<NetworkPolicy> networkPolicies() {
            return of(NetworkPolicy.class);
        }

        List<Ingress> ingresses() {
            return of(Ingress.class);
        }

        List<HorizontalPodAutoscaler> autoscalers() {
            return of(HorizontalPodAutoscaler.class);
        }

        List<PodDisruptionBudget> disruptionBudgets() {
            return of(PodDisruptionBudget.class);
        }

        Optional<ConfigMap> configMap(String name) {
            return of(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst();
        }

        List<GenericKubernetesResource> postgresClusters() {
            return custom("Cluster");
        }

        @Override
        public String toString() {
            return overlay;
        }
    }
}
